// An app on zod 3.25.0-3.25.27 (`zod/v4` only in package.json `exports`) whose tsconfig resolves modules without
// reading `exports` (node10: `module: commonjs` without moduleResolution; classic) stops compiling once migrated
// code imports `zod/v4` (checked by hand: zod 3.25.20, TypeScript 5.9.3, TS2307). The CLI stops before writing,
// with the fixes, unless the app's own TypeScript resolves `zod/v4` with its tsconfig (extends, paths) already.
// The zod packages here are the layout of the real ones (3.25.20's `exports`; 3.25.28's added v4/index.d.ts);
// the TypeScript is this repository's, installed into each app as the app's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tscCannotResolveZodV4 } from '../../codemods/tsc-zod-v4.js';
import { readTree, replayCli, runCli, tempDir } from '../helpers/migrate-cli.js';

const REPO = join(import.meta.dirname, '../..');

const ROUTES = `import express from 'express';

export const router = express.Router();

/**
 * @openapi
 * /items/{id}:
 *   get:
 *     parameters:
 *       - { in: path, name: id, required: true, schema: { type: integer } }
 *     responses:
 *       200: { description: an item }
 */
router.get('/items/:id', (req, res) => {
  res.json({ id: req.params.id });
});
`;

const types = (file: string) => ({ '@zod/source': './src/v4/index.ts', types: file, default: file.replace('types', 'cjs').replace('.d.ts', '.js') });
/** zod 3.25.20's package.json, as published (trimmed to what resolution reads). */
const ZOD_3_25_20 = {
  name: 'zod', version: '3.25.20', type: 'module', main: './dist/cjs/index.js', types: './dist/types/index.d.ts',
  exports: {
    '.': { import: types('./dist/types/index.d.ts'), require: types('./dist/types/index.d.ts') },
    './v4': { import: types('./dist/types/v4/index.d.ts'), require: types('./dist/types/v4/index.d.ts') },
    './v4/core': { import: types('./dist/types/v4/core/index.d.ts'), require: types('./dist/types/v4/core/index.d.ts') },
  },
};

/** The file 3.25.28 added, which node10 resolution finds for `zod/v4`. */
const V4_INDEX = "export * from '../dist/types/v4/index.js';\n";

type Files = Record<string, string>;

