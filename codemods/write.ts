// Writes are atomic (temp file in the same folder + rename), so an interrupted run leaves every
// file either old or new, never half-written.
import { writeFileSync, renameSync, unlinkSync, statSync, chmodSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

export function writeFileAtomic(file: string, content: string): void {
  const tmp = join(dirname(file), `.migrate-api-tmp-${process.pid}-${basename(file)}`);
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
