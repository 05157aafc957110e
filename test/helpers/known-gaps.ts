// codemods/zod/KNOWN-GAPS.md is the one list of what the generated zod does not match exactly,
// with reasons; the proof tests read its class ids from it, so a new kind of disagreement fails
// a test until someone writes down why it is acceptable (or fixes the emitter).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const KNOWN_GAPS_FILE = resolve(import.meta.dirname, '../../codemods/zod/KNOWN-GAPS.md');

/** Class ids of the `## <heading>` section: the first backticked cell of each table row. */
export function knownGapClasses(heading: string, text = readFileSync(KNOWN_GAPS_FILE, 'utf8')): Set<string> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) throw new Error(`${KNOWN_GAPS_FILE}: no "## ${heading}" section`);
  const ids = new Set<string>();
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m) ids.add(m[1]);
  }
  return ids;
}

/** Whether a class is listed; a listed id ending in `*` covers every class it prefixes. */
export function isKnown(cls: string, known: Set<string>): boolean {
  if (known.has(cls)) return true;
  for (const k of known) if (k.endsWith('*') && cls.startsWith(k.slice(0, -1))) return true;
  return false;
}
