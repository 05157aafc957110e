// The traffic recorder: with MIGRATE_API_RECORD=<file>, every typed route (legacy handlers included) adds
// the shapes of what it receives and sends to a per-process registry (compat/shape.ts: types, key counts,
// formats; never values), each route written as its own part beside <file> (compat/shapes-file.ts) as soon as
// it changes. Off, it costs the route one branch on a constant (RECORDING, read once at load).
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Request, Response } from 'express';
import { onExit } from 'signal-exit';
import { log } from './log.js';
import { observe } from './shape.js';
import { mergeRoute, partFile, type Recording, type RouteRecording } from './shapes-file.js';
import { wireView } from './wire.js';

export const RECORDING: string | undefined = process.env.MIGRATE_API_RECORD || undefined;
// Enum candidates are values: kept only when asked for (compat/shape.ts says which).
const ENUMS = process.env.MIGRATE_API_RECORD_ENUMS === '1';

// Why a write per exchange: `migrate-api infer --run` records a test suite, and test runners end the
// recording processes and realms with nothing of ours running afterwards. Under jest a test file's modules see
// a copy of `process` on which the real exit never emits 'exit'; --forceExit and the end of a worker come
// within milliseconds of the last test; a suite on fake timers never runs our timer. A part written only by a
// timer and on exit was lost whole there (test/compat/shapes-record-jest.test.ts), or its last 100 ms when
// jest's own exit came first (shopping-list-inline: ~15 ms to spare under load). So each exchange rewrites its
// route's part synchronously: one route's shapes, a few KB, a cost that does not grow with the app's routes.
// A route past WRITE_THROUGH exchanges in one process (a staging app recording for hours) falls back to a
// write a moment after it changes and one on exit: seen that often, its last moment changes nothing inferred.
const WRITE_THROUGH = 1000;

// One registry per module realm, shared by the ESM and CommonJS builds; jest gives each test file its own
// global, so each writes its own parts (they add up when read).
const REGISTRY = Symbol.for('migrate-api.shapes');
type Registry = {
  routes: Map<string, RouteRecording>;
  /** Each route's part file, by route key. */
  parts: Map<string, string>;
  /** Part files to be written: routes past WRITE_THROUGH changed since their last write. */
  dirty: Set<string>;
  id: string;
  file: string;
  timer?: ReturnType<typeof setTimeout>;
  folder?: true;
};
const globals = globalThis as { [REGISTRY]?: Registry };

function registry(file: string): Registry {
  let r = globals[REGISTRY];
  if (!r) {
    r = { routes: new Map(), parts: new Map(), dirty: new Set(), id: `${process.pid}-${randomBytes(4).toString('hex')}`, file };
    globals[REGISTRY] = r;
    const reg = r;
    onExit(() => { flush(reg); });
  }
  return r;
}

export function snapshot(r: Registry | undefined = globals[REGISTRY]): Recording {
  const routes = r ? [...r.routes.values()].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0)) : [];
  return { version: 1, kind: 'migrate-api-recording', routes };
}

function writeRoute(r: Registry, key: string): void {
  const route = r.routes.get(key);
  if (!route) return;
  let part = r.parts.get(key);
  if (!part) r.parts.set(key, (part = partFile(r.file, `${r.id}-${r.parts.size}`)));
  try {
    if (!r.folder) { mkdirSync(dirname(part), { recursive: true }); r.folder = true; }
    // temp + rename: a process killed mid-write leaves the previous part whole.
    const recording: Recording = { version: 1, kind: 'migrate-api-recording', routes: [route] };
    writeFileSync(`${part}.tmp`, JSON.stringify(recording));
    renameSync(`${part}.tmp`, part);
  } catch (err) {
    log().error('[migrate-api] could not write the traffic recording', err);
  }
}

function flush(r: Registry): void {
  if (r.timer) { clearTimeout(r.timer); r.timer = undefined; }
  for (const key of r.dirty) writeRoute(r, key);
  r.dirty.clear();
}

// Past WRITE_THROUGH: a write a moment after the last change, not one per request; the timer never keeps a
// process alive.
function changed(r: Registry, key: string, n: number): void {
  if (n <= WRITE_THROUGH) { writeRoute(r, key); return; }
  r.dirty.add(key);
  if (r.timer) return;
  r.timer = setTimeout(() => flush(r), 100);
  r.timer.unref?.();
}

function sentBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Records one exchange of route `path` (mount prefix + path as registered). Called before validation, so it
 * sees the request as the client sent it; the response is taken from res.json (the JSON view of what is sent)
 * and the status when the response finishes. Nothing the handler sees or sends changes.
 */
/**
 * Where the app registered the route being compiled (`/app/routes/users.js:12`), read from the stack once per
 * route and only while recording: several apps or routers of one process may serve the same method and path
 * (`GET /` of every sub-app), and `migrate-api infer` tells them apart by their registration. Frames of this
 * folder (the runtime) and of node_modules are passed over.
 */
export function registrationSite(): string | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames = [...stack.matchAll(/\(?((?:file:\/\/)?\/[^()\s]*?):(\d+):\d+\)?$/gm)].map((m) => ({ file: m[1]!.replace(/^file:\/\//, ''), line: m[2]! }));
  const own = frames[0] && frames[0].file.slice(0, frames[0].file.lastIndexOf('/') + 1);
  const app = frames.find((f) => own && !f.file.startsWith(own) && !f.file.includes('/node_modules/'));
  return app ? `${app.file}:${app.line}` : undefined;
}

const SEEN = Symbol('migrate-api.recorded');

export function recordExchange(file: string, path: string, req: Request, res: Response, at?: string): void {
  const route = `${req.method} ${path}`;
  const key = at ? `${route} @${at}` : route;
  // A route that re-enters itself (its schemas turned out async) is one exchange; a request that goes on to
  // another route (`app.all(...)` calling next()) is one exchange of each.
  const seen = ((req as { [SEEN]?: Set<string> })[SEEN] ??= new Set());
  if (seen.has(key)) return;
  seen.add(key);
  const r = registry(file);
  const one: RouteRecording = { route, method: req.method, path, ...(at ? { at } : {}), n: 1, responses: {} };
  if (req.params && Object.keys(req.params).length) one.params = observe(req.params);
  one.query = observe(req.query ?? {}, { enums: ENUMS });
  one.headers = observe(req.headers);
  if (sentBody(req) && req.body !== undefined) one.body = observe(req.body, { enums: ENUMS });
  let json: unknown;
  let sentJson = false;
  const ownJson = Object.hasOwn(res, 'json') ? res.json : undefined;
  const json0 = res.json;
  res.json = function (this: Response, body?: unknown) {
    if (!sentJson) { sentJson = true; json = body; }
    if (ownJson) res.json = ownJson; else delete (res as { json?: unknown }).json;
    return json0.apply(this, arguments as unknown as [unknown]);
  };
  res.once('finish', () => {
    const status = String(res.statusCode);
    const resp = (one.responses[status] = { n: 1 } as RouteRecording['responses'][string]);
    const length = res.getHeader('content-length');
    if (sentJson && status !== '204' && status !== '304') resp.json = observe(wireView(json));
    else if (length === undefined || String(length) === '0' || status === '204' || status === '304') resp.empty = 1;
    else resp.other = 1;
    const seen = r.routes.get(key);
    if (seen) mergeRoute(seen, one);
    else r.routes.set(key, one);
    changed(r, key, (seen ?? one).n);
  });
}

/** Tests: forget what this process recorded. */
export function resetRecording(): void {
  const r = globals[REGISTRY];
  if (r) { r.routes.clear(); r.dirty.clear(); }
}
