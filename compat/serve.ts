// Runs an app on node:cluster workers (Gunicorn's role) with graceful shutdown: on SIGTERM/SIGINT
// the server stops accepting, requests in flight finish, kept-alive sockets end after their next response
// (`Connection: close`) or a short idle grace, never under a request, and the process exits 0.
// workers = 1 serves in-process, no cluster.
import cluster from 'node:cluster';
import { createServer } from 'node:http';
// Type-only imports reach serve.d.ts: from 'http', as @types/node before 14.18 knows no `node:http`.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'http';
import { Server } from 'node:net';
import type { AddressInfo } from 'net';

export interface ServeOptions {
  /** Processes serving requests; default `WEB_CONCURRENCY` or 1. 1 serves in this process. */
  workers?: number;
  /** Default `PORT` or 3000; 0 picks a free port (shared by all workers). */
  port?: number;
  host?: string;
  /** How long in-flight requests may take after SIGTERM before the process exits anyway (ms, default 10 000). */
  shutdownTimeout?: number;
  /** After SIGTERM, how long a kept-alive connection may stay idle before it is closed (ms, default 1 000):
   *  one that sends another request in that time gets its answer with `Connection: close`. */
  idleGrace?: number;
  /** Where the one "listening on" line goes; default console.log. */
  log?: (message: string) => void;
}

export interface ServeHandle {
  role: 'single' | 'primary' | 'worker';
  /** The port the server listens on (the workers' shared port, in the primary). */
  port: number;
  /** Graceful stop: what SIGTERM does, without exiting the process. */
  close(): Promise<void>;
}

// Written out, not `RequestListener<typeof IncomingMessage, ...>`: that type is generic only since
// @types/node 15, and an app on older types type-checks our .d.ts too (TS2315 without skipLibCheck).
type App = (req: IncomingMessage, res: ServerResponse) => void;

function positiveInt(value: unknown, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function listen(server: HttpServer, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting and resolves when every connection has ended (or after `timeoutMs`, closing what is left).
 * http.Server#close() would also destroy idle keep-alive sockets at once (Node >= 19), and a client that
 * has just written its next request on one sees ECONNRESET. So only the listener closes here
 * (net.Server#close); each kept-alive socket ends after its next response, which says `Connection: close`,
 * and sockets that stay idle are closed after `idleGraceMs`.
 */
function closeServer(server: HttpServer, timeoutMs: number, idleGraceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    const idle = setTimeout(() => server.closeIdleConnections(), Math.min(idleGraceMs, timeoutMs));
    idle.unref();
    Server.prototype.close.call(server, () => {
      clearTimeout(timer);
      clearTimeout(idle);
      resolve();
    });
  });
}

function onTermination(handler: () => void): void {
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}

async function serveHere(app: App, role: 'single' | 'worker', port: number, opts: ServeOptions): Promise<ServeHandle> {
  const server = createServer(app);
  const timeout = opts.shutdownTimeout ?? 10_000;
  // Keep-alive sockets would hold server.close() open after their last response: during shutdown
  // every response says `Connection: close` and each finished one frees its socket at once.
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => inFlight.delete(res));
  });
  const actual = await listen(server, port, opts.host);
  let closed: Promise<void> | undefined;
  const close = () => {
    closing = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    return (closed ??= closeServer(server, timeout, opts.idleGrace ?? 1_000));
  };
  onTermination(() => {
    void close().then(() => process.exit(0));
  });
  if (role === 'single') (opts.log ?? console.log)(`migrate-api: listening on ${url(opts.host, actual)}`);
  return { role, port: actual, close };
}

function url(host: string | undefined, port: number): string {
  const h = !host || host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

function servePrimary(count: number, opts: ServeOptions): Promise<ServeHandle> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    let port: number | undefined;
    const everListened = new Set<number>();
    const fork = () => cluster.fork();
    const stopAll = (): Promise<void> => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w) => w && !w.isDead());
      return Promise.all(
        alive.map(
          (w) =>
            new Promise<void>((done) => {
              w!.once('exit', () => done());
              w!.process.kill('SIGTERM');
            }),
        ),
      ).then(() => undefined);
    };
    cluster.on('listening', (worker, address) => {
      everListened.add(worker.id);
      if (port === undefined) {
        port = address.port;
        (opts.log ?? console.log)(`migrate-api: listening on ${url(opts.host, port)} (${count} workers)`);
        resolve({ role: 'primary', port, close: stopAll });
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (!everListened.has(worker.id)) {
        // A worker that dies before it listens would die again: stop instead of looping.
        console.error(`migrate-api: worker ${worker.process.pid} exited before listening (${signal ?? code})`);
        void stopAll().then(() => {
          if (port === undefined) reject(new Error('migrate-api: workers could not start'));
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

/**
 * Serves `app` (an express app or any request listener). With workers > 1 the primary forks the
 * running script: each worker runs the same code, reaches this call and listens on the shared port.
 */
export async function serve(app: App, opts: ServeOptions = {}): Promise<ServeHandle> {
  const workers = positiveInt(opts.workers ?? process.env.WEB_CONCURRENCY, 1);
  const envPort = Number(process.env.PORT);
  const port = opts.port ?? (process.env.PORT && Number.isInteger(envPort) && envPort >= 0 ? envPort : 3000);
  if (cluster.isWorker) return serveHere(app, 'worker', port, opts);
  if (workers === 1) return serveHere(app, 'single', port, opts);
  return servePrimary(workers, opts);
}
