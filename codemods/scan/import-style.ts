// How a project writes its relative imports: `'./users'` (ts-node, ts-jest, CommonJS TypeScript, bundlers),
// `'./users.js'` (NodeNext, native ESM) or `'./users.ts'` (allowImportingTsExtensions). An import the
// migration adds follows the same convention: `'./api-schemas.js'` in a project that resolves no `.js` to a
// `.ts` file stops it at load.
import { readFileSync } from 'node:fs';

export type ImportStyle = 'none' | 'js' | 'ts';

// `from './x'`, `require('./x')`, `import('./x')`, `import x = require('./x')`.
const RELATIVE = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])(\.\.?\/[^'"\n]+)\1/g;
const DATA_EXT = /^(json|node|wasm|css|scss|sass|less|html?|svg|png|jpe?g|gif|webp|ico|txt|md|ya?ml|graphql|gql|proto|sql)$/i;
/** Read at most this many files: the convention shows in the first few; a huge tree is not read twice. */
const MAX_FILES = 200;

/** The majority style of the relative imports in `files` (null: none found, or a tie). Non-code files
 *  (`./data.json`, `./style.css`) do not count. */
export function relativeImportStyle(files: readonly string[]): ImportStyle | null {
  const counts: Record<ImportStyle, number> = { none: 0, js: 0, ts: 0 };
  for (const file of files.slice(0, MAX_FILES)) {
    let code: string;
    try { code = readFileSync(file, 'utf8'); } catch { continue; }
    for (const m of code.matchAll(RELATIVE)) {
      const ext = /\.([a-z]+)$/i.exec(m[2]!.split('/').pop()!)?.[1];
      if (ext && /^[cm]?jsx?$/.test(ext)) counts.js++;
      else if (ext && /^[cm]?tsx?$/.test(ext)) counts.ts++;
      // `./user.service` has no extension; `./data.json` is not code.
      else if (!ext || !DATA_EXT.test(ext)) counts.none++;
    }
  }
  const ranked = (Object.entries(counts) as Array<[ImportStyle, number]>).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 && ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : null;
}
