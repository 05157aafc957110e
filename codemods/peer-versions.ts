// The migrated code and the runtime use zod 4's API (`.meta`, `z.iso`, `z.stringbool`, `z.stringFormat`), which
// zod ships at `zod/v4` from 3.25.0 on (and zod 4 at its root too), but not all of it at once: `z.stringFormat`
// (compat's dateTime(), the schemas module's date-time, json-pointer and uri-reference) and its type
// `ZodCustomStringFormat` first ship in 3.25.68, so an app on an older zod would crash at load
// (`z.stringFormat is not a function`, checked by hand on 3.25.67) or stop compiling (see ./zod-import.ts for
// which of the two the migrated code imports). zod 4's type declarations need TypeScript
// >= 5.5: a TypeScript app on an older compiler stops compiling (hundreds of errors inside zod's .d.cts); and the
// runtime's peer range asks for express >= 4.16, so an older one fails the app's next install. So before anything
// is written the app's zod, TypeScript and express are found: the installed one (node_modules/typescript, looked up like Node resolves it), else
// the version its lockfile pins (./locked-version.ts: what its next `npm ci` installs), else the range its package.json asks for. Only the lowest and highest versions a range can give matter here, so a
// few lines of parsing do instead of a semver dependency; a range they cannot read is given the benefit of
// the doubt (a tag, `*`, a git URL).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from './package-root.js';
import { lockedVersion } from './locked-version.js';

export const ZOD_MIN_TYPESCRIPT = [5, 5] as const;
/** The first zod whose `zod/v4` has every API the migrated code and the runtime use (the runtime's peer range,
 *  `^3.25.68 || ^4.0.0`): 3.25.68 added `z.stringFormat`; 3.25.68 to 3.25.76 and 4.0.0 to 4.0.17 serve the same
 *  document and answer the same 422s for the same migrated app (checked by hand, 2026-12-05). It also keeps out
 *  3.25.0 to 3.25.27, whose `zod/v4` is only in package.json `exports`: a tsconfig resolving as node10 failed TS2307. */
export const ZOD_MIN = [3, 25, 68] as const;

/** A minimum version: major.minor, or major.minor.patch where a patch release added what is needed. */
type MinVersion = readonly [number, number] | readonly [number, number, number];
/** The oldest Express 4 the runtime is tested on (test/compat/helpers.ts) and its peer range allows (package.json). */
export const EXPRESS_MIN = [4, 16] as const;

export interface TypeScriptFinding {
  /** The version or range found. */
  version: string;
  /** Where it was found (a package.json path). */
  from: string;
}

/** The app's TypeScript when it is older than zod 4 needs; null when fine, unknown, or the app is not TypeScript. */
export function typeScriptTooOld(target: string): TypeScriptFinding | null {
  const root = packageRoot(target);
  if (!root || !existsSync(join(root, 'tsconfig.json'))) return null;
  return packageTooOld(root, 'typescript', ZOD_MIN_TYPESCRIPT);
}

/** The app's zod when it is older than 3.25.68 (installed, else locked, else the package.json range); null when fine or absent. */
export function zodTooOld(target: string): TypeScriptFinding | null {
  const root = packageRoot(target);
  return root ? packageTooOld(root, 'zod', ZOD_MIN) : null;
}

export function zodMessage(found: TypeScriptFinding): string {
  const min = ZOD_MIN.join('.');
  return `zod ${found.version} (${found.from}) is older than ${min}: the migrated code and migrate-api/compat use zod 4's API `
    + `(.meta, z.iso, z.stringbool, z.stringFormat), which zod ships at \`zod/v4\` from 3.25.0 on, but z.stringFormat only from ${min}, `
    + `so the app would fail at load (z.stringFormat is not a function) or stop compiling.\n`
    + `Fix: upgrade it first: npm install zod@^${min} keeps zod 3 for the app's own code (the migrated code imports \`zod/v4\`), `
    + `or npm install zod@^4 (code written for zod 3 may need changes); or pass --force to migrate anyway.`;
}

/** The app's zod as found (installed, else locked, else the package.json range), or null when it has none. */
export function appZod(target: string): TypeScriptFinding | null {
  const root = packageRoot(target);
  return root ? foundVersion(root, 'zod') : null;
}

/** The app's express when it is older than the runtime's peer range allows: the app's next `npm install` of
 *  migrate-api would fail (ERESOLVE). Null when fine or absent. */
export function expressTooOld(target: string): TypeScriptFinding | null {
  const root = packageRoot(target);
  return root ? packageTooOld(root, 'express', EXPRESS_MIN) : null;
}

export function expressMessage(found: TypeScriptFinding): string {
  const min = EXPRESS_MIN.join('.');
  return `express ${found.version} (${found.from}) is older than ${min}: migrate-api/compat is tested on express ${min} and later `
    + `(and 5), and its peer range asks for that, so the app's next npm install would fail.\n`
    + `Fix: upgrade it first (npm install express@^4.${EXPRESS_MIN[1]} keeps the app on Express 4), or pass --force to migrate anyway.`;
}

function packageTooOld(root: string, name: string, min: MinVersion): TypeScriptFinding | null {
  const found = foundVersion(root, name);
  return found && olderThan(found.version, min) ? found : null;
}

