// The migrated code needs zod 4 (at `zod/v4` from zod 3.25 on, all of what it uses from 3.25.68: ./zod-floor.test.ts), and zod 4 TypeScript >= 5.5: the CLI finds the app's zod and TypeScript (installed, else
// the version its lockfile pins, else its package.json range) before anything is written, and stops with exit 2 and the fix unless --force.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';

const ROUTES = `import express from 'express';

const router = express.Router();

/**
 * @openapi
 * /items:
 *   get:
 *     responses:
 *       200:
 *         description: the items
 */
router.get('/items', (req, res) => {
  res.json([]);
});

export default router;
`;

/** A TypeScript app; `installed` writes node_modules/typescript/package.json with that version. */
function app(t: { after: (fn: () => void) => void }, range: string | undefined, installed?: string, tsconfig = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-ts-version-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ts-app', version: '1.0.0', dependencies: { express: '^4.19.2' }, ...(range ? { devDependencies: { typescript: range } } : {}) }, null, 2));
  if (tsconfig) writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true } }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/items.ts'), ROUTES);
  if (installed) {
    mkdirSync(join(dir, 'node_modules/typescript'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: installed }));
  }
  return dir;
}

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false });
  return { code, out, err };
}

test('installed TypeScript 4.9.5: exit 2 with the version, where it was found and the fix; nothing written', async (t) => {
  const dir = app(t, '^4.9.5', '4.9.5');
  const r = await run([dir, '--dry']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.match(r.err, /TypeScript 4\.9\.5 \(.*node_modules\/typescript\/package\.json\) is older than 5\.5/);
  assert.match(r.err, /npm install --save-dev typescript@\^5\.5/);
  assert.match(r.err, /--force/);
  const real = await run([dir]);
  assert.equal(real.code, 2);
  assert.equal(readFileSync(join(dir, 'src/items.ts'), 'utf8'), ROUTES);
  assert.doesNotMatch(readFileSync(join(dir, 'package.json'), 'utf8'), /zod/);
});

test('a test tool whose peer range stops below TypeScript 5.5 is named in the fix: upgrading TypeScript alone fails the next install', async (t) => {
  const dir = app(t, '^4.2.4', '4.2.4');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.devDependencies = { ...pkg.devDependencies, 'ts-jest': '^26.5.3', 'ts-node': '^10.9.2', jest: '^26.6.3' };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  const installed = { 'ts-jest': { version: '26.5.3', peerDependencies: { jest: '>=26 <27', typescript: '>=3.8 <5.0' } },
    'ts-node': { version: '10.9.2', peerDependencies: { typescript: '>=2.7' } }, jest: { version: '26.6.3' } };
  for (const [name, manifest] of Object.entries(installed)) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, ...manifest }));
  }
  const r = await run([dir, '--dry']);
  assert.equal(r.code, 2);
  assert.match(r.err, /\nAlso upgrade ts-jest 26\.5\.3: its peer range asks for typescript >=3\.8 <5\.0, so with TypeScript 5\.5 the app's next npm install would fail \(ERESOLVE\)\.\n$/);
  assert.doesNotMatch(r.err, /ts-node|Also upgrade jest/);
});

test('--force migrates anyway', async (t) => {
  const dir = app(t, '^4.9.5', '4.9.5');
  const r = await run([dir, '--force']);
  assert.equal(r.code, 0, r.err);
  assert.match(readFileSync(join(dir, 'src/items.ts'), 'utf8'), /typed\(express\.Router\(\)/);
});

test('the installed version wins over the range; without node_modules the range decides', async (t) => {
  assert.equal((await run([app(t, '^4.9.5', '5.6.3'), '--dry'])).code, 1, 'installed 5.6.3: a diff, not a stop');
  for (const [range, code] of [['~5.4.0', 2], ['4.9.x', 2], ['5.3.3', 2], ['^5.0.0', 1], ['>=4.2', 1], ['latest', 1]] as const) {
    assert.equal((await run([app(t, range), '--dry'])).code, code, range);
  }
});

test('an app without tsconfig.json is not a TypeScript app to check', async (t) => {
  assert.equal((await run([app(t, '^4.9.5', '4.9.5', false), '--dry'])).code, 1);
});

test('an app on zod older than 3.25 (installed, else its range) stops with exit 2 and the fix; nothing is written', async (t) => {
  const dir = app(t, '^5.6.0', '5.6.3');
  mkdirSync(join(dir, 'node_modules/zod'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/zod/package.json'), JSON.stringify({ name: 'zod', version: '3.24.2' }));
  const before = readFileSync(join(dir, 'src/items.ts'), 'utf8');
  const r = await run([dir]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /zod 3\.24\.2 \(.*node_modules\/zod\/package\.json\) is older than 3\.25/);
  // Both fixes: zod 3.25.68 (its zod/v4, z.stringFormat included) keeps the app's own zod 3 code, or zod 4.
  assert.match(r.err, /npm install zod@\^3\.25\.68 keeps zod 3 for the app's own code \(the migrated code imports `zod\/v4`\)/);
  assert.match(r.err, /npm install zod@\^4/);
  assert.equal(readFileSync(join(dir, 'src/items.ts'), 'utf8'), before);
  // zod 3.25 installed: the migration goes ahead.
  writeFileSync(join(dir, 'node_modules/zod/package.json'), JSON.stringify({ name: 'zod', version: '3.25.76' }));
  assert.notEqual((await run([dir, '--force'])).code, 2);
  assert.match(readFileSync(join(dir, 'src/items.ts'), 'utf8'), /typed\(express\.Router\(\)/);
});

test('a zod range that can only give zod older than 3.25 stops too; --force migrates anyway', async (t) => {
  const dir = app(t, '^5.6.0', '5.6.3');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const range of ['~3.23.8', '3.24.x', '^2.0.0']) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, zod: range } }));
    assert.equal((await run([dir, '--dry'])).code, 2, range);
  }
  // A range that can give 3.25 (`^3.23.8`) is let through, as `^5.0.0` is for TypeScript.
  for (const range of ['^3.23.8', '^3.25.0', '~3.25.0', '>=3.25 <4']) {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, zod: range } }));
    assert.equal((await run([dir, '--dry'])).code, 1, range);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, zod: '~3.23.8' } }));
  assert.notEqual((await run([dir, '--force'])).code, 2);
});

