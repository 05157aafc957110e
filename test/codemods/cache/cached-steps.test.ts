// The cache inside the migration: a run with the cache gives exactly what a run without it gives (whole
// results, on every fixture app, cold, warm and after the migration's own writes), a warm re-run parses nothing,
// and whatever a file's result depends on outside the file (a doc in another file, a mount prefix, an option, a
// `$ref`'d YAML file) makes its entry miss.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrateProject, type MigrateOptions, type MigrationResult } from '../../../codemods/migrate.js';

const repo = join(import.meta.dirname, '..', '..', '..');

function comparable(r: MigrationResult) {
  const { date: _d, durationMs: _t, ...report } = r.report;
  return { report, writes: r.writes };
}

function tempDir(t: { after: (fn: () => void) => void }, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs with and without the cache on the tree as it is, asserts the same result, and fills the cache
 *  (`finish`) as the CLI does; `write` applies the writes first, as a real run does. */
async function both(dir: string, cacheLocation: string, opts: MigrateOptions = {}, write = false) {
  const plain = await migrateProject(dir, { ...opts, cache: false });
  const cached = await migrateProject(dir, { ...opts, cache: true, cacheLocation });
  assert.deepEqual(comparable(cached), comparable(plain));
  const stats = { ...cached.cache!.stats, missed: [...cached.cache!.stats.missed] };
  if (write) for (const w of cached.writes) writeFileSync(w.file, w.after);
  await cached.cache!.finish();
  return { result: cached, stats };
}

const analysisMisses = (s: { missed: string[] }) => s.missed.filter((m) => m.startsWith('analysis:'));

for (const app of ['users-cjs', 'orders-esm', 'inventory-ts', 'clinic-cjs', 'bookings-joi', 'bookings-ts', 'notes-nodocs']) {
  test(`fixtures/apps/${app}: with the cache == without it, cold, warm, and on the migrated app (whose analyses the migration cached)`, async (t) => {
    const base = tempDir(t, 'ma-cache-app-');
    const dir = join(base, app);
    cpSync(join(repo, 'fixtures', 'apps', app), dir, { recursive: true });
    const cache = join(base, 'cache');

    const cold = await both(dir, cache);
    assert.ok(cold.result.writes.length > 0, 'the app has something to migrate');
    assert.equal(cold.stats.hits, 0);

    const warm = await both(dir, cache, {}, true);
    assert.deepEqual(analysisMisses(warm.stats), [], 'a warm run parses no file for its analysis');
    assert.ok(warm.stats.hits > 0);

    // The migrated app: the files just written are analysed again (the text they end with has no entry:
    // cached-steps.ts says why), nothing else; the run after that parses nothing.
    const written = warm.result.writes.map((w) => `analysis:${w.file}`);
    const again = await both(dir, cache);
    assert.deepEqual(analysisMisses(again.stats).filter((m) => !written.includes(m)), []);
    assert.ok(analysisMisses(again.stats).length > 0);
    assert.deepEqual(again.result.writes, [], 'a second run changes nothing');
    const third = await both(dir, cache);
    assert.deepEqual(analysisMisses(third.stats), []);
    assert.deepEqual(third.result.writes, []);
  });
}

/** An app whose route is documented in another file and mounted under a prefix in a third. */
function docsElsewhereApp(dir: string): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'docs-elsewhere', version: '1.0.0', dependencies: { express: '^5.1.0' } }, null, 2) + '\n',
    'index.js': "const express = require('express');\nconst users = require('./routes/users');\n\nconst app = express();\napp.use('/api', users);\nmodule.exports = app;\n",
    'routes/users.js': "const router = require('express').Router();\n\nrouter.get('/users/:id', (req, res) => {\n  res.json({ id: Number(req.params.id), name: 'Ada' });\n});\n\nmodule.exports = router;\n",
    'docs/users.js': [
      '/**', ' * @openapi', ' * /api/users/{id}:', ' *   get:', ' *     summary: Get a user', ' *     parameters:',
      ' *       - in: path', ' *         name: id', ' *         required: true', ' *         schema: { type: integer }',
      ' *     responses:', ' *       200:', ' *         description: The user', ' *         content:', ' *           application/json:',
      " *             schema: { $ref: './user.yaml' }", ' */', '',
    ].join('\n'),
    'docs/user.yaml': 'type: object\nproperties:\n  id: { type: integer }\n  name: { type: string }\n',
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} has ${from}`);
  writeFileSync(file, text.replace(from, to));
}

test('what a file\'s result depends on outside the file makes its entry miss, and the result is the uncached one', async (t) => {
  const base = tempDir(t, 'ma-cache-inv-');
  const dir = join(base, 'app');
  docsElsewhereApp(dir);
  const cache = join(base, 'cache');
  const users = join(dir, 'routes', 'users.js');
  const usersOutput = (r: MigrationResult) => r.writes.find((w) => w.file === users)?.after ?? '';
  const schemasOutput = (r: MigrationResult) => r.writes.find((w) => w.file.endsWith('api-schemas.cjs'))?.after ?? '';

  const first = await both(dir, cache);
  assert.match(usersOutput(first.result), /summary: 'Get a user'/);
  assert.match(usersOutput(first.result), /schema: User/);
  assert.match(schemasOutput(first.result), /name: z\.string\(\)/, 'the $ref\'d YAML schema is the User component');
  const warm = await both(dir, cache);
  assert.deepEqual(warm.stats.missed, [], 'nothing changed: every analysis and rewrite comes from the cache');

  // A doc in another file: routes/users.js reads the same, its analysis stays valid, its rewrite does not.
  edit(join(dir, 'docs', 'users.js'), 'summary: Get a user', 'summary: Fetch one user');
  const doc = await both(dir, cache);
  assert.match(usersOutput(doc.result), /summary: 'Fetch one user'/);
  assert.ok(doc.stats.missed.includes(`rewrite:${users}`));
  assert.ok(doc.stats.missed.includes(`analysis:${join(dir, 'docs', 'users.js')}`));
  assert.ok(!doc.stats.missed.includes(`analysis:${users}`));

  // A `$ref`'d YAML file (read by the cross-file doc merge, or by a doc block's analysis, which then records it):
  // the result follows it.
  edit(join(dir, 'docs', 'user.yaml'), 'name: { type: string }', 'name: { type: string, minLength: 2 }');
  const yaml = await both(dir, cache);
  assert.match(schemasOutput(yaml.result), /name: z\.string\(\)\.min\(2\)/);
  assert.ok(yaml.stats.missed.includes(`analysis:${join(dir, 'docs', 'users.js')}`), 'the doc block that $refs the YAML is analysed again');

  // A mount prefix in a third file: the route's full path changes, so does its plan.
  edit(join(dir, 'index.js'), "app.use('/api', users)", "app.use('/v2', users)");
  const mount = await both(dir, cache);
  assert.ok(mount.stats.missed.includes(`rewrite:${users}`));
  assert.ok(!mount.stats.missed.includes(`analysis:${users}`));
  assert.doesNotMatch(usersOutput(mount.result), /Fetch one user/, '/v2/users/:id is not the documented /api/users/{id}');
  edit(join(dir, 'index.js'), "app.use('/v2', users)", "app.use('/api', users)");
  await both(dir, cache);

  // Options that change the output: the validation mode, the rules.
  const enforce = await both(dir, cache, { validation: 'enforce' });
  assert.ok(enforce.stats.missed.includes(`rewrite:${users}`));
  assert.doesNotMatch(usersOutput(enforce.result), /validation: 'report'/, 'enforce is the runtime default: no report option emitted');
  assert.match(usersOutput(first.result), /validation: 'report'/);
  const only = await both(dir, cache, { only: ['MA001'] });
  assert.ok(only.stats.missed.includes(`rewrite:${users}`));
  assert.doesNotMatch(usersOutput(only.result), /summary/, 'MA001 alone attaches no spec from the docs');
  assert.deepEqual(analysisMisses(only.stats), [], 'options change no file\'s analysis');
});

/** An app whose route sends statuses named by http-status, installed in its node_modules (ours: a table). */
function statusPackageApp(dir: string, table: Record<string, number>): void {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'status-names', version: '1.0.0', dependencies: { express: '^4.21.0', 'http-status': '^1.7.0' } }, null, 2) + '\n',
    'node_modules/http-status/package.json': JSON.stringify({ name: 'http-status', version: '1.7.4', main: 'index.js' }) + '\n',
    'node_modules/http-status/index.js': `module.exports = ${JSON.stringify(table)};\n`,
    'routes/items.js': [
      "const express = require('express');", "const httpStatus = require('http-status');", '', 'const router = express.Router();', '',
      '/**', ' * @openapi', ' * /items/{id}:', ' *   get:', ' *     summary: Get an item', ' *     responses:', ' *       200:',
      ' *         description: The item', ' *         content:', ' *           application/json:', ' *             schema:',
      ' *               type: object', ' *               properties:', ' *                 id: { type: integer }', ' *       418:',
      ' *         description: A teapot', ' */',
      "router.get('/items/:id', (req, res) => {",
      "  if (req.params.id === '0') return res.status(httpStatus.I_AM_A_TEAPOT).json({ message: 'teapot' });",
      '  res.status(httpStatus.OK).json({ id: Number(req.params.id) });', '});', '', 'module.exports = router;', '',
    ].join('\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

test('a dangling $ref in a file whose analysis comes from the cache or a worker is reported where it is written, as in-process', async (t) => {
  const base = tempDir(t, 'ma-cache-ref-');
  const dir = join(base, 'app');
  docsElsewhereApp(dir);
  // A schema ref and a response ref that no file defines, in the doc file (not rewritten: its analysis is cached).
  edit(join(dir, 'docs', 'users.js'), " *             schema: { $ref: './user.yaml' }", [
    " *             schema: { $ref: './user.yaml' }",
    ' *       404:',
    " *         $ref: '#/components/responses/NotFound'",
    ' *       410:',
    ' *         description: Gone',
    ' *         content:',
    ' *           application/json:',
    " *             schema: { $ref: '#/components/schemas/Tombstone' }",
  ].join('\n'));
  const cache = join(base, 'cache');
  const refDiagnostics = (r: MigrationResult) => r.report.diagnostics.filter((d) => d.code === 'ref-missing');

  const cold = await both(dir, cache);
  const reported = refDiagnostics(cold.result);
  assert.deepEqual(reported.map((d) => [d.message, d.at?.line, d.pointer]), [
    ["$ref '#/components/responses/NotFound' points to nothing", 18, '/paths/~1api~1users~1{id}/get/responses/404/$ref'],
    ["$ref '#/components/schemas/Tombstone' names no schema; treated as any value", 23, '/paths/~1api~1users~1{id}/get/responses/410/content/application~1json/schema/$ref'],
  ]);
  // Warm: docs/users.js is read back from its entry; `both` asserts the whole result equals the uncached run's.
  const warm = await both(dir, cache);
  assert.ok(!warm.stats.missed.includes(`analysis:${join(dir, 'docs', 'users.js')}`));
  assert.deepEqual(refDiagnostics(warm.result), reported);
  // Worker threads hand analyses back the same way.
  const pooled = await migrateProject(dir, { cache: false, workers: 2 });
  assert.deepEqual(refDiagnostics(pooled), reported);
});

test('a rewrite that read statuses from an installed package misses when that package changes or another shadows it', async (t) => {
  const base = tempDir(t, 'ma-cache-status-');
  const dir = join(base, 'app');
  statusPackageApp(dir, { OK: 200, CREATED: 201 });
  const cache = join(base, 'cache');
  const items = join(dir, 'routes', 'items.js');
  const itemsOutput = (r: MigrationResult) => r.writes.find((w) => w.file === items)?.after ?? '';
  const typedTeapot = /return reply\(httpStatus\.I_AM_A_TEAPOT, \{ message: 'teapot' \}\);/;
  const computedTeapot = /return replyWith\(res\.status\(httpStatus\.I_AM_A_TEAPOT\), \{ message: 'teapot' \}\);/;

  // The installed version has no I_AM_A_TEAPOT: the status is not certain, it stays the app's own res.status() call.
  const first = await both(dir, cache);
  assert.match(itemsOutput(first.result), computedTeapot);
  assert.deepEqual((await both(dir, cache)).stats.missed, [], 'nothing changed: the rewrite comes from the cache');

  // Another version installed, which has it: the cached rewrite is not the answer (both() compares with the
  // uncached run), and the handler is typed now.
  writeFileSync(join(dir, 'node_modules', 'http-status', 'index.js'), 'module.exports = { OK: 200, CREATED: 201, I_AM_A_TEAPOT: 418 };\n');
  const upgraded = await both(dir, cache);
  assert.ok(upgraded.stats.missed.includes(`rewrite:${items}`));
  assert.ok(!upgraded.stats.missed.includes(`analysis:${items}`), 'the analysis does not read status packages');
  assert.match(itemsOutput(upgraded.result), typedTeapot);
  assert.deepEqual((await both(dir, cache)).stats.missed, []);

  // A copy installed nearer the file (where require looks first) is the one its numbers come from.
  mkdirSync(join(dir, 'routes', 'node_modules', 'http-status'), { recursive: true });
  writeFileSync(join(dir, 'routes', 'node_modules', 'http-status', 'package.json'), JSON.stringify({ name: 'http-status', version: '1.0.0', main: 'index.js' }));
  writeFileSync(join(dir, 'routes', 'node_modules', 'http-status', 'index.js'), 'module.exports = { OK: 200 };\n');
  // Node keeps the resolutions of a process (Module._pathCache), so this is a new process, as each CLI run is:
  // the entry above (typed) must not answer, and the run answers as without the cache.
  const cli = (...flags: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'codemods', 'bin.ts'), dir, '--dry', '--force', ...flags], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).stdout;
  const cachedDiff = cli('--cache-location', cache);
  assert.match(cachedDiff, /^\+.*return replyWith\(res\.status\(httpStatus\.I_AM_A_TEAPOT\)/m);
  assert.equal(cachedDiff, cli('--no-cache'));
});

test('a run that writes (the CLI without --dry) caches nothing for the files it rewrites, and answers the same', async (t) => {
  const base = tempDir(t, 'ma-cache-writes-');
  const dir = join(base, 'app');
  cpSync(join(repo, 'fixtures', 'apps', 'users-cjs'), dir, { recursive: true });
  const cache = join(base, 'cache');
  const first = await both(dir, cache, { cacheWrites: true });
  const rewritten = first.result.writes.map((w) => w.file).filter((f) => /\.(c|m)?(j|t)sx?$/.test(f));
  // Files with routes not yet migrated are known to be rewritten from their own analysis: no entry. (A
  // controller rewritten for a route elsewhere is only known later: it gets an entry that will not hit again.)
  const routeFiles = rewritten.filter((f) => f.includes('/routes/'));
  assert.ok(routeFiles.length > 0);
  // The same tree again: those files are parsed again, no file the run does not rewrite is.
  const second = await both(dir, cache, { cacheWrites: true });
  const missed = analysisMisses(second.stats);
  for (const f of routeFiles) assert.ok(missed.includes(`analysis:${f}`), `${f} has no entry`);
  assert.ok(second.stats.hits > 0);
  assert.deepEqual(missed.filter((m) => !rewritten.some((f) => m === `analysis:${f}`)), [], 'every file it does not rewrite comes from the cache');
});

test('the analysis cache is shared by worker threads and the in-process path: same results either way', async (t) => {
  const base = tempDir(t, 'ma-cache-workers-');
  const dir = join(base, 'app');
  docsElsewhereApp(dir);
  const cache = join(base, 'cache');
  await both(dir, cache, { workers: 2 });
  const warm = await both(dir, cache, { workers: 2 });
  assert.deepEqual(warm.stats.missed, []);
  const inProcess = await both(dir, cache, { workers: 0 });
  assert.deepEqual(inProcess.stats.missed, []);
});
