// How a project writes its relative imports: `'./users'` (ts-node, ts-jest, CommonJS TypeScript, bundlers),
// `'./users.js'` (NodeNext, native ESM) or `'./users.ts'` (allowImportingTsExtensions). An import the
// migration adds follows the same convention: `'./api-schemas.js'` in a project that resolves no `.js` to a
// `.ts` file stops it at load.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc } from './tsconfig.js';

export type ImportStyle = 'none' | 'js' | 'ts';

// `from './x'`, `require('./x')`, `import('./x')`, `import x = require('./x')`.
const RELATIVE = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])(\.\.?\/[^'"\n]+)\1/g;
const DATA_EXT = /^(json|node|wasm|css|scss|sass|less|html?|svg|png|jpe?g|gif|webp|ico|txt|md|ya?ml|graphql|gql|proto|sql)$/i;
/** Count at most this many files: the convention shows in the first few. */
const MAX_FILES = 200;

export type ImportStyleCounts = Record<ImportStyle, number>;

/** One file's relative imports by style. Non-code files (`./data.json`, `./style.css`) do not count. */
export function relativeImportCounts(code: string): ImportStyleCounts {
  const counts: ImportStyleCounts = { none: 0, js: 0, ts: 0 };
  for (const m of code.matchAll(RELATIVE)) {
    const ext = /\.([a-z]+)$/i.exec(m[2]!.split('/').pop()!)?.[1];
    if (ext && /^[cm]?jsx?$/.test(ext)) counts.js++;
    else if (ext && /^[cm]?tsx?$/.test(ext)) counts.ts++;
    // `./user.service` has no extension; `./data.json` is not code.
    else if (!ext || !DATA_EXT.test(ext)) counts.none++;
  }
  return counts;
}

/** The majority style of the relative imports in `files`, from each file's counts (its analysis took them;
 *  undefined: unreadable or none); null when none is found, or a tie. */
export function relativeImportStyle(files: readonly string[], countsOf: (file: string) => ImportStyleCounts | undefined): ImportStyle | null {
  const counts: ImportStyleCounts = { none: 0, js: 0, ts: 0 };
  for (const file of files.slice(0, MAX_FILES)) {
    const c = countsOf(file);
    if (!c) continue;
    counts.none += c.none;
    counts.js += c.js;
    counts.ts += c.ts;
  }
  const ranked = (Object.entries(counts) as Array<[ImportStyle, number]>).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 && ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : null;
}

/**
 * The style a TypeScript project's compiler options call for, when its own relative imports do not say (a
 * project importing through tsconfig `paths` aliases only, `@routes/users`): `'./x.js'` for `node16`/`nodenext`
 * resolution (Node's ESM needs the extension), none otherwise (`node`/`node10` under ts-jest or ts-node, and
 * bundlers, resolve `'./x'` and not `'./x.js'` to a `.ts` file). Reads `<root>/tsconfig.json` only (not its
 * `extends`); null without one.
 */
export function tsconfigImportStyle(root: string): ImportStyle | null {
  let options: Record<string, unknown>;
  try {
    const config = parseJsonc(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions?: Record<string, unknown> };
    options = config.compilerOptions ?? {};
  } catch {
    return null;
  }
  const resolution = String(options.moduleResolution ?? options.module ?? '').toLowerCase();
  return /^node(16|next)$/.test(resolution) ? 'js' : 'none';
}
