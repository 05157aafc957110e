// The read-only front half shared by `migrate-api` and `migrate-api check`: one pass over the tree
// that scans routes, reads every doc source, and matches routes to documented operations.
import { existsSync, readdirSync } from 'node:fs';
import { packageRoot } from './package-root.js';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { emptyDocsModel, type DocsModel } from './model.js';
import type { MatchResult, ScanResult } from './plan.js';
import { isFile, linkProject, listSourceFiles, type FileScan } from './scan/index.js';
import { matchRoutes } from './match.js';
import { mergeDocs } from './docs/index.js';
import { readDocSources, type DocSource } from './docs/doc-sources.js';
import { operationKey, unreadDocsWarnings } from './docs/unread-styles.js';
import { Resolver } from './scan/resolve.js';
import { analyzeFile, type AnalyzedFile } from './analyze-file.js';
import type { PreviousDocs } from './zod/previous-module.js';
import { recoverUnrouted } from './unrouted-docs.js';
import type { TextFacts } from './scan/text-facts.js';
import { routeValidators, usesValidatorPackage, type RouteValidators } from './validators/route-validators.js';

export interface Analysis {
  root: string;
  scan: ScanResult;
  docs: DocsModel;
  match: MatchResult;
  specFiles: string[];
  /** Every doc source read: file, style, how it was found, operations (for the report). */
  docSources: DocSource[];
  /** Every diagnostic of the scan, the docs and the match. */
  diagnostics: Diagnostic[];
  /** Each route's validator middleware, translated (MA004); absent when no file imports a validator package. */
  validators?: RouteValidators;
  /** The per-file scans the scan was linked from (handler definitions are followed through them). */
  scans: Map<string, FileScan>;
  /** What planning needs of each readable file's text (scan/text-facts.ts). */
  textFacts: Map<string, TextFacts>;
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
  const textFacts = new Map<string, TextFacts>();
  const perFile: Diagnostic[] = [];
  const sourceDocs: Array<{ file: string; docs: DocsModel }> = [];
  const previous: Array<{ file: string; docs: PreviousDocs }> = [];
  for (const a of analyzed) {
    perFile.push(...a.diagnostics);
    if (a.previousDocs) previous.push({ file: a.file, docs: a.previousDocs });
    if (a.text) textFacts.set(a.file, a.text);
    if (!a.scan) continue;
    scans.set(a.file, a.scan);
    perFile.push(...a.scan.diagnostics);
    if (a.docs) sourceDocs.push({ file: a.file, docs: a.docs });
  }
  const scan = linkProject(root, files, scans, perFile);
  const resolver = new Resolver(scans);
  const read = await readDocSources({
    cwd: packageRoot(root) ?? root,
    files: analyzed.filter((a) => a.loaded || a.docs),
    specFiles: { given: opts.specs ?? [], found: findSpecFiles(given) },
    resolveModule: (from, spec) => resolver.resolveModule(from, spec),
  });
  const specDocs = read.models;
  // Doc blocks no swagger-jsdoc call reads (a dead server2.js documenting the paths the served api.yaml documents)
  // come after the sources a served document holds: the first of two documents of an operation is the one kept.
  const served = sourceDocs.filter((s) => !read.unservedBlocks.has(s.file)).map((s) => s.docs);
  const unserved = sourceDocs.filter((s) => read.unservedBlocks.has(s.file)).map((s) => s.docs);
  // An earlier run's unrouted operations come back only where the file that documented them is no longer read.
  const readFiles = new Set([...files.map((f) => resolve(f)), ...read.specFiles.map((f) => resolve(f)), ...read.sources.map((s) => resolve(s.file))]);
  const stillRead = (file: string) => readFiles.has(resolve(file));
  const docs = mergeDocs([...served, ...specDocs, ...unserved, ...recoveredDocs(previous, [...served, ...specDocs, ...unserved], stillRead)]);
  docs.diagnostics.unshift(...read.diagnostics);
  // comments of generators we do not read: a warning for what no source that is read documents
  const documented = new Set(docs.operations.map((o) => operationKey(o.method, o.path)));
  docs.diagnostics.push(...unreadDocsWarnings(analyzed.flatMap((a) => a.unreadDocs ?? []), (key) => documented.has(key)));
  const match = matchRoutes(scan, docs.operations);
  const validators = usesValidatorPackage(scans.values()) ? routeValidators(match, (from, spec) => resolver.resolveModule(from, spec)) : undefined;
  return {
    root: given, scan, docs, match, specFiles: read.specFiles, docSources: read.sources, scans, textFacts, ...(validators ? { validators } : {}),
    diagnostics: [...scan.diagnostics, ...docs.diagnostics, ...match.diagnostics],
  };
}

/**
 * What only a schemas module written by an earlier run still holds (named schemas, security schemes, shared
 * components, title: their doc blocks became code and went), so doc blocks not yet migrated that `$ref` them
 * still resolve and the module comes out the same again; and the operations no route served whose source is
 * gone (unrouted-docs.ts). Whatever the docs still define wins.
 */
function recoveredDocs(previous: Array<{ file: string; docs: PreviousDocs }>, docs: DocsModel[], stillRead: (file: string) => boolean): DocsModel[] {
  const has = (pick: (d: DocsModel) => Record<string, unknown> | undefined) => new Set(docs.flatMap((d) => Object.keys(pick(d) ?? {})));
  const only = <T>(entries: Record<string, T> | undefined, taken: Set<string>) => Object.fromEntries(Object.entries(entries ?? {}).filter(([k]) => !taken.has(k)));
  const tags = new Set(docs.flatMap((d) => d.tags.map((t) => t.name)));
  return previous.map(({ file, docs: old }) => {
    const { schemas, securitySchemes, ...shared } = old.components ?? {};
    const model = emptyDocsModel();
    model.schemas = only(schemas, has((d) => d.schemas)) as DocsModel['schemas'];
    for (const name of Object.keys(model.schemas)) model.schemaSources[name] = { file, line: 1 };
    model.securitySchemes = only(securitySchemes, has((d) => d.securitySchemes));
    model.components = Object.fromEntries((['parameters', 'requestBodies', 'responses', 'headers'] as const)
      .map((kind) => [kind, only(shared[kind], has((d) => d.components?.[kind]))]));
    model.tags = (old.tags ?? []).filter((t) => !tags.has(t.name));
    if (!docs.some((d) => d.info) && old.info) model.info = old.info;
    if (!docs.some((d) => d.servers) && old.servers) model.servers = old.servers;
    if (!docs.some((d) => d.security) && old.security) model.security = old.security;
    model.operations = recoverUnrouted(old, file, docs.flatMap((d) => d.operations), stillRead);
    return model;
  });
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

export { packageRoot };
