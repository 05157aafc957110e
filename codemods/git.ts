// The dirty-tree guard: a migration rewrites many files, so it refuses to mix its changes with
// uncommitted work unless told to (--force). Outside a git checkout there is nothing to guard.
import { execFileSync } from 'node:child_process';

/** Uncommitted (modified or untracked) paths under dir, or null when dir is not in a git work tree. */
export function uncommittedChanges(dir: string): string[] | null {
  try {
    const out = execFileSync('git', ['status', '--porcelain', '--', '.'], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.split('\n').filter(Boolean).map((l) => l.slice(3));
  } catch {
    return null;
  }
}
