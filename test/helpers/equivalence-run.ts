// Legacy input and migrated output answer alike: both trees are given their dependencies, the router module each
// exports is mounted in a bare express app (JSON bodies, a JSON error handler so stack traces do not differ by
// folder), and the same requests go to both; status, content-type, Content-Length, Location and body must be identical
// (Content-Length: an empty JSON answer, `res.json()`, is `Content-Length: 0`, and must stay so). Generic on
// purpose (a fixture names its router module and its requests in run.json), so single-file and folder cases can share it.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkDependencies } from '../../examples/app-copy.js';
import { startApp } from '../e2e/app-process.js';
import { typecheckApp } from './legacy-app.js';

export interface RunSpec {
  /** The module (relative to the tree) whose default export / module.exports is the router. */
  mount: string;
  /** A TS tree: `tsc --noEmit` must pass on it (before and after). */
  typecheck?: boolean;
  requests: Array<{ method: string; path: string; body?: unknown; headers?: Record<string, string> }>;
}

export interface Answer { status: number; contentType: string | null; contentLength: string | null; location: string | null; body: string }

const entry = (mount: string) => `import express from 'express';
const mod = await import('./${mount}');
const router = mod.default?.default ?? mod.default ?? mod;
const app = express();
app.use(express.json());
app.use(router);
app.use((err, req, res, next) => res.status(500).json({ error: String(err && err.message) }));
export default app;
`;

/** Copies `tree`, links its dependencies, serves it and sends every request in order. */
export async function answers(tree: string, run: RunSpec): Promise<Answer[]> {
  const dir = await mkdtemp(join(tmpdir(), 'equivalence-'));
  try {
    await cp(tree, dir, { recursive: true });
    await linkDependencies(dir);
    const file = /\.[cm]?ts$/.test(run.mount) ? '__serve.mts' : '__serve.mjs';
    await writeFile(join(dir, file), entry(run.mount.replace(/\.ts$/, '.ts')));
    const app = await startApp(dir, file);
    try {
      const out: Answer[] = [];
      for (const r of run.requests) {
        const res = await fetch(app.url + r.path, {
          method: r.method,
          headers: { ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
          ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
        });
        out.push({ status: res.status, contentType: res.headers.get('content-type'), contentLength: res.headers.get('content-length'), location: res.headers.get('location'), body: await res.text() });
      }
      return out;
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${app.output()}`);
    } finally {
      await app.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `tsc --noEmit -p tsconfig.json` on a copy of `tree` with its dependencies linked. */
export async function typecheckTree(tree: string): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'equivalence-tsc-'));
  try {
    await cp(tree, dir, { recursive: true });
    await linkDependencies(dir);
    return await typecheckApp(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
