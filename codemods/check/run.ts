// `migrate-api check <dir> --run "<test command>"`: the app's own suite, run against a report-mode migration of
// a copy of the app, shows the drift only running code can (an id documented as an integer that is a string,
// null where the docs say string, a leaked key). The copy sits beside the app (so a workspace's hoisted
// node_modules still resolve), its node_modules are links to the app's, and it is removed afterwards; the
// app itself is never touched. Each runtime the suite loads writes its counts to a shares folder
// (MIGRATE_API_VIOLATIONS_SHARES), which works under node:test, mocha and jest, workers included.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { readShareDir } from '../../compat/violations-file.js';
import { packageRoot } from '../analyze.js';
import { migrateProject } from '../migrate.js';
import { ownPackage } from '../own-package.js';
import { writeFilesAtomic } from '../write.js';

export interface SuiteRun {
  /** The summed violations dump (a file in a temp folder), for checkProject's `runtime`. */
  dump: string;
  /** The test command's exit code (a failing suite still yields its findings). */
  exitCode: number;
  /** Requests that broke a contract, summed over routes. */
  violations: number;
  cleanup(): void;
}

/** node_modules of links to the app's own packages, plus migrate-api and zod where the app has none yet. */
function linkModules(app: string, copy: string): void {
  const target = join(copy, 'node_modules');
  mkdirSync(target, { recursive: true });
  const own = join(app, 'node_modules');
  if (existsSync(own)) {
    for (const name of readdirSync(own)) symlinkSync(join(own, name), join(target, name));
  }
  const missing = (name: string) => !existsSync(join(target, name));
  const root = ownPackage()?.root;
  if (missing('migrate-api') && root) symlinkSync(root, join(target, 'migrate-api'), 'dir');
  if (missing('zod')) {
    try {
      const zod = dirname(createRequire(import.meta.url).resolve('zod/package.json'));
      symlinkSync(zod, join(target, 'zod'), 'dir');
    } catch { /* resolved from a workspace above, or the suite says what is missing */ }
  }
}

function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, echo: (s: string) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c: Buffer) => echo(c.toString()));
    child.stderr.on('data', (c: Buffer) => echo(c.toString()));
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
    child.on('error', () => done(127));
  });
}

/**
 * Copies the package `dir` is in, migrates the copy's `dir` in report mode, runs `command` at the copy's package
 * root (where `npm test` runs it: `check src --run "npm test"` must find the tests and package.json beside src)
 * and sums what the runtime counted.
 */
export async function runSuiteForViolations(dirArg: string, command: string, echo: (s: string) => void, extraEnv: NodeJS.ProcessEnv = {}): Promise<SuiteRun> {
  const dir = resolve(dirArg);
  const root = packageRoot(dir) ?? dir;
  // No leading dot: `send` (res.sendFile, res.download, express.static without a root) answers 404 for any
  // absolute path with a dot-segment in it, so a copy in a hidden folder fails the app's file-serving tests.
  const copy = mkdtempSync(join(dirname(root), `migrate-api-run-${basename(root)}-`));
  const scratch = mkdtempSync(join(tmpdir(), 'migrate-api-run-'));
  const cleanup = () => {
    rmSync(copy, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', cleanup);
  try {
    cpSync(root, copy, { recursive: true, filter: (src) => !['node_modules', '.git'].includes(basename(src)) || src === root });
    linkModules(root, copy);
    const { writes } = await migrateProject(join(copy, relative(root, dir)), { validation: 'report' });
    await writeFilesAtomic(writes.map((w) => ({ file: w.file, content: w.after })));
    const shares = join(scratch, 'shares');
    const env: NodeJS.ProcessEnv = { ...process.env, MIGRATE_API_VALIDATION: 'report', MIGRATE_API_VIOLATIONS_SHARES: shares, ...extraEnv };
    delete env.NODE_TEST_CONTEXT; // a node:test parent would otherwise swallow the child's own test run
    const exitCode = await runCommand(command, copy, env, echo);
    const report = readShareDir(shares);
    const dump = join(scratch, 'violations.json');
    writeFileSync(dump, JSON.stringify(report, null, 2) + '\n');
    return { dump, exitCode, violations: report.total, cleanup: () => { cleanup(); process.off('exit', cleanup); } };
  } catch (err) {
    cleanup();
    process.off('exit', cleanup);
    throw err;
  }
}
