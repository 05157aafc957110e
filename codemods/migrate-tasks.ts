// The two per-file steps of a migration, as plain functions of plain (structured-cloneable) data, so the same
// code runs in-process (small trees, tests) and in worker threads (codemods/migrate-worker.ts): analysing a file
// (read, parse once, scan, read its doc blocks) and rewriting it from its FilePlan.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from './diagnostics.js';
import type { DocsModel } from './model.js';
import { parseSource } from './parse.js';
import type { FilePlan, FileResult, RouteReport } from './plan.js';
import { readSourceDocs } from './docs/index.js';
import { findLoadedDocs, type LoadedDocs } from './docs/loaded-specs.js';
import { applyFilePlan } from './rules/index.js';
import { takeStatusPackageInputs } from './rules/status-constants.js';
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
  return { file, scan, docs, ...(hasLoads ? { loaded } : {}), ...(previous ? { previousDocs: previous } : {}), diagnostics: [], ...(reads.length ? { reads } : {}), text };
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

export interface RewrittenFile {
  result: FileResult;
  /** The source as read, only when the rewrite changed it (the CLI needs it for diffs and the dirty check). */
  before?: string;
  changed: boolean;
  /** The status packages the rewrite read numbers from (rules/status-constants.ts): installed files, and the
   *  node_modules places looked in before them. */
  reads?: FileReads;
}

export function rewriteFile(plan: FilePlan): RewrittenFile {
  return rewriteSource(plan, readFileSync(plan.file, 'utf8'));
}

/** rewriteFile for a text already read: a pure function of (plan, source). */
export function rewriteSource(plan: FilePlan, source: string): RewrittenFile {
  const { file } = plan;
  let result: FileResult;
  try {
    result = applyFilePlan(source, plan);
  } catch (err) {
    // A rule that throws must never cost the user a file: report it, leave the file as it was.
    const message = (err as Error).message;
    result = {
      file, output: undefined,
      routes: plan.routes.map((r) => ({ file, line: r.at.line, method: r.method, path: r.fullPath, status: 'skipped', reason: `internal error: ${message}` })),
      diagnostics: [{ code: 'unsupported', severity: 'error', message: `rewrite failed, file left unchanged: ${message}`, at: { file, line: 1 } }],
    };
  }
  const changed = result.output !== undefined && result.output !== source;
  const reads = takeStatusPackageInputs(file);
  return { result, before: changed ? source : undefined, changed, ...(reads.length ? { reads } : {}) };
}

/**
 * A file whose every route already carries a spec (and that creates no app to wrap) is one the rules would
 * leave as it is: its result, the same as rewriteFile's, without reading or parsing it again (a re-run's
 * main cost otherwise).
 */
export function alreadyMigrated(plan: FilePlan): RewrittenFile | null {
  if (plan.app || plan.removeComments?.length || plan.routes.length === 0 || plan.routes.some((r) => !r.migrated)) return null;
  const routes = plan.routes.map((r): RouteReport => ({
    file: plan.file, line: r.at.line, method: r.method, path: r.fullPath, status: 'unchanged', reason: `already migrated (${r.migrated})`,
  }));
  return { result: { file: plan.file, output: undefined, routes, diagnostics: [] }, changed: false };
}
