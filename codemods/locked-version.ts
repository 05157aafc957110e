// The version an app's lockfile pins for one of its direct dependencies, for an app checked out but not installed:
// its package.json range (`^3.22`) may allow a version it will never get (`npm ci` installs the pinned 3.22.4),
// and that pinned one is what the migrated app runs on. npm's and pnpm's lockfiles are JSON and YAML (read with
// JSON.parse and the `yaml` package); yarn's has no kept reader for both its formats (@yarnpkg/lockfile reads v1
// only and is unmaintained), and all that is needed is one entry's `version`, so a few lines find it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface LockedVersion {
  version: string;
  /** The lockfile it was read from. */
  from: string;
}

/** The version the nearest lockfile (the package's folder, else a workspace root above it) pins for `name`, as a
 *  direct dependency of the package at `root` whose package.json asks for `range`; null when none says. */
export function lockedVersion(root: string, name: string, range: string | null): LockedVersion | null {
  for (let dir = root; ; dir = dirname(dir)) {
    for (const [file, read] of READERS) {
      const path = join(dir, file);
      if (!existsSync(path)) continue;
      let version: string | null = null;
      try { version = read(readFileSync(path, 'utf8'), name, range, relativeImporter(dir, root)); } catch { /* unreadable: says nothing */ }
      return version ? { version, from: path } : null;
    }
    if (dirname(dir) === dir) return null;
  }
}

type Reader = (text: string, name: string, range: string | null, importer: string) => string | null;

const READERS: Array<[string, Reader]> = [
  ['package-lock.json', npmLocked],
  ['npm-shrinkwrap.json', npmLocked],
  ['pnpm-lock.yaml', pnpmLocked],
  ['yarn.lock', yarnLocked],
];

function relativeImporter(lockDir: string, root: string): string {
  return root === lockDir ? '.' : root.slice(lockDir.length + 1).split('\\').join('/');
}

/** lockfileVersion 2/3: `packages["<importer>/node_modules/<name>"]`, then the hoisted one; 1: `dependencies`. */
function npmLocked(text: string, name: string, _range: string | null, importer: string): string | null {
  const lock = JSON.parse(text) as { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
  const at = (key: string) => lock.packages?.[key]?.version;
  return at(importer === '.' ? `node_modules/${name}` : `${importer}/node_modules/${name}`) ?? at(`node_modules/${name}`)
    ?? lock.dependencies?.[name]?.version ?? null;
}

/** `importers['.'].dependencies.zod.version` (lockfile 6+, with a peer suffix `3.22.4(...)`), or the top-level
 *  `dependencies.zod` of lockfile 5. */
function pnpmLocked(text: string, name: string, _range: string | null, importer: string): string | null {
  const lock = parseYaml(text) as Record<string, unknown> | null;
  type Deps = Record<string, string | { version?: string }> | undefined;
  const importers = lock?.importers as Record<string, Record<string, Deps>> | undefined;
  const scope = importers?.[importer] ?? (importer === '.' ? lock as Record<string, Deps> : undefined);
  for (const kind of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const entry = scope?.[kind]?.[name];
    const version = typeof entry === 'string' ? entry : entry?.version;
    if (typeof version === 'string') return /^\d+\.\d+\.\d+[^(]*/.exec(version)?.[0] ?? null;
  }
  return null;
}

/** yarn 1 (`zod@^3.22.4, zod@^3.20:` then `  version "3.22.4"`) and yarn 2+ (`"zod@npm:^3.22.4":` then
 *  `  version: 3.22.4`): the entry whose header names the package.json's range, else the only entry. */
function yarnLocked(text: string, name: string, range: string | null): string | null {
  const entries: Array<{ ranges: string[]; version: string | null }> = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^[^\s#]/.test(line)) {
      const ranges = line.replace(/:$/, '').split(',').map((h) => h.trim().replace(/^"|"$/g, ''))
        .filter((h) => h.startsWith(`${name}@`)).map((h) => h.slice(name.length + 1).replace(/^npm:/, ''));
      entries.push({ ranges, version: null });
      continue;
    }
    const m = /^\s+version:?\s+"?([^"\s]+)"?/.exec(line);
    const last = entries[entries.length - 1];
    if (m && last && last.version === null) last.version = m[1]!;
  }
  const mine = entries.filter((e) => e.ranges.length && e.version);
  const exact = range ? mine.find((e) => e.ranges.includes(range)) : undefined;
  return (exact ?? (mine.length === 1 ? mine[0] : undefined))?.version ?? null;
}
