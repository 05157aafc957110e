// The one write outside the code: a migrated app imports migrate-api and zod, so its package.json must list them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedWrite } from './migrate.js';
import { packageRoot } from './package-root.js';
import { ownPackage } from './own-package.js';

/** Adds migrate-api and zod to the app's package.json dependencies when missing; never installs. An app's own
 *  zod stays as it is: a zod 3.25 app keeps zod 3 for its own code, the migrated code imports `zod/v4`
 *  (./zod-import.ts). */
export function packageJsonChange(root: string): PlannedWrite | null {
  const dir = packageRoot(root);
  if (!dir) return null;
  const file = join(dir, 'package.json');
  const before = readFileSync(file, 'utf8');
  let pkg: { name?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
  try { pkg = JSON.parse(before); } catch { return null; }
  if (pkg.name === 'migrate-api') return null;
  const has = (name: string) => !!(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? pkg.peerDependencies?.[name]);
  const missing = (['migrate-api', 'zod'] as const).filter((n) => !has(n));
  if (missing.length === 0) return null;
  const versions: Record<string, string> = { 'migrate-api': `^${ownPackage()?.version ?? '0.1.0'}`, zod: '^4.1.0' };
  pkg.dependencies = { ...pkg.dependencies };
  for (const n of missing) pkg.dependencies[n] = versions[n];
  const indent = /^\{\n(\s+)"/.exec(before)?.[1] ?? '  ';
  return { file, before, after: JSON.stringify(pkg, null, indent) + (before.endsWith('\n') ? '\n' : '') };
}

/** The dependencies a packageJsonChange write added (`migrate-api`, `zod`), for the CLI's note. */
export function addedDependencies(write: Pick<PlannedWrite, 'before' | 'after'>): string[] {
  const deps = (text: string | null) => { try { return JSON.parse(text ?? '{}').dependencies ?? {}; } catch { return {}; } };
  const before = deps(write.before);
  return Object.keys(deps(write.after)).filter((name) => !(name in before));
}
