// `migrate-api <dir|file>`: migrate an Express codebase, or a part of one; `migrate-api check <dir>`: docs <-> code drift;
// `migrate-api schemas <spec>`: any Swagger/OpenAPI document -> a zod v4 module.
// Exit codes: 0 clean, 1 something skipped / would change / drift found, 2 usage error.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import pc from 'picocolors';
import { migrateProject, type MigrateOptions, type MigrationResult } from './migrate.js';
import { cacheFolder } from './cache/cache-dir.js';
import { migrateExitCode, renderSummary, summarize, writeReport } from './report.js';
import { writeFilesAtomic, type WriteFailure } from './write.js';
import { dirname, relative, resolve, sep } from 'node:path';
import { isFile } from './scan/index.js';
import { GitStatusError, uncommittedChanges } from './git.js';
import { RULES } from './rules/index.js';
import type { RuleId } from './diagnostics.js';
import { progressBar } from './cli/progress.js';
import { InputError, UsageError } from './cli-errors.js';
import { checkSpecArgs } from './cli/spec-args.js';
import { unifiedDiff } from './cli/unified-diff.js';
import { jestCannotLoadZodV4, jestZodV4Message } from './jest-zod-v4.js';
import { expressMessage, expressTooOld, typeScriptMessage, typeScriptPeerBlockers, typeScriptTooOld, zodMessage, zodTooOld } from './peer-versions.js';
import { MIGRATE_FLAGS } from './cli/migrate-options.js';
import { startRunRecord } from './cache/run-record.js';
import { packageRoot } from './package-root.js';
import { addedDependencies } from './package-json-change.js';

export { UsageError };

export const USAGE = `Usage:
  migrate-api <dir|file> [--dry] [--spec file ...] [--schemas path] [--validation report|enforce]
                         [--report dir] [--only MA001,..] [--disable MA003,..] [--include-tests]
                         [--force] [--json] [--no-cache | --cache-location dir]
  migrate-api check <dir> [--json] [--ignore kind,..] [--runtime violations.json | --run "<test command>"] [--spec file ...]
  migrate-api schemas <spec> [--out file] [--format ts|js|cjs] [--zod zod|zod/v4]
  migrate-api infer <dir> [--from recording.json | --run "<test command>"] [--dry] [--json] [--report dir]
  migrate-api finish <dir> [--dry] [--run "<test command>"] [--delete-spec-files] [--report dir] [--force] [--json]

Rules:
${RULES.map((r) => `  ${r.id}  ${r.name}`).join('\n')}
`;