function write(dir: string, files: Files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** An app with zod 3.25.20 (or `zod` as given) and TypeScript installed, and the files given (tsconfig.json...;
 *  src/items.ts, a documented route, unless they hold sources). */
function app(files: Files, zod: Record<string, unknown> = ZOD_3_25_20, extra: Files = {}, typescript = true): string {
  const dir = tempDir('tsc-zod-v4');
  write(dir, {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.21.2', zod: String(zod.version) }, devDependencies: { typescript: '~5.9.2' } }),
    ...(Object.keys(files).some((f) => f.startsWith('src/')) ? {} : { 'src/items.ts': ROUTES }),
    'node_modules/zod/package.json': JSON.stringify(zod),
    'node_modules/zod/dist/types/index.d.ts': 'export declare const z: any;\n',
    'node_modules/zod/dist/types/v4/index.d.ts': 'export declare const z: any;\n',
    'node_modules/zod/dist/types/v4/core/index.d.ts': 'export declare const core: any;\n',
    ...extra,
    ...files,
  });
  if (typescript) symlinkSync(join(REPO, 'node_modules/typescript'), join(dir, 'node_modules/typescript'), 'dir');
  return dir;
}

const tsconfig = (compilerOptions: Record<string, unknown>, more: Record<string, unknown> = {}) =>
  JSON.stringify({ compilerOptions: { strict: true, skipLibCheck: true, ...compilerOptions }, include: ['src'], ...more });

const PATHS = { 'zod/v4': ['./node_modules/zod/dist/types/v4/index.d.ts'], 'zod/v4/core': ['./node_modules/zod/dist/types/v4/core/index.d.ts'] };

test('tsconfigs that do not read exports, with zod 3.25.20: found, with the resolution tsc uses and paths to its declarations', () => {
  const cases: Array<[string, Files, string]> = [
    ['module commonjs, no moduleResolution', { 'tsconfig.json': tsconfig({ module: 'commonjs' }) }, 'node10'],
    ['moduleResolution node', { 'tsconfig.json': tsconfig({ module: 'commonjs', moduleResolution: 'node' }) }, 'node10'],
    ['nothing set, target ES2021 (module es2015: classic)', { 'tsconfig.json': tsconfig({ target: 'ES2021' }) }, 'classic'],
    ['commonjs through extends', { 'tsconfig.base.json': tsconfig({ module: 'commonjs' }), 'tsconfig.json': '{ "extends": "./tsconfig.base.json", "include": ["src"] }' }, 'node10'],
  ];
  for (const [name, files, resolution] of cases) {
    const found = tscCannotResolveZodV4(app(files));
    assert.ok(found, name);
    assert.equal(found.resolution, resolution, name);
    assert.equal(found.zod.version, '3.25.20', name);
    assert.match(found.tsconfig, /\/tsconfig\.json$/, name);
    assert.deepEqual(found.paths, { 'zod/v4': PATHS['zod/v4'][0], 'zod/v4/core': PATHS['zod/v4/core'][0] }, name);
  }
  // With a baseUrl, `paths` targets are read from there.
  const based = tscCannotResolveZodV4(app({ 'tsconfig.json': tsconfig({ module: 'commonjs', baseUrl: 'src' }) }));
  assert.equal(based?.paths['zod/v4'], '../node_modules/zod/dist/types/v4/index.d.ts');
});

test('a tsconfig that resolves zod/v4, a zod that ships v4/index.d.ts, a JavaScript app, no TypeScript: not found', () => {
  const zod3_25_28 = { ...ZOD_3_25_20, version: '3.25.28' };
  const cases: Array<[string, string]> = [
    ['module and moduleResolution node16', app({ 'tsconfig.json': tsconfig({ module: 'node16', moduleResolution: 'node16' }) })],
    ['module nodenext, no moduleResolution', app({ 'tsconfig.json': tsconfig({ module: 'nodenext' }) })],
    ['moduleResolution bundler', app({ 'tsconfig.json': tsconfig({ module: 'esnext', moduleResolution: 'bundler' }) })],
    ['paths mapping zod/v4', app({ 'tsconfig.json': tsconfig({ module: 'commonjs', paths: PATHS }) })],
    ['node16 through extends', app({ 'tsconfig.base.json': tsconfig({ module: 'node16' }), 'tsconfig.json': '{ "extends": "./tsconfig.base.json", "include": ["src"] }' })],
    ['zod 3.25.28 (v4/index.d.ts)', app({ 'tsconfig.json': tsconfig({ module: 'commonjs' }) }, zod3_25_28, { 'node_modules/zod/v4/index.d.ts': V4_INDEX })],
    ['a JavaScript app (allowJs, no checkJs)', app({ 'tsconfig.json': tsconfig({ module: 'commonjs', allowJs: true }), 'src/items.js': ROUTES }, ZOD_3_25_20, {})],
    ['no typescript installed', app({ 'tsconfig.json': tsconfig({ module: 'commonjs' }) }, ZOD_3_25_20, {}, false)],
    ['no tsconfig.json', app({})],
  ];
  for (const [name, dir] of cases) assert.equal(tscCannotResolveZodV4(dir), null, name);
});

test('the CLI stops before writing anything: exit 2 naming tsconfig.json and zod, with every fix; --force migrates', async () => {
  const dir = app({ 'tsconfig.json': tsconfig({ module: 'commonjs' }) });
  const before = readTree(dir);
  for (const args of [[join(dir, 'src')], [join(dir, 'src'), '--dry']]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /tsconfig\.json resolves modules as node10 \(TypeScript 5\.\d+\.\d+\), which does not read package\.json "exports"/);
    assert.match(r.err, /zod 3\.25\.20 \(.*node_modules\/zod\/package\.json\) provides `zod\/v4` only there/);
    assert.match(r.err, /TS2307/);
    assert.match(r.err, /zod@\^3\.25\.28/);
    assert.match(r.err, /zod@\^4/);
    assert.ok(r.err.includes('"zod/v4": ["./node_modules/zod/dist/types/v4/index.d.ts"], "zod/v4/core": ["./node_modules/zod/dist/types/v4/core/index.d.ts"]'), r.err);
    assert.match(r.err, /"moduleResolution": "node16"/);
    assert.match(r.err, /--force/);
    assert.equal(r.out, '');
    assert.deepEqual(readTree(dir), before);
  }
  const forced = await runCli([join(dir, 'src'), '--dry', '--force', '--no-cache']);
  assert.notEqual(forced.code, 2, forced.err);
  assert.match(forced.out, /from 'zod\/v4'/);
});

test('the run record is not replayed once the app can no longer resolve zod/v4: the full run refuses', async () => {
  // Migrated on a zod that ships v4/index.d.ts, and the no-op re-run recorded; then that file goes (the layout of
  // 3.25.27 and before, a file no run reads): the uncached run refuses, so the replay must not answer.
  const dir = app({ 'tsconfig.json': tsconfig({ module: 'commonjs' }) }, ZOD_3_25_20, { 'node_modules/zod/v4/index.d.ts': V4_INDEX });
  const src = join(dir, 'src');
  assert.equal((await runCli([src, '--force'])).code, 0);
  await runCli([src, '--dry']);
  assert.notEqual((await replayCli([src, '--dry'])).code, null, 'an unchanged tree is replayed');
  rmSync(join(dir, 'node_modules/zod/v4/index.d.ts'));
  assert.equal((await replayCli([src, '--dry'])).code, null);
  assert.equal((await runCli([src, '--dry'])).code, 2);
});
