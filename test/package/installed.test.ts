// The package as `npm install migrate-api` lays it out (package.json + the `files` it publishes), beside ONLY
// what it declares as dependencies: the runtime serves its docs pages from its own dist/assets, and the CLI
// (one bundle) migrates an app with a `.route()` chain (the jscodeshift reprint) with none of the codemod
// toolchain installed. Reads the build output (dist/), which CI makes before the tests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { timeless } from '../helpers/migrate-cli.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  files: string[]; dependencies: Record<string, string>;
};
let dir = '';

before(() => {
  assert.ok(existsSync(join(root, 'dist/codemods/bin.js')), 'build output missing: run `npm run build` before these tests');
  dir = mkdtempSync(join(tmpdir(), 'migrate-api-installed-'));
  const installed = join(dir, 'node_modules', 'migrate-api');
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, 'package.json'), join(installed, 'package.json'));
  for (const entry of manifest.files) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(installed, entry), { recursive: true });
  }
  // The app's own express and zod, and migrate-api's declared dependencies: nothing else.
  for (const dep of ['express', 'zod', ...Object.keys(manifest.dependencies)]) {
    mkdirSync(dirname(join(dir, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
});

after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('the runtime declares no codemod toolchain and no docs-UI package as a dependency', () => {
  for (const heavy of ['jscodeshift', 'recast', '@babel/parser', 'yaml', 'js-yaml', 'redoc', 'swagger-ui-dist', '@apidevtools/swagger-parser']) {
    assert.equal(manifest.dependencies[heavy], undefined, `${heavy} is a runtime dependency`);
  }
});

test('an installed runtime serves /openapi.json, /docs and /redoc from its own files', async () => {
  writeFileSync(join(dir, 'serve.cjs'), `
const express = require('express');
const { typed } = require('migrate-api/compat');
const app = typed(express(), { title: 'installed', version: '1.0.0' });
const server = app.listen(0, '127.0.0.1', async () => {
  const base = 'http://127.0.0.1:' + server.address().port;
  const out = {};
  for (const p of ['/openapi.json', '/docs', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css', '/redoc', '/redoc/redoc.standalone.js']) {
    const r = await fetch(base + p);
    out[p] = [r.status, (await r.arrayBuffer()).byteLength > 50];
  }
  console.log(JSON.stringify(out));
  server.close();
});`);
  const { stdout } = await run(process.execPath, ['serve.cjs'], { cwd: dir });
  const seen = JSON.parse(stdout) as Record<string, [number, boolean]>;
  for (const [path, [status, nonEmpty]] of Object.entries(seen)) {
    assert.deepEqual([status, nonEmpty], [200, true], path);
  }
});

test('the ESM runtime finds its own files when `node -e` has put a global require and __dirname beside it', async () => {
  // An app started as `node -e "import('./app.js')..."`: the eval's CommonJS globals are visible to ESM modules.
  const script = `import('migrate-api/compat').then(async ({ typed }) => {
  const express = require('express');
  const app = typed(express(), { title: 'eval', version: '1.0.0' });
  const server = app.listen(0, '127.0.0.1', async () => {
    const r = await fetch('http://127.0.0.1:' + server.address().port + '/docs/swagger-ui.css');
    console.log(JSON.stringify([typeof __dirname, r.status]));
    server.close();
  });
});`;
  const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir });
  assert.deepEqual(JSON.parse(stdout), ['string', 200]);
});

