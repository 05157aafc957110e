// The whole-run record: a migrate run that changed nothing stores its report, its exit code and every input it
// read (./input-recorder.ts), keyed by its flags, target and working folder, and stamped with the tool that ran
// (./tool-identity.ts). The next run of the same tool with the same key whose inputs all read the same is that
// run again: ./run-replay.ts answers it from the record before the toolchain loads. Only no-op runs are
// recorded: the report of a run that writes is not the report of the run after it, which is the one to replay;
// a migration that writes records that run itself, by making it (../cli/fixed-point.ts).
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { MigrationReport } from '../report.js';
import { recordInputs, VALUE_OF, type Input } from './input-recorder.js';
import { sha1 } from './sha1.js';
import { CACHE_FORMAT, codeFolder, toolIdentity } from './tool-identity.js';
import { ensureCacheDir } from './file-cache.js';

export interface RunRecord { format: number; tool: string; key: string; inputs: Input[]; report: MigrationReport; exitCode: number }

/** The flags as parsed, the target and where the command runs (report and diff paths depend on both). Not the
 *  tool: another version or build records under the same name and so replaces the old record, as the per-file
 *  entries are replaced (file-cache.ts); with the tool in the key, every upgrade or rebuild left one more behind. */
export function runKey(flags: Record<string, unknown>, target: string): string {
  const sorted = Object.fromEntries(Object.entries(flags).sort(([a], [b]) => a.localeCompare(b)));
  return sha1(JSON.stringify([sorted, resolve(target), process.cwd()]));
}

export function recordFile(cacheDir: string, key: string): string {
  return join(cacheDir, `run-${key.slice(0, 24)}.json`);
}

/** Worker threads read files the recorder cannot see: such runs are not recorded. */
function usesWorkers(): boolean {
  const v = process.env.MIGRATE_API_WORKERS;
  return v !== undefined && /^\d+$/.test(v) && Number(v) > 0;
}

export interface RunRecorder {
  /** Ends the recording (call when the analysis is done: what follows is writing, which is not an input). */
  stop: () => void;
  /** Stores the record when the run is one to replay: it changed nothing and every read was seen. */
  save: (report: MigrationReport, exitCode: number, changedNothing: boolean) => void;
}

export function startRunRecord(cacheDir: string | null, flags: Record<string, unknown>, target: string): RunRecorder | null {
  if (!cacheDir || usesWorkers()) return null;
  // Made before anything is read: a node_modules the cache creates mid-run would change the package folder's
  // listing, and the next run would miss for it.
  try { ensureCacheDir(cacheDir); } catch { return null; }
  const cache = resolve(cacheDir) + sep;
  const tool = resolve(codeFolder()) + sep;
  const recording = recordInputs((p) => p.startsWith(cache) || p.startsWith(tool));
  let inputs: Input[] | null | undefined;
  return {
    stop: () => { inputs ??= recording.stop(); },
    save: (report, exitCode, changedNothing) => {
      inputs ??= recording.stop();
      const file = recordFile(cacheDir, runKey(flags, target));
      if (!changedNothing || !inputs) {
        // A record the tree has moved past must not linger (it would only cost a check on the next run).
        try { unlinkSync(file); } catch { /* none */ }
        return;
      }
      writeRecord(cacheDir, { format: CACHE_FORMAT, tool: toolIdentity(), key: runKey(flags, target), inputs, report, exitCode });
    },
  };
}

/** Stores `record` in place of the one under its key, whole or not at all (a temp file renamed into place). */
export function writeRecord(cacheDir: string, record: RunRecord): void {
  const file = recordFile(cacheDir, record.key);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(record));
    renameSync(tmp, file);
  } catch {
    try { unlinkSync(tmp); } catch { /* never written */ }
  }
}

export type LoadedRecord = { record: RunRecord } | { corrupt: string } | null;

/** The record for `key`, if there is one this tool wrote; a file that does not read as one is `corrupt`. */
export function loadRecord(cacheDir: string, key: string): LoadedRecord {
  const file = recordFile(cacheDir, key);
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch { return null; }
  try {
    const record = JSON.parse(text) as RunRecord;
    if (record.format !== CACHE_FORMAT || record.tool !== toolIdentity()) return null;
    if (record.key !== key || !Array.isArray(record.inputs) || typeof record.exitCode !== 'number' || !record.report?.summary) throw new Error('not a run record');
    return { record };
  } catch {
    return { corrupt: file };
  }
}

/** The inputs that no longer read as recorded (empty: the run would read the same tree); null at the first one
 *  `allowed` refuses (the caller cannot use the record then, and the rest need not be read). */
export function changedInputs(inputs: Input[], allowed: (changed: Input) => boolean = () => false): Input[] | null {
  const changed: Input[] = [];
  for (const i of inputs) {
    if (VALUE_OF[i.kind]?.(i.path) === i.value) continue;
    if (!allowed(i)) return null;
    changed.push(i);
  }
  return changed;
}
