// The whole-run record (codemods/cache/run-record.ts, run-replay.ts): a re-run of a tree that has not changed
// since a run that changed nothing is answered from the record, and prints and exits exactly as the uncached
// run does (every fixture app, the summary, --json and --dry); any input the run read that changes (a source
// file, a spec file, tsconfig, a new or deleted file), other flags, another tool, a dirty git index or an
// unreadable record means no answer from it, and the full run that follows is the uncached one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, replayCli as replay, runCli, timeless } from '../../helpers/migrate-cli.js';

const jsonless = (s: string) => { const { date: _d, durationMs: _t, ...rest } = JSON.parse(s) as Record<string, unknown>; return rest; };
const cacheDir = (dir: string) => join(dir, 'node_modules', '.cache', 'migrate-api');
const records = (dir: string) => readdirSync(cacheDir(dir)).filter((f) => f.startsWith('run-')).map((f) => join(cacheDir(dir), f));

for (const app of ['users-cjs', 'orders-esm', 'inventory-ts', 'clinic-cjs', 'bookings-joi', 'bookings-ts', 'notes-nodocs']) {
  test(`fixtures/apps/${app}: the replayed no-op prints and exits as the uncached run (summary, --json, --dry)`, async () => {
    const dir = copyFixture(`apps/${app}`);
    const migration = await runCli([dir, '--force']);
    // The migration ran itself once more over what it wrote (cli/fixed-point.ts) and recorded that run: the first
    // re-run is answered at once, with the no-op run's summary, not the migration's.
    const afterMigration = await replay([dir, '--force']);
    assert.notEqual(afterMigration.code, null, 'the first re-run after the migration is answered from the record');
    const first = await runCli([dir, '--force']);
    const replayed = await replay([dir, '--force']);
    assert.notEqual(replayed.code, null, 'the re-run of the unchanged tree is answered from the record');
    const uncached = await runCli([dir, '--force', '--no-cache']);
    for (const answer of [afterMigration, replayed]) {
      assert.equal(answer.code, uncached.code);
      assert.equal(answer.code, first.code);
      assert.equal(answer.out, uncached.out);
      assert.equal(timeless(answer.err), timeless(uncached.err));
    }
    assert.notEqual(timeless(uncached.err), timeless(migration.err), 'the no-op summary is not the migration\'s');

    const json = await runCli([dir, '--force', '--json']);
    const jsonReplay = await replay([dir, '--force', '--json']);
    const jsonUncached = await runCli([dir, '--force', '--json', '--no-cache']);
    assert.equal(jsonReplay.code, jsonUncached.code);
    assert.equal(jsonReplay.code, json.code);
    assert.deepEqual(jsonless(jsonReplay.out), jsonless(jsonUncached.out));
    assert.equal(jsonReplay.err, jsonUncached.err);

    await runCli([dir, '--dry']);
    const dry = await replay([dir, '--dry']);
    const dryUncached = await runCli([dir, '--dry', '--no-cache']);
    assert.equal(dry.code, dryUncached.code);
    assert.equal(dry.out, dryUncached.out);
    assert.equal(timeless(dry.err), timeless(dryUncached.err));
  });
}

test('each kind of input the run read, other flags and another tool make the record miss; the full run records again', async () => {
  const dir = copyFixture('apps/inventory-ts');
  await runCli([dir, '--force']);
  const settle = async () => {
    const full = await runCli([dir, '--force']);
    const again = await replay([dir, '--force']);
    assert.notEqual(again.code, null, 'the full run after a change records the tree as it is now');
    assert.equal(timeless(again.err), timeless(full.err));
    return full;
  };
  const before = await settle();
  const misses = async (what: string) => assert.equal((await replay([dir, '--force'])).code, null, `${what} makes the record miss`);

  // A source file the user edits: the full run sees it (here: a new route the migration then wraps).
  appendFileSync(join(dir, 'src', 'routes', 'items.ts'), '\n// edited by hand\n');
  await misses('a source file');
  await settle();
  writeFileSync(join(dir, 'openapi.yaml'), readFileSync(join(dir, 'openapi.yaml'), 'utf8') + '\n# a comment\n');
  await misses('the spec file the code loads');
  await settle();
  appendFileSync(join(dir, 'schemas', 'common.yaml'), '\n# a comment\n');
  await misses('a $ref\'d schema file');
  await settle();
  writeFileSync(join(dir, 'tsconfig.json'), readFileSync(join(dir, 'tsconfig.json'), 'utf8') + '\n');
  await misses('tsconfig.json');
  await settle();
  writeFileSync(join(dir, 'src', 'routes', 'extra.ts'), 'export const extra = 1;\n');
  await misses('a new file in the tree');
  const added = await settle();
  assert.match(added.err, new RegExp(`files scanned\\s+${Number(/files scanned\s+(\d+)/.exec(before.err)![1]) + 1}`));
  rmSync(join(dir, 'src', 'routes', 'extra.ts'));
  await misses('a deleted file');
  await settle();

  // Flags: a record answers only the flags it was made with.
  assert.equal((await replay([dir, '--force', '--validation', 'enforce'])).code, null);
  assert.equal((await replay([dir, '--force', '--no-cache'])).code, null);
  assert.equal((await replay([dir, '--force', '--report', join(dir, 'report')])).code, null, '--report writes files the replay does not');

  // Another tool (version or code): its record is not this tool's, and not an error either.
  for (const file of records(dir)) {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { tool: string };
    writeFileSync(file, JSON.stringify({ ...record, tool: 'another-build' }));
  }
  const other = await replay([dir, '--force']);
  assert.equal(other.code, null);
  assert.equal(other.err, '');
  await settle();
});

