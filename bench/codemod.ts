// The codemod benchmark (issues 4 and 16, DESIGN.md "Performance"): on a generated corpus of route files, side by
// side in one run — node's start and the CLI bundle's load, stock jscodeshift identity transform (the floor),
// migrate-api's full migration with the cache (the default: node_modules/.cache/migrate-api of the corpus) and with
// --no-cache, the first re-run after the migration (per-file entries for what it did not write; it parses what it
// wrote, and records the run), the no-op re-run after that (answered from the run record), the no-op re-run with
// --no-cache, re-runs after a review's edit to one route file (a comment: the record's early cutoff; a line at
// the top: the full run), and the lower bound of any migration (read, Babel parse, YAML of the doc blocks, write:
// bench/codemod/migration-floor.mjs) and of one that caches what it writes (the same + a parse of the written files) — then peak RSS by corpus size (BENCH_RSS_SIZES, default none). Every
// measurement is its own child process, timed by /usr/bin/time (wall, user+sys CPU, max RSS). migrate-api runs the
// CLI as `npm run build` bundles it (dist/codemods). Run: npx tsx bench/codemod.ts [files=1000]. Writes the "##
// Migration" section of bench/RESULTS.md. (BENCH_WORKERS=1 adds the 2-worker-thread rows; BENCH_WRAP=1 jscodeshift
// rewriting every file; BENCH_BASELINE=<an older checkout's built dist/> adds that build's full migration to the
// same rounds and to the RSS table: before/after in one run.)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { median } from './median.js';
import { parserOptions } from '../codemods/parse.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const FILES = Number(process.argv[2] ?? 1000);
/** Corpus sizes for the memory table (BENCH_RSS_SIZES=1000,2000,4000; empty skips it). */
const SIZES = (process.env.BENCH_RSS_SIZES ?? '').split(',').filter(Boolean).map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BASELINE = process.env.BENCH_BASELINE;

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

