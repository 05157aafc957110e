// The violations report as a file: its types, where a cluster worker writes its share, and how shares add
// up. No side effects, so the drift check can read dumps without arming the runtime's exit hook.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ErrorDetail } from './validation-error.js';

export type ViolationKind = 'request' | 'response';

export interface ViolationEntry {
  kind: ViolationKind;
  location: string;
  status?: number;
  count: number;
  example: ErrorDetail;
}

export interface RouteViolations {
  route: string;
  method: string;
  path: string;
  total: number;
  violations: ViolationEntry[];
}

export interface ViolationReport {
  version: 1;
  generatedAt: string;
  total: number;
  routes: RouteViolations[];
}


export function entryKey(kind: ViolationKind, location: string, status?: number): string {
  return status === undefined ? `${kind}|${location}` : `${kind}|${location}|${status}`;
}

/** Where a cluster worker writes its counts, beside the file the primary writes. */
export function workerDumpFile(file: string, pid: number): string {
  return `${file}.worker-${pid}.json`;
}

/** The worker shares beside `file` that no primary has summed yet (a primary killed, or not ours). */
function workerDumps(file: string): string[] {
  const prefix = `${basename(file)}.worker-`;
  try {
    return readdirSync(dirname(file)).filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort().map((n) => join(dirname(file), n));
  } catch {
    return [];
  }
}

/** The worker shares beside `file`, read; one half-written by a killed worker is skipped. */
export function readWorkerShares(file: string): { files: string[]; reports: ViolationReport[] } {
  const files = workerDumps(file);
  const reports: ViolationReport[] = [];
  for (const part of files) {
    try { reports.push(JSON.parse(readFileSync(part, 'utf8')) as ViolationReport); } catch { /* skipped */ }
  }
  return { files, reports };
}

/** Sums reports of several processes: routes by name, violations by kind, location and status. */
export function combineViolations(reports: readonly ViolationReport[]): ViolationReport {
  const byRoute = new Map<string, { route: RouteViolations; entries: Map<string, ViolationEntry> }>();
  for (const report of reports) {
    for (const r of report.routes) {
      let acc = byRoute.get(r.route);
      if (!acc) {
        acc = { route: { route: r.route, method: r.method, path: r.path, total: 0, violations: [] }, entries: new Map() };
        byRoute.set(r.route, acc);
      }
      acc.route.total += r.total;
      for (const v of r.violations) {
        const key = entryKey(v.kind, v.location, v.status);
        const seen = acc.entries.get(key);
        if (seen) seen.count += v.count;
        else {
          const entry = { ...v };
          acc.entries.set(key, entry);
          acc.route.violations.push(entry);
        }
      }
    }
  }
  const routes = [...byRoute.values()].map((a) => a.route).sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  return { version: 1, generatedAt: new Date().toISOString(), total: routes.reduce((n, r) => n + r.total, 0), routes };
}

/** Every share a test run's registries left in `dir` (MIGRATE_API_VIOLATIONS_SHARES), summed; none -> no routes. */
export function readShareDir(dir: string): ViolationReport {
  const reports: ViolationReport[] = [];
  let names: string[] = [];
  try { names = readdirSync(dir).filter((n) => n.startsWith('share-') && n.endsWith('.json')).sort(); } catch { /* no share written */ }
  for (const name of names) {
    try { reports.push(JSON.parse(readFileSync(join(dir, name), 'utf8')) as ViolationReport); } catch { /* half-written by a killed process */ }
  }
  return combineViolations(reports);
}