test('without node_modules, the version the lockfile pins decides over a range that could give 3.25 (npm, pnpm, yarn 1 and 2+)', async (t) => {
  const dir = app(t, '^5.6.0', '5.6.3');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, zod: '^3.22.4' } }));
  const lockfiles: Array<[string, (v: string) => string]> = [
    ['package-lock.json', (v) => JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/zod': { version: v } } })],
    ['package-lock.json', (v) => JSON.stringify({ lockfileVersion: 1, dependencies: { zod: { version: v } } })],
    ['pnpm-lock.yaml', (v) => `lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      zod:\n        specifier: ^3.22.4\n        version: ${v}\n`],
    ['yarn.lock', (v) => `# yarn lockfile v1\n\nzod@^3.20.0:\n  version "3.20.6"\n\nzod@^3.22.4, zod@^3.22.0:\n  version "${v}"\n  resolved "https://registry.yarnpkg.com/zod/-/zod-${v}.tgz"\n`],
    ['yarn.lock', (v) => `__metadata:\n  version: 8\n\n"zod@npm:^3.22.4":\n  version: ${v}\n  resolution: "zod@npm:${v}"\n`],
  ];
  for (const [file, text] of lockfiles) {
    writeFileSync(join(dir, file), text('3.22.4'));
    const r = await run([dir, '--dry']);
    assert.equal(r.code, 2, `${file}: ${r.err}`);
    assert.match(r.err, new RegExp(`zod 3\\.22\\.4 \\(.*${file.replace('.', '\\.')}\\) is older than 3\\.25`));
    writeFileSync(join(dir, file), text('3.25.76'));
    assert.equal((await run([dir, '--dry'])).code, 1, `${file} pinning 3.25.76`);
    rmSync(join(dir, file));
  }
  // Installed wins over the lockfile.
  writeFileSync(join(dir, 'package-lock.json'), lockfiles[0]![1]('3.22.4'));
  mkdirSync(join(dir, 'node_modules/zod'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/zod/package.json'), JSON.stringify({ name: 'zod', version: '3.25.76' }));
  assert.equal((await run([dir, '--dry'])).code, 1);
});

test('an app on express older than the peer range (installed, else its range) stops with exit 2 and the fix; nothing is written', async (t) => {
  const dir = app(t, '^5.6.0', '5.6.3');
  mkdirSync(join(dir, 'node_modules/express'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/express/package.json'), JSON.stringify({ name: 'express', version: '4.15.5' }));
  const before = readFileSync(join(dir, 'src/items.ts'), 'utf8');
  const r = await run([dir]);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /express 4\.15\.5 \(.*node_modules\/express\/package\.json\) is older than 4\.16/);
  assert.match(r.err, /npm install express@\^4\.16/);
  assert.equal(readFileSync(join(dir, 'src/items.ts'), 'utf8'), before);
  // The oldest express the range allows, pinned exactly as apps do: the migration goes ahead.
  writeFileSync(join(dir, 'node_modules/express/package.json'), JSON.stringify({ name: 'express', version: '4.16.0' }));
  assert.notEqual((await run([dir, '--force'])).code, 2);
  assert.notEqual(readFileSync(join(dir, 'src/items.ts'), 'utf8'), before);
  // Nothing installed: the package.json range decides (`~4.15.0` can only give 4.15; `4.17.1` is fine).
  rmSync(join(dir, 'node_modules/express'), { recursive: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { express: '~4.15.0' } }));
  assert.equal((await run([dir, '--dry'])).code, 2);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, dependencies: { express: '4.17.1' } }));
  assert.notEqual((await run([dir, '--dry'])).code, 2);
});
