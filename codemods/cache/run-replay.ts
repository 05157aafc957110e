// A re-run of an unchanged tree, answered from its run record (./run-record.ts) before the codemod toolchain
// loads: bin.ts calls this first, with nothing but node builtins, the report renderer and git loaded. It answers
// only when the uncached run would certainly print the same and exit the same: the same flags, target, working
// folder and tool, every recorded input reading the same, the same checks passing before the run (the peer
// versions and the dirty-tree guard, run here as the CLI runs them). Where the only inputs that changed are files
// that nothing but their own analysis read, it analyses those (./early-cutoff.ts, which loads the parser) and
// answers when their analyses come out the same. Anything else (a flag it cannot replay such as --report, a
// record that does not read, another changed input) returns null: the CLI then runs in full.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { MIGRATE_FLAGS } from '../cli/migrate-options.js';
import { uncommittedChanges } from '../git.js';
import { packageRoot } from '../package-root.js';
import { expressTooOld, typeScriptTooOld, zodTooOld } from '../peer-versions.js';
import { jestCannotLoadZodV4 } from '../jest-zod-v4.js';
import { renderSummary } from '../report.js';
import { cacheFolder } from './cache-dir.js';
import { changedInputs, loadRecord, runKey, writeRecord } from './run-record.js';

export interface ReplayIo { out: (s: string) => void; err: (s: string) => void }

const COMMANDS = new Set(['schemas', 'infer', 'finish', 'check']);

/** The folder the cache of a migration of `target` lives in, found as migrateProject finds it. */
export function cacheFolderFor(target: string, location: string | undefined): string | null {
  const t = resolve(target);
  const targetDir = statSync(t, { throwIfNoEntry: false })?.isFile() ? dirname(t) : t;
  return cacheFolder({ cache: true, cacheLocation: location }, packageRoot(targetDir) ?? targetDir);
}

export async function tryReplay(argv: string[], io: ReplayIo, started: number): Promise<number | null> {
  if (COMMANDS.has(argv[0] ?? '')) return null;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: MIGRATE_FLAGS });
  } catch {
    return null;
  }
  const { values, positionals } = parsed;
  if (values.help || values.report || values['no-cache'] || positionals.length !== 1) return null;
  const dir = positionals[0]!;
  if (!existsSync(dir)) return null;
  const cacheDir = cacheFolderFor(dir, values['cache-location']);
  if (!cacheDir) return null;
  const key = runKey(values, dir);
  const loaded = loadRecord(cacheDir, key);
  if (!loaded) return null;
  if ('corrupt' in loaded) {
    io.err(`${pc.yellow('warning:')} ignored an unreadable cache file ${loaded.corrupt}; running in full\n`);
    return null;
  }
  const { record } = loaded;
  const changed = changedInputs(record.inputs, (i) => i.kind === 'file' && !i.shared);
  if (!changed) return null;
  // The checks the CLI makes before it reads anything: when one would refuse, the full run says so.
  if (!values.force && (typeScriptTooOld(dir) || zodTooOld(dir) || expressTooOld(dir) || jestCannotLoadZodV4(dir))) return null;
  if (!values.dry && !values.force) {
    try {
      const dirty = uncommittedChanges(dir);
      if (dirty && dirty.length) return null;
    } catch {
      return null;
    }
  }
  if (changed.length) {
    const { changedAnalysesSame } = await import('./early-cutoff.js');
    const now = changedAnalysesSame(cacheDir, changed);
    if (!now) return null;
    // The edited tree is the recorded run's: the record now stands for it, so the next re-run is a plain replay.
    const reading = new Map(now.map((i) => [i.path, i]));
    writeRecord(cacheDir, { ...record, inputs: record.inputs.map((i) => (i.kind === 'file' && reading.get(i.path)) || i) });
  }
  const report = { ...record.report, date: new Date().toISOString(), durationMs: Date.now() - started };
  if (values.json) io.out(JSON.stringify(report, null, 2) + '\n');
  else io.err(renderSummary(report) + '\n');
  return record.exitCode;
}
