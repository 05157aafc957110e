// The dirty-tree guard: a migration rewrites many files, so it refuses to mix its changes with
// uncommitted work unless told to (--force). Outside a git checkout there is nothing to guard; but when git
// itself fails inside one ("dubious ownership", a broken config), the guard cannot tell clean from dirty and
// fails closed: the error carries git's own message.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** git could not answer whether the tree is clean. */
export class GitStatusError extends Error {}

/** Uncommitted (modified or untracked) paths under dir (or that one file), or null outside a git work tree. */
export function uncommittedChanges(path: string): string[] | null {
  const file = statSync(path).isFile();
  const cwd = file ? dirname(path) : path;
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--', file ? basename(path) : '.'], {
      cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.split('\n').filter(Boolean).map((l) => l.slice(3));
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    const stderr = String(e.stderr ?? '').trim();
    // Not a checkout at all (git says so, or there is no git and no .git above): nothing to guard.
    if (/not a git repository/i.test(stderr)) return null;
    if (e.code === 'ENOENT' && !insideCheckout(cwd)) return null;
    throw new GitStatusError(stderr || e.message);
  }
}

/** A `.git` in the folder or any folder above it. */
function insideCheckout(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}
