// The cache as the CLI user meets it: on by default in node_modules/.cache/migrate-api of the app (ignored by
// git), elsewhere with --cache-location, absent with --no-cache; the two flags together are a usage error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../codemods/cli.js';
import { copyFixture, tempDir } from '../../helpers/migrate-cli.js';

const quiet = { out: () => {}, err: () => {}, isTTY: false };
const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []);

test('by default the cache goes to node_modules/.cache/migrate-api of the app, and git does not see it', async () => {
  const dir = copyFixture('apps/users-cjs');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'app');
  assert.equal(await main([dir], quiet), 0);
  const cache = join(dir, 'node_modules', '.cache', 'migrate-api');
  assert.ok(entries(cache).length > 0);
  assert.deepEqual(git('status', '--porcelain').split('\n').filter((l) => l.includes('node_modules')), []);
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'migrated');
  // The next run, without --force: the cache left nothing for the dirty-tree guard to refuse.
  assert.equal(await main([dir], quiet), 0);
});

test('--cache-location puts it elsewhere; --no-cache writes none; both together exit 2', async () => {
  const dir = copyFixture('apps/orders-esm');
  const elsewhere = join(tempDir('cache-loc'), 'c');
  assert.equal(await main([dir, '--dry', '--cache-location', elsewhere], quiet), 1);
  assert.ok(entries(elsewhere).length > 0);
  assert.equal(existsSync(join(dir, 'node_modules', '.cache', 'migrate-api')), false);

  const plain = copyFixture('apps/orders-esm');
  assert.equal(await main([plain, '--force', '--no-cache'], quiet), 0);
  assert.equal(existsSync(join(plain, 'node_modules', '.cache', 'migrate-api')), false);

  let err = '';
  assert.equal(await main([plain, '--no-cache', '--cache-location', elsewhere], { ...quiet, err: (s) => { err += s; } }), 2);
  assert.match(err, /--no-cache and --cache-location exclude each other/);
});
