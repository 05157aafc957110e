// A migration's first per-file step: read a file, parse it once, scan it, read its doc blocks and take what
// planning needs of its text, so planning neither parses nor reads it again. The second step, the rewrite, is
// ./migrate-tasks.ts; the run record's early cutoff (cache/early-cutoff.ts) needs only this one.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from './diagnostics.js';
import type { DocsModel } from './model.js';
import { parseSource } from './parse.js';
import { readSourceDocs } from './docs/index.js';
import { findUnreadDocs, type UnreadDocs } from './docs/unread-styles.js';
import { findLoadedDocs, type LoadedDocs } from './docs/loaded-specs.js';
import { scanFile, type FileScan } from './scan/index.js';
import { sha1, type FileReads } from './cache/sha1.js';
import type { Node } from './rules/ast.js';
import { helperCalls } from './send-helpers.js';
import { textFacts, type TextFacts } from './scan/text-facts.js';
import { detachStrings } from './detach-strings.js';
import { isGeneratedSchemasModule, previousDocs, type PreviousDocs } from './zod/previous-module.js';

/** Doc comments can only be where one of these strings is; the rest of the files skip the docs reader. */
export const DOC_MARKERS = ['@openapi', '@swagger', '---'];

export interface AnalyzedFile {
  file: string;
  /** Absent when the file could not be read or parsed (the reason is in `diagnostics`). */
  scan?: FileScan;
  /** Absent when the file holds no doc-comment marker. */
  docs?: DocsModel;
  /** Spec files the code loads and swagger-jsdoc option sites (read once every file is scanned). */
  loaded?: LoadedDocs;
  /** For a schemas module an earlier run wrote: the docs its `apiDocs` keeps. */
  previousDocs?: PreviousDocs;
  /** Doc comments in a generator's style this tool does not read (docs/unread-styles.ts). */
  unreadDocs?: UnreadDocs[];
  /** The read or parse error; the scan's own diagnostics stay in `scan.diagnostics`. */
  diagnostics: Diagnostic[];
  /** Other files the analysis read (`$ref`'d YAML), with their text's hash (null: unreadable): what a cached
   *  analysis depends on besides the file itself. */
  reads?: FileReads;
  /** What planning needs of the text besides the tree; absent when the file could not be read. */
  text?: TextFacts;
}

/** The per-file half of analyzeProject; the AST dies here, so memory stays flat. */
export function analyzeFile(file: string): AnalyzedFile {
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch (err) {
    return { file, diagnostics: [{ code: 'read-error', severity: 'error', message: (err as Error).message, at: { file, line: 1 } }] };
  }
  return analyzeSource(file, code);
}

/** analyzeFile for a text already read: a pure function of (file, code) and the files listed in `reads`. */
export function analyzeSource(file: string, code: string): AnalyzedFile {
  const text = textFacts(code);
  if (isGeneratedSchemasModule(code)) return { ...analyzeSchemasModule(file, code), text };
  const parsed = parseSource(code, file);
  if ('diagnostic' in parsed) return { file, diagnostics: [parsed.diagnostic], text };
  const scan = scanFile(code, file, parsed.ast);
  // What the send-helper finder reads, taken now: the finder would otherwise parse every route file once more.
  scan.helperCalls = helperCalls(parsed.ast.program as unknown as Node);
  // The scan outlives this file's source (it is kept for the cross-file link): its strings must not pin it.
  detachStrings(scan);
  const reads: FileReads = [];
  const docs = DOC_MARKERS.some((m) => code.includes(m))
    ? readSourceDocs(code, file, parsed.ast, (f, text) => reads.push({ file: f, hash: text === null ? null : sha1(text) }))
    : undefined;
  const previous = isGeneratedSchemasModule(code) ? previousDocs(code) : null;
  const loaded = findLoadedDocs(parsed.ast, code, file);
  const hasLoads = loaded.loads.length > 0 || loaded.jsdocOptions.length > 0 || loaded.inlineDocs.length > 0;
  // doc comments of generators we do not read (express-jsdoc-swagger...): analyzeProject warns, never drops them silently
  const unread = findUnreadDocs(parsed.ast, code, file);
  return { file, scan, docs, ...(hasLoads ? { loaded } : {}), ...(previous ? { previousDocs: previous } : {}), ...(unread.length ? { unreadDocs: unread } : {}), diagnostics: [], ...(reads.length ? { reads } : {}), text };
}

/** Our own schemas module declares schemas and no route, mount or doc block: its scan is that of an empty file.
 *  Parsing it would cost the most memory of the run (megabytes of schemas: ~130 MB of tree at 2,000 route
 *  files), and all a later run reads from it is the apiDocs export, by text (previousDocs). */
function analyzeSchemasModule(file: string, code: string): AnalyzedFile {
  const empty = parseSource('', file);
  if ('diagnostic' in empty) return { file, diagnostics: [empty.diagnostic] };
  const previous = previousDocs(code);
  return { file, scan: scanFile('', file, empty.ast), ...(previous ? { previousDocs: previous } : {}), diagnostics: [] };
}