/** `name` as the app has it: installed, else pinned by its lockfile, else the range its package.json asks for. */
export function foundVersion(root: string, name: string): TypeScriptFinding | null {
  const installed = installedPackage(root, name);
  if (installed) return installed;
  const declared = declaredRange(root, name);
  return declared ? lockedVersion(root, name, declared.version) ?? declared : null;
}

/** The range the app's package.json asks for `name`. */
function declaredRange(root: string, name: string): TypeScriptFinding | null {
  const pkgFile = join(root, 'package.json');
  let range: unknown;
  try {
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    range = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name] ?? pkg.peerDependencies?.[name];
  } catch { return null; }
  return typeof range === 'string' ? { version: range, from: pkgFile } : null;
}

/** The message and fix the CLI prints. */
export function typeScriptMessage(found: TypeScriptFinding, blockers: TypeScriptPeer[] = []): string {
  const min = ZOD_MIN_TYPESCRIPT.join('.');
  return `TypeScript ${found.version} (${found.from}) is older than ${min}: the migrated code imports zod 4, whose types `
    + `need TypeScript >= ${min}, so the app would stop compiling.\n`
    + `Fix: upgrade it first (npm install --save-dev typescript@^${min}), or pass --force to migrate anyway.`
    + blockers.map((b) => `\nAlso upgrade ${b.name} ${b.version}: its peer range asks for typescript ${b.range}, so with TypeScript ${min} `
      + `the app's next npm install would fail (ERESOLVE).`).join('');
}

/** A package the app depends on whose installed version only accepts a TypeScript older than zod 4 needs. */
export interface TypeScriptPeer { name: string; version: string; range: string }

/** The app's direct dependencies (installed) whose peer range for typescript stops below 5.5: upgrading TypeScript
 *  alone makes npm refuse the next install (ts-jest 26 asks for `>=3.8 <5.0`, 404jv/desafio-introducao-ao-SOLID). */
export function typeScriptPeerBlockers(target: string): TypeScriptPeer[] {
  const root = packageRoot(target);
  if (!root) return [];
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try { pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')); } catch { return []; }
  const out: TypeScriptPeer[] = [];
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (name === 'typescript') continue;
    const installed = installedManifest(root, name);
    const range = installed?.peerDependencies?.typescript;
    if (typeof range === 'string' && typeof installed?.version === 'string' && capsBelow(range, ZOD_MIN_TYPESCRIPT)) out.push({ name, version: installed.version, range });
  }
  return out;
}

function installedPackage(root: string, name: string): TypeScriptFinding | null {
  const found = installedManifest(root, name);
  return typeof found?.version === 'string' ? { version: found.version, from: found.file } : null;
}

/** The package.json of `name` as Node would find it from `root`. */
export function installedManifest(root: string, name: string): { file: string; version?: unknown; peerDependencies?: Record<string, unknown> } | null {
  for (let dir = root; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        return { file, ...JSON.parse(readFileSync(file, 'utf8')) };
      } catch { /* unreadable: keep looking up, as Node would not load it either */ }
    }
    if (dirname(dir) === dir) return null;
  }
}

/** Whether every version the range allows is older than `min`, reading upper bounds as well (`>=3.8 <5.0`,
 *  `<=4.9`): each `||` alternative must have a comparator that stops it below `min`. */
function capsBelow(range: string, min: readonly [number, number]): boolean {
  return range.split('||').every((alternative) => alternative.trim().split(/\s+/).some((part) => {
    const m = /^<(=)?\s*v?(\d+)(?:\.(\d+))?/.exec(part);
    if (!m) return olderThan(part, min);
    const [major, minor] = [Number(m[2]), Number(m[3] ?? 0)];
    if (major !== min[0]) return major < min[0];
    return m[1] ? minor < min[1] : minor <= min[1];
  }));
}

/**
 * Whether every version the range (or exact version) allows is older than `min` (5.5 for TypeScript, 3.25.68 for
 * zod): `^4.9.5` allows at most 4.x, `~5.4.0` at most 5.4.x, `5.3.3`/`5.3.x` just that; `>=4`, `^5.0.0`, `*` can
 * give 5.5 or newer. With a patch in `min`, `3.25.67` is older than 3.25.68 but `~3.25.0`, `3.25.x` are not.
 */
export function olderThan(range: string, min: MinVersion): boolean {
  const alternatives = range.split('||').map((r) => r.trim());
  return alternatives.every((r) => {
    const m = /^(\^|~|=|v)?\s*v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?(?:-[\w.]+)?$/.exec(r);
    if (!m) return false;
    const [, op, majorText, minorText, patchText] = m;
    const major = Number(majorText);
    const minor = wildcard(minorText) ? null : Number(minorText);
    const patch = wildcard(patchText) ? null : Number(patchText);
    const [minMajor, minMinor, minPatch = 0] = min;
    if (major !== minMajor) return major < minMajor;
    // Same major: `^5.x` reaches 5.5; `~5.4`, `5.4.x`, `5.4.2` do not.
    if (op === '^' || minor === null) return false;
    if (minor !== minMinor) return minor < minMinor;
    // Same minor: `~3.25.0` and `3.25.x` reach 3.25.68; `3.25.67` does not.
    if (op === '~' || patch === null) return false;
    return patch < minPatch;
  });
}

function wildcard(part: string | undefined): boolean {
  return part === undefined || part === 'x' || part === '*';
}
