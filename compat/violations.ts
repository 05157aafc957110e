// Report mode's memory: every contract violation counted per route, logged once per route, and
// written as JSON for the drift check (`migrate-api check --runtime <file>`).
//
// The file / getViolations() shape (version 1):
// {
//   "version": 1,
//   "generatedAt": "2026-01-01T00:00:00.000Z",
//   "total": 3,                                  // every violation counted, all routes
//   "routes": [{
//     "route": "GET /api/users/:id",             // METHOD + mount prefix (req.baseUrl) + path as written
//     "method": "GET", "path": "/api/users/:id",
//     "total": 3,
//     "violations": [{
//       "kind": "request" | "response",
//       "location": "path" | "query" | "header" | "cookie" | "body" | "response",
//       "status": 200,                             // response violations only: the status sent
//       "count": 2,
//       "example": { "loc": ["query", "page"], "msg": "...", "type": "invalid_type" }   // the first one seen
//     }]
//   }]
// }
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { onExit } from 'signal-exit';
import { log } from './log.js';
import type { ErrorDetail } from './validation-error.js';
import { combineViolations, entryKey, readWorkerShares, workerDumpFile, type RouteViolations, type ViolationEntry, type ViolationKind, type ViolationReport } from './violations-file.js';

export type { RouteViolations, ViolationEntry, ViolationKind, ViolationReport } from './violations-file.js';

type RouteCounts = Map<string, { method: string; path: string; total: number; entries: Map<string, ViolationEntry> }>;
// One registry per process, shared by the ESM and CommonJS builds if an app happens to load both.
const REGISTRY = Symbol.for('migrate-api.violations');
const globals = globalThis as { [REGISTRY]?: RouteCounts };
const routes: RouteCounts = (globals[REGISTRY] ??= new Map());

// A test run (`migrate-api check --run`) sets MIGRATE_API_VIOLATIONS_SHARES to a folder, and every registry
// writes its counts there as they change: test runners load the runtime once per test file (jest's module
// registry, each with its own global) and end workers without an exit event, so a dump on exit would lose
// them. One file per registry (not per module instance: the ESM and CommonJS builds share one registry).
const SHARE_FILE = Symbol.for('migrate-api.violationsShareFile');
const shareGlobals = globalThis as { [SHARE_FILE]?: string };
const sharesDir = process.env.MIGRATE_API_VIOLATIONS_SHARES;
if (sharesDir) shareGlobals[SHARE_FILE] ??= join(sharesDir, `share-${process.pid}-${randomBytes(4).toString('hex')}.json`);

function writeShare(): void {
  const file = shareGlobals[SHARE_FILE];
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    // temp + rename: a process killed mid-write leaves the previous share whole, not a torn one.
    writeFileSync(`${file}.tmp`, JSON.stringify(getViolations()));
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    log().error('[migrate-api] could not write the violations share', err);
  }
}

/** Counts one violation group (all issues of one location in one request count once). */
export function recordViolation(method: string, path: string, kind: ViolationKind, location: string, example: ErrorDetail, status?: number): void {
  const route = `${method} ${path}`;
  let r = routes.get(route);
  if (!r) {
    r = { method, path, total: 0, entries: new Map() };
    routes.set(route, r);
    log().warn(`[migrate-api] report: ${route} violates its ${kind} contract at ${example.loc.join('.')}: ${example.msg} (further violations of this route are counted, not logged)`);
  }
  r.total++;
  const key = entryKey(kind, location, status);
  const entry = r.entries.get(key);
  if (entry) entry.count++;
  else r.entries.set(key, status === undefined ? { kind, location, count: 1, example } : { kind, location, status, count: 1, example });
  writeShare();
}

/** A plain JSON-able snapshot of every violation counted so far. */
export function getViolations(): ViolationReport {
  let total = 0;
  const list: RouteViolations[] = [];
  for (const [route, r] of routes) {
    total += r.total;
    list.push({ route, method: r.method, path: r.path, total: r.total, violations: [...r.entries.values()].map((e) => ({ ...e })) });
  }
  list.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  return { version: 1, generatedAt: new Date().toISOString(), total, routes: list };
}

export function resetViolations(): void {
  routes.clear();
}

/** Writes the report as JSON to `file` (default: env MIGRATE_API_VIOLATIONS_FILE); returns the path written. */
export function writeViolations(file: string | undefined = process.env.MIGRATE_API_VIOLATIONS_FILE): string {
  if (!file) throw new Error('writeViolations: no file given and MIGRATE_API_VIOLATIONS_FILE is not set');
  writeFileSync(file, JSON.stringify(getViolations(), null, 2) + '\n');
  return file;
}

// Written on exit (sync: exit handlers cannot wait) so a test run or a report-mode deploy leaves its drift
// evidence behind without code changes. signal-exit also catches a SIGTERM/SIGINT/SIGHUP nothing else
// handles (a server stopped by its supervisor never reaches 'exit'), then lets the signal end the process.
const EXIT_HOOK = Symbol.for('migrate-api.violationsExitHook');
if (process.env.MIGRATE_API_VIOLATIONS_FILE && !(globalThis as { [EXIT_HOOK]?: boolean })[EXIT_HOOK]) {
  (globalThis as { [EXIT_HOOK]?: boolean })[EXIT_HOOK] = true;
  onExit(() => {
    const file = process.env.MIGRATE_API_VIOLATIONS_FILE!;
    try {
      // A cluster's workers would overwrite each other's file: each writes its own, the primary sums them.
      if (cluster.isWorker) writeViolations(workerDumpFile(file, process.pid));
      else writeCollected(file);
    } catch (err) {
      log().error('[migrate-api] could not write the violations file', err);
    }
  });
}

/** This process's counts plus those its cluster workers left beside `file`, written to `file`. */
function writeCollected(file: string): void {
  const shares = readWorkerShares(file);
  const mine = getViolations();
  writeFileSync(file, JSON.stringify(shares.files.length ? combineViolations([mine, ...shares.reports]) : mine, null, 2) + '\n');
  for (const part of shares.files) { try { unlinkSync(part); } catch { /* already gone */ } }
}
