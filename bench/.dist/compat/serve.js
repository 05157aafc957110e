import cluster from "node:cluster";
import { createServer } from "node:http";
function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}
function closeServer(server, timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
function onTermination(handler) {
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}
async function serveHere(app, role, port, opts) {
  const server = createServer(app);
  const timeout = opts.shutdownTimeout ?? 1e4;
  let closing = false;
  const inFlight = /* @__PURE__ */ new Set();
  server.on("request", (_req, res) => {
    inFlight.add(res);
    if (closing) res.setHeader("Connection", "close");
    res.once("close", () => {
      inFlight.delete(res);
      if (closing) server.closeIdleConnections();
    });
  });
  const actual = await listen(server, port, opts.host);
  let closed;
  const close = () => {
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    return closed ??= closeServer(server, timeout);
  };
  onTermination(() => {
    void close().then(() => process.exit(0));
  });
  if (role === "single") (opts.log ?? console.log)(`migrate-api: listening on ${url(opts.host, actual)}`);
  return { role, port: actual, close };
}
function url(host, port) {
  const h = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${h}:${port}`;
}
function servePrimary(count, opts) {
  return new Promise((resolve, reject) => {
    let stopping = false;
    let port;
    const everListened = /* @__PURE__ */ new Set();
    const fork = () => cluster.fork();
    const stopAll = () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      return Promise.all(
        alive.map(
          (w) => new Promise((done) => {
            w.once("exit", () => done());
            w.process.kill("SIGTERM");
          })
        )
      ).then(() => void 0);
    };
    cluster.on("listening", (worker, address) => {
      everListened.add(worker.id);
      if (port === void 0) {
        port = address.port;
        (opts.log ?? console.log)(`migrate-api: listening on ${url(opts.host, port)} (${count} workers)`);
        resolve({ role: "primary", port, close: stopAll });
      }
    });
    cluster.on("exit", (worker, code, signal) => {
      if (stopping) return;
      if (!everListened.has(worker.id)) {
        console.error(`migrate-api: worker ${worker.process.pid} exited before listening (${signal ?? code})`);
        void stopAll().then(() => {
          if (port === void 0) reject(new Error("migrate-api: workers could not start"));
          process.exitCode = 1;
        });
        return;
      }
      console.error(`migrate-api: worker ${worker.process.pid} died (${signal ?? code}); starting another`);
      fork();
    });
    onTermination(() => {
      void stopAll().then(() => process.exit(0));
    });
    for (let i = 0; i < count; i++) fork();
  });
}
async function serve(app, opts = {}) {
  const workers = positiveInt(opts.workers ?? process.env.WEB_CONCURRENCY, 1);
  const envPort = Number(process.env.PORT);
  const port = opts.port ?? (process.env.PORT && Number.isInteger(envPort) && envPort >= 0 ? envPort : 3e3);
  if (cluster.isWorker) return serveHere(app, "worker", port, opts);
  if (workers === 1) return serveHere(app, "single", port, opts);
  return servePrimary(workers, opts);
}
export {
  serve
};
