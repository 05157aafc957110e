// Worker-thread entry of the migration pool: runs the per-file steps of ./migrate-tasks.ts on request.
// Started by ./worker-pool.ts next to the module that spawns it (.ts under tsx, .js from dist).
import { parentPort } from 'node:worker_threads';
import type { FilePlan } from './plan.js';
import { analyzeFile } from './analyze-file.js';
import { rewriteFile } from './migrate-tasks.js';

export type MigrateTask = { kind: 'analyze'; file: string } | { kind: 'rewrite'; plan: FilePlan };

parentPort?.on('message', (msg: { id: number; task: MigrateTask }) => {
  try {
    const value = msg.task.kind === 'analyze' ? analyzeFile(msg.task.file) : rewriteFile(msg.task.plan);
    parentPort!.postMessage({ id: msg.id, value });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
