// Writes are atomic (temp file in the same folder + rename), so an interrupted run leaves every
// file either old or new, never half-written.
import { writeFileSync, renameSync, unlinkSync, statSync, chmodSync } from 'node:fs';
import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

const tempFor = (file: string) => join(dirname(file), `.migrate-api-tmp-${process.pid}-${basename(file)}`);

export function writeFileAtomic(file: string, content: string): void {
  const tmp = tempFor(file);
  let mode: number | undefined;
  try { mode = statSync(file).mode; } catch { /* new file */ }
  try {
    writeFileSync(tmp, content);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* never created */ }
    throw err;
  }
}

async function writeFileAtomicAsync(file: string, content: string): Promise<void> {
  const tmp = tempFor(file);
  const mode = await stat(file).then((s) => s.mode, () => undefined);
  try {
    await writeFile(tmp, content);
    if (mode !== undefined) await chmod(tmp, mode);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => { /* never created */ });
    throw err;
  }
}

/** A file that could not be written, and why, in one line (the message names the file, not our temp file). */
export interface WriteFailure { file: string; message: string }

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  // Node's fs messages end with the syscall and the path it used (`, open '/x/.migrate-api-tmp-1-app.js'`).
  return (e.message ?? String(err)).replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}

/**
 * Writes many files atomically, a few at a time on libuv's threads (a migration's writes were ~0.5 s of
 * its main thread when written one by one). A file that fails (EACCES, a full disk) stays as it was and is
 * returned; the others are still written. Stops taking new files once `stop()` is true, so on SIGINT the
 * files in flight finish and the rest stay as they were.
 */
export async function writeFilesAtomic(files: ReadonlyArray<{ file: string; content: string }>, stop: () => boolean = () => false): Promise<{ written: number; failed: WriteFailure[] }> {
  let next = 0;
  let written = 0;
  const failed: WriteFailure[] = [];
  const lane = async (): Promise<void> => {
    while (next < files.length && !stop()) {
      const { file, content } = files[next++]!;
      try {
        await writeFileAtomicAsync(file, content);
        written++;
      } catch (err) {
        failed.push({ file, message: describe(err) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, lane));
  return { written, failed: failed.sort((a, b) => a.file.localeCompare(b.file)) };
}
