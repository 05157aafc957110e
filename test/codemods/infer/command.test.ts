import { stripVTControlCharacters } from 'node:util';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../codemods/cli.js';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  // picocolors colours under CI=true: the assertions read the text.
  return { code, out: stripVTControlCharacters(out), err: stripVTControlCharacters(err) };
}

const ROUTES = `const express = require('express');
const { typed, legacy } = require('migrate-api/compat');

const router = typed(express.Router(), { validation: 'report' });

router.get('/items/:id', {}, legacy((req, res) => {
  if (!find(req.params.id)) return res.status(404).json({ error: 'not found' });
  res.json(find(req.params.id));
}));

module.exports = router;
`;

function app(): string {
  const dir = mkdtempSync(join(tmpdir(), 'infer-cli-'));
  writeFileSync(join(dir, 'routes.js'), ROUTES);
  return dir;
}

test('infer: usage errors exit 2 with a message', async () => {
  const dir = app();
  try {
    assert.equal((await cli(['infer'])).code, 2);
    const both = await cli(['infer', dir, '--from', 'a.json', '--run', 'npm test']);
    assert.equal(both.code, 2);
    assert.match(both.err, /--from and --run/);
    const missing = await cli(['infer', dir, '--from', join(dir, 'nothing.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nothing\.json: no recording there/);
    writeFileSync(join(dir, 'bad.json'), '{"version":1}');
    assert.match((await cli(['infer', dir, '--from', join(dir, 'bad.json')])).err, /not a migrate-api recording/);
    assert.equal(readFileSync(join(dir, 'routes.js'), 'utf8'), ROUTES, 'nothing written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('infer --dry prints the diff, writes nothing and exits 1; without --dry it writes and says what was inferred from what', async () => {
  const dir = app();
  try {
    const dry = await cli(['infer', dir, '--dry']);
    assert.equal(dry.code, 1);
    assert.match(dry.out, /\+\/\/ TODO\(migrate-api MA005\): inferred from code, review/);
    assert.equal(readFileSync(join(dir, 'routes.js'), 'utf8'), ROUTES);
    const run = await cli(['infer', dir, '--report', join(dir, 'report')]);
    assert.equal(run.code, 0, run.err);
    const report = JSON.parse(readFileSync(join(dir, 'report', 'infer.json'), 'utf8'));
    assert.deepEqual(report.routes, [{ file: 'routes.js', line: 6, method: 'get', path: '/items/:id', status: 'inferred', fromCode: true, requests: 0, statuses: ['200', '404'] }]);
    assert.match(readFileSync(join(dir, 'report', 'infer.md'), 'utf8'), /\| GET `\/items\/:id` \| routes\.js:6 \| inferred \| code \| 200, 404 \|/);
    assert.match(run.out, /inferred GET \/items\/:id {2}routes\.js:6 {2}from code; responses 200, 404/);
    assert.match(run.out, /1 of 1 undocumented route got an inferred spec \(MA005\); from the code only \(no recording\); 1 file changed/);
    assert.match(readFileSync(join(dir, 'routes.js'), 'utf8'), /params: z\.object\(\{ id: z\.string\(\) \}\),/);
    const again = await cli(['infer', dir]);
    assert.equal(again.code, 0);
    assert.match(again.out, /run the migration first/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
