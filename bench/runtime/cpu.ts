// Server CPU time per request, raw express 5 vs the migrate-api servers, side by side: a fixed
// number of requests per scenario (autocannon `amount`), the server's user+system CPU read from
// /proc before and after, several interleaved rounds, medians. CPU per request moves far less with
// machine load than req/s does, so this is the number to compare on a shared machine.
// Run: cd bench && node --import tsx runtime/cpu.ts   (ROUNDS=5 AMOUNT=20000 SERVERS=raw,m5,m4,ezapi,hono)
// PROF=dir writes a --cpu-prof of each server (when the servers exit) into dir/<server>/.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SCENARIOS as ALL_SCENARIOS, serverDef } from './data.js';
import { median } from '../median.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const names = (process.env.SERVERS ?? 'raw,m5,m4').split(',');
// ONLY='POST valid' (a comma list of scenario names) measures just those requests.
const SCENARIOS = ALL_SCENARIOS.filter((s) => !process.env.ONLY || process.env.ONLY.split(',').includes(s.name));
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const AMOUNT = Number(process.env.AMOUNT ?? 20000);

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
}
// The machine's own noise over the run: steal (time the hypervisor gave another guest) and the share of
// both cores busy with anything, from the aggregate `cpu` line of /proc/stat.
function machineTicks(): { steal: number; busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { steal: f[7] ?? 0, busy: total - f[3] - (f[4] ?? 0), total };
}

function start(name: string): Promise<{ name: string; child: ChildProcess; url: string }> {
  const def = serverDef(name);
  const prof = process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}/${name.replace(/[^\w.-]/g, "_")}`] : [];
  return new Promise((resolve, reject) => {
    const child = spawn('taskset', ['-c', '0', process.execPath, ...prof, '--import', 'tsx', def.file], {
      cwd: here, env: { ...process.env, ...def.env, NODE_ENV: 'production', PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /ready (\d+)/.exec(out);
      if (m) resolve({ name, child, url: `http://127.0.0.1:${m[1]}` });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
}

const run = (url: string, sc: (typeof SCENARIOS)[number], amount: number) =>
  autocannon({ url: url + sc.path, connections: 10, amount, ...sc.opts } as autocannon.Options);

const servers = [];
for (const n of names) servers.push(await start(n));
console.log(`load before: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const ticks0 = machineTicks();
const cpu = new Map<string, number[]>();
try {
  for (const s of servers) for (const sc of SCENARIOS) await run(s.url, sc, AMOUNT / 2);
  for (let round = 0; round < ROUNDS; round++) {
    for (const sc of SCENARIOS) {
      for (let i = 0; i < servers.length; i++) {
        const s = servers[(i + round) % servers.length];
        const c0 = cpuSeconds(s.child.pid!);
        const r = await run(s.url, sc, AMOUNT);
        const us = ((cpuSeconds(s.child.pid!) - c0) * 1e6) / r.requests.total;
        const key = `${s.name}|${sc.name}`;
        (cpu.get(key) ?? cpu.set(key, []).get(key)!).push(us);
      }
    }
  }
} finally {
  for (const s of servers) s.child.kill('SIGINT');
}
console.log(`load after: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const ticks1 = machineTicks();
const share = (x: number) => `${((100 * x) / (ticks1.total - ticks0.total)).toFixed(1)}%`;
console.log(`machine over the run: steal ${share(ticks1.steal - ticks0.steal)}, busy ${share(ticks1.busy - ticks0.busy)} of ${execFileSync('nproc').toString().trim()} cores`);
console.log(`| server | ${SCENARIOS.map((s) => `${s.name} us/req (x raw)`).join(' | ')} |`);
for (const n of names) {
  const cells = SCENARIOS.map((sc) => {
    const m = median(cpu.get(`${n}|${sc.name}`)!);
    const base = cpu.get(`raw|${sc.name}`);
    const own = cpu.get(`${n}|${sc.name}`)!;
    // Each round measures every server back to back: raw / server within a round cancels the load's drift.
    const paired = base ? own.map((x, i) => base[i] / x).sort((a, b) => a - b) : [];
    const pairedText = base && n !== 'raw' ? `, per round ${median(paired).toFixed(2)}x (${paired[0].toFixed(2)}-${paired[paired.length - 1].toFixed(2)})` : '';
    return `${m.toFixed(1)}${base ? ` (${(median(base) / m).toFixed(2)}x${pairedText})` : ''} [${own.map((x) => x.toFixed(0)).join(',')}]`;
  });
  console.log(`| ${n} | ${cells.join(' | ')} |`);
}
