// MIGRATE_API_RECORD under jest, the runner `migrate-api infer --run` meets most: each test file loads the app
// in its own realm, whose `process` is a copy the real exit never emits 'exit' on, and jest ends (--forceExit,
// workers ended) as soon as the last test is done. fixtures/record-jest has one test file on jest's fake timers
// (a timer set by the app's modules never runs) and one whose request is its last act. Every exchange of both
// must be in the recording, in band and in worker processes. Like run-runners.test.ts, the copy imports
// migrate-api/compat from dist/ (build first).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readRecording } from '../../compat/shapes-file.js';
import { linkDependencies, repoRoot } from '../helpers/legacy-app.js';

const temps: string[] = [];
after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

function jest(dir: string, args: readonly string[], record: string): Promise<{ code: number; out: string; pid: number }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', '--forceExit', '--cacheDirectory=.jest-cache', ...args], {
      cwd: dir, env: { ...process.env, MIGRATE_API_RECORD: record, MIGRATE_API_VALIDATION: 'report', NODE_TEST_CONTEXT: undefined }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => done({ code: code ?? 1, out, pid: child.pid! }));
  });
}

for (const [mode, args] of [['in band', ['--runInBand']], ['in workers', ['--maxWorkers=2']]] as const) {
  test(`MIGRATE_API_RECORD under jest (${mode}, fake timers, --forceExit): every exchange is recorded`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'record-jest-'));
    temps.push(dir);
    cpSync(join(repoRoot, 'fixtures', 'record-jest'), dir, { recursive: true });
    await linkDependencies(dir);
    const record = join(dir, 'recording', 'traffic.json');
    const run = await jest(dir, args, record);
    assert.equal(run.code, 0, run.out.slice(-3000));
    const routes = Object.fromEntries(readRecording(record).routes.map((r) => [r.route, r]));
    assert.deepEqual(Object.keys(routes).sort(), ['GET /items/:id', 'POST /items']);
    assert.equal(routes['GET /items/:id']!.n, 2);
    assert.deepEqual(Object.keys(routes['GET /items/:id']!.responses), ['200']);
    assert.equal(routes['POST /items']!.n, 1);
    assert.deepEqual(Object.keys(routes['POST /items']!.body!.object!.keys), ['name']);
    // Part names start with the writing process's pid: jest's own in band, its workers' otherwise.
    const pids = new Set(readdirSync(dirname(record)).filter((n) => n.endsWith('.json')).map((n) => Number(/\.part-(\d+)-/.exec(n)![1])));
    assert.equal(pids.has(run.pid), mode === 'in band', `part pids ${[...pids]}, jest ${run.pid}`);
  });
}
