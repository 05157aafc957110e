// The traffic recorder: with MIGRATE_API_RECORD=<file>, every typed route (legacy handlers included) adds
// the shapes of what it receives and sends to a per-process registry (compat/shape.ts: types, key counts,
// formats; never values), written as a part beside <file> (compat/shapes-file.ts) a moment after it changes
// and on exit. Off, it costs the route one branch on a constant (RECORDING, read once at load).
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

// One registry per module realm, shared by the ESM and CommonJS builds; jest gives each test file its own
// global, so each writes its own part (they add up when read).
const REGISTRY = Symbol.for('migrate-api.shapes');
type Registry = { routes: Map<string, RouteRecording>; part: string; timer?: ReturnType<typeof setTimeout> };
const globals = globalThis as { [REGISTRY]?: Registry };

function registry(file: string): Registry {
  let r = globals[REGISTRY];
  if (!r) {
    r = { routes: new Map(), part: partFile(file, `${process.pid}-${randomBytes(4).toString('hex')}`) };
    globals[REGISTRY] = r;
    const reg = r;
    onExit(() => { writePart(reg); });
  }
  return r;
}

export function snapshot(r: Registry | undefined = globals[REGISTRY]): Recording {
  const routes = r ? [...r.routes.values()].sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0)) : [];
  return { version: 1, kind: 'migrate-api-recording', routes };
}

function writePart(r: Registry): void {
  if (r.timer) { clearTimeout(r.timer); r.timer = undefined; }
  try {
    mkdirSync(dirname(r.part), { recursive: true });
    // temp + rename: a process killed mid-write leaves the previous part whole.
    writeFileSync(`${r.part}.tmp`, JSON.stringify(snapshot(r)));
    renameSync(`${r.part}.tmp`, r.part);
  } catch (err) {
    log().error('[migrate-api] could not write the traffic recording', err);
  }
}

// A write a moment after the last change (not one per request: a staging app may record for hours), and one
// on exit; the timer never keeps a process alive.
function schedule(r: Registry): void {
  if (r.timer) return;
  r.timer = setTimeout(() => writePart(r), 100);
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
    schedule(r);
  });
}

/** Tests: forget what this process recorded. */
export function resetRecording(): void {
  const r = globals[REGISTRY];
  if (r) r.routes.clear();
}
