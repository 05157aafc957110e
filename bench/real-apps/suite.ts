// Per-test results of an app's own suite, read from its runner's machine-readable reporter (jest/vitest
// JSON, mocha JSON, node --test through our reporter), and the comparison of two runs test by test.
import { existsSync, readFileSync } from 'node:fs';

export type TestStatus = 'passed' | 'failed' | 'skipped';

export interface TestResult {
  name: string;
  status: TestStatus;
  /** first lines of the failure, with the file:line where the runner gives one */
  error?: string;
}

export interface SuiteRun {
  /** null when no per-test results could be read; `problem` says why */
  tests: TestResult[] | null;
  passed: number;
  failed: number;
  skipped: number;
  problem?: string;
}

/** One run of the app's suite as the runner made it: the command's exit, whether it was killed, its tests. */
export interface SuiteOutcome {
  code: number | null;
  timedOut: boolean;
  run: SuiteRun;
  ms: number;
}

/** Runs the app's suite once more under a label, with extra environment (the runner's own closure). */
export type RunSuite = (label: string, extraEnv?: Record<string, string>) => Promise<SuiteOutcome>;

export type ResultsFormat = 'jest-json' | 'vitest-json' | 'mocha-json' | 'node-test' | 'exit-code';

/** The first meaningful lines of a failure message: the error line and where it was thrown. */
export function shortError(message: string | undefined): string | undefined {
  if (!message) return undefined;
  // eslint-disable-next-line no-control-regex
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const head = lines.filter((l) => !l.startsWith('at ')).slice(0, 3);
  const where = lines.find((l) => l.startsWith('at ') && !l.includes('node_modules') && !l.includes('node:'));
  return [...head, ...(where ? [where] : [])].join(' | ').slice(0, 600);
}

interface JestJson {
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ fullName?: string; title: string; ancestorTitles?: string[]; status: string; failureMessages?: string[] }>;
  }>;
}

function fromJest(json: JestJson, root: string): TestResult[] {
  const tests: TestResult[] = [];
  for (const file of json.testResults) {
    const rel = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    if (file.assertionResults.length === 0 || (file.status === 'failed' && file.message && !file.assertionResults.some((a) => a.status === 'failed'))) {
      // A file that failed to load (syntax, TDZ, missing module) has no assertions: it counts as one failed test.
      if (file.status === 'failed') tests.push({ name: `${rel} (file failed to run)`, status: 'failed', error: shortError(file.message) });
    }
    for (const a of file.assertionResults) {
      const name = `${rel} > ${[...(a.ancestorTitles ?? []), a.title].join(' > ')}`;
      const status: TestStatus = a.status === 'passed' ? 'passed' : a.status === 'failed' ? 'failed' : 'skipped';
      tests.push({ name, status, error: status === 'failed' ? shortError(a.failureMessages?.join('\n')) : undefined });
    }
  }
  return tests;
}

interface MochaJson {
  tests: Array<{ fullTitle: string; file?: string; err?: { message?: string; stack?: string } }>;
  passes: Array<{ fullTitle: string }>;
  failures: Array<{ fullTitle: string; err?: { message?: string; stack?: string } }>;
  pending: Array<{ fullTitle: string }>;
}

function fromMocha(json: MochaJson): TestResult[] {
  const tests = new Map<string, TestResult>();
  for (const t of json.passes) tests.set(t.fullTitle, { name: t.fullTitle, status: 'passed' });
  for (const t of json.pending) tests.set(t.fullTitle, { name: t.fullTitle, status: 'skipped' });
  // failures include hook failures ("before all" hook ...), which are not in `tests`: they are kept as failed
  for (const t of json.failures) tests.set(t.fullTitle, { name: t.fullTitle, status: 'failed', error: shortError(t.err?.stack ?? t.err?.message) });
  return [...tests.values()];
}

interface NodeTestLine {
  event: 'test:start' | 'test:pass' | 'test:fail';
  name: string;
  nesting: number;
  file?: string;
  suite: boolean;
  skip?: boolean;
  error?: string;
}

/** Lines written by bench/real-apps/node-test-reporter.mjs; names are "file > suite > test". */
function fromNodeTest(raw: string, root: string): TestResult[] {
  const stacks = new Map<string, string[]>();
  const tests: TestResult[] = [];
  for (const text of raw.split('\n').filter(Boolean)) {
    const line = JSON.parse(text) as NodeTestLine;
    const file = line.file ?? '';
    const stack = stacks.get(file) ?? [];
    stacks.set(file, stack);
    if (line.event === 'test:start') {
      stack.length = line.nesting;
      stack.push(line.name);
      continue;
    }
    const rel = file.startsWith(root) ? file.slice(root.length + 1) : file;
    const name = [rel, ...stack.slice(0, line.nesting), line.name].filter(Boolean).join(' > ');
    // a suite that failed (e.g. its file did not load) is kept: it may have no leaf tests at all
    if (line.suite && line.event === 'test:pass') continue;
    const status: TestStatus = line.event === 'test:fail' ? 'failed' : line.skip ? 'skipped' : 'passed';
    tests.push({ name, status, error: status === 'failed' ? shortError(line.error) : undefined });
  }
  return tests;
}

export function readSuite(format: ResultsFormat, file: string | null, root: string, exitCode: number | null): SuiteRun {
  if (format === 'exit-code') {
    return { tests: null, passed: 0, failed: 0, skipped: 0, problem: `per-test results not available (exit code ${exitCode})` };
  }
  if (!file || !existsSync(file)) {
    return { tests: null, passed: 0, failed: 0, skipped: 0, problem: `the reporter wrote no results file (${file}); suite exit code ${exitCode}` };
  }
  let tests: TestResult[];
  try {
    const raw = readFileSync(file, 'utf8');
    if (format === 'node-test') tests = fromNodeTest(raw, root);
    else if (format === 'mocha-json') tests = fromMocha(JSON.parse(raw.slice(raw.indexOf('{'))) as MochaJson);
    else tests = fromJest(JSON.parse(raw) as JestJson, root);
  } catch (err) {
    return { tests: null, passed: 0, failed: 0, skipped: 0, problem: `results file unreadable: ${(err as Error).message}` };
  }
  const count = (s: TestStatus) => tests.filter((t) => t.status === s).length;
  return { tests, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
}

export interface SuiteDiff {
  same: boolean;
  /** one line per test whose status differs, or which appears in only one run */
  changed: Array<{ name: string; before: TestStatus | 'absent'; after: TestStatus | 'absent'; error?: string }>;
}

export function compareSuites(before: TestResult[], after: TestResult[]): SuiteDiff {
  const a = new Map(before.map((t) => [t.name, t]));
  const b = new Map(after.map((t) => [t.name, t]));
  const changed: SuiteDiff['changed'] = [];
  for (const [name, t] of a) {
    const u = b.get(name);
    if (!u) changed.push({ name, before: t.status, after: 'absent' });
    else if (u.status !== t.status) changed.push({ name, before: t.status, after: u.status, error: u.error });
  }
  for (const [name, u] of b) if (!a.has(name)) changed.push({ name, before: 'absent', after: u.status, error: u.error });
  return { same: changed.length === 0, changed };
}
