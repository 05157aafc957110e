// Runtime benchmark: the same three requests against five servers. Each server is pinned to core 0
// (`taskset -c 0`), this load generator to core 1; 10 connections; a warm-up per server and request,
// then interleaved rounds (the server order rotates each round), medians of req/s. Writes RESULTS.md.
// Run: cd bench && npm install && npm run runtime   (ROUNDS=5 DURATION=5 by default)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { validBody, invalidBody } from './data.js';

const here = fileURLToPath(new URL('.', import.meta.url));

interface ServerDef { name: string; file: string; env?: Record<string, string>; invalidStatus: number }
const SERVERS: ServerDef[] = [
  { name: 'raw express 5 (no validation)', file: 'raw-express.ts', invalidStatus: 201 },
  { name: 'migrate-api, express 5', file: 'migrate-api.ts', invalidStatus: 422 },
  { name: 'migrate-api, express 4', file: 'migrate-api.ts', env: { EXPRESS: '4' }, invalidStatus: 422 },
  { name: 'express-zod-api 27', file: 'express-zod-api.ts', invalidStatus: 400 },
  { name: '@hono/zod-openapi', file: 'hono.ts', invalidStatus: 400 },
  { name: 'express-openapi-validator 5, express 5', file: 'openapi-validator.ts', invalidStatus: 400 },
];

interface Scenario { name: string; path: string; opts: Partial<autocannon.Options>; status: (s: ServerDef) => number }
const json = { 'content-type': 'application/json' };
const SCENARIOS: Scenario[] = [
  { name: 'GET /users/:id', path: '/users/42', opts: { method: 'GET' }, status: () => 200 },
  { name: 'POST /users (valid)', path: '/users', opts: { method: 'POST', headers: json, body: JSON.stringify(validBody) }, status: () => 201 },
  { name: 'POST /users (invalid)', path: '/users', opts: { method: 'POST', headers: json, body: JSON.stringify(invalidBody) }, status: (s) => s.invalidStatus },
];

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const DURATION = Number(process.env.DURATION ?? 5);
const WARMUP = Number(process.env.WARMUP ?? 3);
const CONNECTIONS = 10;

interface Running { def: ServerDef; child: ChildProcess; url: string }