export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; isTTY: boolean } = defaultIo()): Promise<number> {
  try {
    if (argv[0] === 'schemas') {
      const { runSchemasCommand } = await import('./schemas-command.js');
      return await runSchemasCommand(argv.slice(1));
    }
    if (argv[0] === 'infer') {
      const { runInferCommand } = await import('./infer/command.js');
      return await runInferCommand(argv.slice(1), io);
    }
    if (argv[0] === 'finish') {
      const { runFinishCommand } = await import('./finish/command.js');
      return await runFinishCommand(argv.slice(1), io);
    }
    if (argv[0] === 'check') {
      const { runCheckCommand } = await import('./check/command.js');
      return await runCheckCommand(argv.slice(1), io);
    }
    return await runMigrate(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${pc.red('error:')} ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`${pc.red('error:')} ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function parseRuleList(value: string | undefined, flag: string): RuleId[] | undefined {
  if (!value) return undefined;
  const ids = value.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const known = new Set<string>(RULES.map((r) => r.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(`${flag}: unknown rule id ${unknown.join(', ')}`);
  return ids as RuleId[];
}

async function runMigrate(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; isTTY: boolean }): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: MIGRATE_FLAGS,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) { io.out(USAGE); return 0; }
  if (values['no-cache'] && values['cache-location']) throw new UsageError('--no-cache and --cache-location exclude each other');
  if (positionals.length !== 1) throw new UsageError('expected exactly one directory or file');
  const dir = positionals[0];
  if (!existsSync(dir)) throw new UsageError(`no such directory or file: ${dir}`);
  if (values.validation !== 'report' && values.validation !== 'enforce') throw new UsageError('--validation must be report or enforce');
  const only = parseRuleList(values.only, '--only');
  const disable = parseRuleList(values.disable, '--disable');
  await checkSpecArgs(values.spec);

  // Before anything is read or written: the app must be on zod >= 3.25.68 (zod 4 at `zod/v4`, z.stringFormat included), on
  // TypeScript >= 5.5, which zod 4 needs, on an express the runtime's peer range allows (peer-versions.ts), and its jest
  // must be able to load `zod/v4` (jest-zod-v4.ts).
  if (!values.force) {
    const oldTypeScript = typeScriptTooOld(dir);
    if (oldTypeScript) { io.err(`${pc.red('error:')} ${typeScriptMessage(oldTypeScript, typeScriptPeerBlockers(dir))}\n`); return 2; }
    const oldZod = zodTooOld(dir);
    if (oldZod) { io.err(`${pc.red('error:')} ${zodMessage(oldZod)}\n`); return 2; }
    const oldExpress = expressTooOld(dir);
    if (oldExpress) { io.err(`${pc.red('error:')} ${expressMessage(oldExpress)}\n`); return 2; }
    const oldJest = jestCannotLoadZodV4(dir);
    if (oldJest) { io.err(`${pc.red('error:')} ${jestZodV4Message(oldJest)}\n`); return 2; }
  }

  if (!values.dry && !values.force) {
    let dirty: string[] | null;
    try {
      dirty = uncommittedChanges(dir);
    } catch (err) {
      if (!(err instanceof GitStatusError)) throw err;
      io.err(`${pc.red('refusing to migrate:')} \`git status\` failed in ${dir}, so uncommitted work cannot be told apart:\n${err.message}\nFix the repository (or pass --force).\n`);
      return 1;
    }
    if (dirty && dirty.length) {
      io.err(`${pc.red('refusing to migrate:')} ${dir} has uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', ...' : ''}).\nCommit or stash them first so the migration is one reviewable diff, or pass --force.\n`);
      return 1;
    }
  }

  const bar = io.isTTY && !values.json ? progressBar((s) => process.stderr.write(s)) : undefined;
  const cache = { cache: !values['no-cache'], cacheLocation: values['cache-location'] };
  // What this run reads, for a re-run to be answered without running (cache/run-record.ts); not with --report,
  // whose files the replay does not write.
  const cacheDir = cacheFolder(cache, targetPackage(dir));
  const record = values.report ? null : startRunRecord(cacheDir, values, dir);
  const migrateOptions: MigrateOptions = {
    specs: values.spec, schemasPath: values.schemas, validation: values.validation, only, disable, drift: !!values.report,
    includeTests: values['include-tests'], ...cache, cacheWrites: !values.dry,
  };
  let result: MigrationResult;
  try {
    result = await migrateProject(dir, { ...migrateOptions, onProgress: bar?.update });
  } finally {
    record?.stop();
  }
  bar?.done();
  const { report, writes } = result;
  report.dry = values.dry;

  let writeFailures: WriteFailure[] = [];
  if (values.dry) {
    // Paths relative to where the command runs, for every file (package.json and the schemas module may sit
    // outside the target): `git apply` / `patch -p1` read them from there.
    for (const w of writes) {
      const name = relative(process.cwd(), w.file).split(sep).join('/');
      io.out(unifiedDiff(w.before === null ? '/dev/null' : `a/${name}`, `b/${name}`, w.before ?? '', w.after));
    }
    await result.cache?.finish();
  } else {
    // SIGINT mid-run: finish the files being written (each write is atomic), then stop.
    let interrupted = false;
    const onSigint = () => { interrupted = true; };
    process.on('SIGINT', onSigint);
    try {
      ({ failed: writeFailures } = await writeFilesAtomic(writes.map((w) => ({ file: w.file, content: w.after })), () => interrupted));
    } finally {
      process.off('SIGINT', onSigint);
    }
    for (const f of writeFailures) {
      const shown = relative(process.cwd(), f.file);
      io.err(`${pc.red('error:')} cannot write ${shown && !shown.startsWith('..') ? shown : f.file}: ${f.message} (left as it was)\n`);
      // The report says what happened: that file and its routes did not change.
      const entry = report.files.find((x) => f.file === x.file || f.file.endsWith(`${sep}${x.file.split('/').join(sep)}`));
      if (entry) Object.assign(entry, { changed: false, skipped: `cannot write: ${f.message}` });
      for (const r of report.routes) if (entry && r.file === entry.file) Object.assign(r, { status: 'skipped', reason: `the file could not be written: ${f.message}` });
      report.diagnostics.push({ code: 'write-error', severity: 'error', message: `cannot write: ${f.message}; left as it was`, at: { file: entry?.file ?? f.file, line: 1 } });
    }
    if (writeFailures.length) report.summary = summarize(report);
    await result.cache?.finish();
    if (interrupted) { io.err('interrupted: files written so far are complete; run again to finish (add --force: the tree now has uncommitted changes, which the dirty-tree guard refuses).\n'); return 130; }
    const pkg = writes.find((w) => w.file.endsWith('package.json') && !writeFailures.some((f) => f.file === w.file));
    if (pkg) io.err(`${pc.yellow('note:')} added ${addedDependencies(pkg).join(' and ')} to package.json — run your package manager's install.\n`);
  }

  if (values.report) {
    const { readLastRun } = await import('./check/last-run.js');
    const lastRun = readLastRun(dir);
    if (lastRun) report.lastRun = lastRun;
    const paths = writeReport(report, values.report);
    if (!values.json) io.err(`report: ${paths.join(', ')}\n`);
  }
  if (result.cache?.stats.corrupt) io.err(`${pc.yellow('warning:')} ignored ${result.cache.stats.corrupt} unreadable cache entr${result.cache.stats.corrupt === 1 ? 'y' : 'ies'} in ${result.cache.dir} (recomputed)\n`);
  if (values.json) io.out(JSON.stringify(report, null, 2) + '\n');
  else io.err(renderSummary(report) + '\n');

  const code = migrateExitCode(report, { writeFailures: writeFailures.length, dryWrites: values.dry ? writes.length : 0 });
  const changedNothing = writes.length === 0 && writeFailures.length === 0 && !result.cache?.stats.corrupt;
  record?.save(report, code, changedNothing);
  // With the cache on, a run that wrote checks it reached its fixed point (cli/fixed-point.ts), and records the
  // run after it where a record could answer it.
  if (result.cache && !values.dry && writes.length > 0 && writeFailures.length === 0 && !result.cache.stats.corrupt) {
    // What this run wrote is not needed any more: the check below must not hold the tree's old and new text.
    writes.splice(0);
    const { checkFixedPoint } = await import('./cli/fixed-point.js');
    await checkFixedPoint(dir, migrateOptions, io, values.report ? null : { flags: values, cacheDir });
  }
  return code;
}

/** The package migrateProject analyses for `target` (its cache is that package's). */
function targetPackage(target: string): string {
  const t = resolve(target);
  const dir = isFile(t) ? dirname(t) : t;
  return packageRoot(dir) ?? dir;
}

function defaultIo() {
  return {
    out: (s: string) => { process.stdout.write(s); },
    err: (s: string) => { process.stderr.write(s); },
    isTTY: !!process.stderr.isTTY && !process.env.CI,
  };
}
