// The enforce column of bench/real-apps, on the fixture apps: each app migrated with default options (report
// mode), its own suite run once as migrated (the runtime counting what enforce would change) and once with
// MIGRATE_API_VALIDATION=enforce; every test whose result moved is linked to the runtime finding that explains
// it, with the same logic as the real-app table (bench/real-apps/enforce.ts). Writes bench/FIXTURE-ENFORCE.md.
//   npm run build && npx tsx bench/fixture-apps/enforce.ts [app ...]
// (the migrated copies import migrate-api/compat from dist/).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../codemods/cli.js';
import { checkProject } from '../../codemods/check/index.js';
import type { DriftFinding } from '../../codemods/check/findings.js';
import { copyLegacyApp, repoRoot } from '../../examples/app-copy.js';
import { linkChanges, runtimeOnly, writeDump, type EnforceChange } from '../real-apps/enforce.js';
import { compareSuites, readSuite, type SuiteDiff, type SuiteRun } from '../real-apps/suite.js';

const appsRoot = join(repoRoot, 'fixtures', 'apps');
const reporter = join(repoRoot, 'bench', 'real-apps', 'node-test-reporter.mjs');

export interface FixtureChange extends Omit<EnforceChange, 'link'> {
  /** title-*: what the test's title names; error-segment: its failure; else bench/real-apps' own link */
  link: EnforceChange['link'] | 'title-route' | 'title-path' | 'title-segment' | 'error-segment';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * bench/real-apps' textual link, made tighter where the fixture suites allow it. Their titles read
 * `file > GET /api/items/:id > returns an item`: a finding whose `METHOD path` the title names is the link;
 * else one whose path it names without a method; else its route's last literal segment, singular or plural (`owners` in
 * "rejects an owner"), in the title (without the file name: `test/users.test.js` names no route), then in the
 * failure; else linkChanges as the real-app table does.
 */
export function linkFixtureChanges(diff: SuiteDiff, runtime: DriftFinding[]): FixtureChange[] {
  const routes = [...new Set(runtime.map((f) => f.route).filter((r): r is string => !!r))];
  const fallback = linkChanges(diff, runtime);
  const names = (text: string, s: string) => new RegExp(`(^|[\\s>])${escape(s)}($|[\\s>])`).test(text);
  const segment = (text: string) => routes.filter((r) => {
    const last = r.split(' ').pop()!.split('/').filter((s) => s && !s.startsWith(':') && !/^v\d+$|^api$/i.test(s)).pop();
    return !!last && new RegExp(`\\b${escape(last.replace(/s$/, ''))}s?\\b`, 'i').test(text);
  });
  return diff.changed.map((c, i) => {
    const title = c.name.split(' > ').slice(1).join(' > ');
    const tiers: Array<[string[], FixtureChange['link']]> = [
      [routes.filter((r) => names(title, r)), 'title-route'],
      // a path named without a method (`GET /api/users/me and /api/users/:id`), not one of another method's
      [routes.filter((r) => { const p = r.split(' ').pop()!; return names(title, p) && !new RegExp(`[A-Z]+ ${escape(p)}($|[\\s>])`).test(title); }), 'title-path'],
      [segment(title), 'title-segment'],
      [segment(c.error ?? ''), 'error-segment'],
    ];
    const hit = tiers.find(([rs]) => rs.length > 0);
    if (!hit) return fallback[i]!;
    const findings = [...new Set(runtime.filter((f) => f.route && hit[0].includes(f.route)).map((f) => `${f.kind} ${f.route}`))];
    return { ...fallback[i]!, findings, link: hit[1] };
  });
}

export interface FixtureEnforce {
  app: string;
  command: string;
  report: SuiteRun;
  enforce: SuiteRun;
  /** runtime findings of the report-mode run, pinned in the fixture's own files */
  runtime: DriftFinding[];
  changed: FixtureChange[];
  unexplained: number;
  /** response-side runtime findings that are not a leaked key: what a check before serialization got wrong */
  responseFindings: DriftFinding[];
}

/** The app's own test command with our node:test reporter added (every fixture app runs node --test). */
function withReporter(command: string, results: string): string {
  if (!/(^|\s)--test(\s|$)/.test(command)) throw new Error(`not a node --test command: ${command}`);
  return command.replace(/(^|\s)--test(\s|$)/, `$1--test --test-reporter=${JSON.stringify(reporter)} --test-reporter-destination=${JSON.stringify(results)}$2`);
}

function runShell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('close', (code) => done(code ?? 1));
    child.on('error', () => done(127));
  });
}

