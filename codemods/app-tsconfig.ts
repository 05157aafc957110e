// The app's own TypeScript and its tsconfig.json as that TypeScript reads it (`extends` followed, its defaults
// applied): what the app's `tsc` runs. Loaded from the app's package root only, never this tool's (typescript is
// a devDependency here, and an app's compiler has its own defaults: `module: commonjs` resolves as node10 in
// TypeScript 5). Asked by the typed rewrite's check (./tsc-checker.ts).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as TS from 'typescript';

export interface AppTsConfig {
  ts: typeof TS;
  /** The app's tsconfig.json. */
  file: string;
  parsed: TS.ParsedCommandLine;
}

/** Null when the app has no tsconfig.json, no typescript installed, or one without the compiler API. */
export function appTsConfig(root: string): AppTsConfig | null {
  const file = join(root, 'tsconfig.json');
  if (!existsSync(file)) return null;
  let ts: typeof TS;
  try {
    const appRequire = createRequire(join(root, 'package.json'));
    ts = appRequire(appRequire.resolve('typescript')) as typeof TS;
  } catch {
    return null;
  }
  if (typeof ts.getParsedCommandLineOfConfigFile !== 'function') return null;
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return parsed ? { ts, file, parsed } : null;
}