test('an unreadable record or cache entry is ignored with a warning: the answer is the uncached one', async () => {
  const dir = copyFixture('apps/users-cjs');
  await runCli([dir, '--force']);
  const full = await runCli([dir, '--force']);
  for (const file of records(dir)) writeFileSync(file, '{"format":1,"tool":');
  const broken = await replay([dir, '--force']);
  assert.equal(broken.code, null);
  assert.match(broken.err, /warning: ignored an unreadable cache file .*run-.*\.json; running in full/);

  // Per-file entries: truncated ones are recomputed; the run says so and answers as without the cache.
  const entries = readdirSync(cacheDir(dir)).filter((f) => f.startsWith('analysis-'));
  assert.ok(entries.length > 0);
  for (const f of entries) writeFileSync(join(cacheDir(dir), f), readFileSync(join(cacheDir(dir), f), 'utf8').slice(0, 40));
  const warned = await runCli([dir, '--force']);
  assert.match(warned.err, new RegExp(`warning: ignored ${entries.length} unreadable cache entries`));
  const uncached = await runCli([dir, '--force', '--no-cache']);
  assert.equal(warned.code, uncached.code);
  assert.equal(timeless(warned.err.replace(/^warning: ignored .*\n/m, '')), timeless(uncached.err));
  assert.equal(timeless(warned.err.replace(/^warning: ignored .*\n/m, '')), timeless(full.err));
  // That run recorded nothing (it met a broken cache); the next one does, and is answered after.
  assert.equal((await replay([dir, '--force'])).code, null);
  await runCli([dir, '--force']);
  assert.equal((await replay([dir, '--force'])).code, full.code);
});

test('without --force the replay makes the dirty-tree check the CLI makes: a dirty index is not answered', async () => {
  const dir = copyFixture('apps/orders-esm');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'app');
  await runCli([dir]);
  git('add', '-A');
  git('commit', '-qm', 'migrated');
  const clean = await runCli([dir]);
  assert.equal((await replay([dir])).code, clean.code);
  // Same bytes on disk, but the index now differs: the uncached run refuses, so the replay must not answer.
  git('rm', '-q', '--cached', 'package.json');
  assert.equal((await replay([dir])).code, null);
  const refused = await runCli([dir]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /refusing to migrate/);
});

test('--cache-location keeps the record there and the replay finds it there; --no-cache neither reads nor makes one', async () => {
  const dir = copyFixture('apps/notes-nodocs');
  const elsewhere = join(dir, '..', `${dir.split('/').pop()}-cache`);
  await runCli([dir, '--force', '--cache-location', elsewhere]);
  const full = await runCli([dir, '--force', '--cache-location', elsewhere]);
  assert.ok(readdirSync(elsewhere).some((f) => f.startsWith('run-')));
  const replayed = await replay([dir, '--force', '--cache-location', elsewhere]);
  assert.equal(replayed.code, full.code);
  assert.equal(timeless(replayed.err), timeless(full.err));
  assert.equal((await replay([dir, '--force'])).code, null, 'the default location holds no record of that run');
  rmSync(elsewhere, { recursive: true, force: true });
  await runCli([dir, '--force', '--no-cache']);
  await runCli([dir, '--force', '--no-cache']);
  assert.equal((await replay([dir, '--force', '--no-cache'])).code, null);
});
