// The one content hash of the cache: entry names and bodies, analysis keys (./file-cache.ts, ./cached-steps.ts)
// and the run record's inputs (./input-recorder.ts, ./run-record.ts). Each part is followed by a NUL so that
// ('ab', 'c') and ('a', 'bc') hash apart; a string is hashed as its UTF-8 bytes, so a file read as text or as
// a Buffer records the same value.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sha1(...parts: Array<string | Uint8Array>): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
}

/** Files a step read besides its own, each with its text's hash (null: unreadable), as contentHash gives it. */
export type FileReads = Array<{ file: string; hash: string | null }>;

/** A file's text hash as a step's `reads` record it; null when it cannot be read (missing is an answer too). */
export function contentHash(file: string): string | null {
  try { return sha1(readFileSync(file, 'utf8')); } catch { return null; }
}