async function suite(dir: string, command: string, results: string, extra: NodeJS.ProcessEnv): Promise<SuiteRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_TEST_CONTEXT; // under a node:test parent the child would talk the runner's protocol
  delete env.MIGRATE_API_VALIDATION;
  Object.assign(env, extra);
  const code = await runShell(withReporter(command, results), dir, env);
  const run = readSuite('node-test', results, dir, code);
  // A describe block that failed because a test in it did is not an outcome of its own (a file that did not
  // load has no tests in it, and stays).
  const tests = run.tests?.filter((t) => !run.tests!.some((u) => u.name.startsWith(`${t.name} > `))) ?? null;
  if (!tests) return run;
  const count = (s: string) => tests.filter((t) => t.status === s).length;
  return { ...run, tests, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

export async function enforceFixtureApp(app: string): Promise<FixtureEnforce> {
  const dir = await copyLegacyApp(app);
  const work = mkdtempSync(join(tmpdir(), `fixture-enforce-${app}-`));
  try {
    const command = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: { test: string } }).scripts.test;
    let err = '';
    const code = await main([dir], { out: () => {}, err: (s) => void (err += s), isTTY: false });
    if (code !== 0) throw new Error(`${app}: the default migration exited ${code}: ${err.slice(-2000)}`);
    const shares = join(work, 'shares');
    const report = await suite(dir, command, join(work, 'report.ndjson'), { MIGRATE_API_VIOLATIONS_SHARES: shares });
    const enforce = await suite(dir, command, join(work, 'enforce.ndjson'), { MIGRATE_API_VALIDATION: 'enforce' });
    const dump = join(work, 'violations.json');
    writeDump(shares, dump);
    // Pinned in the fixture as written (the copy was migrated): the same routes, the lines a reader sees.
    const runtime = runtimeOnly((await checkProject(join(appsRoot, app), { runtime: dump })).findings);
    if (!report.tests || !enforce.tests) throw new Error(`${app}: no per-test results (${report.problem ?? enforce.problem})`);
    const changed = linkFixtureChanges(compareSuites(report.tests, enforce.tests), runtime);
    return {
      app, command, report, enforce, runtime, changed,
      unexplained: changed.filter((c) => c.findings.length === 0).length,
      responseFindings: runtime.filter((f) => /^\d+x response/.test(f.message) && f.kind !== 'leaked-response-key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderFixtureEnforce(results: FixtureEnforce[]): string {
  const out: string[] = [
    '# Enforce on the fixture apps',
    '',
    'Each app of `fixtures/apps/` migrated with default options (report mode), its own suite run as migrated and then',
    'with `MIGRATE_API_VALIDATION=enforce`. Every test whose result moved is listed with the runtime drift finding',
    '(`check --runtime` on the report-mode run\'s counts) that explains it, linked as bench/real-apps links them',
    '(link: `title-route` the test\'s title names the route, method and path; `title-path` its path; `title-segment` its',
    'last literal segment; `error-segment` the failure names it; `path` / `only-route`: bench/real-apps\' own link). Generated by',
    '`npx tsx bench/fixture-apps/enforce.ts` (after `npm run build`).',
    '',
    '| app | tests | report: passed | enforce: passed | runtime findings | moved | unexplained | response findings other than leaked keys |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    out.push(`| ${r.app} | ${r.report.tests?.length ?? 0} | ${r.report.passed} | ${r.enforce.passed} | ${r.runtime.length} | ${r.changed.length} | ${r.unexplained} | ${r.responseFindings.length} |`);
  }
  const total = (f: (r: FixtureEnforce) => number) => results.reduce((n, r) => n + f(r), 0);
  out.push('', `Total: ${total((r) => r.changed.length)} tests moved, ${total((r) => r.unexplained)} unexplained; ` +
    `${total((r) => r.responseFindings.length)} response findings other than a leaked key (a false positive from serialization would be one).`, '');
  for (const r of results) {
    out.push(`## ${r.app}`, '', `\`${r.command}\`: ${r.report.passed}/${r.report.tests?.length ?? 0} passed as migrated (report), ${r.enforce.passed}/${r.enforce.tests?.length ?? 0} in enforce.`, '');
    if (r.runtime.length) {
      out.push('Runtime findings of the report-mode run:', '');
      for (const f of r.runtime) out.push(`- \`${f.kind}\` ${f.route} (${f.file}:${f.line}): ${f.message}`);
      out.push('');
    }
    if (!r.changed.length) {
      out.push('No test moved.', '');
      continue;
    }
    out.push('| test | report -> enforce | explained by | link |', '|---|---|---|---|');
    for (const c of r.changed) {
      out.push(`| ${cell(c.name)} | ${c.before} -> ${c.after} | ${c.findings.length ? cell(c.findings.join('; ')) : '**unexplained**'} | ${c.link} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const only = process.argv.slice(2);
  const apps = readdirSync(appsRoot).filter((a) => only.length === 0 || only.includes(a)).sort();
  const results: FixtureEnforce[] = [];
  for (const app of apps) {
    process.stderr.write(`${app} ...\n`);
    results.push(await enforceFixtureApp(app));
  }
  const file = join(repoRoot, 'bench', 'FIXTURE-ENFORCE.md');
  writeFileSync(file, renderFixtureEnforce(results) + '\n');
  process.stderr.write(`wrote ${file}: ${results.reduce((n, r) => n + r.unexplained, 0)} unexplained\n`);
  if (results.some((r) => r.unexplained > 0)) process.exitCode = 1;
}
