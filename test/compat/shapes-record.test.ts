import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRecording, RecordingError } from '../../compat/shapes-file.js';

const script = fileURLToPath(new URL('./shapes-record-app.ts', import.meta.url));

function run(file: string, mode: string, enums = false): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, mode], {
      env: { ...process.env, MIGRATE_API_RECORD: file, MIGRATE_API_VALIDATION: 'report', MIGRATE_API_RECORD_ENUMS: enums ? '1' : '' }, stdio: 'inherit',
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

test('MIGRATE_API_RECORD: each process writes its part; reading sums them; shapes, statuses and formats, never values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-'));
  try {
    const file = join(dir, 'traffic.json');
    assert.equal(await run(file, 'first'), 0);
    assert.equal(await run(file, 'second'), 0);
    // One part per route and process: 4 routes, two processes.
    const parts = readdirSync(dir).filter((n) => n.startsWith('traffic.json.part-'));
    assert.equal(parts.length, 8);
    assert.equal(new Set(parts.map((p) => /\.part-(\d+-[0-9a-f]+)-\d+\.json$/.exec(p)![1])).size, 2);
    const text = parts.map((p) => readFileSync(join(dir, p), 'utf8')).join('\n');
    for (const value of ['alice@example.com', 'hunter2-secret', 'Zed', 'Amy', '1970-01-01']) assert.equal(text.includes(value), false, value);
    const rec = readRecording(file);
    const byRoute = Object.fromEntries(rec.routes.map((r) => [r.route, r]));
    assert.deepEqual(Object.keys(byRoute).sort(), ['DELETE /users/:id', 'GET /old', 'GET /users/:id', 'POST /users/']);
    const show = byRoute['GET /users/:id'];
    assert.equal(show.n, 4);
    assert.match(show.at!, /\/test\/compat\/shapes-record-app\.ts:9$/, 'where the app registered the route');
    assert.deepEqual(Object.keys(show.responses).sort(), ['200', '404']);
    const ok = show.responses['200'].json!.object!.keys;
    assert.deepEqual(ok.email.string!.formats, { email: 2 });
    assert.deepEqual(ok.createdAt.string!.formats, { 'date-time': 2 });
    assert.deepEqual(ok.id.number, { n: 2, int: 2 });
    assert.equal(ok.tags.array!.items!.string!.n, 2);
    assert.equal(show.query!.object!.keys.sort.string!.values, undefined); // no enum candidates unless asked
    assert.equal(show.query!.object!.keys.page.n, 2); // present in 2 of 4 requests: optional
    assert.deepEqual(show.query!.object!.keys.page.string!.formats, { int: 2 });
    const create = byRoute['POST /users/'];
    assert.equal(create.n, 3);
    assert.equal(create.body!.object!.keys.name.n, 3);
    assert.equal(create.body!.object!.keys.age.n, 1);
    assert.equal(create.body!.object!.keys.password.string!.values, undefined);
    assert.deepEqual(Object.keys(create.responses), ['201']);
    assert.deepEqual(byRoute['GET /old'].responses['302'].n, 2);
    assert.deepEqual(byRoute['DELETE /users/:id'].responses['204'], { n: 2, empty: 2 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MIGRATE_API_RECORD_ENUMS=1 keeps lowercase tokens of small sets (enum candidates), nothing else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-'));
  try {
    const file = join(dir, 'traffic.json');
    assert.equal(await run(file, 'second', true), 0);
    const rec = readRecording(file);
    const show = rec.routes.find((r) => r.route === 'GET /users/:id')!;
    assert.deepEqual(show.query!.object!.keys.sort.string!.values, ['asc', 'desc']);
    const create = rec.routes.find((r) => r.route === 'POST /users/')!;
    assert.equal(create.body!.object!.keys.name.string!.values, undefined); // 'Amy' is no lowercase token
    assert.equal(create.body!.object!.keys.password.string!.values, undefined);
    assert.equal(show.headers!.object!.keys.host.string!.values, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MIGRATE_API_RECORD: a route past the write-through limit still has every exchange once the process exits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-'));
  try {
    const file = join(dir, 'traffic.json');
    assert.equal(await run(file, 'many'), 0);
    const show = readRecording(file).routes.find((r) => r.route === 'GET /users/:id')!;
    assert.equal(show.n, 1005);
    assert.equal(show.responses['200']!.n, 1005);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing recording is a clear error', () => {
  assert.throws(() => readRecording(join(tmpdir(), 'no-such-recording.json')), RecordingError);
});
