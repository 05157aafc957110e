// Where the analysis cache lives when no --cache-location is given: find-cache-dir's convention (babel-loader,
// ava, nyc, terser-webpack-plugin), `<package>/node_modules/.cache/migrate-api`, or `$CACHE_DIR/migrate-api`.
// Written here rather than imported: find-cache-dir is ~20 lines around pkg-dir, and we already know the package root.
import { accessSync, constants, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root.js';

const NAME = 'migrate-api';

/** null when there is nowhere writable to put it (no package root, a read-only node_modules): then no cache. */
export function defaultCacheDir(packageRoot: string | null, env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CACHE_DIR;
  if (fromEnv && !['true', 'false', '1', '0'].includes(fromEnv)) return join(fromEnv, NAME);
  if (!packageRoot) return null;
  const modules = join(packageRoot, 'node_modules');
  // find-cache-dir: an existing node_modules must be writable; otherwise the package folder must be.
  if (!writable(existsSync(modules) ? modules : packageRoot)) return null;
  return join(modules, '.cache', NAME);
}

function writable(dir: string): boolean {
  try { accessSync(dir, constants.W_OK); return true; } catch { return false; }
}

/** The cache folder of a run over the project at `root` (`--cache-location` wins); null with `--no-cache` or
 *  when there is nowhere to put it. The migration and the replay (which must not load migrate.ts) both ask here. */
export function cacheFolder(opts: { cache?: boolean; cacheLocation?: string }, root: string): string | null {
  if (!opts.cache) return null;
  return opts.cacheLocation ? resolve(opts.cacheLocation) : defaultCacheDir(packageRoot(root));
}
