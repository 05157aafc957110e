// migrate-api/compat's published types, compiled by tsc in a consumer project the way TypeScript apps are
// really set up: `module: commonjs` with no moduleResolution (TypeScript's default there is node10, which
// ignores `exports`: package.json's typesVersions must lead it to dist/compat/index.d.ts), strict, and
// skipLibCheck off so our .d.ts files are checked too; once with this repo's @types/node (20) and once with
// @types/node 16 (devDependency `@types/node16`, an alias of @types/node@16). And with the app's zod 3.25
// (devDependency `zod325`, zod@3.25.76: compat's declarations import `zod/v4`, which zod 3.25 ships), under node10,
// node16 and bundler resolution, the app's own zod 3 code beside the migrated code. Reads the build output (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** What a migrated zod-3.25 app holds: its own zod 3 schemas (`zod`) and the migrated route (`zod/v4`). */
const ZOD3_APP = APP.replace("import { z } from 'zod';", "import { z } from 'zod/v4';\nimport { z as z3 } from 'zod';")
  + `export const Old = z3.object({ name: z3.string() });\nexport type OldT = z3.infer<typeof Old>;\n`;

interface ConsumerOptions {
  /** The zod the app has: this repo's zod 4, or zod 3.25 (`zod325`). */
  zod?: 'zod' | 'zod325';
  /** tsconfig's moduleResolution (with the module setting it needs); none: commonjs's default, node10. */
  resolution?: 'node16' | 'bundler';
  /** Under node16: a CommonJS app (no `"type": "module"`), whose imports are require() calls. */
  commonjs?: boolean;
}

function consumer(typesNode: string, { zod = 'zod', resolution, commonjs = false }: ConsumerOptions = {}): { dir: string; tsc: () => { status: number | null; out: string } } {
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
  // Only what an app has: its express and zod. zod-to-openapi is inside dist (scripts/build.mjs), not installed.
  link('express');
  link('zod', join(MODULES, zod));
  for (const name of ['express', 'express-serve-static-core', 'body-parser', 'serve-static', 'qs', 'range-parser', 'send', 'mime', 'http-errors', 'connect']) {
    if (existsSync(join(MODULES, '@types', name))) link(`@types/${name}`);
  }
  link('@types/node', join(MODULES, typesNode));
  // node16 and bundler: an ESM app, or under node16 a CommonJS one (its imports resolve through the `require` types).
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, ...(resolution && !commonjs ? { type: 'module' } : {}) }));
  const modules = resolution === 'node16' ? { module: 'node16', moduleResolution: 'node16' }
    : resolution === 'bundler' ? { module: 'esnext', moduleResolution: 'bundler' } : { module: 'commonjs' };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2020', ...modules, strict: true, esModuleInterop: true, noEmit: true, skipLibCheck: false },
    include: ['src'],
  }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/app.ts'), zod === 'zod325' ? ZOD3_APP : APP);
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

for (const [zod, resolution] of [['zod325', undefined], ['zod325', 'node16'], ['zod325', 'bundler'], ['zod', 'node16'], ['zod', 'bundler']] as const) {
  test(`${zod === 'zod325' ? 'zod 3.25 app' : 'zod 4 app'}, moduleResolution ${resolution ?? 'node10'}: compat's zod/v4 types resolve and a consumer compiles`, (t) => {
    const c = consumer('@types/node', { zod, resolution });
    t.after(() => rmSync(c.dir, { recursive: true, force: true }));
    const { status, out } = c.tsc();
    assert.deepEqual(out.split('\n').filter((l) => /error TS/.test(l)), []);
    assert.equal(status, 0, out);
    // The declarations were read (not an any from a missing module), with the app's zod's v4 types (tsc lists
    // files by their real path: this repo's node_modules/<zod or zod325>).
    assert.match(out, /node_modules\/migrate-api\/dist\/compat\/index\.d\.ts/);
    assert.match(out, new RegExp(`node_modules/${zod}/v4/classic/`));
    if (zod === 'zod325') assert.match(out, /node_modules\/zod325\/v3\//, "the app's own zod 3 types were compiled too");
  });
}

for (const zod of ['zod', 'zod325'] as const) {
  test(`${zod === 'zod325' ? 'zod 3.25 app' : 'zod 4 app'} in CommonJS, moduleResolution node16: compat's require types (.d.cts) resolve and a consumer compiles`, (t) => {
    const { dir, tsc } = consumer('@types/node', { zod, resolution: 'node16', commonjs: true });
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const { status, out } = tsc();
    assert.deepEqual(out.split('\n').filter((l) => /error TS/.test(l)), []);
    assert.equal(status, 0, out);
    assert.ok(out.split('\n').some((l) => l.endsWith('migrate-api/dist/compat/index.d.cts')), 'compiled against the require types');
  });
}

test('compat\'s published declarations import zod only as zod/v4 and never name zod-to-openapi', () => {
  for (const file of readdirSync(join(ROOT, 'dist/compat')).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(join(ROOT, 'dist/compat', file), 'utf8');
    assert.doesNotMatch(text, /from ['"]zod['"]/, file);
    assert.doesNotMatch(text, /zod-to-openapi|openapi3-ts/, file);
  }
});

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
