// A fixed pool of worker threads fed from one queue: each worker takes the next task when it is free, so a
// slow file never holds up the others, and at most `size` tasks are in flight (memory stays flat).
// Hand-written rather than a pool library because it is ~50 lines and the project keeps its dependencies lean.
import { Worker } from 'node:worker_threads';

/** A .ts entry means we run from source under tsx, whose loader hooks workers do not inherit on Node 20:
 *  such a worker registers tsx itself before importing the entry. From dist the .js entry loads directly. */
function startWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true });
}


interface Pending<R> { resolve: (v: R) => void; reject: (e: Error) => void }

export class WorkerPool<T, R> {
  private idle: Worker[] = [];
  private queue: Array<{ id: number; task: T }> = [];
  private pending = new Map<number, Pending<R>>();
  private busy = new Map<Worker, number>();
  private nextId = 0;
  private failed: Error | null = null;
  private workers: Worker[] = [];

  constructor(entry: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker(entry);
      w.on('message', (msg: { id: number; value?: R; error?: string }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        this.busy.delete(w);
        if (msg.error !== undefined) p?.reject(new Error(msg.error));
        else p?.resolve(msg.value as R);
        this.dispatch(w);
      });
      // A worker that dies (out of memory, a crash in a native module) fails its task and every later one.
      w.on('error', (err) => this.fail(w, err));
      w.on('exit', (code) => { if (code !== 0) this.fail(w, new Error(`migration worker exited with code ${code}`)); });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  run(task: T): Promise<R> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const promise = new Promise<R>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, task });
    const w = this.idle.pop();
    if (w) this.dispatch(w);
    return promise;
  }

  private dispatch(w: Worker): void {
    const next = this.queue.shift();
    if (!next) { this.idle.push(w); return; }
    this.busy.set(w, next.id);
    w.postMessage(next);
  }

  private fail(w: Worker, err: Error): void {
    this.failed ??= err;
    const id = this.busy.get(w);
    if (id !== undefined) { this.pending.get(id)?.reject(err); this.pending.delete(id); }
    for (const q of this.queue) { this.pending.get(q.id)?.reject(err); this.pending.delete(q.id); }
    this.queue = [];
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
