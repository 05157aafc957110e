// Worker-thread entry of the migration pool: runs the per-file steps of ./migrate-tasks.ts on request.
// Started by ./worker-pool.ts next to the module that spawns it (.ts under tsx, .js from dist).
import { parentPort } from 'node:worker_threads';
import type { FilePlan } from './plan.js';
import { analyzeFile } from './analyze-file.js';
import { rewriteFile } from './migrate-tasks.js';
import { encodeAnalysis } from './cache/analysis-codec.js';

export type MigrateTask = { kind: 'analyze'; file: string } | { kind: 'rewrite'; plan: FilePlan };

parentPort?.on('message', (msg: { id: number; task: MigrateTask }) => {
  try {
    if (msg.task.kind === 'analyze') {
      // As cache text, not a structured clone: the clone would lose what the codec carries (a ref's site).
      const analyzed = analyzeFile(msg.task.file);
      const encoded = encodeAnalysis(analyzed);
      parentPort!.postMessage({ id: msg.id, value: encoded ?? analyzed });
    } else {
      parentPort!.postMessage({ id: msg.id, value: rewriteFile(msg.task.plan) });
    }
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error).stack ?? String(err) });
  }
});
