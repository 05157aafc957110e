// legacy()'s declaration, as an app compiles it, against express typings of the shape @types/express-serve-static-core
// had up to 4.17.8 (simple-metrics-server in the real-app corpus): Request<P extends Params, ResBody, ReqBody, ReqQuery>
// with no Locals, Response<ResBody>. The migrated app's `tsc` went from 1 error to 2 (TS2707 for the Locals argument,
// then TS2344 for an unconstrained P): the compat declarations must compile against these typings as against today's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// The parts of the old typings legacy.d.ts reaches, with their old type parameter lists.
const OLD_EXPRESS = `
export interface ParamsDictionary { [key: string]: string; }
export type ParamsArray = string[];
export type Params = ParamsDictionary | ParamsArray;
export interface NextFunction { (err?: any): void; }
export interface Request<P extends Params = ParamsDictionary, ResBody = any, ReqBody = any, ReqQuery = any> {
  params: P; body: ReqBody; query: ReqQuery; res?: Response<ResBody>;
}
export interface Response<ResBody = any> { locals: Record<string, any>; json(body?: ResBody): this; }
`;

// What migrated code hands legacy(): express's verb generics moved onto it, a type-literal params type, an interface one.
const APP = `
import { legacy } from './compat/legacy.js';
interface Paging { page: string }
interface ById { id: string }
legacy((req, res) => { res.json({ id: req.params.id }); });
legacy<{ id: string }, { id: string }>((req, res) => { res.json({ id: req.params.id }); });
legacy<{}, unknown[], unknown, Paging>((req, res) => { res.json([req.query.page]); });
legacy<ById>((req, res) => { res.json(req.params.id); });
`;

test('legacy() declarations compile against express typings without Locals and with a constrained P (4.17.8)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'old-express-types-'));
  try {
    mkdirSync(join(dir, 'node_modules/express'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/express/package.json'), JSON.stringify({ name: 'express', types: 'index.d.ts' }));
    writeFileSync(join(dir, 'node_modules/express/index.d.ts'), OLD_EXPRESS);
    mkdirSync(join(dir, 'compat'));
    cpSync(join(root, 'dist/compat/legacy.d.ts'), join(dir, 'compat/legacy.d.ts'));
    // legacy.d.ts names LegacyHandler only as its return type: the rest of handler-types is not under test here
    writeFileSync(join(dir, 'compat/handler-types.d.ts'), 'export type LegacyHandler = (...args: any[]) => unknown;\n');
    writeFileSync(join(dir, 'app.ts'), APP);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2020', module: 'commonjs', moduleResolution: 'node', types: [] },
      files: ['app.ts'],
    }));
    const r = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
