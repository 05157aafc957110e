import { Worker } from "node:worker_threads";
function startWorker(entry) {
  if (!entry.pathname.endsWith(".ts")) return new Worker(entry);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}
class WorkerPool {
  idle = [];
  queue = [];
  pending = /* @__PURE__ */ new Map();
  busy = /* @__PURE__ */ new Map();
  nextId = 0;
  failed = null;
  workers = [];
  constructor(entry, size) {
    for (let i = 0; i < size; i++) {
      const w = startWorker(entry);
      w.on("message", (msg) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.busy.delete(w);
        if (msg.error !== void 0) p?.reject(new Error(msg.error));
        else p?.resolve(msg.value);
        this.dispatch(w);
      });
      w.on("error", (err) => this.fail(w, err));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(w, new Error(`migration worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }
  run(task) {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    const w = this.idle.pop();
    if (w) this.dispatch(w);
    return promise;
  }
  dispatch(w) {
    const next = this.queue.shift();
    if (!next) {
      this.idle.push(w);
      return;
    }
    this.busy.set(w, next.id);
    w.postMessage(next);
  }
  fail(w, err) {
    this.failed ??= err;
    const id = this.busy.get(w);
    if (id !== void 0) {
      this.pending.get(id)?.reject(err);
      this.pending.delete(id);
    }
    for (const q of this.queue) {
      this.pending.get(q.id)?.reject(err);
      this.pending.delete(q.id);
    }
    this.queue = [];
  }
  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
export {
  WorkerPool
};