/** The CLI as consumers run it: `npm run build`'s bundle (scripts/build.mjs), copied next to the corpora. */
function buildDist(out: string): string {
  const r = spawnSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
  rmSync(out, { recursive: true, force: true });
  cpSync(join(repo, 'dist'), out, { recursive: true });
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
  const bin = buildDist(join(work, 'dist'));
  const baselineBin = BASELINE ? join(BASELINE, 'codemods', 'bin.js') : null;
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
    run('node start (node -e 0)', [process.execPath, '-e', '0']);
    run('node start + the CLI bundle loaded (migrate-api --help)', [process.execPath, bin, '--help']);
    const ident = fresh(corpus, 'jsc-identity');
    run('jscodeshift, identity transform (floor)', jsc(ident, 'identity.cjs'));
    // What any migration of this corpus costs at least, to read the budgets against (bench/codemod/migration-floor.mjs).
    run('lower bound of any migration: read + Babel parse + js-yaml of every doc block + write every file, nothing else',
      [process.execPath, join(here, 'codemod', 'migration-floor.mjs'), fresh(corpus, 'migration-floor'), JSON.stringify(parserOptions('index.js'))],
      {}, (s) => s.stderr.split('\n').find((l) => / doc blocks, /.test(l)) ?? '');
    if (process.env.BENCH_WRAP) {
      const wrapped = fresh(corpus, 'jsc-wrap');
      run('jscodeshift, rewriting every file (wrap handlers)', jsc(wrapped, 'wrap-handlers.cjs'), {}, () => `${countChanged(corpus, wrapped)} route files changed`);
    }
    const migrated = fresh(corpus, 'migrate');
    run('migrate-api, full migration (default: cache on, with its fixed-point check)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(corpus, migrated)} route files changed, exit ${s.status}`);
    if (baselineBin) {
      const before = fresh(corpus, 'migrate-baseline');
      run('migrate-api baseline build (BENCH_BASELINE), full migration', [process.execPath, baselineBin, before, '--force'], {},
        (s) => `${countChanged(corpus, before)} route files changed, exit ${s.status}; output ${countChanged(migrated, before) === 0 ? 'identical to' : 'DIFFERS from'} this build's`);
    }
    // The same lower bound for a migration that also leaves a cache entry for every file it writes: that entry is the
    // analysis of the written text, so at least a parse of it (the tree the migration above wrote).
    run('lower bound of a migration that caches what it writes: the lower bound above + Babel parse of every file it wrote',
      [process.execPath, join(here, 'codemod', 'migration-floor.mjs'), fresh(corpus, 'migration-floor-written'), JSON.stringify(parserOptions('index.js')), migrated],
      {}, (s) => s.stderr.split('\n').find((l) => / doc blocks, /.test(l)) ?? '');
    const uncached = fresh(corpus, 'migrate-nocache');
    run('migrate-api, full migration --no-cache', [process.execPath, bin, uncached, '--force', '--no-cache'], {},
      (s) => `${countChanged(corpus, uncached)} route files changed, exit ${s.status}; output ${countChanged(migrated, uncached) === 0 ? 'identical to' : 'DIFFERS from'} the cached run`);
    if (process.env.BENCH_WORKERS) {
      const threaded = fresh(corpus, 'migrate-workers');
      run('migrate-api, full migration on 2 worker threads (MIGRATE_API_WORKERS=2)', [process.execPath, bin, threaded, '--force'], { MIGRATE_API_WORKERS: '2' },
        (s) => `${countChanged(corpus, threaded)} route files changed, exit ${s.status}; output ${countChanged(migrated, threaded) === 0 ? 'identical to' : 'DIFFERS from'} the in-process run`);
    }
    const snapshot = fresh(migrated, 'migrate-snapshot');
    run('migrate-api, first re-run after the migration (cache on: answered from the record its fixed-point check made)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(snapshot, migrated)} files changed, exit ${s.status}`);
    run('migrate-api, no-op re-run (cache on: answered from the run record)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(snapshot, migrated)} files changed, exit ${s.status}`);
    run('migrate-api, no-op re-run --no-cache', [process.execPath, bin, migrated, '--force', '--no-cache'], {},
      (s) => `${countChanged(snapshot, migrated)} files changed, exit ${s.status}`);
    // A review's edits to route files. A comment leaves the file's analysis as it was: the record's early cutoff
    // parses that file and answers (cache/early-cutoff.ts). A line added at the top moves every route of the file:
    // the cutoff's parse finds another analysis, and the full run follows (every other file from its cache entry).
    const routeFiles = readdirSync(join(migrated, 'routes')).sort();
    const commented = join(migrated, 'routes', routeFiles[0]!);
    writeFileSync(commented, `${readFileSync(commented, 'utf8')}\n// edited in review (round ${round})\n`);
    const editedSnapshot = fresh(migrated, 'migrate-edited-snapshot');
    run('migrate-api, re-run after a comment was added to one route file (cache on: the early cutoff parses that file, the record answers)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(editedSnapshot, migrated)} files changed, exit ${s.status}`);
    const moved = join(migrated, 'routes', routeFiles[1]!);
    writeFileSync(moved, `// edited in review (round ${round})\n${readFileSync(moved, 'utf8')}`);
    const movedSnapshot = fresh(migrated, 'migrate-moved-snapshot');
    run('migrate-api, re-run after a line was added at the top of one route file (cache on: that file parsed, the others from their entries, the tree planned)', [process.execPath, bin, migrated, '--force'], {},
      (s) => `${countChanged(movedSnapshot, migrated)} files changed, exit ${s.status}`);
  }
  const rows = [...samples].map(([name, ss]) => ({
    name, note: notes.get(name)!,
    s: { wall: median(ss.map((x) => x.wall)), cpu: median(ss.map((x) => x.cpu)), rssMb: median(ss.map((x) => x.rssMb)), status: ss[0]!.status, stderr: '' },
    walls: ss.map((x) => x.wall.toFixed(2)).join(' / '),
  }));

  const rss: Array<{ n: number; s: Sample; noop: Sample; before?: Sample }> = [];
  for (const n of SIZES) {
    const dir = fresh(corpora.get(n)!, `rss-${n}`);
    process.stderr.write(`rss ${n} ...`);
    const s = measure([process.execPath, bin, dir, '--force']);
    const noop = measure([process.execPath, bin, dir, '--force']);
    process.stderr.write(` ${s.rssMb.toFixed(0)} MB, no-op ${noop.rssMb.toFixed(0)} MB\n`);
    const before = baselineBin ? measure([process.execPath, baselineBin, fresh(corpora.get(n)!, `rss-${n}-baseline`), '--force']) : undefined;
    if (before) process.stderr.write(`rss ${n} baseline ... ${before.rssMb.toFixed(0)} MB\n`);
    rss.push({ n, s, noop, before });
    rmSync(dir, { recursive: true, force: true });
  }
  rmSync(work, { recursive: true, force: true });

  const floor = rows.find((r) => r.name.includes('(floor)'))!.s;
  const cpu = cpus();
  const lines = [
    '<!-- codemod-bench:start -->',
    `## Migration (bench/codemod.ts)`,
    '',
    `- Date: ${started}`,
    `- Machine: ${cpu.length} cores (nproc), ${cpu[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}`,
    `- Load average at start: ${load} — the machine is shared with teammates' test runs, so wall times are inflated and noisy; CPU time (user+sys) is the steadier number.`,
    `- Corpus: bench/corpus.ts, ${FILES} route files (seed 42) + index.js. Every row is one child process on a fresh copy, timed by /usr/bin/time; migrate-api runs the CLI bundle of npm run build (dist/codemods) with \`--force\`, CI=1.`,
    `- Budgets (DESIGN.md, issue 16): full migration <= 0.35x the floor, no-op re-run <= 0.10x the floor (same run; CPU ratios are the steadier number on this shared machine), peak memory flat in file count.`,
    '',
    `Medians of ${ROUNDS} interleaved rounds (each round's wall times in the last column).`,
    '',
    '| run | wall s | CPU s (user+sys) | wall x floor | CPU x floor | max RSS MB | notes | wall s per round |',
    '|---|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(({ name, s, note, walls }) => `| ${name} | ${s.wall.toFixed(2)} | ${s.cpu.toFixed(2)} | ${(s.wall / floor.wall).toFixed(2)}x | ${(s.cpu / floor.cpu).toFixed(2)}x | ${s.rssMb.toFixed(0)} | ${note} | ${walls} |`),
    '',
    ...(rss.length === 0 ? [] : [
    'Peak RSS by corpus size (one run each, cache on; the no-op is the re-run right after that migration):',
    '',
    `| files | full: wall s | full: CPU s | full: max RSS MB | full: RSS per 1,000 files above the smallest | no-op: wall s | no-op: CPU s | no-op: max RSS MB | no-op: RSS per 1,000 files above the smallest |${baselineBin ? ' baseline full: CPU s | max RSS MB |' : ''}`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|${baselineBin ? '---:|---:|' : ''}`,
    ...rss.map(({ n, s, noop, before }) => {
      const per = (x: number, x0: number) => (n === rss[0]!.n ? '-' : `${(((x - x0) / (n - rss[0]!.n)) * 1000).toFixed(0)} MB`);
      return `| ${n} | ${s.wall.toFixed(2)} | ${s.cpu.toFixed(2)} | ${s.rssMb.toFixed(0)} | ${per(s.rssMb, rss[0]!.s.rssMb)} | ${noop.wall.toFixed(2)} | ${noop.cpu.toFixed(2)} | ${noop.rssMb.toFixed(0)} | ${per(noop.rssMb, rss[0]!.noop.rssMb)} |${before ? ` ${before.cpu.toFixed(2)} | ${before.rssMb.toFixed(0)} |` : ''}`;
    }),
    ]),
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
