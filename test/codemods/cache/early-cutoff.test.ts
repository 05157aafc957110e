// The run record's early cutoff (codemods/cache/early-cutoff.ts, run-replay.ts): after an edit to a file that only
// its own analysis read, the re-run analyses that file alone; an analysis that comes out the same is answered from
// the record, exactly as the uncached run answers, and the record moves to the edited text. An edit the analysis
// sees, or one to a file something else read (a controller the planner followed, a file the rewrite reads), is
// answered by the full run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileCache } from '../../../codemods/cache/file-cache.js';
import type { RunRecord } from '../../../codemods/cache/run-record.js';
import { sha1 } from '../../../codemods/cache/sha1.js';
import { copyFixture, replayCli, runCli, timeless } from '../../helpers/migrate-cli.js';

const cacheDir = (dir: string) => join(dir, 'node_modules', '.cache', 'migrate-api');
const theRecord = (dir: string): RunRecord => {
  const [file, ...more] = readdirSync(cacheDir(dir)).filter((f) => f.startsWith('run-'));
  assert.ok(file && more.length === 0, 'one record (one set of flags)');
  return JSON.parse(readFileSync(join(cacheDir(dir), file), 'utf8')) as RunRecord;
};
const recordedText = (dir: string, file: string) => theRecord(dir).inputs.find((i) => i.kind === 'file' && i.path === join(dir, file));

for (const [app, edited] of [['users-cjs', 'routes/users.js'], ['orders-esm', 'routes/orders.js'], ['bookings-ts', 'src/routes/rooms.ts'], ['clinic-cjs', 'routes/pets.js']]) {
  test(`fixtures/apps/${app}: a comment added to ${edited} is answered from the record, as the uncached run answers`, async () => {
    const dir = copyFixture(`apps/${app}`);
    await runCli([dir, '--force']);
    assert.equal(recordedText(dir, edited)?.shared, undefined, `${edited} is read by its own analysis only`);
    appendFileSync(join(dir, edited), '\n// reviewed: fine as it is\n');
    const text = readFileSync(join(dir, edited), 'utf8');

    const answer = await replayCli([dir, '--force']);
    assert.notEqual(answer.code, null, 'answered by the early cutoff');
    assert.equal(recordedText(dir, edited)?.value, sha1(text), 'the record now stands for the edited text');
    const uncached = await runCli([dir, '--force', '--no-cache']);
    assert.equal(answer.code, uncached.code);
    assert.equal(answer.out, uncached.out);
    assert.equal(timeless(answer.err), timeless(uncached.err));
    assert.equal(readFileSync(join(dir, edited), 'utf8'), text, 'nothing written');
  });
}

test('an edit the analysis sees is answered by the full run, which finds that file\'s analysis cached', async () => {
  const dir = copyFixture('apps/users-cjs');
  await runCli([dir, '--force']);
  const file = join(dir, 'routes', 'users.js');
  // A line at the top moves every route the file registers: its analysis is not the recorded one.
  writeFileSync(file, `// Users.\n${readFileSync(file, 'utf8')}`);
  assert.equal((await replayCli([dir, '--force'])).code, null);
  const entry = new FileCache(cacheDir(dir)).get('analysis', file, sha1(readFileSync(file, 'utf8')), (body) => body);
  assert.ok(entry, 'the cutoff\'s analysis of the new text is in the cache for the full run');
  const full = await runCli([dir, '--force']);
  const uncached = await runCli([dir, '--force', '--no-cache']);
  assert.equal(timeless(full.err), timeless(uncached.err));
  // That run recorded the tree as it is now: the next re-run is answered again.
  assert.equal((await replayCli([dir, '--force'])).code, full.code);
});

test('a file read beyond its own analysis is never cut off: a controller the planner followed, a file the rewrite reads', async () => {
  const dir = copyFixture('apps/notes-nodocs');
  await runCli([dir, '--force']);
  const controller = 'controllers/notesController.js';
  assert.equal(recordedText(dir, controller)?.shared, true, 'the planner followed the handlers into it');
  appendFileSync(join(dir, controller), '\n// reviewed\n');
  assert.equal((await replayCli([dir, '--force'])).code, null);
  const full = await runCli([dir, '--force']);
  assert.equal((await replayCli([dir, '--force'])).code, full.code);

  // users-cjs's app.js creates the app: it is planned, and so read by the rewrite, on every run.
  const other = copyFixture('apps/users-cjs');
  await runCli([other, '--force']);
  assert.equal(recordedText(other, 'app.js')?.shared, true);
  appendFileSync(join(other, 'app.js'), '\n// reviewed\n');
  assert.equal((await replayCli([other, '--force'])).code, null);
});
