// Instructions per request under valgrind's callgrind: unlike req/s or even CPU time, the count
// does not move with whatever else the machine runs, so small runtime changes can be compared on a
// shared machine. Each server runs under callgrind; after a warm-up (so V8 has optimized the hot
// path), counters are zeroed, N requests of one scenario are sent over one connection, counters are
// dumped; Ir / N is the cost of a request, the HTTP server and express included. Each window is also counted without
// V8's optimizing compilers and garbage collector (by function name), whose work lands in some windows and not others.
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

// V8's optimizing compilers and its garbage collector, by the C++ names callgrind reads from node's symbols (JIT code
// has none, so it is counted as the requests' own work, as it is).
const COMPILER = /compiler::|maglev::|Maglev|Turbofan|Compiler::|CompilationJob|Zone|RegisterAllocat|Pipeline|baseline::|interpreter::Bytecode(Generator|ArrayBuilder)|v8::internal::Parser|ParserBase|Scanner|AstNode|AstValue|Deoptimizer::/;
const COLLECTOR = /Heap::|Mark|Scaveng|Sweep|Evacuat|heap::base|GCTracer|ConcurrentMarking|IterateMaybeWeak|IteratePointers|BodyDescriptor|RememberedSet|LiveObject|PointersUpdating|Worklist|MinorMC|WriteBarrier|RecordMigrated|EmbedderStack|HeapObject::SizeFromMap|StringTableCleaner|ObjectCache|PretenuringHandler|ClearWeak|Free(List|Space)|IncrementalMarking|MemoryAllocator|MemoryChunk|Page::/;
// callgrind names a function once per process (`fn=(12) name`, later dumps say `fn=(12)`): one table per pid.
const fnNames = new Map<number, Map<string, string>>();

/** A dump's instructions: all, and the share of V8's compilers and collector (self cost by function). */
function splitDump(text: string, pid: number): { total: number; compiler: number; collector: number } {
  const names = fnNames.get(pid) ?? fnNames.set(pid, new Map()).get(pid)!;
  let fn = '';
  let afterCalls = false;
  const self = new Map<string, number>();
  for (const line of text.split('\n')) {
    const c = line.charCodeAt(0);
    if (line.startsWith('fn=') || line.startsWith('cfn=')) {
      const m = /^c?fn=\((\d+)\)(?: (.*))?$/.exec(line);
      if (!m) continue;
      if (m[2] !== undefined) names.set(m[1], m[2]);
      if (c === 102) fn = names.get(m[1]) ?? m[1];
    } else if (line.startsWith('calls=')) {
      afterCalls = true; // the next cost line is the callee's inclusive cost, not this function's own
    } else if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 42) {
      if (afterCalls) { afterCalls = false; continue; }
      const cost = Number(line.split(' ')[1]);
      if (cost) self.set(fn, (self.get(fn) ?? 0) + cost);
    }
  }
  let total = 0, compiler = 0, collector = 0;
  for (const [name, ir] of self) {
    total += ir;
    if (COMPILER.test(name)) compiler += ir;
    else if (COLLECTOR.test(name)) collector += ir;
  }
  return { total, compiler, collector };
}

/** The newest dump of pid (callgrind_control -d writes <file>.<n>): its total Ir, and the requests' own work (`own`:
 *  the total without V8's compilers and collector, which land in some windows and not others). */
function dumpIr(dir: string, pid: number): { total: number; own: number } {
  const before = new Set(readdirSync(dir));
  execFileSync('callgrind_control', ['-d', String(pid)], { stdio: 'ignore' });
  const fresh = readdirSync(dir).filter((f) => !before.has(f) && f.includes(`.${pid}.out`));
  if (fresh.length !== 1) throw new Error(`expected one new dump, got ${fresh.join(', ')}`);
  const text = readFileSync(join(dir, fresh[0]), 'utf8');
  const m = /^(?:summary|totals): (\d+)/m.exec(text);
  if (!m) throw new Error('no totals in the dump');
  const split = splitDump(text, pid);
  return { total: Number(m[1]), own: split.total - split.compiler - split.collector };
}

const dir = mkdtempSync(join(tmpdir(), 'callgrind-'));
const results = new Map<string, { min: number; median: number; own: number }>();
for (const name of names) {
  const s = await start(name, dir);
  try {
    for (const sc of SCENARIOS) await send(s.url, sc, WARM);
    for (const sc of SCENARIOS) {
      const per: number[] = [];
      const own: number[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        execFileSync('callgrind_control', ['-z', String(s.child.pid)], { stdio: 'ignore' });
        const r = await send(s.url, sc, N);
        const ir = dumpIr(dir, s.child.pid!);
        per.push(ir.total / r.requests.total);
        own.push(ir.own / r.requests.total);
      }
      results.set(`${name}|${sc.name}`, { min: Math.min(...per), median: median(per), own: median(own) });
      console.log(`${name} ${sc.name}: kIr/req per window ${per.map((x) => (x / 1000).toFixed(1)).join(', ')}; without V8's compilers and collector ${own.map((x) => (x / 1000).toFixed(1)).join(', ')}`);
    }
  } finally {
    s.child.kill('SIGINT');
  }
}
// Both the smallest window (the request with nothing else in it) and the median (a scavenge or a late compile
// lands in some windows, as it does in real traffic); then the median window without V8's compilers and collector,
// which moves least from window to window and run to run (within ~1-2%): the column to compare builds with.
console.log(`\n| server | ${SCENARIOS.map((s) => `${s.name} kIr/req, min (x raw) | median (x raw) | own work, median (x raw)`).join(' | ')} |`);
console.log(`|---|${SCENARIOS.map(() => '---:|---:|---:').join('|')}|`);
for (const name of names) {
  const cells = SCENARIOS.map((sc) => {
    const v = results.get(`${name}|${sc.name}`)!;
    const base = results.get(`raw|${sc.name}`);
    const cell = (x: number, b: number | undefined) => `${(x / 1000).toFixed(1)}${b ? ` (${(b / x).toFixed(2)}x)` : ''}`;
    return `${cell(v.min, base?.min)} | ${cell(v.median, base?.median)} | ${cell(v.own, base?.own)}`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
