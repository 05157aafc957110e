// A review's comment after the migration, on real code: appended to every file the migration wrote that only its
// own analysis read (the run record's early cutoff answers for those: codemods/cache/early-cutoff.ts) and
// committed; the re-run must print and exit as the uncached run does and change nothing. Undone after, so the
// steps that follow see the migrated checkout.
import { readdirSync, readFileSync, statSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheFolderFor } from '../../codemods/cache/run-replay.js';
import type { RunRecord } from '../../codemods/cache/run-record.js';
import type { StepResult } from './step.js';

export interface ReviewEditRecord {
  /** source files the migration wrote / of those, read by their own analysis only (the ones edited) */
  written: number;
  edited: number;
  /** the re-run's exit and the uncached run's, and whether they printed the same (the run's time aside) */
  exit: number | null;
  uncachedExit: number | null;
  same: boolean;
  /** the re-run changed no file */
  clean: boolean;
  note?: string;
}

const SOURCE = /\.(c|m)?(j|t)sx?$/;
const timeless = (s: string) => s.replace(/done in [\d.]+ s/g, 'done in <t> s');

/** The newest run record of the package `src` belongs to (the second run's, made just before). */
function newestRecord(appDir: string, src: string): RunRecord | null {
  const dir = cacheFolderFor(join(appDir, src), undefined);
  if (!dir) return null;
  let files: string[];
  try { files = readdirSync(dir).filter((f) => /^run-.*\.json$/.test(f)).map((f) => join(dir, f)); } catch { return null; }
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return newest ? JSON.parse(readFileSync(newest, 'utf8')) as RunRecord : null;
}

export async function reviewEdit(o: {
  appDir: string; src: string; bin: string;
  git: (args: string[]) => string;
  commitAll: (message: string) => string[];
  run: (label: string, command: string) => Promise<StepResult>;
}): Promise<ReviewEditRecord> {
  // What the migration wrote: the 'migrated' commit against the app as it was.
  const written = o.git(['diff', '--name-only', 'HEAD~1', 'HEAD']).split('\n').filter((f) => SOURCE.test(f) && !f.split('/').includes('node_modules'));
  const record = newestRecord(o.appDir, o.src);
  if (!record) return { written: written.length, edited: 0, exit: null, uncachedExit: null, same: false, clean: false, note: 'no run record after the second run' };
  const ownOnly = new Set(record.inputs.filter((i) => i.kind === 'file' && !i.shared).map((i) => i.path));
  const edited = written.filter((f) => ownOnly.has(join(o.appDir, f)));
  if (edited.length === 0) return { written: written.length, edited: 0, exit: null, uncachedExit: null, same: true, clean: true, note: 'no written file is read by its own analysis only' };
  for (const f of edited) appendFileSync(join(o.appDir, f), '\n// reviewed after the migration\n');
  o.commitAll('review');
  try {
    const cli = `node ${JSON.stringify(o.bin)} ${JSON.stringify(o.src)}`;
    const again = await o.run('re-run after a review comment', cli);
    const changed = o.git(['status', '--porcelain']).split('\n').filter(Boolean);
    const uncached = await o.run('the same, uncached', `${cli} --no-cache`);
    return {
      written: written.length, edited: edited.length, exit: again.code, uncachedExit: uncached.code,
      same: again.code === uncached.code && timeless(again.output) === timeless(uncached.output), clean: changed.length === 0,
    };
  } finally {
    o.git(['reset', '-q', '--hard', 'HEAD~1']);
  }
}
