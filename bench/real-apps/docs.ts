// The served document vs the original docs. The original is built from the unmigrated checkout (a spec
// file read as it is, or swagger-jsdoc run with the app's own options by the app's own swagger-jsdoc);
// the generated one is GET from the migrated app, started with its own start command. Facts are compared
// with test/helpers/openapi-compare.ts. What cannot be computed says why instead of guessing.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { compareDocuments } from '../../test/helpers/openapi-compare.js';
import { runStep } from './step.js';

export type OriginalDocs =
  | { kind: 'spec-file'; file: string }
  | { kind: 'swagger-jsdoc'; options: Record<string, unknown> }
  /** a CommonJS module whose export is the document (required as the app requires it) */
  | { kind: 'js-module'; file: string }
  /** the document the unmigrated app serves at `path`, started with the entry's `serve` (express-jsdoc-swagger and
   *  other generators build it at run time from comments migrate-api does not read: this is what they said) */
  | { kind: 'served'; path: string }
  | { kind: 'none' };

export interface Serve {
  /** the app's own start command; PORT is set to a free port */
  command: string;
  /** for an app that listens on a fixed port whatever PORT says */
  port?: number;
  env?: Record<string, string>;
}

export interface DocsResult {
  compared: number | null;
  lost: string[];
  /** why the comparison could not be made, when it could not */
  na?: string;
}

type Json = Record<string, any>;

/** The original document, built in the unmigrated checkout; written to `out` for the record. */
export async function originalDocument(docs: OriginalDocs, appDir: string, log: string, out: string,
  serve?: { serve: Serve; env: Record<string, string> }): Promise<Json | string> {
  if (docs.kind === 'none') return 'the app has no docs';
  if (docs.kind === 'served') {
    if (!serve) return 'originalDocs served: the entry has no serve command';
    const doc = await servedDocument(serve.serve, appDir, docs.path, log, out, serve.env);
    return typeof doc === 'string' ? `the unmigrated app's document: ${doc.replace('the migrated app', 'the app')}` : doc;
  }
  if (docs.kind === 'spec-file') {
    try {
      const text = readFileSync(join(appDir, docs.file), 'utf8');
      const doc = (/\.ya?ml$/.test(docs.file) ? yaml.load(text) : JSON.parse(text)) as Json;
      writeFileSync(out, JSON.stringify(doc, null, 2));
      return doc;
    } catch (err) {
      return `spec file ${docs.file} unreadable: ${(err as Error).message}`;
    }
  }
  // The app's own swagger-jsdoc (its version decides what it reads), run where the app runs it.
  const script = docs.kind === 'js-module'
    ? `process.stdout.write(JSON.stringify(require(${JSON.stringify(join(appDir, docs.file))})));`
    : `const s = require(require.resolve('swagger-jsdoc', { paths: [process.cwd()] }));
    process.stdout.write(JSON.stringify(s(${JSON.stringify(docs.options)})));`;
  const scriptFile = `${out}.build.cjs`;
  writeFileSync(scriptFile, script);
  const r = await runStep(`original docs (${docs.kind})`, `node ${JSON.stringify(scriptFile)} > ${JSON.stringify(out)}`, { cwd: appDir, log, timeoutMs: 60_000 });
  if (r.code !== 0) return `${docs.kind} failed (exit ${r.code})`;
  try {
    return JSON.parse(readFileSync(out, 'utf8')) as Json;
  } catch (err) {
    return `${docs.kind} output unreadable: ${(err as Error).message}`;
  }
}

/** The thrown error's line (not the stack under it), or a pointer to the app's own logs when it printed none. */
function firstError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^\w*Error\b|Error:/.test(l)) ?? lines.find((l) => !l.startsWith('at '));
  return error ? `: ${error.slice(0, 300)}` : ' and printed nothing (an app that logs to files only: see its log folder)';
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolvePromise(port));
    });
    server.on('error', reject);
  });
}

/** Starts the migrated app, GETs its generated document, stops it. `env` is the app's own environment of
 *  the other steps (its PATH carries the Node version the entry asks for: an app whose native module needs
 *  Node 22 crashes under the runner's own Node). */
export async function servedDocument(serve: Serve, appDir: string, path: string, log: string, out: string, env: Record<string, string> = {}): Promise<Json | string> {
  return withServer(serve, appDir, path, log, env, async (base) => {
    const res = await fetch(`${base}${path}`);
    const text = await res.text();
    if (res.status !== 200) return `GET ${path} answered ${res.status}: ${text.slice(0, 200)}`;
    writeFileSync(out, text);
    return JSON.parse(text) as Json;
  });
}

/**
 * Starts the app with its own start command, waits until `probe` (a path) answers at all, runs `use` with the
 * server's base URL, stops it. A string back says why there was nothing to use (the app exited, never answered).
 */
