// The read-only front half shared by `migrate-api` and `migrate-api check`: one pass over the tree
// that scans routes, reads every doc source, and matches routes to documented operations.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { File } from '@babel/types';
import type { Diagnostic } from './diagnostics.js';
import type { DocsModel } from './model.js';
import type { MatchResult, ScanResult } from './plan.js';
import { scanProject } from './scan/index.js';
import { matchRoutes } from './match.js';
import { mergeDocs, readSourceDocs, readSpecFile } from './docs/index.js';

export interface Analysis {
  root: string;
  scan: ScanResult;
  docs: DocsModel;
  match: MatchResult;
  specFiles: string[];
  /** Every diagnostic of the scan, the docs and the match. */
  diagnostics: Diagnostic[];
}

export interface AnalyzeOptions {
  /** Spec files named on the command line, besides those found beside the code. */
  specs?: string[];
  /** Sees each parsed source file once (the drift check keeps what it needs of the AST). */
  onParsed?: (file: string, code: string, ast: File) => void;
}

const SPEC_FILE = /^(swagger|openapi)(\.[\w-]+)?\.(ya?ml|json)$/i;
/** Doc comments can only be where one of these strings is; the rest of the files skip the docs reader. */
export const DOC_MARKERS = ['@openapi', '@swagger', '---'];

export async function analyzeProject(rootArg: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const root = resolve(rootArg);
  const sourceDocs: DocsModel[] = [];
  const scan = scanProject(root, {
    onFile: (file: string, code: string, ast: File) => {
      if (DOC_MARKERS.some((m) => code.includes(m))) sourceDocs.push(readSourceDocs(code, file, ast));
      opts.onParsed?.(file, code, ast);
    },
  });
  const specFiles = [...new Set([...(opts.specs ?? []).map((s) => resolve(s)), ...findSpecFiles(root)])];
  const specDocs = await Promise.all(specFiles.map((f) => readSpecFile(f)));
  const docs = mergeDocs([...sourceDocs, ...specDocs]);
  const match = matchRoutes(scan, docs.operations);
  return { root, scan, docs, match, specFiles, diagnostics: [...scan.diagnostics, ...docs.diagnostics, ...match.diagnostics] };
}

/** Spec files live beside the code or at the package root (and its docs/, api/, spec/ folders). */
export function findSpecFiles(root: string): string[] {
  const found: string[] = [];
  for (const dir of new Set([root, packageRoot(root) ?? root])) {
    for (const sub of ['', 'docs', 'api', 'spec']) {
      for (const name of plainFiles(join(dir, sub))) if (SPEC_FILE.test(name)) found.push(join(dir, sub, name));
    }
  }
  return found;
}

function plainFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

export function packageRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
