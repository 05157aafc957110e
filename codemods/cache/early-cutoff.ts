// A build system's early cutoff (Shake, Bazel) for a re-run whose record misses only because source files changed:
// a step whose output comes out the same stops the rebuild there.
// Before: a re-run after one file's edit analysed every file (each from its cache entry), linked and planned the tree.
// After:  when every changed input is a file that only its own analysis read (input-recorder.ts `shared`), that
//         file alone is analysed again, one parse; an analysis equal to the recorded run's changes nothing the run
//         computed from it, so the record answers for the edited tree (./run-replay.ts).
import { readFileSync } from 'node:fs';
import { analyzeSource } from '../analyze-file.js';
import { encodeAnalysis } from './analysis-codec.js';
import { FileCache } from './file-cache.js';
import type { Input } from './input-recorder.js';
import { sha1 } from './sha1.js';

/**
 * The changed files' inputs as they read now, when each one's analysis encodes exactly as the one the recorded run
 * used (its cache entry, keyed by the recorded text's hash); null at the first that differs or cannot be compared.
 * Each new analysis is cached either way: the full run that follows a null reads it from there instead of parsing.
 */
export function changedAnalysesSame(cacheDir: string, changed: Input[]): Input[] | null {
  const cache = new FileCache(cacheDir);
  const now: Input[] = [];
  for (const input of changed) {
    const recorded = cache.get('analysis', input.path, input.value, (body) => body);
    let code: string;
    try { code = readFileSync(input.path, 'utf8'); } catch { return null; }
    const key = sha1(code);
    const body = encodeAnalysis(analyzeSource(input.path, code));
    if (body === null) return null;
    cache.set('analysis', input.path, key, body);
    // The body holds everything the run reads of the file: its scan, doc blocks, text facts and the other files
    // its analysis read, with their hashes (those are inputs of their own, checked unchanged by the caller).
    if (recorded === undefined || body !== recorded) return null;
    now.push({ ...input, value: key });
  }
  return now;
}
