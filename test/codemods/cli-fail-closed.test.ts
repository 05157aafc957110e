// Fail closed: when the CLI cannot be sure (git errors, a --spec it cannot read) it stops before writing anything;
// when a write fails, that file stays as it was, the message is one line with the path, and the rest is written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationReport } from '../../codemods/report.js';
import { copyFixture, readTree, runCli, tempDir } from '../helpers/migrate-cli.js';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });

test('git failing inside a checkout refuses the run with git\'s own message; nothing is written', async () => {
  const dir = copyFixture('migrate/shop-cjs/input');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'init');
  // A config git cannot read stands for any failure of git itself ("dubious ownership" is another).
  writeFileSync(join(dir, '.git/config'), '[core\n\tbare = false\n');
  const before = readTree(dir);
  const run = await runCli([dir]);
  assert.equal(run.code, 1);
  assert.match(run.err, /refusing to migrate: `git status` failed/);
  assert.match(run.err, /fatal: bad config line 1/);
  assert.deepEqual(readTree(dir), before);
});

test('a folder outside any git checkout is migrated without --force', async () => {
  const dir = copyFixture('migrate/shop-cjs/input');
  const run = await runCli([dir]);
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /files changed\s+[1-9]/);
});

for (const [label, content] of [['missing', null], ['broken YAML', 'openapi: 3.0.0\npaths:\n  /x: [\n'], ['not a spec', 'just some text\n']] as const) {
  test(`a --spec file that is ${label}, outside the target: exit 2 with the file named, nothing written (migrate and check)`, async () => {
    const dir = copyFixture('migrate/shop-cjs/input');
    const spec = join(tempDir('spec'), 'openapi.yaml');
    if (content !== null) writeFileSync(spec, content);
    const before = readTree(dir);
    for (const argv of [[dir, '--force', '--spec', spec], ['check', dir, '--spec', spec]]) {
      const run = await runCli(argv);
      assert.equal(run.code, 2, `${argv[0]}: ${run.err}${run.out}`);
      assert.ok(run.err.includes(`--spec ${spec}`), run.err);
      assert.doesNotMatch(run.out, /no drift/);
    }
    assert.deepEqual(readTree(dir), before);
  });
}

test('a write that fails: one line naming the file, no stack trace, exit 1, the other files written, the report says so', async () => {
  const dir = copyFixture('migrate/shop-cjs/input');
  const before = readTree(dir);
  // The atomic write's temp file for routes/orders.js cannot be created when a folder already has its name.
  mkdirSync(join(dir, 'routes', `.migrate-api-tmp-${process.pid}-orders.js`));
  const run = await runCli([dir, '--force', '--json']);
  assert.equal(run.code, 1);
  const errors = run.err.split('\n').filter((l) => l.includes('cannot write'));
  assert.deepEqual(errors, [`error: cannot write ${join(dir, 'routes/orders.js')}: EISDIR: illegal operation on a directory (left as it was)`]);
  assert.doesNotMatch(run.err, /\n\s+at /, 'no stack trace');
  const after = readTree(dir);
  assert.equal(after.get('routes/orders.js'), before.get('routes/orders.js'));
  assert.notEqual(after.get('routes/products.js'), before.get('routes/products.js'), 'the other route file was written');
  assert.notEqual(after.get('package.json'), before.get('package.json'));
  const report = JSON.parse(run.out) as MigrationReport;
  assert.equal(report.files.find((f) => f.file === 'routes/orders.js')?.changed, false);
  assert.ok(report.routes.filter((r) => r.file === 'routes/orders.js').every((r) => r.status === 'skipped'));
  assert.ok(report.diagnostics.some((d) => d.code === 'write-error' && d.severity === 'error'));
});
