// --dry for a folder of a larger app: every header is relative to where the command runs (package.json and new
// files included), so `git apply` takes the patch as it is; the schemas module is created inside that folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePatch } from 'diff';
import { copyFixture, readTree, runCli } from '../helpers/migrate-cli.js';

async function inDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  process.chdir(dir);
  try { return await fn(); } finally { process.chdir(cwd); }
}

test('--dry on a sub-folder: headers relative to the working directory, git apply gives what a real run writes', async () => {
  const dir = copyFixture('migrate/library-ts/input');
  const dry = await inDir(dir, () => runCli(['src/routes', '--dry', '--force']));
  assert.equal(dry.code, 1, dry.err);
  const patches = parsePatch(dry.out);
  assert.deepEqual(patches.map((p) => [p.oldFileName, p.newFileName]), [
    ['/dev/null', 'b/src/routes/api-schemas.ts'],
    ['a/src/routes/authors.ts', 'b/src/routes/authors.ts'],
    ['a/src/routes/books.ts', 'b/src/routes/books.ts'],
    ['a/package.json', 'b/package.json'],
  ]);

  const real = copyFixture('migrate/library-ts/input');
  const run = await runCli([join(real, 'src/routes'), '--force']);
  assert.equal(run.code, 0, run.err);
  writeFileSync(join(dir, '..', `${dir.split('/').pop()}.patch`), dry.out);
  execFileSync('git', ['apply', join(dir, '..', `${dir.split('/').pop()}.patch`)], { cwd: dir });
  assert.deepEqual(readTree(dir), readTree(real));
  assert.ok(readTree(real).has('src/routes/api-schemas.ts'), 'the schemas module is inside the migrated folder');
});

test('a later run on the whole app keeps the schemas module an earlier folder run created (one module per app)', async () => {
  const dir = copyFixture('migrate/library-ts/input');
  assert.equal((await runCli([join(dir, 'src/routes'), '--force'])).code, 0);
  const whole = await runCli([dir, '--force', '--json']);
  assert.equal(whole.code, 0, whole.err);
  assert.equal(JSON.parse(whole.out).schemasModule, 'src/routes/api-schemas.ts');
  assert.deepEqual([...readTree(dir).keys()].filter((f) => f.includes('api-schemas')), ['src/routes/api-schemas.ts']);
});
