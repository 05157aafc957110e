// Where the schemas module goes and how the code that uses it imports it, in the project's own module format
// (TS, ESM or CommonJS) and import style: a generated import the project could not resolve breaks the app.
import { readFileSync } from 'node:fs';
import { dirname, extname, join, relative, sep } from 'node:path';
import type { ScanResult } from './plan.js';
import { isFile } from './scan/index.js';
import type { ImportStyle } from './scan/import-style.js';
import { isGeneratedSchemasModule } from './zod/previous-module.js';

export type ModuleFormat = 'ts' | 'js' | 'cjs';

/**
 * Where the schemas module goes: where an earlier run put it (one module per app: two would register the same
 * `.meta({ id })` twice); else beside the code that imports it (`src/` when the routes live there, so a tsconfig
 * rooted there includes it) — inside the target when the target is a folder, so a folder's migration writes only
 * inside that folder (and package.json).
 */
export function schemasModulePath(scan: ScanResult, format: ModuleFormat, { root, target, inTarget }: { root: string; target: string; inTarget: (file: string) => boolean }): string {
  const earlier = scan.files.filter((f) => /[\\/]api-schemas\.(ts|js|cjs)$/.test(f)).sort()
    .find((f) => { try { return isGeneratedSchemasModule(readFileSync(f, 'utf8')); } catch { return false; } });
  if (earlier) return earlier;
  const name = `api-schemas.${format === 'ts' ? 'ts' : format === 'cjs' ? 'cjs' : 'js'}`;
  const codeFiles = [...scan.routes.map((r) => r.file), ...scan.routers.map((r) => r.file)];
  const wholeApp = commonDir(codeFiles) ?? root;
  if (isFile(target) || wholeApp === target || inTarget(wholeApp)) return join(wholeApp, name);
  return join(commonDir(codeFiles.filter(inTarget)) ?? target, name);
}

/** The deepest folder holding all the given files. */
function commonDir(files: string[]): string | null {
  if (files.length === 0) return null;
  let dir = dirname(files[0]!);
  for (const f of files) while (!f.startsWith(dir + sep) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * The specifier in the project's own convention (scan/import-style.ts): TS imports the emitted `.js` unless the
 * project writes no extension (ts-node, ts-jest) or `.ts`; ESM keeps `.js` unless the project writes none
 * (a bundler resolves it). A `.cjs` module keeps its extension: require() does not try `.cjs`.
 */
export function importSpecifier(fromFile: string, toFile: string, format: ModuleFormat, style: ImportStyle | null): string {
  let spec = relative(dirname(fromFile), toFile).split(sep).join('/');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  if (format === 'ts') return style === 'none' ? spec.replace(/\.ts$/, '') : style === 'ts' ? spec : spec.replace(/\.ts$/, '.js');
  if (format === 'js' && style === 'none') return spec.replace(/\.js$/, '');
  return spec;
}

/** The project's module style, from its route files: TS if any is TS, else CommonJS or ESM by majority
 *  (`esm`: the syntax each file's analysis saw, scan/text-facts.ts). */
export function projectFormat(files: string[], esm: (file: string) => boolean): ModuleFormat {
  if (files.some((f) => /\.[cm]?tsx?$/.test(f))) return 'ts';
  let cjs = 0;
  let esmFiles = 0;
  for (const f of new Set(files)) {
    const ext = extname(f);
    if (ext === '.cjs') cjs++;
    else if (ext === '.mjs') esmFiles++;
    else if (esm(f)) esmFiles++;
    else cjs++;
  }
  return esmFiles > cjs ? 'js' : 'cjs';
}