test('the installed CLI migrates an app with a .route() chain without the toolchain installed', async () => {
  const app = join(dir, 'app');
  cpSync(join(root, 'fixtures', 'apps', 'users-cjs'), app, { recursive: true, filter: (s) => !s.includes('node_modules') });
  const { stdout } = await run(process.execPath, [join(dir, 'node_modules/migrate-api/dist/codemods/bin.js'), app, '--force', '--json'], { cwd: dir })
    .catch((err: { code: number; stdout: string; stderr: string }) => assert.fail(`CLI exited ${err.code}: ${err.stderr}\n${err.stdout.slice(-3000)}`));
  const summary = JSON.parse(stdout) as { routes: Array<{ status: string }> };
  assert.equal(summary.routes.length, 10);
  assert.deepEqual(summary.routes.filter((r) => r.status === 'skipped'), []);
  const users = readFileSync(join(app, 'routes', 'users.js'), 'utf8');
  assert.doesNotMatch(users, /\.route\(/, 'the .route() chain was split into one statement per verb');
  assert.match(users, /typed\(/);
});

test('the installed CLI answers a no-op re-run from its run record, and a reinstalled package misses it', async () => {
  const app = join(dir, 'app-rerun');
  cpSync(join(root, 'fixtures', 'apps', 'users-cjs'), app, { recursive: true, filter: (s) => !s.includes('node_modules') });
  const bin = join(dir, 'node_modules/migrate-api/dist/codemods/bin.js');
  const cli = () => run(process.execPath, [bin, app, '--force'], { cwd: dir })
    .catch((err: { code: number; stdout: string; stderr: string }) => assert.fail(`CLI exited ${err.code}: ${err.stderr}`));
  const cache = join(app, 'node_modules', '.cache', 'migrate-api');
  /** Every run record in the cache, with what tells a rewritten file from an untouched one. */
  const records = () => readdirSync(cache).filter((f) => f.startsWith('run-')).sort().map((f) => {
    const st = statSync(join(cache, f), { bigint: true });
    return `${f} ${st.ino} ${st.mtimeNs}`;
  });

  await cli(); // the migration: it wrote files, so it records nothing
  const noop = await cli(); // the first re-run: a full run that changed nothing, recorded
  const recorded = records();
  assert.equal(recorded.length, 1);
  const replayed = await cli();
  assert.deepEqual(records(), recorded, 'answered from the record: a full run would have stored it again');
  assert.equal(replayed.stdout, noop.stdout);
  assert.equal(timeless(replayed.stderr), timeless(noop.stderr));

  // A reinstall (or upgrade) leaves other files in the package's code folder: the record is not that tool's.
  const chunk = readdirSync(join(dir, 'node_modules/migrate-api/dist/codemods')).find((f) => f.endsWith('.js') && f !== 'bin.js')!;
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, 'node_modules/migrate-api/dist/codemods', chunk), later, later);
  const rerun = await cli();
  const after = records();
  assert.equal(after.length, 1, 'the reinstalled tool\'s record replaces the old one: upgrades leave none behind');
  assert.notDeepEqual(after, recorded, 'the reinstalled tool ran in full and recorded its own run');
  assert.equal(timeless(rerun.stderr), timeless(noop.stderr));
});

test('a resolver that ignores `exports` (jest < 28, webpack 4) finds migrate-api/compat through compat/package.json', async () => {
  // Node itself falls back to the folder lookup such resolvers do when the manifest has no `exports`.
  // Its own temp folder: a lookup that fails in the nearest node_modules goes on to the parent folders' ones.
  const legacy = mkdtempSync(join(tmpdir(), 'migrate-api-no-exports-'));
  after(() => rmSync(legacy, { recursive: true, force: true }));
  mkdirSync(join(legacy, 'node_modules'), { recursive: true });
  cpSync(join(dir, 'node_modules', 'migrate-api'), join(legacy, 'node_modules', 'migrate-api'), { recursive: true });
  const pkgFile = join(legacy, 'node_modules', 'migrate-api', 'package.json');
  const { exports: _exports, ...withoutExports } = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(pkgFile, JSON.stringify(withoutExports));
  for (const dep of ['express', 'zod', ...Object.keys(manifest.dependencies)]) {
    mkdirSync(dirname(join(legacy, 'node_modules', dep)), { recursive: true });
    symlinkSync(join(root, 'node_modules', dep), join(legacy, 'node_modules', dep), 'dir');
  }
  writeFileSync(join(legacy, 'probe.cjs'), `const p = require.resolve('migrate-api/compat'); const { typed, legacy } = require('migrate-api/compat');
console.log(JSON.stringify({ p, typed: typeof typed, legacy: typeof legacy }));`);
  const { stdout } = await run(process.execPath, ['probe.cjs'], { cwd: legacy });
  const seen = JSON.parse(stdout) as { p: string; typed: string; legacy: string };
  assert.ok(seen.p.startsWith(legacy), seen.p);
  assert.match(seen.p, /migrate-api[\\/]dist[\\/]compat[\\/]index\.cjs$/);
  assert.deepEqual([seen.typed, seen.legacy], ['function', 'function']);
});

