// A content-keyed cache on disk, one small file per (kind, source file): eslint --cache's idea, but entries are
// read one at a time when asked for (memory stays flat in file count) and a source file's entry is replaced,
// not added to, when its content changes (the folder never grows past a few entries per source file).
//
// An entry is trusted only when everything about it checks out: its header names this format, this tool
// (tool-identity.ts), the same kind and source file and the same key (the hash of every input the value was
// computed from), and its body hashes to what the header says. Anything else (a truncated file, another
// version's entry, bytes changed on disk, a body that does not decode) is a miss, never an error. Bodies are
// text (JSON, see ./analysis-codec.ts): node:v8's structured clone would keep Maps by itself but decodes ~20x
// slower (1.1 s for 1,000 analyses, most of a re-run). Writes go to
// a temp file of their own and are renamed into place, so concurrent runs each leave a whole entry.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha1 } from './sha1.js';
import { CACHE_FORMAT, toolIdentity } from './tool-identity.js';

interface Header { format: number; tool: string; kind: string; file: string; key: string; body: string }

export interface CacheStats {
  hits: number; misses: number; ignored: number; written: number;
  /** Entries that did not read as entries (truncated, bytes changed, a body that does not decode): ignored,
   *  recomputed and rewritten; the CLI warns. */
  corrupt: number;
  /** `kind:file` of every lookup that found no usable entry (for tests and --json, never for decisions). */
  missed: string[];
}

export class FileCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, ignored: 0, written: 0, corrupt: 0, missed: [] };
  private made = false;

  constructor(readonly dir: string, private tool: string = toolIdentity()) {}

  private entryPath(kind: string, file: string): string {
    return join(this.dir, `${kind}-${sha1(file).slice(0, 24)}.json`);
  }

  /** The value stored for (kind, file) under `key`, decoded by `decode` (which may throw: then a miss). */
  get<T>(kind: string, file: string, key: string, decode: (body: string) => T): T | undefined {
    let text: string;
    const miss = (counter: 'misses' | 'ignored' | 'corrupt'): undefined => {
      if (counter === 'corrupt') this.stats.ignored++;
      this.stats[counter]++;
      this.stats.missed.push(`${kind}:${file}`);
      return undefined;
    };
    try { text = readFileSync(this.entryPath(kind, file), 'utf8'); } catch { return miss('misses'); }
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) throw new Error('no header');
      const header = JSON.parse(text.slice(0, nl)) as Header;
      const body = text.slice(nl + 1);
      if (header.format !== CACHE_FORMAT || header.tool !== this.tool || header.kind !== kind || header.file !== file) return miss('ignored');
      if (header.key !== key) return miss('misses');
      if (header.body !== sha1(body)) return miss('corrupt');
      const value = decode(body);
      this.stats.hits++;
      return value;
    } catch {
      return miss('corrupt');
    }
  }

  /** A hit the caller could not use after all (a file it depends on changed): counted as a miss. */
  stale(kind: string, file: string): void {
    this.stats.hits--;
    this.stats.misses++;
    this.stats.missed.push(`${kind}:${file}`);
  }

  /** Written now, synchronously: the per-file steps run back to back without yielding, so queued async writes
   *  would hold every body in memory until the analysis ends (+100 MB on 1,000 files). A write that fails only
   *  costs a later miss. */
  set(kind: string, file: string, key: string, body: string): void {
    const header: Header = { format: CACHE_FORMAT, tool: this.tool, kind, file, key, body: sha1(body) };
    const target = this.entryPath(kind, file);
    // Like .pytest_cache and .ruff_cache: the folder ignores itself, so `git add -A` never commits it and an
    // app whose .gitignore misses node_modules does not trip the dirty-tree guard on its next run.
    if (!this.made) {
      this.made = true;
      try { ensureCacheDir(this.dir); } catch { /* the writes below fail too: misses next time */ }
    }
    const tmp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, `${JSON.stringify(header)}\n${body}`);
      renameSync(tmp, target);
      this.stats.written++;
    } catch {
      try { unlinkSync(tmp); } catch { /* never written */ }
    }
  }

  /** Kept for callers that wait for the writes: they are all done when set() returns. */
  async flush(): Promise<void> {}
}

/** The cache folder with its own `.gitignore`. */
export function ensureCacheDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const ignore = join(dir, '.gitignore');
  if (!existsSync(ignore)) writeFileSync(ignore, '# migrate-api cache: never commit it\n*\n');
}