export async function withServer<T>(serve: Serve, appDir: string, probe: string, log: string, env: Record<string, string>,
  use: (base: string) => Promise<T>): Promise<T | string> {
  const port = serve.port ?? (await freePort());
  appendFileSync(log, `\n===== serve: ${serve.command} (PORT=${port}), then GET ${probe}\n`);
  const child = spawn('bash', ['-c', serve.command], {
    cwd: appDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, NODE_OPTIONS: '', ...serve.env, PORT: String(port) },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => { output += c; appendFileSync(log, c); });
  child.stderr.on('data', (c: Buffer) => { output += c; appendFileSync(log, c); });
  let exited: number | null | undefined;
  let signal: string | null = null;
  child.on('close', (code, sig) => {
    signal = sig;
    exited = code;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 90_000;
    let last = '';
    while (Date.now() < deadline) {
      if (exited !== undefined) return `the migrated app exited (${exited === null ? `killed by ${signal}` : `code ${exited}`}) before serving${firstError(output)}`;
      try {
        await fetch(`${base}${probe}`).then((r) => r.arrayBuffer());
      } catch (err) {
        last = (err as Error).message;
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      try {
        return await use(base);
      } catch (err) {
        return `GET failed: ${(err as Error).message}`;
      }
    }
    return `the migrated app did not answer on port ${port} within 90s (${last})`;
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** The path every operation of the document is under on the wire (Swagger 2 `basePath`, the path of
 *  OpenAPI 3's `servers[].url` when all servers agree), '' when none. */
function basePath(doc: Json): string {
  let base = '';
  if (typeof doc.basePath === 'string') base = doc.basePath;
  else if (Array.isArray(doc.servers) && doc.servers.length) {
    const paths = new Set(doc.servers.map((s: Json) => {
      try {
        return new URL(String(s.url), 'http://localhost').pathname;
      } catch {
        return '/';
      }
    }));
    if (paths.size === 1) base = [...paths][0] as string;
  }
  return base.replace(/\/+$/, '');
}

/** `GET /users` under server `/v1` is `GET /v1/users` on the wire: that is the fact compared. */
function onTheWire(doc: Json): Json {
  const base = basePath(doc);
  if (!base) return doc;
  const paths: Json = {};
  for (const [p, item] of Object.entries(doc.paths ?? {})) paths[`${base}${p}`] = item;
  return { ...doc, paths, basePath: undefined, servers: undefined };
}

const TEMPLATE = /^\{([^}]+)\}$/;

/** Follows a local `#/a/b` reference (parameters written once under components). */
function deref(doc: Json, value: Json): Json {
  if (typeof value?.$ref !== 'string' || !value.$ref.startsWith('#/')) return value;
  let target: any = doc;
  for (const part of value.$ref.slice(2).split('/')) target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return target && typeof target === 'object' ? target : value;
}

/**
 * `/users/{id}` in the docs and `/users/{userId}` served (the route's own `:userId`) are one URL: a path
 * template's names are not on the wire. The original's path and its path parameters take the served names
 * where the two paths differ only in those names, so the comparison counts the facts, not the renaming (the
 * renaming itself is the `path-params` drift `migrate-api check` reports).
 */
function alignPathNames(original: Json, served: Json): Json {
  const servedPaths = Object.keys(served.paths ?? {});
  const paths: Json = {};
  for (const [p, rawItem] of Object.entries<Json>(original.paths ?? {})) {
    const segs = p.split('/');
    const twin = p in (served.paths ?? {}) ? undefined : servedPaths.find((q) => {
      const t = q.split('/');
      return t.length === segs.length && t.every((x, i) => x === segs[i] || (TEMPLATE.test(x) && TEMPLATE.test(segs[i]!)));
    });
    if (!twin) { paths[p] = rawItem; continue; }
    const rename = new Map<string, string>();
    twin.split('/').forEach((x, i) => {
      const a = TEMPLATE.exec(segs[i]!), b = TEMPLATE.exec(x);
      if (a && b) rename.set(a[1]!, b[1]!);
    });
    const fix = (params: unknown) => Array.isArray(params)
      ? params.map((raw) => {
        const prm = deref(original, raw as Json);
        return prm.in === 'path' && rename.has(prm.name) ? { ...prm, name: rename.get(prm.name) } : raw;
      })
      : params;
    const item: Json = { ...deref(original, rawItem) };
    if (item.parameters) item.parameters = fix(item.parameters);
    for (const [k, op] of Object.entries<Json>(item)) if (op && typeof op === 'object' && Array.isArray(op.parameters)) item[k] = { ...op, parameters: fix(op.parameters) };
    paths[twin] = item;
  }
  return { ...original, paths };
}

export function compareDocs(original: Json | string, served: Json | string): DocsResult {
  if (typeof original === 'string') return { compared: null, lost: [], na: original };
  if (typeof served === 'string') return { compared: null, lost: [], na: served };
  try {
    const wire = onTheWire(served);
    const c = compareDocuments(alignPathNames(onTheWire(original), wire), wire);
    return { compared: c.compared.length, lost: c.lost };
  } catch (err) {
    return { compared: null, lost: [], na: `compare failed: ${(err as Error).message}` };
  }
}