function startServer(def: ServerDef): Promise<Running> {
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', def.file], {
      cwd: here,
      env: { ...process.env, ...def.env, NODE_ENV: 'production', PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({ def, child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${def.name} exited (${code}) before listening:\n${out}`)));
  });
}

async function check(s: Running): Promise<void> {
  const get = await fetch(`${s.url}/users/42`);
  const answer = (await get.json()) as Record<string, any>;
  // express-zod-api's default envelope: { status: 'success', data }.
  const user = answer.status === 'success' && answer.data ? answer.data : answer;
  if (get.status !== 200 || user.id !== 42 || 'password' in user) throw new Error(`${s.def.name}: GET answered ${get.status} ${JSON.stringify(user)}`);
  for (const sc of SCENARIOS.slice(1)) {
    const r = await fetch(s.url + sc.path, { method: 'POST', headers: json, body: sc.opts.body as string });
    await r.arrayBuffer();
    if (r.status !== sc.status(s.def)) throw new Error(`${s.def.name}: ${sc.name} answered ${r.status}, expected ${sc.status(s.def)}`);
  }
}

async function load(url: string, sc: Scenario, duration: number): Promise<autocannon.Result> {
  // autocannon takes the path in the url (a top-level `path` option is ignored).
  const r = await autocannon({ url: url + sc.path, connections: CONNECTIONS, duration, ...sc.opts } as autocannon.Options);
  if (r.requests.total === 0) throw new Error(`no request completed against ${url + sc.path}`);
  return r;
}

/** CPU seconds (user + system) a process has used, from /proc: throughput swings with whatever
 *  else the machine runs, CPU per request much less. */
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const started = new Date();
  const load0 = loadavg();
  const running: Running[] = [];
  try {
    for (const def of SERVERS) running.push(await startServer(def));
    for (const s of running) await check(s);
    console.log(`warm-up: ${WARMUP}s per server and request`);
    for (const s of running) for (const sc of SCENARIOS) await load(s.url, sc, WARMUP);
    const rps = new Map<string, number[]>();
    const lat = new Map<string, number[]>();
    const bad = new Map<string, number>();
    const cpu = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = running.map((_, i) => running[(i + round) % running.length]);
      for (const sc of SCENARIOS) {
        for (const s of order) {
          const cpu0 = cpuSeconds(s.child.pid!);
          const r = await load(s.url, sc, DURATION);
          const cpuUs = ((cpuSeconds(s.child.pid!) - cpu0) * 1e6) / r.requests.total;
          const key = `${s.def.name}|${sc.name}`;
          (cpu.get(key) ?? cpu.set(key, []).get(key)!).push(cpuUs);
          (rps.get(key) ?? rps.set(key, []).get(key)!).push(r.requests.average);
          (lat.get(key) ?? lat.set(key, []).get(key)!).push(r.latency.p50);
          const expected = sc.status(s.def);
          const good = expected < 300 ? r['2xx'] : r['4xx'];
          bad.set(key, (bad.get(key) ?? 0) + (r.requests.total - good) + r.errors + r.timeouts);
        }
        console.log(`round ${round + 1}/${ROUNDS} ${sc.name} done`);
      }
    }
    writeResults({ started, load0, rps, lat, bad, cpu });
  } finally {
    for (const s of running) s.child.kill('SIGTERM');
  }
}

function writeResults(r: { started: Date; load0: number[]; rps: Map<string, number[]>; lat: Map<string, number[]>; bad: Map<string, number>; cpu: Map<string, number[]> }) {
  const cpu = cpus();
  const raw = SERVERS[0].name;
  const lines: string[] = [];
  lines.push('## Runtime overhead (bench/runtime)', '');
  lines.push(`- Date: ${r.started.toISOString()}`);
  lines.push(`- Machine: ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform} ${execFileSync('uname', ['-r']).toString().trim()}`);
  lines.push(`- Node ${process.version}; load average before the run: ${r.load0.map((x) => x.toFixed(2)).join(' / ')}`);
  lines.push(`- Method: each server pinned to core 0 (\`taskset -c 0\`, NODE_ENV=production), autocannon on core 1, ${CONNECTIONS} connections, ${WARMUP}s warm-up per server and request, then ${ROUNDS} interleaved rounds of ${DURATION}s (server order rotated each round). Medians of req/s; p50 latency in ms.`);
  lines.push('- Requests: `GET /users/42` (int path param; the response schema strips `password`), `POST /users` with a valid 5-field nested body (201), the same POST with a body breaking 5 rules (migrate-api 422, express-zod-api/hono/express-openapi-validator 400, raw express has no validation and answers 201).');
  lines.push('');
  lines.push(`| server | ${SCENARIOS.map((s) => `${s.name} req/s (x raw)`).join(' | ')} | ${SCENARIOS.map((s) => `${s.name} p50 ms`).join(' | ')} |`);
  lines.push(`|---|${SCENARIOS.map(() => '---:').join('|')}|${SCENARIOS.map(() => '---:').join('|')}|`);
  for (const def of SERVERS) {
    const cells = SCENARIOS.map((sc) => {
      const m = median(r.rps.get(`${def.name}|${sc.name}`)!);
      const base = median(r.rps.get(`${raw}|${sc.name}`)!);
      const wrong = r.bad.get(`${def.name}|${sc.name}`) ?? 0;
      return `${Math.round(m)} (${(m / base).toFixed(2)}x)${wrong ? ` ⚠ ${wrong} unexpected` : ''}`;
    });
    const lats = SCENARIOS.map((sc) => median(r.lat.get(`${def.name}|${sc.name}`)!).toFixed(1));
    lines.push(`| ${def.name} | ${cells.join(' | ')} | ${lats.join(' | ')} |`);
  }
  lines.push('', 'Server CPU time per request (user + system, from /proc; median of rounds), and the same as a ratio to raw express (raw CPU / server CPU: above 1 is cheaper than raw):', '');
  lines.push(`| server | ${SCENARIOS.map((s) => `${s.name} CPU us/req (x raw)`).join(' | ')} |`);
  lines.push(`|---|${SCENARIOS.map(() => '---:').join('|')}|`);
  for (const def of SERVERS) {
    const cells = SCENARIOS.map((sc) => {
      const m = median(r.cpu.get(`${def.name}|${sc.name}`)!);
      const base = median(r.cpu.get(`${raw}|${sc.name}`)!);
      return `${Math.round(m)} (${(base / m).toFixed(2)}x)`;
    });
    lines.push(`| ${def.name} | ${cells.join(' | ')} |`);
  }
  lines.push('', 'Per-round req/s (for spread):', '');
  for (const [key, xs] of r.rps) lines.push(`- ${key.replace('|', ' — ')}: ${xs.map((x) => Math.round(x)).join(', ')}`);
  lines.push('');
  const text = lines.join('\n');
  writeSection(text);
  console.log(text);
}

// RESULTS.md is shared with the other benchmarks: only this section (between markers) is rewritten.
const START = '<!-- runtime-bench:start -->';
const END = '<!-- runtime-bench:end -->';
function writeSection(text: string): void {
  const file = new URL('../RESULTS.md', import.meta.url);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    current = '# Benchmarks\n';
  }
  const section = `${START}\n${text}\n${END}`;
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  const next = a >= 0 && b > a ? current.slice(0, a) + section + current.slice(b + END.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

if (!process.env.BENCH_PINNED) {
  // Re-run this script pinned to core 1, away from the servers.
  const child = spawn('taskset', ['-c', '1', process.execPath, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_PINNED: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}
