// The migration's fixed-point check (codemods/cli/fixed-point.ts): after writing, the same migration runs again over
// what was written. At the fixed point that run is recorded (the next CLI run is answered from it, and the per-file
// cache holds every file the migration wrote); short of it, the user is told which files would change, and nothing
// is recorded for a tree the next run would rewrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { checkFixedPoint } from '../../../codemods/cli/fixed-point.js';
import { copyFixture, replayCli, runCli } from '../../helpers/migrate-cli.js';

const cacheDir = (dir: string) => join(dir, 'node_modules', '.cache', 'migrate-api');
const entries = (dir: string, kind: string) => readdirSync(cacheDir(dir)).filter((f) => f.startsWith(`${kind}-`));

test('a tree short of the fixed point is named file by file, and no run is recorded for it', async () => {
  const dir = copyFixture('apps/users-cjs');
  const flags = { force: true, validation: 'report' };
  let err = '';
  const changed = await checkFixedPoint(dir, { cache: true, validation: 'report' }, { err: (s) => { err += s; } }, { flags, cacheDir: cacheDir(dir) });
  // The fixture is not migrated yet: the "second" run would rewrite its route files and add the schemas module.
  assert.ok(changed.length > 1, `expected files a run would change, got ${JSON.stringify(changed)}`);
  assert.ok(changed.some((f) => f.endsWith(join('routes', 'users.js'))), JSON.stringify(changed));
  assert.match(stripVTControlCharacters(err), new RegExp(`^note: a second run would still change ${changed.length} files \\(.*users\\.js.*\\); a migration should change nothing the second time: please report this to migrate-api with those files\\n$`));
  assert.equal(entries(dir, 'run').length, 0, 'no record of a run that would write');
  assert.equal(readFileSync(join(dir, 'routes', 'users.js'), 'utf8'), readFileSync(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'apps', 'users-cjs', 'routes', 'users.js'), 'utf8'), 'the check writes nothing');
});

test('a migration that writes leaves the run after it recorded and every file it wrote analysed in the cache', async () => {
  const dir = copyFixture('apps/orders-esm');
  const migration = await runCli([dir, '--force']);
  assert.doesNotMatch(migration.err, /second run would still change/);
  assert.equal(entries(dir, 'run').length, 1);
  assert.notEqual((await replayCli([dir, '--force'])).code, null);
  // Another flag misses the record, but reads every analysis from the cache: none is computed again.
  const { migrateProject } = await import('../../../codemods/migrate.js');
  const enforce = await migrateProject(dir, { cache: true, validation: 'enforce' });
  assert.equal(enforce.cache!.stats.missed.filter((m) => m.startsWith('analysis:')).length, 0, enforce.cache!.stats.missed.join('\n'));
  assert.ok(enforce.cache!.stats.hits > 0);
});

test('with --report the check still runs and fills the cache, and records nothing (a replay writes no report)', async () => {
  const dir = copyFixture('apps/clinic-cjs');
  const reportDir = join(dir, '..', `${dir.split('/').pop()}-report`);
  const migration = await runCli([dir, '--force', '--report', reportDir]);
  assert.doesNotMatch(migration.err, /second run would still change/);
  assert.equal(entries(dir, 'run').length, 0);
  const { migrateProject } = await import('../../../codemods/migrate.js');
  const again = await migrateProject(dir, { cache: true });
  assert.equal(again.writes.length, 0);
  assert.equal(again.cache!.stats.missed.filter((m) => m.startsWith('analysis:')).length, 0, again.cache!.stats.missed.join('\n'));
});
