// An app on zod 3.25 gets migrated code that imports `zod/v4` (./zod-import.ts), and so does migrate-api/compat.
// zod 3.25 ships that entry only through package.json `exports` (zod 4 also has a zod/v4/package.json); jest
// before 28 ignores `exports`, finds zod/v4/index.js, an ES module, and every test that loads migrated code fails
// with "Cannot use import statement outside a module". Node, vitest and jest 28+ read `exports` and are fine.
// So the CLI stops before anything is written (exit 2, the fix), unless the app's jest config already maps it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import { foundVersion, installedManifest, olderThan, type TypeScriptFinding } from './peer-versions.js';
import { canBeZod3 } from './zod-import.js';

/** The first jest whose resolver reads package.json `exports`. */
export const JEST_MIN_EXPORTS = [28, 0] as const;

const JEST_CONFIGS = ['jest.config.js', 'jest.config.cjs', 'jest.config.mjs', 'jest.config.ts', 'jest.config.json'];

export interface JestZodV4Finding {
  jest: TypeScriptFinding;
  zod: TypeScriptFinding;
  /** The file zod's `exports` gives `require('zod/v4')`, as a module path for moduleNameMapper; null when zod is not installed. */
  mapTo: string | null;
}

/** The app's jest when it cannot load the `zod/v4` the migrated code would import; null when fine. */
export function jestCannotLoadZodV4(target: string): JestZodV4Finding | null {
  const root = packageRoot(target);
  if (!root) return null;
  const zod = foundVersion(root, 'zod');
  if (!zod || !canBeZod3(zod.version)) return null;
  const jest = foundVersion(root, 'jest');
  if (!jest || !olderThan(jest.version, JEST_MIN_EXPORTS) || mapsZodV4(root)) return null;
  return { jest, zod, mapTo: zodV4RequireFile(root) };
}

export function jestZodV4Message({ jest, zod, mapTo }: JestZodV4Finding): string {
  const target = mapTo ?? 'zod/<the file zod\'s package.json exports["./v4"].require names>';
  return `jest ${jest.version} (${jest.from}) does not read package.json "exports" (jest 28 does), and the migrated code imports \`zod/v4\` `
    + `from zod ${zod.version} (${zod.from}), which provides it only there: every test that loads migrated code would fail with `
    + `"Cannot use import statement outside a module".\n`
    + `Fix: map it in the jest config (moduleNameMapper: { "^zod/v4$": "${target}" }), or upgrade jest (npm install --save-dev jest@^29), `
    + `or zod (npm install zod@^4; code written for zod 3 may need changes); or pass --force to migrate anyway.`;
}

/** Whether the app's jest config (package.json `jest`, a jest.config.* file) already names `zod/v4`. */
function mapsZodV4(root: string): boolean {
  try {
    const mapper = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).jest?.moduleNameMapper ?? {};
    if (Object.keys(mapper).some((pattern) => safeTest(pattern, 'zod/v4'))) return true;
  } catch { /* an unreadable package.json maps nothing */ }
  return JEST_CONFIGS.some((name) => existsSync(join(root, name)) && readFileSync(join(root, name), 'utf8').includes('zod/v4'));
}

function safeTest(pattern: string, value: string): boolean {
  try { return new RegExp(pattern).test(value); } catch { return false; }
}

function zodV4RequireFile(root: string): string | null {
  const manifest = installedManifest(root, 'zod') as { exports?: Record<string, unknown> } | null;
  const entry = manifest?.exports?.['./v4'] as { require?: string | { default?: string } } | undefined;
  const file = typeof entry?.require === 'string' ? entry.require : entry?.require?.default;
  return typeof file === 'string' ? `zod/${file.replace(/^\.\//, '')}` : null;
}
