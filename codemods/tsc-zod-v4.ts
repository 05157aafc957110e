// An app on zod 3.25 gets migrated code that imports `zod/v4` (./zod-import.ts), and so do migrate-api/compat's
// types. zod 3.25.0 to 3.25.27 provide `zod/v4` only through package.json `exports` (3.25.28 and zod 4 also ship
// a v4/ folder with its index.d.ts); a tsconfig whose module resolution does not read `exports` (node10, which
// `module: commonjs` without `moduleResolution` means in TypeScript 5, or classic) cannot find it, and the app's
// tsc stops: TS2307 "Cannot find module 'zod/v4'". Node reads `exports`, so the app still loads and answers; only
// compiling breaks. Checked by hand: zod 3.25.20, TypeScript 5.9.3, `module: commonjs`, skipLibCheck: TS2307 after
// migration; zod 3.25.28, or module and moduleResolution node16, or the `paths` below compile. The typed rewrite's
// check (./tsc-checker.ts) does not see it: it resolves what the app cannot (zod, migrate-api) from this tool.
// So the CLI stops before anything is written (exit 2, the fixes) unless the app's own TypeScript, given its
// tsconfig.json (`extends`, `paths`, its defaults), resolves `zod/v4` already.
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { appTsConfig } from './app-tsconfig.js';
import { packageRoot } from './package-root.js';
import { installedManifest, type TypeScriptFinding } from './peer-versions.js';

export interface TscZodV4Finding {
  zod: TypeScriptFinding;
  typescript: string;
  tsconfig: string;
  /** The module resolution tsc uses (`node10`, `classic`), for the message. */
  resolution: string;
  /** `paths` entries mapping `zod/v4` (and `zod/v4/core`, which zod's own declarations import) to the installed
   *  zod's declarations, relative to where a `paths` entry of tsconfig.json is read from. */
  paths: Record<string, string>;
}

type ZodManifest = { file: string; version?: unknown; exports?: Record<string, unknown> };

/** The app's tsc when it cannot resolve the `zod/v4` the migrated code would import; null when fine or unknown
 *  (no tsconfig.json, no typescript or zod installed, a JavaScript app tsc does not check). */
export function tscCannotResolveZodV4(target: string): TscZodV4Finding | null {
  const root = packageRoot(target);
  if (!root) return null;
  const zod = installedManifest(root, 'zod') as ZodManifest | null;
  // Only a zod whose `zod/v4` lives in `exports` alone can fail: the app's compiler is not loaded otherwise.
  if (!zod || typeof zod.version !== 'string' || !zod.exports?.['./v4'] || existsSync(join(dirname(zod.file), 'v4', 'index.d.ts'))) return null;
  const app = appTsConfig(root);
  if (!app) return null;
  const { ts, parsed } = app;
  if (!checksTypeScript(parsed)) return null;
  const probe = join(root, '__migrate_api_probe__.ts');
  if (ts.resolveModuleName('zod/v4', probe, parsed.options, ts.sys).resolvedModule) return null;
  // The resolution tsc uses with its defaults applied (not in TypeScript's typed API, hence the check), for the message.
  const effective = (ts as unknown as { getEmitModuleResolutionKind?: (o: typeof parsed.options) => number }).getEmitModuleResolutionKind;
  const kind = typeof effective === 'function' ? effective(parsed.options) : parsed.options.moduleResolution;
  const base = parsed.options.baseUrl ?? dirname(app.file);
  const paths: Record<string, string> = {};
  for (const sub of ['v4', 'v4/core']) {
    const file = declarationsOf(zod.exports[`./${sub}`]);
    if (file) paths[`zod/${sub}`] = asRelative(relative(base, join(dirname(zod.file), file)));
  }
  return {
    zod: { version: zod.version, from: zod.file }, typescript: ts.version, tsconfig: app.file,
    resolution: kind === undefined ? 'its default' : (ts.ModuleResolutionKind[kind] ?? String(kind)).toLowerCase(), paths,
  };
}

export function tscZodV4Message({ zod, typescript, tsconfig, resolution, paths }: TscZodV4Finding): string {
  const entries = Object.entries(paths).map(([k, v]) => `"${k}": ["${v}"]`).join(', ');
  const mapping = entries ? `{ ${entries} }` : `{ "zod/v4": ["<the file zod's package.json exports["./v4"].require.types names>"] }`;
  return `${tsconfig} resolves modules as ${resolution} (TypeScript ${typescript}), which does not read package.json "exports", `
    + `and zod ${zod.version} (${zod.from}) provides \`zod/v4\` only there: the migrated code and migrate-api/compat import \`zod/v4\`, `
    + `so the app's tsc would fail (TS2307: Cannot find module 'zod/v4').\n`
    + `Fix: upgrade zod (npm install zod@^3.25.28 keeps zod 3 for the app's own code; or zod@^4, code written for zod 3 may need changes), `
    + `or map it in ${tsconfig}'s compilerOptions.paths: ${mapping}, `
    + `or resolve modules as node16 ("module": "node16", "moduleResolution": "node16"; or "bundler" with an ES module setting); `
    + `or pass --force to migrate anyway.`;
}

/** Whether tsc type-checks the app's code: TypeScript files among its inputs, or `checkJs`. A JavaScript app whose
 *  tsconfig.json only serves the editor reports nothing about an unresolved `require('zod/v4')`. */
function checksTypeScript(parsed: { fileNames: string[]; options: { checkJs?: boolean } }): boolean {
  return !!parsed.options.checkJs || parsed.fileNames.some((f) => /\.[cm]?tsx?$/.test(f) && !/\.d\.[cm]?ts$/.test(f));
}

/** The declarations an `exports` entry gives `require` (else `import`, else its own `types`). */
function declarationsOf(entry: unknown): string | null {
  const e = entry as { types?: unknown; require?: { types?: unknown }; import?: { types?: unknown } } | undefined;
  const file = e?.require?.types ?? e?.import?.types ?? e?.types;
  return typeof file === 'string' ? file.replace(/^\.\//, '') : null;
}

function asRelative(path: string): string {
  const posix = path.split(sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}
