// `--run "<test command>"` on an app whose code sits in a folder below its package (`infer src --run "npm test"`,
// the layout of most real apps): the suite runs at the package root of the copy, where its tests and
// package.json are, and only `src` of the copy is migrated. The docs-less fixture app, its code moved to src/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, rename, rm, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { InferredRoute } from '../../codemods/infer/apply.js';
import { linkDependencies, prepareApp } from '../helpers/legacy-app.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('--run on an app whose code is in src/ below its package', () => {
  let dir: string;

  before(async () => {
    dir = await prepareApp('notes-nodocs');
    await mkdir(join(dir, 'src'));
    for (const e of ['app.js', 'server.js', 'controllers', 'routes', 'store']) await rename(join(dir, e), join(dir, 'src', e));
    const test = join(dir, 'test', 'api.test.js');
    await writeFile(test, (await readFile(test, 'utf8')).replace("require('../app')", "require('../src/app')").replace("require('../store/db')", "require('../src/store/db')"));
    const migrated = await cli([join(dir, 'src')]);
    assert.equal(migrated.code, 0, migrated.err);
    await linkDependencies(dir);
  });
  after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('infer src --run records the suite run from the package root: every route has traffic', async () => {
    const inferred = await cli(['infer', join(dir, 'src'), '--run', 'node --test', '--json']);
    assert.equal(inferred.code, 0, inferred.err);
    const routes = (JSON.parse(inferred.out) as { routes: InferredRoute[]; recorded: number }).routes;
    assert.equal(routes.length, 14);
    assert.deepEqual(routes.filter((r) => !r.requests).map((r) => `${r.method} ${r.path}`), [], 'routes the recording missed');
    assert.ok(routes.every((r) => r.status === 'inferred'));
    // the copy is gone: nothing of it is left beside the app or in it
    assert.deepEqual((await readdir(dir)).filter((e) => e.startsWith('.migrate-api-run')), []);
  });
});
