// The package a path belongs to: the nearest folder with a package.json. A module of its own, without the
// analysis's imports, because the run record's replay (cache/run-replay.ts) finds the cache with it before the
// toolchain loads.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function packageRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
