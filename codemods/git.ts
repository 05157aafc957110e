// The dirty-tree guard: a migration rewrites many files, so it refuses to mix its changes with
// uncommitted work unless told to (--force). Outside a git checkout there is nothing to guard.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Uncommitted (modified or untracked) paths under dir (or that one file), or null outside a git work tree. */
export function uncommittedChanges(path: string): string[] | null {
  try {
    const file = statSync(path).isFile();
    const out = execFileSync('git', ['status', '--porcelain', '--', file ? basename(path) : '.'], {
      cwd: file ? dirname(path) : path, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean).map((l) => l.slice(3));
  } catch {
    return null;
  }
}
