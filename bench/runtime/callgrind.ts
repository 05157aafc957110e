// Instructions per request under valgrind's callgrind: unlike req/s or even CPU time, the count
// does not move with whatever else the machine runs, so small runtime changes can be compared on a
// shared machine. Each server runs under callgrind; after a warm-up (so V8 has optimized the hot
// path), counters are zeroed, N requests of one scenario are sent over one connection, counters are
// dumped; Ir / N is the cost of a request, the HTTP server and express included.
// Run: cd bench && node --import tsx runtime/callgrind.ts   (SERVERS=raw,m5 WARM=3000 N=200 REPS=4 NODE_FLAGS=--single-threaded)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SCENARIOS as ALL_SCENARIOS, serverDef } from './data.js';
import { median } from '../median.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const names = (process.env.SERVERS ?? 'raw,m5').split(',');
// ONLY='POST valid' (a comma list of scenario names) measures just those requests.
const SCENARIOS = ALL_SCENARIOS.filter((s) => !process.env.ONLY || process.env.ONLY.split(',').includes(s.name));
const WARM = Number(process.env.WARM ?? 3000);
const N = Number(process.env.N ?? 200);
// V8 still compiles (on helper threads, counted too) now and then after the warm-up, and a
// scavenge lands in some windows: each scenario is measured REPS times, the smallest count and the median kept.
const REPS = Number(process.env.REPS ?? 4);
// NODE_FLAGS='--single-threaded' keeps V8's compiler and collector on the main thread, so the helper
// threads' work no longer lands in a window at random.
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean);

const send = (url: string, sc: (typeof SCENARIOS)[number], amount: number) =>
  autocannon({ url: url + sc.path, connections: 1, amount, timeout: 60, ...sc.opts } as autocannon.Options);

function start(name: string, dir: string): Promise<{ child: ChildProcess; url: string }> {
  const def = serverDef(name);
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--collect-atstart=yes', `--callgrind-out-file=${dir}/${name.replace(/[^\w.-]/g, "_")}.%p.out`,
      process.execPath, ...NODE_FLAGS, '--import', 'tsx', def.file], {
      cwd: here, env: { ...process.env, ...def.env, NODE_ENV: 'production', PORT: '0' }, stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
}

/** Total Ir of the newest dump of pid (callgrind_control -d writes <file>.<n>). */
function dumpIr(dir: string, pid: number): number {
  const before = new Set(readdirSync(dir));
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  const fresh = readdirSync(dir).filter((f) => !before.has(f) && f.includes(`.${pid}.out`));
  if (fresh.length !== 1) throw new Error(`expected one new dump, got ${fresh.join(', ')}`);
  const m = /^(?:summary|totals): (\d+)/m.exec(readFileSync(join(dir, fresh[0]), 'utf8'));
  if (!m) throw new Error('no totals in the dump');
  return Number(m[1]);
}

const dir = mkdtempSync(join(tmpdir(), 'callgrind-'));
const results = new Map<string, { min: number; median: number }>();
for (const name of names) {
  const s = await start(name, dir);
  try {
    for (const sc of SCENARIOS) await send(s.url, sc, WARM);
    for (const sc of SCENARIOS) {
      const per: number[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        execFileSync('callgrind_control', ['-z', String(s.child.pid)], { stdio: 'ignore' });
        const r = await send(s.url, sc, N);
        per.push(dumpIr(dir, s.child.pid!) / r.requests.total);
      }
      results.set(`${name}|${sc.name}`, { min: Math.min(...per), median: median(per) });
      console.log(`${name} ${sc.name}: kIr/req per window ${per.map((x) => (x / 1000).toFixed(1)).join(', ')}`);
    }
  } finally {
    s.child.kill('SIGINT');
  }
}
// Both the smallest window (the request with nothing else in it) and the median (a scavenge or a late compile
// lands in some windows, as it does in real traffic).
console.log(`\n| server | ${SCENARIOS.map((s) => `${s.name} kIr/req, min (x raw) | median (x raw)`).join(' | ')} |`);
console.log(`|---|${SCENARIOS.map(() => '---:|---:').join('|')}|`);
for (const name of names) {
  const cells = SCENARIOS.map((sc) => {
    const v = results.get(`${name}|${sc.name}`)!;
    const base = results.get(`raw|${sc.name}`);
    const cell = (x: number, b: number | undefined) => `${(x / 1000).toFixed(1)}${b ? ` (${(b / x).toFixed(2)}x)` : ''}`;
    return `${cell(v.min, base?.min)} | ${cell(v.median, base?.median)}`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
