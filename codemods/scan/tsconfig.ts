// The app's own module aliases: tsconfig (or jsconfig) `paths` (`@server/*` -> `src/server/*`) and `baseUrl`,
// `extends` followed, or module-alias's `_moduleAliases` in package.json, so
// `import routes from '@server/routes/settings'` is a file of the tree, not a package.
// Hand-written: typescript is a devDependency here (an app's migration must not load it), and the one library
// that does this (get-tsconfig) is not installed; what the scan needs is the lookup below, not the compiler's
// whole option model.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export interface TsPaths {
  /** The folder `paths` targets are relative to (baseUrl, else the folder of the config that has `paths`). */
  pathsBase: string;
  paths: Array<{ prefix: string; suffix: string; wildcard: boolean; targets: string[] }>;
  /** Where bare specifiers resolve too (`import x from 'routes/users'` with baseUrl `src`). */
  baseUrl?: string;
}

/** tsconfig is JSONC: comments and trailing commas allowed. Strings are kept whole (`"@/*"` holds a `/*`). */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

interface RawConfig { baseUrl?: string; paths?: Record<string, string[]>; pathsDir?: string; baseDir?: string }

/** compilerOptions.baseUrl / paths of one config file with its `extends` chain (the nearer config wins). */
function readConfig(file: string, seen = new Set<string>()): RawConfig {
  if (seen.has(file)) return {};
  seen.add(file);
  let json: Record<string, any>;
  try {
    json = parseJsonc(readFileSync(file, 'utf8')) as Record<string, any>;
  } catch {
    return {};
  }
  let out: RawConfig = {};
  const bases = Array.isArray(json.extends) ? json.extends : typeof json.extends === 'string' ? [json.extends] : [];
  for (const ext of bases) {
    const target = extendsFile(file, String(ext));
    if (target) out = { ...out, ...readConfig(target, seen) };
  }
  const opts = json.compilerOptions ?? {};
  const dir = dirname(file);
  if (typeof opts.baseUrl === 'string') out = { ...out, baseUrl: opts.baseUrl, baseDir: resolve(dir, opts.baseUrl) };
  if (opts.paths && typeof opts.paths === 'object') out = { ...out, paths: opts.paths, pathsDir: dir };
  return out;
}

/** `./tsconfig.base` (`.json` optional) or a package's config (`@tsconfig/node20/tsconfig.json`). */
function extendsFile(from: string, spec: string): string | undefined {
  const dir = dirname(from);
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const p = resolve(dir, spec);
    return [p, `${p}.json`].find((f) => existsSync(f) && !f.endsWith('/'));
  }
  try {
    const req = createRequire(join(dir, 'noop.js'));
    for (const s of [spec, `${spec}.json`, `${spec}/tsconfig.json`]) {
      try { return req.resolve(s); } catch { /* next form */ }
    }
  } catch { /* no node_modules */ }
  return undefined;
}

const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json'];

/** The aliases in force for a file: those of the nearest tsconfig.json or jsconfig.json above it (up to its
 *  package root), else the package's module-alias `_moduleAliases`; null when there are none. `cache` is by
 *  folder; one per scan, so an edited tsconfig is read again next run. */
export function tsPathsFor(file: string, cache: Map<string, TsPaths | null>): TsPaths | null {
  const dir = dirname(file);
  const hit = cache.get(dir);
  if (hit !== undefined) return hit;
  let found: TsPaths | null = null;
  // A JavaScript app declares the same aliases in jsconfig.json (VS Code's, mirrored by its babel or bundler
  // alias config); TypeScript reads tsconfig.json first, so a folder holding both is read as TypeScript reads it.
  const config = CONFIG_FILES.map((name) => join(dir, name)).find((f) => existsSync(f));
  if (config) {
    const raw = readConfig(config);
    if (raw.paths || raw.baseDir) {
      const pathsBase = raw.baseDir ?? raw.pathsDir ?? dir;
      const paths = compilePaths(raw.paths ?? {});
      found = { pathsBase, paths, ...(raw.baseDir ? { baseUrl: raw.baseDir } : {}) };
    } else if (existsSync(join(dir, 'package.json'))) {
      // a tsconfig that only type-checks (no paths) beside module-alias: the aliases are the package's
      found = moduleAliases(join(dir, 'package.json'));
    }
  } else if (existsSync(join(dir, 'package.json'))) {
    found = moduleAliases(join(dir, 'package.json'));
  } else if (dirname(dir) !== dir) {
    found = tsPathsFor(dir, cache);
  }
  cache.set(dir, found);
  return found;
}

/**
 * module-alias's `_moduleAliases` of a package.json (`"@routes": "src/routes"`, set up at run time by
 * `require('module-alias/register')`): an alias names its target and, followed by `/`, the files under it.
 * Read only where no tsconfig/jsconfig declares aliases, the way an app without either resolves them.
 */
function moduleAliases(packageJson: string): TsPaths | null {
  let aliases: unknown;
  try {
    aliases = (JSON.parse(readFileSync(packageJson, 'utf8')) as { _moduleAliases?: unknown })._moduleAliases;
  } catch {
    return null;
  }
  if (!aliases || typeof aliases !== 'object') return null;
  const patterns: Record<string, string[]> = {};
  for (const [alias, target] of Object.entries(aliases as Record<string, unknown>)) {
    if (typeof target !== 'string' || !alias) continue;
    patterns[`${alias}/*`] = [`${target}/*`];
    patterns[alias] = [target];
  }
  const paths = compilePaths(patterns);
  return paths.length ? { pathsBase: dirname(packageJson), paths } : null;
}

/** `paths` patterns (`@server/*`: ["src/server/*"]) as prefix/suffix matchers, longest prefix first, the order
 *  TypeScript tries them in (and module-alias, which sorts its aliases by length). */
function compilePaths(patterns: Record<string, unknown>): TsPaths['paths'] {
  const paths = Object.entries(patterns).map(([pattern, targets]) => {
    const star = pattern.indexOf('*');
    return {
      prefix: star < 0 ? pattern : pattern.slice(0, star), suffix: star < 0 ? '' : pattern.slice(star + 1), wildcard: star >= 0,
      targets: Array.isArray(targets) ? targets.map(String) : [],
    };
  });
  return paths.sort((a, b) => b.prefix.length - a.prefix.length);
}

/** The absolute paths (without extension) a bare specifier may name under the aliases, in TypeScript's order. */
export function aliasCandidates(paths: TsPaths, spec: string): string[] {
  const out: string[] = [];
  for (const p of paths.paths) {
    const hit = p.wildcard ? spec.startsWith(p.prefix) && spec.endsWith(p.suffix) && spec.length >= p.prefix.length + p.suffix.length : spec === p.prefix;
    if (!hit) continue;
    const star = p.wildcard ? spec.slice(p.prefix.length, spec.length - p.suffix.length) : '';
    for (const t of p.targets) out.push(resolve(paths.pathsBase, t.replace('*', star)));
    // The first matching pattern decides, as in TypeScript.
    return out;
  }
  if (paths.baseUrl) out.push(resolve(paths.baseUrl, spec));
  return out;
}
