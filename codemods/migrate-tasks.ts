// The two per-file steps of a migration, as plain functions of plain (structured-cloneable) data, so the same
// code runs in-process (small trees, tests) and in worker threads (codemods/migrate-worker.ts): analysing a file
// (./analyze-file.ts) and rewriting it from its FilePlan (here).
import { readFileSync } from 'node:fs';
import type { FilePlan, FileResult, RouteReport } from './plan.js';
import { applyFilePlan } from './rules/index.js';
import { takeStatusPackageInputs } from './rules/status-constants.js';
import type { FileReads } from './cache/sha1.js';

export interface RewrittenFile {
  result: FileResult;
  /** The source as read, only when the rewrite changed it (the CLI needs it for diffs and the dirty check). */
  before?: string;
  changed: boolean;
  /** The status packages the rewrite read numbers from (rules/status-constants.ts): installed files, and the
   *  node_modules places looked in before them. */
  reads?: FileReads;
}

export function rewriteFile(plan: FilePlan): RewrittenFile {
  return rewriteSource(plan, readFileSync(plan.file, 'utf8'));
}

/** rewriteFile for a text already read: a pure function of (plan, source). */
export function rewriteSource(plan: FilePlan, source: string): RewrittenFile {
  const { file } = plan;
  let result: FileResult;
  try {
    result = applyFilePlan(source, plan);
  } catch (err) {
    // A rule that throws must never cost the user a file: report it, leave the file as it was.
    const message = (err as Error).message;
    result = {
      file, output: undefined,
      routes: plan.routes.map((r) => ({ file, line: r.at.line, method: r.method, path: r.fullPath, status: 'skipped', reason: `internal error: ${message}` })),
      diagnostics: [{ code: 'unsupported', severity: 'error', message: `rewrite failed, file left unchanged: ${message}`, at: { file, line: 1 } }],
    };
  }
  const changed = result.output !== undefined && result.output !== source;
  const reads = takeStatusPackageInputs(file);
  return { result, before: changed ? source : undefined, changed, ...(reads.length ? { reads } : {}) };
}

/**
 * A file whose every route already carries a spec (and that creates no app to wrap) is one the rules would
 * leave as it is: its result, the same as rewriteFile's, without reading or parsing it again (a re-run's
 * main cost otherwise).
 */
export function alreadyMigrated(plan: FilePlan): RewrittenFile | null {
  if (plan.app || plan.removeComments?.length || plan.routes.length === 0 || plan.routes.some((r) => !r.migrated)) return null;
  const routes = plan.routes.map((r): RouteReport => ({
    file: plan.file, line: r.at.line, method: r.method, path: r.fullPath, status: 'unchanged', reason: `already migrated (${r.migrated})`,
  }));
  return { result: { file: plan.file, output: undefined, routes, diagnostics: [] }, changed: false };
}
