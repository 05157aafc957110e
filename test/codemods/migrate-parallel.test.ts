// The worker-thread path of migrateProject must give exactly what the in-process path gives: same writes,
// same report (bar the timing fields), on a generated corpus, on the app fixtures, and through the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeCorpus } from '../../bench/corpus.js';
import { migrateProject, type MigrationResult } from '../../codemods/migrate.js';

const repo = join(import.meta.dirname, '..', '..');

function comparable(r: MigrationResult) {
  const { date: _d, durationMs: _t, ...report } = r.report;
  return { report, writes: r.writes };
}

/** Every file's text, with the tree's own path (which the generated header names) replaced by `<dir>`;
 *  node_modules (the CLI's cache) left out. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory() && e.name === 'node_modules') continue;
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8').split(dir).join('<dir>');
    }
  };
  walk(dir);
  return out;
}

test('workers and in-process give the same migration of a generated 40-file corpus (with a file that does not parse)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ma-par-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeCorpus(dir, 40, 7);
  writeFileSync(join(dir, 'routes', 'broken.js'), "const router = require('express').Router();\nrouter.get('/x', (req, res) => {\n");
  const sequential = await migrateProject(dir, { workers: 0 });
  const parallel = await migrateProject(dir, { workers: 2 });
  assert.ok(sequential.writes.length >= 40, `expected every route file rewritten, got ${sequential.writes.length} writes`);
  assert.ok(sequential.report.diagnostics.some((d) => d.code === 'parse-error' && d.at?.file === 'routes/broken.js'));
  assert.deepEqual(comparable(parallel), comparable(sequential));
});

for (const app of ['users-cjs', 'orders-esm', 'inventory-ts']) {
  test(`workers and in-process give the same migration of fixtures/apps/${app}`, async () => {
    const dir = join(repo, 'fixtures', 'apps', app);
    const sequential = await migrateProject(dir, { workers: 0 });
    const parallel = await migrateProject(dir, { workers: 2 });
    assert.ok(sequential.writes.length > 0);
    assert.deepEqual(comparable(parallel), comparable(sequential));
  });
}

test('the CLI under tsx starts its .ts workers and writes what the in-process CLI writes', (t) => {
  const base = mkdtempSync(join(tmpdir(), 'ma-par-cli-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const original = tree(join(repo, 'fixtures', 'apps', 'users-cjs'));
  const results = ['0', '2'].map((workers) => {
    const dir = join(base, `w${workers}`);
    cpSync(join(repo, 'fixtures', 'apps', 'users-cjs'), dir, { recursive: true });
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'codemods', 'bin.ts'), dir, '--force'], {
      cwd: repo, encoding: 'utf8', env: { ...process.env, MIGRATE_API_WORKERS: workers, CI: '1' },
    });
    assert.doesNotMatch(run.stderr, /internal error|Error:/, run.stderr);
    return { status: run.status, files: tree(dir) };
  });
  assert.notDeepEqual(results[0]!.files, original, 'the migration changed nothing');
  assert.equal(results[1]!.status, results[0]!.status);
  assert.deepEqual(results[1]!.files, results[0]!.files);
});
