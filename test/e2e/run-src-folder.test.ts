// Where `--run "<test command>"` runs the app's suite: a copy of its package, beside it.
// - On an app whose code sits in a folder below its package (`infer src --run "npm test"`, the layout of most
//   real apps) the suite runs at the copy's package root, where its tests and package.json are, and only `src`
//   of the copy is migrated: the docs-less fixture app, its code moved to src/.
// - The copy's folder is not hidden: `send` 1 (express 5) refuses absolute paths with a dot-segment anywhere, so
//   an app that serves a file with res.sendFile(join(__dirname, ...)) failed its own tests in a
//   `.migrate-api-run-*` copy (express's own examples: 55 tests, and mocha never exited).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    assert.deepEqual((await readdir(dir)).filter((e) => e.startsWith('migrate-api-run')), []);
  });
});

describe('--run on an app that serves a file by its absolute path', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'run-sendfile-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'files', private: true, dependencies: { express: '^5.1.0' } }));
    await writeFile(join(dir, 'hello.txt'), 'hello\n');
    await writeFile(join(dir, 'app.js'), `const path = require('path');
const express = require('express');
const app = express();
app.get('/hello', (req, res) => res.sendFile(path.join(__dirname, 'hello.txt')));
module.exports = app;
`);
    await mkdir(join(dir, 'test'));
    await writeFile(join(dir, 'test', 'hello.test.js'), `const { test } = require('node:test');
const assert = require('node:assert/strict');
const app = require('../app');
test('GET /hello sends the file', async () => {
  const server = app.listen(0);
  try {
    const res = await fetch('http://127.0.0.1:' + server.address().port + '/hello');
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'hello\\n');
  } finally {
    server.close();
  }
});
`);
    await linkDependencies(dir);
  });
  after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('check --run: the suite passes in the copy as it does in the app', async () => {
    const checked = await cli(['check', dir, '--run', 'node --test']);
    assert.match(checked.err, /the suite exited 0;/, checked.err);
  });
});
