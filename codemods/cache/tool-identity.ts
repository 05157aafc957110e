// What a cache entry was computed by: the package version AND the code itself (each file's name, size and
// mtime under the running codemods folder). A version alone is not enough: a checkout rebuilt between two runs
// on the same app (our own bench, a contributor's edit) keeps version 0.1.0 and must not read the old results.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { ownPackage } from '../own-package.js';

/** Bump when the shape of what is cached changes (entries of another format are ignored). */
export const CACHE_FORMAT = 2;

let identity: string | undefined;

export function toolIdentity(): string {
  if (identity !== undefined) return identity;
  const hash = createHash('sha1');
  hash.update(`migrate-api@${ownPackage()?.version ?? '?'}\0format ${CACHE_FORMAT}\0`);
  for (const f of codeFiles(codeFolder())) {
    const s = statSync(f, { throwIfNoEntry: false });
    hash.update(`${f}\0${s?.size}\0${s?.mtimeMs}\0`);
  }
  return (identity = hash.digest('hex'));
}

/** codemods/ from the sources (this file is codemods/cache/x.ts), dist/codemods from the CLI bundle (a chunk). */
export function codeFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return basename(here) === 'cache' ? dirname(here) : here;
}

function codeFiles(dir: string): string[] {
  let entries;
  try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return []; }
  return entries.flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : codeFiles(p);
    return /\.(c|m)?(j|t)s$/.test(e.name) ? [p] : [];
  }).sort();
}
