import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { compareSuites, readSuite } from '../../../bench/real-apps/suite.js';

const reporter = resolve('bench/real-apps/node-test-reporter.mjs');

function withDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'real-apps-suite-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('readSuite', () => {
  it('reads jest JSON, and a file that failed to load counts as one failed test with its error', () => withDir((dir) => {
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify({
      testResults: [
        { name: join(dir, 'test/users.test.js'), status: 'passed', message: '', assertionResults: [
          { title: 'lists users', ancestorTitles: ['GET /users'], status: 'passed', failureMessages: [] },
          { title: 'rejects bad id', ancestorTitles: ['GET /users/:id'], status: 'failed', failureMessages: ['Error: expected 400, got 200\n    at Object.<anonymous> (test/users.test.js:12:5)\n    at node_modules/jest-circus/x.js:1:1'] },
          { title: 'later', ancestorTitles: [], status: 'pending', failureMessages: [] },
        ] },
        { name: join(dir, 'test/auth.test.js'), status: 'failed', assertionResults: [],
          message: "  ● Test suite failed to run\n\n    ReferenceError: Cannot access 'typed' before initialization\n\n      at Object.<anonymous> (src/routes/auth.js:2:16)" },
      ],
    }));
    const run = readSuite('jest-json', file, dir, 1);
    assert.deepEqual(run.tests, [
      { name: 'test/users.test.js > GET /users > lists users', status: 'passed', error: undefined },
      { name: 'test/users.test.js > GET /users/:id > rejects bad id', status: 'failed', error: 'Error: expected 400, got 200 | at Object.<anonymous> (test/users.test.js:12:5)' },
      { name: 'test/users.test.js > later', status: 'skipped', error: undefined },
      { name: 'test/auth.test.js (file failed to run)', status: 'failed',
        error: "● Test suite failed to run | ReferenceError: Cannot access 'typed' before initialization | at Object.<anonymous> (src/routes/auth.js:2:16)" },
    ]);
    assert.deepEqual([run.passed, run.failed, run.skipped], [1, 2, 1]);
  }));

  it('reads mocha JSON after whatever the app printed first, hook failures included', () => withDir((dir) => {
    const file = join(dir, 'results.json');
    writeFileSync(file, `Listening on port 3000\n${JSON.stringify({
      tests: [], pending: [{ fullTitle: 'Books skipped one' }],
      passes: [{ fullTitle: 'Books GET /book lists' }],
      failures: [{ fullTitle: 'Books "before all" hook', err: { message: 'boom', stack: 'Error: boom\n    at Context.<anonymous> (test/book.js:5:9)' } }],
    })}`);
    const run = readSuite('mocha-json', file, dir, 1);
    assert.deepEqual(run.tests, [
      { name: 'Books GET /book lists', status: 'passed' },
      { name: 'Books skipped one', status: 'skipped' },
      { name: 'Books "before all" hook', status: 'failed', error: 'Error: boom | at Context.<anonymous> (test/book.js:5:9)' },
    ]);
  }));

  it('reads what node-test-reporter.mjs writes for a real node --test run', () => withDir((dir) => {
    writeFileSync(join(dir, 'a.test.mjs'), `import { describe, it } from 'node:test';
describe('math', () => {
  it('adds', () => {});
  it('fails', () => { throw new Error('nope'); });
  it('later', { skip: true }, () => {});
});
`);
    const out = join(dir, 'events.ndjson');
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    spawnSync(process.execPath, ['--test', `--test-reporter=${reporter}`, `--test-reporter-destination=${out}`, 'a.test.mjs'], { cwd: dir, env });
    const run = readSuite('node-test', out, dir, 1);
    const names = run.tests!.map((t) => `${t.name}: ${t.status}`);
    assert.deepEqual(names.filter((n) => n.includes('math')), [
      'a.test.mjs > math > adds: passed',
      'a.test.mjs > math > fails: failed',
      'a.test.mjs > math > later: skipped',
      'a.test.mjs > math: failed',
    ]);
    assert.match(run.tests!.find((t) => t.name.endsWith('fails'))!.error!, /nope/);
  }));

  it('says why when the reporter wrote nothing', () => {
    const run = readSuite('jest-json', '/nonexistent/results.json', '/nonexistent', 137);
    assert.equal(run.tests, null);
    assert.match(run.problem!, /wrote no results file .*exit code 137/);
  });
});

describe('compareSuites', () => {
  it('lists every test whose status changed, vanished or appeared', () => {
    const diff = compareSuites(
      [{ name: 'a', status: 'passed' }, { name: 'b', status: 'passed' }, { name: 'c', status: 'failed' }],
      [{ name: 'a', status: 'passed' }, { name: 'b', status: 'failed', error: 'E' }, { name: 'd', status: 'failed', error: 'F' }],
    );
    assert.equal(diff.same, false);
    assert.deepEqual(diff.changed, [
      { name: 'b', before: 'passed', after: 'failed', error: 'E' },
      { name: 'c', before: 'failed', after: 'absent' },
      { name: 'd', before: 'absent', after: 'failed', error: 'F' },
    ]);
    assert.equal(compareSuites([{ name: 'a', status: 'passed' }], [{ name: 'a', status: 'passed' }]).same, true);
  });
});
