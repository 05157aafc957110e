// What planning needs of a file's text besides its tree: its module syntax (module-paths.ts projectFormat), how it
// writes relative imports (import-style.ts) and whether it may call swagger-jsdoc (swagger-jsdoc.ts). Taken by the
// file's own analysis, while the text is at hand, so planning reads no source text of its own: a file's text is
// then read only by its analysis (and its rewrite), which the run record's early cutoff relies on
// (cache/early-cutoff.ts), and a re-run's planning does not read every file a second time.
import { relativeImportCounts, type ImportStyleCounts } from './import-style.js';
import { mayCallDocReader } from './swagger-jsdoc.js';

export interface TextFacts {
  /** Written as an ES module (an `import` or `export` statement opens a line). */
  esm: boolean;
  /** Its relative imports by style; absent when it has none. */
  imports?: ImportStyleCounts;
  /** It names swagger-jsdoc or an options object swagger-jsdoc reads: planning parses it again to find the call. */
  docReader?: true;
}

export function textFacts(code: string): TextFacts {
  const imports = relativeImportCounts(code);
  return {
    esm: /^\s*import\s[^(]/m.test(code) || /^\s*export\s/m.test(code),
    ...(imports.none + imports.js + imports.ts > 0 ? { imports } : {}),
    ...(mayCallDocReader(code) ? { docReader: true as const } : {}),
  };
}
