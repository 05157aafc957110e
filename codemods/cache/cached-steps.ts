// The migration's two per-file steps behind the cache (./file-cache.ts), each keyed by every input it reads:
// - analysis (parse, scan, doc blocks) is a function of the file's path and text and of the `$ref`'d files its
//   doc blocks read: keyed by the text's hash, the read files checked against their recorded hashes;
// - the rewrite is a function of the file's text and its FilePlan, and the plan is where every cross-file fact
//   a file's result depends on lands (its routes' full paths from the mounts, their specs from the doc model,
//   the schema names it imports, the app options, the validation mode and the rules asked for): keyed by the
//   text's hash and the whole plan, so a doc changed in another file, a mount prefix or an option is a miss.
// The tool's version and code are in every entry's header (./tool-identity.ts).
import { readFileSync } from 'node:fs';
import type { FilePlan } from '../plan.js';
import { analyzeSource, rewriteSource, type AnalyzedFile, type RewrittenFile } from '../migrate-tasks.js';
import { FileCache, sha1 } from './file-cache.js';
import { decodeAnalysis, encodeAnalysis } from './analysis-codec.js';

export interface CachedSteps {
  analyze: (file: string) => Promise<AnalyzedFile>;
  rewrite: (plan: FilePlan) => Promise<RewrittenFile>;
  /** After the writes: caches what this run computed for the files it did not write, then waits for every
   *  cache write. */
  finish: (written: ReadonlyArray<{ file: string; content: string }>) => Promise<void>;
  cache: FileCache;
  /** A whole-project step as a function of `inputs` (text holding all it reads): the schemas module's emit. */
  memo: <T>(kind: string, file: string, inputs: string, compute: () => T) => T;
}

/** `inProcess`: the uncached steps run here (the text already read is reused); else `fallback` runs them (a pool). */
export function cachedSteps(cache: FileCache, fallback: { analyze: (file: string) => Promise<AnalyzedFile>; rewrite: (plan: FilePlan) => Promise<RewrittenFile> }, inProcess: boolean): CachedSteps {
  // Results computed this run, cached at finish() for the files that were not written: a written file's next
  // run reads other text, so its rewrite entry would never hit, and its analysis entry is that of the new text.
  const unwritten = new Map<string, { kind: string; file: string; key: string; body: string | (() => string) }>();
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
      try { code = readFileSync(file, 'utf8'); } catch { return fallback.analyze(file); }
      const key = sha1(code);
      const hit = cache.get('analysis', file, key, decodeAnalysis);
      if (hit && readsUnchanged(hit)) return hit;
      if (hit) cache.stale('analysis', file);
      const analyzed = inProcess ? analyzeSource(file, code) : await fallback.analyze(file);
      // Encoded now (the pipeline goes on to decorate what it is handed), written at finish() unless rewritten.
      const body = encodeAnalysis(analyzed);
      if (body !== null) unwritten.set(`analysis\0${file}`, { kind: 'analysis', file, key, body });
      return analyzed;
    },
    async rewrite(plan) {
      let source: string;
      try { source = readFileSync(plan.file, 'utf8'); } catch { return fallback.rewrite(plan); }
      const key = sha1(source, planKey(plan));
      const hit = cache.get('rewrite', plan.file, key, (body) => JSON.parse(body) as Omit<RewrittenFile, 'before'>);
      if (hit) return hit.changed ? { ...hit, before: source } : hit;
      const done = inProcess ? rewriteSource(plan, source) : await fallback.rewrite(plan);
      // Encoded at finish(), and only if the file was not written: nothing downstream changes a rewrite's result.
      unwritten.set(`rewrite\0${plan.file}`, { kind: 'rewrite', file: plan.file, key, body: () => JSON.stringify({ ...done, before: undefined }) });
      return done;
    },
    async finish(written) {
      // A written file gets no entry: its old text's entries would never hit again, and analysing its new text
      // here (h-cache did) cost the migration a second parse of every file it wrote, +38% CPU, to save that
      // parse on a later run that is rarely made while the files are as written (a re-run of an unchanged tree
      // is answered whole by ./run-record.ts). The first run that parses the new text caches it.
      for (const { file } of written) {
        unwritten.delete(`analysis\0${file}`);
        unwritten.delete(`rewrite\0${file}`);
      }
      for (const { kind, file, key, body } of unwritten.values()) cache.set(kind, file, key, typeof body === 'string' ? body : body());
      unwritten.clear();
      await cache.flush();
    },
  };
}

/** The plan as text: a Set does not survive JSON.stringify. */
function planKey(plan: FilePlan): string {
  return JSON.stringify({ ...plan, rules: [...plan.rules].sort() });
}

function readsUnchanged(a: AnalyzedFile): boolean {
  for (const r of a.reads ?? []) {
    let text: string | null = null;
    try { text = readFileSync(r.file, 'utf8'); } catch { /* unreadable now */ }
    if ((text === null ? null : sha1(text)) !== r.hash) return false;
  }
  return true;
}
