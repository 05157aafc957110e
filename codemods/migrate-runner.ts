// Where migrate.ts's per-file steps run: in-process (the default) or on a pool of worker threads (opt-in, see
// migrate.ts on why); either way the same analyses and rewrites come back.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FilePlan } from './plan.js';
import { analyzeFile, type AnalyzedFile } from './analyze-file.js';
import { rewriteFile, type RewrittenFile } from './migrate-tasks.js';
import type { MigrateTask } from './migrate-worker.js';
import { WorkerPool } from './worker-pool.js';
import type { CachedSteps } from './cache/cached-steps.js';
import { decodeAnalysis } from './cache/analysis-codec.js';

/** Runs a per-file step in-process or on the pool. */
export type Runner = {
  analyze: (file: string) => Promise<AnalyzedFile>;
  rewrite: (plan: FilePlan) => Promise<RewrittenFile>;
  memo?: CachedSteps['memo'];
};

/** The worker entry sits next to this module with the same extension: .ts under tsx, .js from dist. */
function workerEntry(): URL {
  return new URL(`./migrate-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}

export function makeRunner(size: number): { runner: Runner; close: () => Promise<void> } {
  if (size <= 0) {
    return {
      runner: { analyze: async (file) => analyzeFile(file), rewrite: async (plan) => rewriteFile(plan) },
      close: async () => {},
    };
  }
  const pool = new WorkerPool<MigrateTask, string | AnalyzedFile | RewrittenFile>(workerEntry(), size);
  return {
    runner: {
      // An analysis comes back as cache text (migrate-worker.ts), or as a clone where the codec refused it.
      analyze: async (file) => {
        const value = await pool.run({ kind: 'analyze', file });
        return typeof value === 'string' ? decodeAnalysis(value) : (value as AnalyzedFile);
      },
      rewrite: (plan) => pool.run({ kind: 'rewrite', plan }) as Promise<RewrittenFile>,
    },
    close: () => pool.close(),
  };
}

/** MIGRATE_API_WORKERS=n runs the CLI's per-file work on n worker threads (tests and benchmarks use it for both paths). */
export function envWorkers(): number | undefined {
  const v = process.env.MIGRATE_API_WORKERS;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
