// Runtime drift end to end: a typed app in report mode gets requests that break its documented
// contract (a SKU where the docs say integer), the runtime writes its violations dump, and
// `check --runtime` merges them beside the static findings, pinned to the route's file:line.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetViolations, writeViolations } from '../../../compat/index.js';
import { checkProject } from '../../../codemods/check/index.js';
import { main } from '../../../codemods/cli.js';
import { captureLog, listen } from '../../compat/helpers.js';
import { buildApp } from '../../../fixtures/check/runtime/app.js';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/check/runtime');
const routeLine = readFileSync(join(FIXTURE, 'app.ts'), 'utf8').split('\n').findIndex((l) => l.includes("router.get('/items/:id'")) + 1;
let tmp: string;
let dump: string;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'check-runtime-'));
  dump = join(tmp, 'violations.json');
  const log = captureLog();
  resetViolations();
  const server = await listen(buildApp());
  try {
    for (const id of ['SKU-1', 'SKU-1', '7']) {
      const res = await fetch(`${server.url}/api/items/${id}`);
      assert.equal(res.status, 200, 'report mode changes no answer');
      await res.arrayBuffer();
    }
  } finally {
    await server.close();
    log.restore();
  }
  writeViolations(dump);
});

after(() => {
  resetViolations();
  rmSync(tmp, { recursive: true, force: true });
});

test('the static check sees no drift: the string id is invisible in the code', async () => {
  assert.deepEqual((await checkProject(FIXTURE)).findings, []);
});

test('the runtime dump is merged, each violation at the route registration', async () => {
  const { findings } = await checkProject(FIXTURE, { runtime: dump });
  assert.deepEqual(findings.map(({ kind, file, line, route }) => ({ kind, file, line, route })), [
    { kind: 'type-drift', file: 'app.ts', line: routeLine, route: 'GET /api/items/:id' },
    { kind: 'type-drift', file: 'app.ts', line: routeLine, route: 'GET /api/items/:id' },
  ]);
  assert.match(findings[0].message, /^2x request violation at path\.id: /);
  assert.match(findings[1].message, /^2x response 200 violation at /);
  assert.match(findings[0].hint, /fix the docs/);
});

test('shares cluster workers left beside the dump (no primary of ours summed them) are added in', async () => {
  const split = mkdtempSync(join(tmpdir(), 'check-runtime-split-'));
  try {
    const whole = JSON.parse(readFileSync(dump, 'utf8'));
    const main = join(split, 'violations.json');
    writeFileSync(main, JSON.stringify({ ...whole, total: 0, routes: [] }));
    writeFileSync(join(split, 'violations.json.worker-101.json'), JSON.stringify(whole));
    writeFileSync(join(split, 'violations.json.worker-102.json'), JSON.stringify(whole));
    const { findings } = await checkProject(FIXTURE, { runtime: main });
    assert.deepEqual(findings.map((f) => f.message.split(' ')[0]), ['4x', '4x'], 'each worker counted 2 of each');
  } finally {
    rmSync(split, { recursive: true, force: true });
  }
});

test('`check --runtime` prints them and exits 1; --ignore runtime drops them and exits 0', async () => {
  const out: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s), isTTY: false };
  assert.equal(await main(['check', FIXTURE, '--runtime', dump, '--json'], io), 1);
  const json = JSON.parse(out.join(''));
  assert.deepEqual(json.findings.map((f: { kind: string; line: number }) => [f.kind, f.line]), [['type-drift', routeLine], ['type-drift', routeLine]]);
  out.length = 0;
  assert.equal(await main(['check', FIXTURE, '--runtime', dump, '--ignore', 'runtime'], io), 0);
  assert.match(out.join(''), /no drift/);
});

test('a dumped route the code does not register stays in the report, pinned to the dump itself', async () => {
  const stray = join(tmp, 'stray.json');
  writeFileSync(stray, JSON.stringify({ version: 1, generatedAt: '', total: 1, routes: [{ route: 'GET /api/gone', method: 'GET', path: '/api/gone', total: 1,
    violations: [{ kind: 'response', location: 'response', status: 500, count: 1, example: { loc: ['response', 'id'], msg: 'Invalid input: expected number, received undefined', type: 'invalid_type' } }] }] }));
  assert.deepEqual((await checkProject(FIXTURE, { runtime: stray })).findings, [{
    kind: 'missing-response-key', file: stray, line: 1, route: 'GET /api/gone',
    message: '1x response 500 violation at response.id: Invalid input: expected number, received undefined',
    hint: 'the handler sends what the docs do not say: fix the response schema or the handler before switching to enforce',
  }]);
});

test('a malformed dump is a usage error (exit 2) naming the file and what is wrong', async () => {
  const err: string[] = [];
  const io = { out: () => {}, err: (s: string) => void err.push(s), isTTY: false };
  const notJson = join(tmp, 'broken.json');
  writeFileSync(notJson, '{"version": 1, "routes": [');
  assert.equal(await main(['check', FIXTURE, '--runtime', notJson], io), 2);
  assert.match(err.join(''), new RegExp(`${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not JSON`));
  err.length = 0;
  const wrongShape = join(tmp, 'wrong.json');
  writeFileSync(wrongShape, JSON.stringify({ version: 2, routes: [] }));
  assert.equal(await main(['check', FIXTURE, '--runtime', wrongShape], io), 2);
  assert.match(err.join(''), /not a migrate-api violations dump.*: version: /);
  err.length = 0;
  writeFileSync(wrongShape, JSON.stringify({ version: 1, routes: [{ route: 'GET /x', method: 'GET', path: '/x' }] }));
  assert.equal(await main(['check', FIXTURE, '--runtime', wrongShape], io), 2);
  assert.match(err.join(''), /routes\.0\.violations: /);
});
