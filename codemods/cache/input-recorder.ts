// Every input a migration run reads, recorded as it reads it: node:fs is wrapped for the length of the run (and
// syncBuiltinESMExports() makes `import { readFileSync } from 'node:fs'` see the wrapper), so the record holds
// what the code actually read — walked source files and folder listings, .gitignore files, tsconfig chains,
// package.json, spec and YAML files, the modules of installed packages it loaded (http-status) — not a list we
// would have to keep in step with the code by hand. ./run-record.ts checks the same inputs on the next run.
// What cannot be recorded (a read by file descriptor, a worker thread's reads) makes the recording unusable.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha1 } from './sha1.js';

/** One input: a file's bytes, a folder's listing, or what a stat/exists saw (never a time: only content counts).
 *  `shared`: a file read by more than its own analysis (readingOwnFile): by planning, a rewrite, another file's
 *  analysis. A file that is not shared reaches the run only through its analysis (./early-cutoff.ts). */
export interface Input { path: string; kind: 'file' | 'dir' | 'stat'; value: string; shared?: true }

export interface Recording {
  /** Restores node:fs; the inputs, or null when some read could not be recorded. */
  stop: () => Input[] | null;
  /** Something the recorder cannot see happened (worker threads): the recording is unusable. */
  spoil: () => void;
}

const real = { readFileSync: fs.readFileSync, readdirSync: fs.readdirSync, existsSync: fs.existsSync, statSync: fs.statSync, lstatSync: fs.lstatSync, openSync: fs.openSync, readFile: fs.readFile, promisesReadFile: fs.promises.readFile };

/** A file's content as recorded: the sha1 of its bytes, or 'missing' when it cannot be read. */
export function fileValue(path: string): string {
  try { return sha1(real.readFileSync(path)); } catch { return 'missing'; }
}

/** A folder's listing: names and kinds, sorted (readdir's order is the file system's). */
export function dirValue(path: string): string {
  try {
    const entries = real.readdirSync(path, { withFileTypes: true }).map((e) => `${e.name}\0${e.isDirectory() ? 'd' : e.isFile() ? 'f' : e.isSymbolicLink() ? 'l' : 'o'}`);
    return sha1(entries.sort().join('\n'));
  } catch { return 'missing'; }
}

/** What a stat or an existence check can tell the code: absent, a file of this size, a folder, other. */
export function statValue(path: string): string {
  const s = real.statSync(path, { throwIfNoEntry: false });
  return !s ? 'missing' : s.isFile() ? `file:${s.size}` : s.isDirectory() ? 'dir' : 'other';
}

export const VALUE_OF: Record<Input['kind'], (path: string) => string> = { file: fileValue, dir: dirValue, stat: statValue };

function pathOf(p: unknown): string | null {
  if (typeof p === 'string') return resolve(p);
  if (p instanceof URL) return fileURLToPath(p);
  if (Buffer.isBuffer(p)) return resolve(p.toString());
  return null;
}

/** The recording under way: two runs at once in one process (a program calling main() twice) would each miss
 *  the other's wrapper, so the second spoils both. Kept on a global symbol: the CLI's entry and its bundle may each
 *  hold a copy of this module (abandonRecording() is called from the bundle). */
const ACTIVE = Symbol.for('migrate-api.input-recording');
type Active = { spoil: () => void; abandon: () => void };
const registry = globalThis as unknown as Record<symbol, Active | null | undefined>;
let active: Active | null = null;

/**
 * Ends the recording under way, if any, as unusable, and gives node:fs back: for a step that reads many files
 * which are not worth recording because the run can never be one to replay. The body-type check
 * (codemods/typed-rewrite-check.ts) runs TypeScript only when a route is about to be rewritten, and a run that
 * rewrites is never recorded; wrapped, its thousands of resolutions and declaration reads cost several times the check.
 */
export function abandonRecording(): void {
  (registry[ACTIVE] ?? active)?.abandon();
}

/** The file whose own analysis is running, on the same global as the recording (the bundle may hold two copies). */
const OWNER = Symbol.for('migrate-api.input-recording.owner');
const owner = globalThis as unknown as Record<symbol, string | undefined>;

/** Runs `read`, a file's own analysis: its reads of `file` are not shared ones (Input.shared). */
export function readingOwnFile<T>(file: string, read: () => T): T {
  const outer = owner[OWNER];
  owner[OWNER] = resolve(file);
  try {
    return read();
  } finally {
    owner[OWNER] = outer;
  }
}

/** Starts recording; `ignore` leaves out what is not an input (the cache itself, the tool's own code). */
export function recordInputs(ignore: (path: string) => boolean): Recording {
  if (active) {
    active.spoil();
    return { spoil: () => {}, stop: () => null };
  }
  const inputs = new Map<string, Input>();
  let spoiled = false;
  const note = (raw: unknown, kind: Input['kind'], value?: () => string) => {
    const path = pathOf(raw);
    if (path === null) { if (typeof raw !== 'number' || raw > 2) spoiled = true; return; }
    if (ignore(path)) return;
    const key = `${kind}\0${path}`;
    const shared = kind === 'file' && owner[OWNER] !== path;
    const known = inputs.get(key);
    if (!known) inputs.set(key, { path, kind, value: value ? value() : VALUE_OF[kind](path), ...(shared ? { shared } : {}) });
    else if (shared) known.shared = true;
  };
  const f = fs as unknown as Record<string, unknown>;
  f.readFileSync = function (this: unknown, p: unknown, ...rest: unknown[]) {
    let out: string | Buffer;
    try { out = (real.readFileSync as (...a: unknown[]) => string | Buffer).call(this, p, ...rest); } catch (err) { note(p, 'file', () => 'missing'); throw err; }
    note(p, 'file', () => sha1(out));
    return out;
  };
  f.readdirSync = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'dir'); return (real.readdirSync as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  f.existsSync = function (this: unknown, p: unknown) { note(p, 'stat'); return real.existsSync.call(this, p as string); };
  f.statSync = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'stat'); return (real.statSync as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  f.lstatSync = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'stat'); return (real.lstatSync as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  f.openSync = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'file'); return (real.openSync as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  f.readFile = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'file'); return (real.readFile as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  (fs.promises as unknown as Record<string, unknown>).readFile = function (this: unknown, p: unknown, ...rest: unknown[]) { note(p, 'file'); return (real.promisesReadFile as (...a: unknown[]) => unknown).call(this, p, ...rest); };
  syncBuiltinESMExports();
  let stopped = false;
  const stop = () => {
    if (stopped) return null;
    stopped = true;
    active = null;
    registry[ACTIVE] = null;
    Object.assign(fs, { readFileSync: real.readFileSync, readdirSync: real.readdirSync, existsSync: real.existsSync, statSync: real.statSync, lstatSync: real.lstatSync, openSync: real.openSync, readFile: real.readFile });
    (fs.promises as unknown as Record<string, unknown>).readFile = real.promisesReadFile;
    syncBuiltinESMExports();
    return spoiled ? null : [...inputs.values()];
  };
  const self: Active = { spoil: () => { spoiled = true; }, abandon: () => { spoiled = true; stop(); } };
  active = self;
  registry[ACTIVE] = self;
  return { spoil: self.spoil, stop };
}
