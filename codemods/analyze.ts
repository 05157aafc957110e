// The read-only front half shared by `migrate-api` and `migrate-api check`: one pass over the tree
// that scans routes, reads every doc source, and matches routes to documented operations.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { DocsModel } from './model.js';
import type { MatchResult, ScanResult } from './plan.js';
import { linkProject, listSourceFiles, type FileScan } from './scan/index.js';
import { matchRoutes } from './match.js';
import { mergeDocs, readSpecFile } from './docs/index.js';
import { analyzeFile, type AnalyzedFile } from './migrate-tasks.js';

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
  /** The source files (default: every source file under root). */
  files?: string[];
  /** The per-file half (read, parse once, scan, doc blocks): in-process by default, a worker pool's in the CLI. */
  analyzeFile?: (file: string) => Promise<AnalyzedFile>;
}

export async function analyzeProject(rootArg: string, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const given = resolve(rootArg);
  // A single file as the root: its directory is the root the result's paths are under (as in scanProject).
  const root = isFile(given) ? dirname(given) : given;
  const files = opts.files ?? listSourceFiles(given);
  const perFileStep = opts.analyzeFile ?? (async (file: string) => analyzeFile(file));
  const analyzed = await Promise.all(files.map((f) => perFileStep(f)));
  const scans = new Map<string, FileScan>();
  const perFile: Diagnostic[] = [];
  const sourceDocs: DocsModel[] = [];
  for (const a of analyzed) {
    perFile.push(...a.diagnostics);
    if (!a.scan) continue;
    scans.set(a.file, a.scan);
    perFile.push(...a.scan.diagnostics);
    if (a.docs) sourceDocs.push(a.docs);
  }
  const scan = linkProject(root, files, scans, perFile);
  const specFiles = [...new Set([...(opts.specs ?? []).map((s) => resolve(s)), ...findSpecFiles(given)])];
  const specDocs = await Promise.all(specFiles.map((f) => readSpecFile(f)));
  const docs = mergeDocs([...sourceDocs, ...specDocs]);
  const match = matchRoutes(scan, docs.operations);
  return { root: given, scan, docs, match, specFiles, diagnostics: [...scan.diagnostics, ...docs.diagnostics, ...match.diagnostics] };
}

function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

const SPEC_FILE = /^(swagger|openapi)(\.[\w-]+)?\.(ya?ml|json)$/i;

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
