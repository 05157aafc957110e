// migrate-api/compat's published types, compiled by tsc in a consumer project the way TypeScript apps are
// really set up: `module: commonjs` with no moduleResolution (TypeScript's default there is node10, which
// ignores `exports`: package.json's typesVersions must lead it to dist/compat/index.d.ts), strict, and
// skipLibCheck off so our .d.ts files are checked too; once with this repo's @types/node (20) and once with
// @types/node 16 (devDependency `@types/node16`, an alias of @types/node@16). Reads the build output (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const MODULES = join(ROOT, 'node_modules');
const TSC = join(MODULES, 'typescript/bin/tsc');

const APP = `import express from 'express';
import { z } from 'zod';
import { legacy, reply, typed } from 'migrate-api/compat';

const app = typed(express(), { validation: 'report' });
app.get('/users/:id', {
  params: z.object({ id: z.coerce.number().int() }),
  query: z.object({ full: z.stringbool().optional() }),
  responses: { 200: z.object({ id: z.number() }), 404: z.object({ detail: z.string() }) },
}, async ({ params, query }) => {
  const id: number = params.id;
  if (query.full === false) return reply(404, { detail: 'not found' });
  return { id };
});
app.post<{}, { ok: boolean }>('/plain', (req, res) => { res.json({ ok: true }); });
app.get('/legacy', {}, legacy<{}, { n: number }, unknown, { page: string }>((req, res) => {
  res.json({ n: parseInt(req.query.page, 10) });
}));
export default app;
`;

function consumer(typesNode: string): { dir: string; tsc: () => { status: number | null; out: string } } {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-api-tsc-consumer-'));
  const nm = join(dir, 'node_modules');
  // migrate-api as npm installs it: its package.json and dist/ copied, its dependencies beside it.
  mkdirSync(join(nm, 'migrate-api'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(nm, 'migrate-api/package.json'));
  cpSync(join(ROOT, 'dist'), join(nm, 'migrate-api/dist'), { recursive: true });
  const link = (name: string, target = join(MODULES, name)) => {
    mkdirSync(dirname(join(nm, name)), { recursive: true });
    symlinkSync(target, join(nm, name), 'dir');
  };
  for (const name of ['express', 'zod', '@asteasolutions/zod-to-openapi']) link(name);
  for (const name of ['express', 'express-serve-static-core', 'body-parser', 'serve-static', 'qs', 'range-parser', 'send', 'mime', 'http-errors', 'connect']) {
    if (existsSync(join(MODULES, '@types', name))) link(`@types/${name}`);
  }
  link('@types/node', join(MODULES, typesNode));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', module: 'commonjs', strict: true, esModuleInterop: true, noEmit: true, skipLibCheck: false },
    include: ['src'],
  }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/app.ts'), APP);
  return {
    dir,
    tsc: () => {
      const r = spawnSync(process.execPath, [TSC, '-p', dir, '--listFiles'], { encoding: 'utf8' });
      return { status: r.status, out: r.stdout + r.stderr };
    },
  };
}

test('build output and @types/node 16 are there', () => {
  assert.ok(existsSync(join(ROOT, 'dist/compat/index.d.ts')), 'run `npm run build` before this test');
  assert.match(readFileSync(join(MODULES, '@types/node16/package.json'), 'utf8'), /"version": "16\./);
});

for (const [label, typesNode, major] of [['@types/node 20', '@types/node', '20'], ['@types/node 16', '@types/node16', '16']] as const) {
  test(`module commonjs, default moduleResolution (node10), strict, ${label}: a consumer compiles`, (t) => {
    const c = consumer(typesNode);
    t.after(() => rmSync(c.dir, { recursive: true, force: true }));
    const { status, out } = c.tsc();
    const errors = out.split('\n').filter((l) => /error TS/.test(l));
    assert.deepEqual(errors, []);
    assert.equal(status, 0, out);
    // Checked against the right files: our declarations, found through typesVersions, and that @types/node.
    assert.match(out, /node_modules\/migrate-api\/dist\/compat\/index\.d\.ts/);
    const nodeTypes = JSON.parse(readFileSync(join(MODULES, typesNode, 'package.json'), 'utf8')) as { version: string };
    assert.ok(nodeTypes.version.startsWith(`${major}.`), nodeTypes.version);
    assert.ok(out.split('\n').some((l) => l.includes(`${typesNode}/`) && l.endsWith('.d.ts')), 'compiled with that @types/node');
  });
}

test('without typesVersions, node10 resolution cannot see the types and the handlers\' parameters become implicit any', (t) => {
  const c = consumer('@types/node');
  t.after(() => rmSync(c.dir, { recursive: true, force: true }));
  const pkgFile = join(c.dir, 'node_modules/migrate-api/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  delete pkg.typesVersions;
  writeFileSync(pkgFile, JSON.stringify(pkg));
  const { out } = c.tsc();
  assert.match(out, /Cannot find module 'migrate-api\/compat'/);
  assert.match(out, /implicitly has an 'any' type/);
});
