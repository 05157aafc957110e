// Test harness for the legacy apps in fixtures/apps/: copy one to a temp dir, give it a node_modules
// made of symlinks into this repo's node_modules, run its own suite in a child process, type-check it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { dependencyTarget, linkDependencies, repoModules, repoRoot } from '../../examples/app-copy.js';

export { dependencyTarget, linkDependencies, repoRoot };
export const appsRoot = join(repoRoot, 'fixtures', 'apps');

export interface SuiteResult {
  passed: number;
  failed: number;
  /** leaf tests only (describe blocks are not counted); name is "suite > sub-suite > test" */
  tests: Array<{ name: string; ok: boolean }>;
  /** the child's stdout + stderr, for failure messages */
  output: string;
}

/**
 * Copies fixtures/apps/<name> to `dir` (default: a fresh temp dir) and links its dependencies.
 * Returns the app's directory. The caller removes it when done.
 */
export async function prepareApp(name: string, dir?: string): Promise<string> {
  const source = join(appsRoot, name);
  if (!existsSync(join(source, 'package.json'))) {
    throw new Error(`no legacy app named "${name}" (expected ${join(source, 'package.json')})`);
  }
  const target = dir ?? (await mkdtemp(join(tmpdir(), `legacy-${name}-`)));
  if (dir && existsSync(dir) && (await readdir(dir)).length > 0) {
    throw new Error(`prepareApp: ${dir} is not empty`);
  }
  await cp(source, target, {
    recursive: true,
    filter: (src) => !['node_modules', 'dist'].includes(basename(src)),
  });
  await linkDependencies(target);
  return target;
}

async function findTestFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') await walk(path);
      } else if (/\.test\.[cm]?[jt]s$/.test(entry.name)) {
        found.push(path);
      }
    }
  };
  if (existsSync(join(dir, 'test'))) await walk(join(dir, 'test'));
  return found.sort();
}

// Node 20's built-in reporters are for humans (spec) or need a parser (tap); this custom reporter
// writes one JSON line per test event, which is all the harness needs.
const reporterSource = `export default async function* reporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:start' && event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, nesting, file, details } = event.data;
    yield JSON.stringify({ event: event.type, name, nesting, file, suite: details?.type === 'suite',
      error: event.type === 'test:fail' ? String(details?.error?.cause?.message ?? details?.error?.message ?? '') : undefined }) + '\\n';
  }
}
`;

interface ReporterLine {
  event: 'test:start' | 'test:pass' | 'test:fail';
  name: string;
  nesting: number;
  file?: string;
  suite: boolean;
  error?: string;
}

/** Runs the app's own suite (test/**\/*.test.{js,cjs,mjs,ts}) with `node --test` in a child process. */
export async function runAppSuite(dir: string): Promise<SuiteResult> {
  const files = await findTestFiles(dir);
  if (files.length === 0) throw new Error(`${dir}: no test files under test/`);
  const needsTsx = files.some((f) => /\.[cm]?ts$/.test(f));
  if (needsTsx && !existsSync(join(dir, 'node_modules', 'tsx'))) {
    throw new Error(`${dir}: TypeScript tests but tsx is not among the app's dependencies`);
  }

  const work = await mkdtemp(join(tmpdir(), 'legacy-suite-'));
  try {
    const reporter = join(work, 'reporter.mjs');
    const events = join(work, 'events.ndjson');
    await writeFile(reporter, reporterSource);
    const args = [
      ...(needsTsx ? ['--import', 'tsx'] : []),
      '--test',
      `--test-reporter=${reporter}`,
      `--test-reporter-destination=${events}`,
      ...files,
    ];
    // Inherited, NODE_TEST_CONTEXT would make the child talk the runner's internal protocol instead of reporting.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const output = await new Promise<string>((resolvePromise, reject) => {
      const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk));
      // a safety net for a hung server in an app suite, not a timing assertion
      const guard = setTimeout(() => child.kill('SIGKILL'), 180_000);
      child.on('error', reject);
      child.on('close', () => {
        clearTimeout(guard);
        resolvePromise(text);
      });
    });

    const raw = existsSync(events) ? await readFile(events, 'utf8') : '';
    const lines = raw.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReporterLine);
    const stacks = new Map<string, string[]>();
    const tests: SuiteResult['tests'] = [];
    for (const line of lines) {
      const stack = stacks.get(line.file ?? '') ?? [];
      stacks.set(line.file ?? '', stack);
      if (line.event === 'test:start') {
        stack.length = line.nesting;
        stack.push(line.name);
      } else if (!line.suite) {
        tests.push({ name: [...stack.slice(0, line.nesting), line.name].join(' > '), ok: line.event === 'test:pass' });
      }
    }
    if (tests.length === 0) {
      throw new Error(`${dir}: the suite reported no tests. Output:\n${output}`);
    }
    const passed = tests.filter((t) => t.ok).length;
    return { passed, failed: tests.length - passed, tests, output };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** `tsc --noEmit -p tsconfig.json` in the app's directory, with this repo's typescript. */
export async function typecheckApp(dir: string): Promise<{ ok: boolean; output: string }> {
  const tsc = join(repoModules, 'typescript', 'bin', 'tsc');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', 'tsconfig.json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ ok: code === 0, output }));
  });
}
