// The migration's two per-file steps behind the cache (./file-cache.ts), each keyed by every input it reads:
// - analysis (parse, scan, doc blocks) is a function of the file's path and text and of the `$ref`'d files its
//   doc blocks read: keyed by the text's hash, the read files checked against their recorded hashes;
// - the rewrite is a function of the file's text, its FilePlan and the status packages it read numbers from
//   (checked as the analysis's `$ref`'d files are); the plan is where every cross-file fact
//   a file's result depends on lands (its routes' full paths from the mounts, their specs from the doc model,
//   the schema names it imports, the app options, the validation mode and the rules asked for): keyed by the
//   text's hash and the whole plan, so a doc changed in another file, a mount prefix or an option is a miss.
// The tool's version and code are in every entry's header (./tool-identity.ts).
import { readFileSync } from 'node:fs';
import type { FilePlan } from '../plan.js';
import { analyzeSource, type AnalyzedFile } from '../analyze-file.js';
import { rewriteSource, type RewrittenFile } from '../migrate-tasks.js';
import { FileCache } from './file-cache.js';
import { contentHash, sha1, type FileReads } from './sha1.js';
import { decodeAnalysis, encodeAnalysis } from './analysis-codec.js';
import { readingOwnFile } from './input-recorder.js';

export interface CachedSteps {
  analyze: (file: string) => Promise<AnalyzedFile>;
  rewrite: (plan: FilePlan) => Promise<RewrittenFile>;
  /** After the writes: waits for every cache write. */
  finish: () => Promise<void>;
  cache: FileCache;
  /** A whole-project step as a function of `inputs` (text holding all it reads): the schemas module's emit. */
  memo: <T>(kind: string, file: string, inputs: string, compute: () => T) => T;
}

/** `inProcess`: the uncached steps run here (the text already read is reused); else `fallback` runs them (a pool).
 *  `writes`: the run writes what it rewrites (the CLI without --dry), so a file it rewrites gets no entry. */
export function cachedSteps(cache: FileCache, fallback: { analyze: (file: string) => Promise<AnalyzedFile>; rewrite: (plan: FilePlan) => Promise<RewrittenFile> }, inProcess: boolean, writes = false): CachedSteps {
  // Entries are written as they are computed (FileCache.set writes at once), never held until the end: memory stays
  // what the run needs anyway. When the run writes, a file it is about to rewrite gets none: its next run reads
  // other text, so an entry for its old text would never hit (see likelyRewritten()).
  return {
    cache,
    memo(kind, file, inputs, compute) {
      const key = sha1(inputs);
      const hit = cache.get(kind, file, key, (body) => JSON.parse(body) as ReturnType<typeof compute>);
      if (hit !== undefined) return hit;
      const value = compute();
      cache.set(kind, file, key, JSON.stringify(value));
      return value;
    },
    async analyze(file) {
      let code: string;
      try { code = readingOwnFile(file, () => readFileSync(file, 'utf8')); } catch { return fallback.analyze(file); }
      const key = sha1(code);
      const hit = cache.get('analysis', file, key, decodeAnalysis);
      if (hit && readsUnchanged(hit)) return hit;
      if (hit) cache.stale('analysis', file);
      const analyzed = inProcess ? analyzeSource(file, code) : await fallback.analyze(file);
      // Encoded now: the pipeline goes on to decorate what it is handed.
      if (!writes || !likelyRewritten(analyzed)) {
        const body = encodeAnalysis(analyzed);
        if (body !== null) {
          cache.set('analysis', file, key, body);
          // The run holds every file's analysis until it has planned the tree, and the decoded copy is what a
          // cache hit hands it anyway: held as built, the same analyses take ~45% more heap (1,000 corpus files:
          // 26 against 18 MB; JSON.parse lays objects out to size), and the migration's fixed-point check, which
          // encodes every analysis it makes, peaked 9% higher at 4,000 files (bench/RESULTS.md, Migration).
          return decodeAnalysis(body);
        }
      }
      return analyzed;
    },
    async rewrite(plan) {
      let source: string;
      try { source = readFileSync(plan.file, 'utf8'); } catch { return fallback.rewrite(plan); }
      const key = sha1(source, planKey(plan));
      const hit = cache.get('rewrite', plan.file, key, (body) => JSON.parse(body) as Omit<RewrittenFile, 'before'>);
      if (hit && readsUnchanged(hit)) return hit.changed ? { ...hit, before: source } : hit;
      if (hit) cache.stale('rewrite', plan.file);
      const done = inProcess ? rewriteSource(plan, source) : await fallback.rewrite(plan);
      // A rewrite that changes the file is written by the CLI: its entry (keyed by the old text) would never hit.
      if (!writes || !done.changed) cache.set('rewrite', plan.file, key, JSON.stringify({ ...done, before: undefined }));
      return done;
    },
    async finish() {
      await cache.flush();
    },
  };
}

/**
 * A file with a route not yet migrated, or an app not yet wrapped, is one this run rewrites: its analysis is not
 * cached. The text it is written with is analysed and cached by the migration's fixed-point check, a run of its
 * own over what was written (../cli/fixed-point.ts). A wrong guess costs one entry, never a wrong answer: entries
 * are keyed by content.
 */
function likelyRewritten(a: AnalyzedFile): boolean {
  const s = a.scan;
  return !!s && (s.routes.some((r) => !r.migrated) || s.routers.some((r) => r.kind === 'app' && !r.created.startsWith('typed')));
}

/** The plan as text: a Set does not survive JSON.stringify. */
function planKey(plan: FilePlan): string {
  return JSON.stringify({ ...plan, rules: [...plan.rules].sort() });
}

function readsUnchanged(step: { reads?: FileReads }): boolean {
  return (step.reads ?? []).every((r) => contentHash(r.file) === r.hash);
}
