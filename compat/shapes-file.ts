// The traffic recording as a file (MIGRATE_API_RECORD=<file>): per route, the shapes of the requests and
// responses the runtime saw (compat/shape.ts: types and counts, never values). Every process (a test file's
// runtime under jest, a cluster worker, a mocha run) writes its own parts beside the file, one per route;
// reading sums the file and its parts. No side effects, so `migrate-api infer` can read recordings without arming the recorder.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { mergeShapes, type Shape } from './shape.js';

export interface ResponseRecord {
  n: number;
  /** Bodies sent as JSON (res.json, res.send(object)), their shape. */
  json?: Shape;
  /** Responses with a body that was not JSON (text, HTML, a file). */
  other?: number;
  /** Responses with no body (204, a redirect answered without one, res.end()). */
  empty?: number;
}

export interface RouteRecording {
  /** `GET /api/users/:id`: method + mount prefix + path as registered (as in the violations report). */
  route: string;
  method: string;
  path: string;
  /** Where the app registered the route (`/app/routes/users.js:12`), when the stack showed it. */
  at?: string;
  /** Requests seen. */
  n: number;
  params?: Shape;
  query?: Shape;
  headers?: Shape;
  /** Requests that sent a body, and its shape. */
  body?: Shape;
  responses: Record<string, ResponseRecord>;
}

export interface Recording {
  version: 1;
  kind: 'migrate-api-recording';
  routes: RouteRecording[];
}

export function partFile(file: string, id: string): string {
  return `${file}.part-${id}.json`;
}

function mergeResponse(a: ResponseRecord | undefined, b: ResponseRecord): ResponseRecord {
  if (!a) return structuredClone(b);
  const out: ResponseRecord = { n: a.n + b.n };
  const json = mergeShapes(a.json, b.json);
  if (json) out.json = json;
  if (a.other || b.other) out.other = (a.other ?? 0) + (b.other ?? 0);
  if (a.empty || b.empty) out.empty = (a.empty ?? 0) + (b.empty ?? 0);
  return out;
}

/** Adds route b into a (a is changed). */
export function mergeRoute(a: RouteRecording, b: RouteRecording): RouteRecording {
  a.n += b.n;
  for (const key of ['params', 'query', 'headers', 'body'] as const) {
    const merged = mergeShapes(a[key], b[key]);
    if (merged) a[key] = merged;
  }
  for (const [status, r] of Object.entries(b.responses)) a.responses[status] = mergeResponse(a.responses[status], r);
  return a;
}

export function combineRecordings(recordings: readonly Recording[]): Recording {
  const byRoute = new Map<string, RouteRecording>();
  for (const rec of recordings) {
    for (const r of rec.routes) {
      const key = r.at ? `${r.route} @${r.at}` : r.route;
      const seen = byRoute.get(key);
      if (seen) mergeRoute(seen, r);
      else byRoute.set(key, structuredClone(r));
    }
  }
  const order = (r: RouteRecording) => `${r.route} @${r.at ?? ''}`;
  const routes = [...byRoute.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return { version: 1, kind: 'migrate-api-recording', routes };
}

export class RecordingError extends Error {}

function parse(text: string, file: string): Recording {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch (err) { throw new RecordingError(`${file}: not JSON (${(err as Error).message})`); }
  const r = raw as Partial<Recording>;
  if (!r || r.kind !== 'migrate-api-recording' || r.version !== 1 || !Array.isArray(r.routes)) {
    throw new RecordingError(`${file}: not a migrate-api recording (expected "kind": "migrate-api-recording", "version": 1, "routes": [...])`);
  }
  return r as Recording;
}

/** The recording at `file` plus every part processes left beside it; a part half-written by a killed process is skipped. */
export function readRecording(file: string): Recording {
  const recordings: Recording[] = [];
  let text: string | undefined;
  try { text = readFileSync(file, 'utf8'); } catch { /* only parts, or nothing recorded */ }
  if (text !== undefined) recordings.push(parse(text, file));
  const prefix = `${basename(file)}.part-`;
  let names: string[] = [];
  try { names = readdirSync(dirname(file)).filter((n) => n.startsWith(prefix) && n.endsWith('.json')).sort(); } catch { /* no folder */ }
  for (const name of names) {
    try { recordings.push(parse(readFileSync(join(dirname(file), name), 'utf8'), name)); } catch { /* torn part */ }
  }
  if (text === undefined && names.length === 0) throw new RecordingError(`${file}: no recording there (nor any ${prefix}*.json part beside it)`);
  return combineRecordings(recordings);
}
