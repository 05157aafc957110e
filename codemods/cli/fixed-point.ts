// After a migration has written its files, the same migration runs once more, in this process, over what it wrote,
// the way eslint --fix lints its own fixes again before it reports: a migration is meant to reach its fixed point in
// one run (a second run changes nothing; bench/REAL-APPS.md checks it on every app).
// - When it does, that second run is recorded (cache/run-record.ts): the run a user makes next, after reading the
//   diff, is answered from the record instead of analysing every file the migration wrote.
// - When it does not, that is a migrate-api bug, and the user hears it now, with the files, instead of finding
//   their tree changing again on the next run.
// It costs the migration about a third more CPU (its own analysis of what was written, in a warm process), and saves
// the next run all of it (bench/RESULTS.md, Migration). Its analyses land in the per-file cache like any run's, so
// a re-run with other flags (`--dry` in CI, `--validation enforce`) or after a few edits parses only what changed.
import pc from 'picocolors';
import { relative } from 'node:path';
import { migrateProject, type MigrateOptions } from '../migrate.js';
import { startRunRecord } from '../cache/run-record.js';
import { migrateExitCode } from '../report.js';
import { collectGarbageSettled } from '../collect-garbage.js';

/** Runs the migration again over what it wrote; `recordAs` (the CLI's flags and cache folder) records that run
 *  when it changes nothing (null: a run the replay cannot stand for, e.g. `--report`). Returns the files a second
 *  run would still change (empty at the fixed point). */
export async function checkFixedPoint(
  dir: string, opts: MigrateOptions, io: { err: (s: string) => void },
  recordAs: { flags: Record<string, unknown>; cacheDir: string | null } | null,
): Promise<string[]> {
  // The migration's heap is garbage now: V8 would size this run's on top of it (collect-garbage.ts).
  await collectGarbageSettled(false);
  const record = recordAs ? startRunRecord(recordAs.cacheDir, recordAs.flags, dir) : null;
  let again;
  try {
    // It writes nothing, so every analysis it makes is one the next run can use.
    again = await migrateProject(dir, { ...opts, onProgress: undefined, cacheWrites: false });
  } finally {
    record?.stop();
  }
  await again.cache?.finish();
  const changed = again.writes.map((w) => relative(process.cwd(), w.file) || w.file);
  record?.save(again.report, migrateExitCode(again.report, { writeFailures: 0, dryWrites: 0 }), changed.length === 0 && !again.cache?.stats.corrupt);
  if (changed.length) {
    io.err(`${pc.yellow('note:')} a second run would still change ${changed.length} file${changed.length === 1 ? '' : 's'} (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', ...' : ''}); `
      + 'a migration should change nothing the second time: please report this to migrate-api with those files\n');
  }
  return changed;
}
