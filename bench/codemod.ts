// The codemod benchmark (issue 4, DESIGN.md "Performance"): on a generated corpus of route files, side by side
// in one run — stock jscodeshift identity transform (the floor), stock jscodeshift rewriting every file,
// migrate-api's full migration (in-process, the default, and on 2 worker threads) and its no-op re-run — then
// peak RSS of the full migration at 250/500/1,000 files. Every measurement is its own child process, timed by
// /usr/bin/time (wall, user+sys CPU, max RSS, which counts worker threads: they share the process).
// Run: npx tsx bench/codemod.ts [files=1000]. Writes the "## Migration" section of bench/RESULTS.md.
// BENCH_SIZES=1000,2000,4000 sets the corpus sizes of the peak-RSS table (default 250/500/1,000 up to files);
// BENCH_BASELINE=<folder holding an older codemods/ and compat/> (e.g. `git archive <commit> codemods compat`)
// adds that build's full migration to the same rounds and to the RSS table: before/after in one run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeCorpus } from './corpus.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const FILES = Number(process.argv[2] ?? 1000);
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [250, 500, 1000].filter((n) => n <= FILES);
const BASELINE = process.env.BENCH_BASELINE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Sample { wall: number; cpu: number; rssMb: number; status: number; stderr: string }

/** One child process under /usr/bin/time; wall from our own clock (time's %e has 10 ms resolution only). */
function measure(cmd: string[], env: Record<string, string> = {}): Sample {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', ...cmd], { encoding: 'utf8', env: { ...process.env, CI: '1', ...env }, maxBuffer: 1 << 28 });
  const wall = (performance.now() - t0) / 1000;
  const m = /TIME ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no timing for ${cmd.join(' ')}:\n${r.stderr.slice(-2000)}`);
  return { wall, cpu: Number(m[1]) + Number(m[2]), rssMb: Number(m[3]) / 1024, status: r.status ?? -1, stderr: r.stderr };
}

/** The CLI as consumers run it: compiled JS (every source file transpiled alone, like tsc's emit), not tsx. */
async function buildDist(out: string, from = repo): Promise<string> {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(d, e.name)] : []);
  rmSync(out, { recursive: true, force: true });
  await build({ entryPoints: [...walk(join(from, 'codemods')), ...walk(join(from, 'compat'))], outdir: out, outbase: from, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return join(out, 'codemods', 'bin.js');
}

function fresh(corpus: string, name: string): string {
  const dir = join(dirname(corpus), name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(corpus, dir, { recursive: true });
  return dir;
}

function countChanged(a: string, b: string): number {
  let n = 0;
  for (const f of readdirSync(join(a, 'routes'))) if (readFileSync(join(a, 'routes', f), 'utf8') !== readFileSync(join(b, 'routes', f), 'utf8')) n++;
  return n;
}

async function main(): Promise<void> {
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
  const started = new Date().toISOString();
  const work = mkdtempSync(join(tmpdir(), 'ma-codemod-bench-'));
  // Outside the checkout (nothing to clean up in git), resolving the repo's node_modules through a symlink.
  symlinkSync(join(repo, 'node_modules'), join(work, 'node_modules'), 'dir');
  cpSync(join(repo, 'package.json'), join(work, 'package.json'));
  const bin = await buildDist(join(work, 'dist'));
  const baselineBin = BASELINE ? await buildDist(join(work, 'dist-baseline'), BASELINE) : null;
  const jscodeshift = join(repo, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
  const corpora = new Map<number, string>();
  for (const n of new Set([...SIZES, FILES])) {
    const dir = join(work, `corpus-${n}`);
    writeCorpus(dir, n);
    corpora.set(n, dir);
  }
  const corpus = corpora.get(FILES)!;
  // Every row runs ROUNDS times, the rows interleaved within each round (this machine's speed drifts by
  // tens of percent over minutes); the table shows each row's median wall, CPU and RSS.
  const samples = new Map<string, Sample[]>();
  const notes = new Map<string, string>();
  /** `note` runs after the measurement (it counts what the run changed); the last round's note is kept. */
  const run = (name: string, cmd: string[], env: Record<string, string> = {}, note: (s: Sample) => string = () => '') => {
    process.stderr.write(`${name} ...`);
    const s = measure(cmd, env);
    process.stderr.write(` ${s.wall.toFixed(2)} s wall, ${s.cpu.toFixed(2)} s CPU, ${s.rssMb.toFixed(0)} MB\n`);
    samples.set(name, [...(samples.get(name) ?? []), s]);
    notes.set(name, note(s));
  };
  const jsc = (dir: string, transform: string) => [process.execPath, jscodeshift, '-t', join(here, 'codemod', transform), '--parser=babel', '--silent', join(dir, 'routes')];

  for (let round = 1; round <= ROUNDS; round++) {
    process.stderr.write(`round ${round} of ${ROUNDS}\n`);
    const ident = fresh(corpus, 'jsc-identity');
    run('jscodeshift, identity transform (floor)', jsc(ident, 'identity.cjs'));
    const wrapped = fresh(corpus, 'jsc-wrap');
    run('jscodeshift, rewriting every file (wrap handlers)', jsc(wrapped, 'wrap-handlers.cjs'), {}, () => `${countChanged(corpus, wrapped)} route files changed`);
    const migrated = fresh(corpus, 'migrate');
    run('migrate-api, full migration (in-process, the default)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(corpus, migrated)} route files changed, exit ${s.status}`);
    if (baselineBin) {
      const before = fresh(corpus, 'migrate-baseline');
      run('migrate-api baseline build (BENCH_BASELINE), full migration (in-process)', [process.execPath, baselineBin, before, '--force'], {},
        (s) => `${countChanged(corpus, before)} route files changed, exit ${s.status}; output ${countChanged(migrated, before) === 0 ? 'identical to' : 'DIFFERS from'} this build's`);
    }
    const threaded = fresh(corpus, 'migrate-workers');
    run('migrate-api, full migration on 2 worker threads (MIGRATE_API_WORKERS=2)', [process.execPath, bin, threaded, '--force'], { MIGRATE_API_WORKERS: '2' },
      (s) => `${countChanged(corpus, threaded)} route files changed, exit ${s.status}; output ${countChanged(migrated, threaded) === 0 ? 'identical to' : 'DIFFERS from'} the in-process run`);
    const snapshot = fresh(migrated, 'migrate-snapshot');
    run('migrate-api, no-op re-run on the migrated copy (in-process)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(snapshot, migrated)} files changed, exit ${s.status}`);
    run('migrate-api, no-op re-run on 2 worker threads', [process.execPath, bin, migrated, '--force'], { MIGRATE_API_WORKERS: '2' },
      (s) => `${countChanged(snapshot, migrated)} files changed, exit ${s.status}`);
  }
  const median = (xs: number[]) => { const v = [...xs].sort((a, b) => a - b); return v[Math.floor(v.length / 2)]!; };
  const rows = [...samples].map(([name, ss]) => ({
    name, note: notes.get(name)!,
    s: { wall: median(ss.map((x) => x.wall)), cpu: median(ss.map((x) => x.cpu)), rssMb: median(ss.map((x) => x.rssMb)), status: ss[0]!.status, stderr: '' },
    walls: ss.map((x) => x.wall.toFixed(2)).join(' / '),
  }));

  const rss: Array<{ n: number; s: Sample; before?: Sample }> = [];
  for (const n of SIZES) {
    const dir = fresh(corpora.get(n)!, `rss-${n}`);
    process.stderr.write(`rss ${n} ...`);
    const s = measure([process.execPath, bin, dir, '--force']);
    process.stderr.write(` ${s.rssMb.toFixed(0)} MB\n`);
    const before = baselineBin ? measure([process.execPath, baselineBin, fresh(corpora.get(n)!, `rss-${n}-baseline`), '--force']) : undefined;
    if (before) process.stderr.write(`rss ${n} baseline ... ${before.rssMb.toFixed(0)} MB\n`);
    rss.push({ n, s, before });
  }
  rmSync(work, { recursive: true, force: true });

  const floor = rows[0]!.s;
  const cpu = cpus();
  const lines = [
    '<!-- codemod-bench:start -->',
    `## Migration (bench/codemod.ts)`,
    '',
    `- Date: ${started}`,
    `- Machine: ${cpu.length} cores (nproc), ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
    `- Load average at start: ${load} — the machine is shared with teammates' test runs, so wall times are inflated and noisy; CPU time (user+sys) is the steadier number.`,
    `- Corpus: bench/corpus.ts, ${FILES} route files (seed 42) + index.js. Every row is one child process on a fresh copy, timed by /usr/bin/time; migrate-api runs compiled JS (esbuild transpile of codemods/ and compat/ file by file, like the tsc emit of npm run build) with \`--force\`, CI=1.`,
    `- Budgets (DESIGN.md): full migration <= 5 s, no-op re-run <= 1.5 s on 2 cores, memory flat in file count.`,
    ...(BASELINE ? [`- Baseline: an older checkout's codemods/ and compat/ (${process.env.BENCH_BASELINE_LABEL ?? BASELINE}), built and run the same way in the same rounds.`] : []),
    '',
    `Medians of ${ROUNDS} interleaved rounds (each round's wall times in the last column).`,
    '',
    '| run | wall s | CPU s (user+sys) | wall x floor | max RSS MB | notes | wall s per round |',
    '|---|---:|---:|---:|---:|---|---|',
    ...rows.map(({ name, s, note, walls }) => `| ${name} | ${s.wall.toFixed(2)} | ${s.cpu.toFixed(2)} | ${(s.wall / floor.wall).toFixed(2)}x | ${s.rssMb.toFixed(0)} | ${note} | ${walls} |`),
    '',
    'Peak RSS of the full migration (in-process, the default) by corpus size:',
    '',
    `| files | wall s | CPU s | max RSS MB | RSS per 1,000 files above the ${rss[0]?.n}-file run |${baselineBin ? ' baseline: wall s | CPU s | max RSS MB | per 1,000 files |' : ''}`,
    `|---:|---:|---:|---:|---:|${baselineBin ? '---:|---:|---:|---:|' : ''}`,
    ...rss.map(({ n, s, before }) => `| ${n} | ${s.wall.toFixed(2)} | ${s.cpu.toFixed(2)} | ${s.rssMb.toFixed(0)} | ${n === rss[0]!.n ? '-' : (((s.rssMb - rss[0]!.s.rssMb) / (n - rss[0]!.n)) * 1000).toFixed(0) + ' MB'} |`
      + (before ? ` ${before.wall.toFixed(2)} | ${before.cpu.toFixed(2)} | ${before.rssMb.toFixed(0)} | ${n === rss[0]!.n ? '-' : (((before.rssMb - rss[0]!.before!.rssMb) / (n - rss[0]!.n)) * 1000).toFixed(0) + ' MB'} |` : '')),
    '<!-- codemod-bench:end -->',
  ];
  const resultsFile = join(here, 'RESULTS.md');
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmarks\n';
  const block = lines.join('\n');
  const re = /<!-- codemod-bench:start -->[\s\S]*?<!-- codemod-bench:end -->/;
  writeFileSync(resultsFile, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`);
  process.stdout.write(block + '\n');
}

main().catch((err) => { console.error(err); process.exit(1); });
