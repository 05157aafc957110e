import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./serve-app.ts', import.meta.url));

interface Running {
  child: ChildProcess;
  /** Resolves with the first stdout line matching `re`. */
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  exit: Promise<[number | null, NodeJS.Signals | null]>;
}

function start(workers: number, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, WORKERS: String(workers), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of [...waiters]) {
      const m = out.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    exit,
    waitFor: (re) =>
      new Promise((resolve, reject) => {
        const m = out.match(re);
        if (m) return resolve(m);
        waiters.push({ re, resolve });
        void exit.then(([code]) => reject(new Error(`child exited (${code}) before printing ${re}; stdout:\n${out}`)));
      }),
  };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => { s.destroy(); resolve(false); });
    s.once('error', () => resolve(true));
  });
}

test('workers=1 serves in-process; SIGTERM stops accepting, finishes the request in flight, exits 0', async () => {
  const app = start(1);
  try {
    const [, port] = await app.waitFor(/ready single (\d+)/);
    const base = `http://127.0.0.1:${port}`;
    assert.deepEqual(await (await fetch(`${base}/hello/21`)).json(), { n: 42, pid: app.child.pid });
    assert.equal((await fetch(`${base}/hello/x`)).status, 422);
    const slow = fetch(`${base}/slow`);
    await app.waitFor(/in-flight/);
    app.child.kill('SIGTERM');
    await app.waitFor(/closing/);
    assert.equal(await refused(Number(port)), true, 'no new connection is accepted after SIGTERM');
    app.child.kill('SIGUSR2');
    const r = await slow;
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { done: true });
    assert.deepEqual(await app.exit, [0, null]);
  } finally {
    app.child.kill('SIGKILL');
  }
});

/** One keep-alive connection sending requests back to back until a request fails; returns how it failed. */
async function hammer(base: string, agent: Agent, counts: { ok: number }): Promise<string> {
  for (;;) {
    const outcome = await new Promise<string | null>((resolve) => {
      const req = httpGet(`${base}/hello/1`, { agent }, (res) => {
        res.resume();
        res.once('end', () => { counts.ok++; resolve(null); });
        res.once('error', (e: NodeJS.ErrnoException) => resolve(`response ${e.code ?? e.message}`));
      });
      req.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    if (outcome) return outcome;
  }
}

test('SIGTERM under keep-alive load resets no connection: each one gets Connection: close, then new ones are refused', async () => {
  const app = start(1);
  const agent = new Agent({ keepAlive: true, maxSockets: 25 });
  try {
    const [, port] = await app.waitFor(/ready single (\d+)/);
    const base = `http://127.0.0.1:${port}`;
    const counts = { ok: 0 };
    const loops = Array.from({ length: 25 }, () => hammer(base, agent, counts));
    while (counts.ok < 500) await new Promise((r) => setTimeout(r, 5));
    app.child.kill('SIGTERM');
    const endings = await Promise.all(loops);
    // A connection refused is a NEW connection after the listener closed: fine. A reset or a hang-up is a
    // request lost on a kept-alive socket the server closed under it.
    assert.deepEqual(endings.filter((e) => e !== 'ECONNREFUSED'), []);
    assert.deepEqual(await app.exit, [0, null]);
  } finally {
    agent.destroy();
    app.child.kill('SIGKILL');
  }
});

test('workers=2 runs on node:cluster: requests answered by workers, SIGTERM to the primary stops all, exit 0', async () => {
  const app = start(2);
  try {
    const [, port] = await app.waitFor(/ready primary (\d+)/);
    assert.match((await app.waitFor(/listening on (\S+) \(2 workers\)/))[1], new RegExp(`:${port}$`));
    const base = `http://127.0.0.1:${port}`;
    const body = (await (await fetch(`${base}/hello/2`)).json()) as { n: number; pid: number };
    assert.equal(body.n, 4);
    assert.notEqual(body.pid, app.child.pid, 'a worker answered, not the primary');
    const slow = fetch(`${base}/slow`);
    const [, workerPid] = await app.waitFor(/in-flight (\d+)/);
    app.child.kill('SIGTERM');
    await app.waitFor(new RegExp(`closing ${workerPid}`));
    process.kill(Number(workerPid), 'SIGUSR2');
    const r = await slow;
    assert.equal(r.status, 200, 'the request in flight finished during shutdown');
    assert.deepEqual(await app.exit, [0, null]);
    assert.equal(await refused(Number(port)), true);
    assert.throws(() => process.kill(Number(workerPid), 0), /ESRCH/, 'the worker is gone too');
  } finally {
    app.child.kill('SIGKILL');
  }
});

/** A GET on a connection of its own, so the cluster hands each request to the next worker. */
function getOnNewConnection(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => { body += c; }).on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject);
  });
}

test('workers=2 in report mode: each worker counts its own violations, the primary writes their sum to MIGRATE_API_VIOLATIONS_FILE', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ma-serve-dump-'));
  const file = join(dir, 'violations.json');
  const app = start(2, { MIGRATE_API_VIOLATIONS_FILE: file, MIGRATE_API_VALIDATION: 'report' });
  try {
    const [, port] = await app.waitFor(/ready primary (\d+)/);
    await app.waitFor(/listening on/);
    // serve() resolves once the first worker listens: keep asking until the second one answers too.
    const pids = new Set<number>();
    let sent = 0;
    for (const deadline = Date.now() + 20_000; (pids.size < 2 || sent < 12) && Date.now() < deadline; sent++) {
      const r = await getOnNewConnection(`http://127.0.0.1:${port}/hello/x`);
      assert.equal(r.status, 200, 'report mode answers');
      pids.add((JSON.parse(r.body) as { pid: number }).pid);
      if (pids.size < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(pids.size, 2, 'both workers answered');
    app.child.kill('SIGTERM');
    assert.deepEqual(await app.exit, [0, null]);
    const report = JSON.parse(readFileSync(file, 'utf8')) as { total: number; routes: Array<{ route: string; total: number; violations: Array<{ location: string; count: number }> }> };
    assert.equal(report.total, sent, 'the two workers\' counts added up');
    assert.deepEqual(report.routes.map((r) => [r.route, r.total, r.violations.map((v) => [v.location, v.count])]), [['GET /hello/:n', sent, [['path', sent]]]]);
    assert.deepEqual(readdirSync(dir), ['violations.json'], 'the workers\' own files are gone');
  } finally {
    app.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
