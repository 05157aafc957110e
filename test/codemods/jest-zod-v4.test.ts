// An app on zod 3.25 whose jest is older than 28 cannot load the `zod/v4` the migrated code imports (jest 27 ignores
// package.json `exports` and finds zod/v4/index.js, an ES module: checked by hand with jest 27.5.1 and zod 3.25.76,
// "Cannot use import statement outside a module"): the CLI stops before writing, with the fix, unless the app's jest
// config maps it already.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';

const ROUTES = `const express = require('express');

const router = express.Router();

router.get('/items', (req, res) => {
  res.json([]);
});

module.exports = router;
`;

const ZOD_3_25 = { name: 'zod', version: '3.25.76', type: 'module', exports: { './v4': { import: './v4/index.js', require: './v4/index.cjs' } } };

function app(t: { after: (fn: () => void) => void }, pkg: Record<string, unknown>, installed: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-jest-zod-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', ...pkg }, null, 2));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/items.js'), ROUTES);
  for (const [name, manifest] of Object.entries(installed)) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify(manifest));
  }
  return dir;
}

async function run(args: string[]) {
  let err = '';
  const code = await main(args, { out: () => {}, err: (s) => { err += s; }, isTTY: false });
  return { code, err };
}

const deps = { dependencies: { express: '^4.19.2', zod: '^3.25.0' }, devDependencies: { jest: '^27.5.1' } };

test('zod 3.25 with jest 27 installed: exit 2 naming both, the exact mapping and the other fixes; nothing written', async (t) => {
  const dir = app(t, deps, { zod: ZOD_3_25, jest: { name: 'jest', version: '27.5.1' }, express: { name: 'express', version: '4.19.2' } });
  const r = await run([join(dir, 'src'), '--dry']);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /jest 27\.5\.1 \(.*node_modules\/jest\/package\.json\) does not read package\.json "exports"/);
  assert.match(r.err, /zod 3\.25\.76 \(.*node_modules\/zod\/package\.json\)/);
  assert.match(r.err, /moduleNameMapper: \{ "\^zod\/v4\$": "zod\/v4\/index\.cjs" \}/);
  assert.match(r.err, /jest@\^29/);
  assert.match(r.err, /zod@\^4/);
  assert.equal(readFileSync(join(dir, 'src/items.js'), 'utf8'), ROUTES);
  // --force migrates anyway.
  assert.notEqual((await run([join(dir, 'src'), '--force'])).code, 2);
  assert.notEqual(readFileSync(join(dir, 'src/items.js'), 'utf8'), ROUTES);
});

test('without node_modules the ranges decide: jest ^27 and zod ^3.25 stop, with the mapping described', async (t) => {
  const dir = app(t, deps, {});
  const r = await run([join(dir, 'src'), '--dry']);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /jest \^27\.5\.1 .*zod \^3\.25\.0/s);
  assert.match(r.err, /"\^zod\/v4\$": "zod\/<the file zod's package\.json exports\["\.\/v4"\]\.require names>"/);
});

test('jest 28 or later, zod 4, no jest, or a jest config that maps zod/v4: the migration goes ahead', async (t) => {
  const cases: Array<[string, Record<string, unknown>, Record<string, Record<string, unknown>>, (dir: string) => void]> = [
    ['jest 29', deps, { zod: ZOD_3_25, jest: { name: 'jest', version: '29.7.0' } }, () => {}],
    ['zod 4', { ...deps, dependencies: { express: '^4.19.2', zod: '^4.1.0' } }, { zod: { name: 'zod', version: '4.1.12' }, jest: { name: 'jest', version: '27.5.1' } }, () => {}],
    ['no jest', { dependencies: deps.dependencies }, { zod: ZOD_3_25 }, () => {}],
    ['package.json moduleNameMapper', { ...deps, jest: { moduleNameMapper: { '^zod/v4$': 'zod/v4/index.cjs' } } }, { zod: ZOD_3_25, jest: { name: 'jest', version: '27.5.1' } }, () => {}],
    ['jest.config.js', deps, { zod: ZOD_3_25, jest: { name: 'jest', version: '27.5.1' } },
      (dir) => writeFileSync(join(dir, 'jest.config.js'), "module.exports = { moduleNameMapper: { '^zod/v4$': 'zod/v4/index.cjs' } };\n")],
  ];
  for (const [name, pkg, installed, extra] of cases) {
    const dir = app(t, pkg, installed);
    extra(dir);
    const r = await run([join(dir, 'src'), '--dry']);
    assert.equal(r.code, 1, `${name}: ${r.err}`);
    assert.doesNotMatch(r.err, /does not read package\.json "exports"/, name);
  }
});
