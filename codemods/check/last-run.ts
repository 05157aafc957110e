// What the last `check --run "<test cmd>"` found, kept where the app's tools keep their caches
// (node_modules/.cache/migrate-api/, never committed) so a later `migrate-api --report` can say it in report.html.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { packageRoot } from '../analyze.js';
import type { DriftFinding } from './findings.js';

export interface LastRun {
  date: string;
  command: string;
  exitCode: number;
  /** Requests that broke a contract, as the runtime counted them. */
  violations: number;
  findings: DriftFinding[];
}

export function lastRunFile(dir: string): string {
  const root = packageRoot(resolve(dir)) ?? resolve(dir);
  return join(root, 'node_modules', '.cache', 'migrate-api', 'check-run.json');
}

export function writeLastRun(dir: string, run: LastRun): void {
  const file = lastRunFile(dir);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(run, null, 2) + '\n');
  } catch { /* a read-only tree: the run's own output said it all */ }
}

/** The last run's record, or undefined when none was made (or it is unreadable). */
export function readLastRun(dir: string): LastRun | undefined {
  const file = lastRunFile(dir);
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as LastRun;
    return typeof r.command === 'string' && Array.isArray(r.findings) ? r : undefined;
  } catch {
    return undefined;
  }
}
