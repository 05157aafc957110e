// Every doc source of a tree, once all files are scanned: the doc blocks of the source files, spec files found
// beside the code or named with --spec, the spec files the code loads (loaded-specs.ts), swagger-jsdoc's options
// (jsdoc-options.ts) with the YAML files its `apis` globs name, and the base path its servers put the blocks
// under. The list of sources goes to the report (file, style, how it was found, operations), so a user sees
// what was read — and what was not.
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { DocsModel } from '../model.js';
import { applyBasePath } from './base-path.js';
import { apisDocFiles, inApis, readInlineDocument, readJsdocOptions, type JsdocOptions } from './jsdoc-options.js';
import type { LoadedDocs } from './loaded-specs.js';
import { readSpecFile } from './spec-file.js';
import { StaticEvaluator } from './static-value.js';

export interface DocSource {
  file: string;
  style: 'jsdoc' | 'flasgger' | 'spec-file' | 'swagger-jsdoc options' | 'document in code';
  /** How it was found: `doc comments`, `beside the code`, `--spec`, `require at src/app.js:3`, `apis glob of ...`. */
  via: string;
  operations: number;
  basePath?: string;
}

export interface DocSourcesInput {
  /** The package root: relative fs paths, `apiSpec` strings and `apis` globs are relative to it (the app's cwd). */
  cwd: string;
  files: Array<{ file: string; loaded?: LoadedDocs; docs?: DocsModel }>;
  /** Spec files found beside the code, and those named on the command line. */
  specFiles: { found: string[]; given: string[] };
  resolveModule: (from: string, spec: string) => string | null | undefined;
}

export interface DocSourcesResult {
  /** Models to merge besides the per-file doc blocks (which are changed in place: base paths applied). */
  models: DocsModel[];
  specFiles: string[];
  sources: DocSource[];
  diagnostics: Diagnostic[];
  /** Files whose doc blocks no swagger-jsdoc `apis` glob of the tree reads, where every options object's `apis`
   *  is known: no served document holds them, so another source documenting the same operation comes first. */
  unservedBlocks: Set<string>;
}

function sameCall(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.line === b.line && a.col === b.col;
}

/** A document the code reads is only docs when it says which version of the format it is. */
function looksLikeSpec(file: string): boolean {
  try {
    return /(^|[{,\s])["']?(swagger|openapi)["']?\s*:\s*["']?\d/m.test(readFileSync(file, 'utf8').slice(0, 4096));
  } catch {
    return false;
  }
}

export async function readDocSources(input: DocSourcesInput): Promise<DocSourcesResult> {
  const diagnostics: Diagnostic[] = [];
  const sources: DocSource[] = [];
  const via = new Map<string, string>();
  for (const f of input.specFiles.given) via.set(resolve(f), '--spec');
  for (const f of input.specFiles.found) if (!via.has(resolve(f))) via.set(resolve(f), 'found beside the code');

  // 1. swagger-jsdoc options, and the YAML files of their `apis`
  const evaluator = new StaticEvaluator({ resolveModule: input.resolveModule, what: 'swaggerJsdoc options' });
  const options: JsdocOptions[] = [];
  for (const f of input.files) for (const site of f.loaded?.jsdocOptions ?? []) options.push(readJsdocOptions(f.file, site, evaluator, input.cwd));
  const apisFiles = new Map<string, JsdocOptions>();
  for (const o of options) {
    for (const y of o.apis ? apisDocFiles(input.cwd, o.apis) : []) {
      if (!apisFiles.has(y)) apisFiles.set(y, o);
      if (!via.has(y)) via.set(y, `apis glob of the swaggerJsdoc options at ${relative(input.cwd, o.at.file)}:${o.at.line}`);
    }
  }

  // 2. spec files the code loads
  for (const f of input.files) {
    for (const load of f.loaded?.loads ?? []) {
      const where = `${load.via} at ${relative(input.cwd, load.at.file)}:${load.at.line}`;
      if (!load.path) {
        diagnostics.push({ code: 'doc-source-unread', severity: 'warning', at: load.at, message: `the API document of ${load.via} is not read: ${load.why}; pass it with --spec` });
        continue;
      }
      const abs = load.cwd ? resolve(input.cwd, load.path) : load.path;
      if (!existsSync(abs)) {
        if (load.explicit) diagnostics.push({ code: 'doc-source-unread', severity: 'warning', at: load.at, message: `${load.via} loads ${abs}, which does not exist; pass the document with --spec` });
        continue;
      }
      if (via.has(abs)) continue;
      if (!looksLikeSpec(abs)) {
        if (load.explicit) diagnostics.push({ code: 'doc-source-unread', severity: 'warning', at: load.at, message: `${load.via} loads ${abs}, which has no \`swagger\` or \`openapi\` version key; not read as docs` });
        continue;
      }
      via.set(abs, where);
    }
  }

  // 3. documents written in code and handed to setup()/apiSpec
  const inline: DocsModel[] = [];
  const inlineEvaluator = new StaticEvaluator({ resolveModule: input.resolveModule, what: 'API document' });
  for (const f of input.files) {
    for (const site of f.loaded?.inlineDocs ?? []) {
      const model = readInlineDocument(f.file, site, inlineEvaluator);
      // swaggerJsdoc(options) in another module (`setup(require('./swagger'))`): read there, through its options
      if (model && 'swaggerJsdocCall' in model && options.some((o) => sameCall(o.at, model.swaggerJsdocCall))) continue;
      if (!model || 'swaggerJsdocCall' in model) {
        diagnostics.push({ code: 'doc-source-unread', severity: 'warning', at: site.at, message: `the API document of ${site.via} is not a literal OpenAPI/Swagger document; pass it with --spec` });
        continue;
      }
      inline.push(model);
      const base = model.operations.find((op) => op.basePath)?.basePath;
      sources.push({ file: f.file, style: 'document in code', via: `${site.via} at line ${site.at.line}`, operations: model.operations.length, ...(base ? { basePath: base } : {}) });
    }
  }

  const specFiles = [...via.keys()];
  const specModels = await Promise.all(specFiles.map((f) => readSpecFile(f)));

  // 4. the options' base path: swagger-jsdoc puts every block of its `apis` into the one document it serves
  for (const o of options) {
    if (!o.base) continue;
    for (const f of input.files) {
      if (!f.docs || !inApis(f.file, o.apis)) continue;
      const blocks = f.docs.operations.filter((op) => op.style === 'jsdoc');
      if (!blocks.length) continue;
      const part = { ...f.docs, operations: blocks, diagnostics: [] as Diagnostic[] };
      applyBasePath(part, o.base, o.at, f.file);
      diagnostics.push(...part.diagnostics);
    }
    specFiles.forEach((file, i) => {
      if (apisFiles.get(file) === o) applyBasePath(specModels[i]!, o.base!, o.at, file);
    });
  }

  for (const o of options) {
    sources.push({ file: o.at.file, style: 'swagger-jsdoc options', via: `swaggerJsdoc(...) at line ${o.at.line}`, operations: o.model.operations.length, ...(o.base ? { basePath: o.base.path } : {}) });
  }
  for (const f of input.files) {
    for (const style of ['jsdoc', 'flasgger'] as const) {
      const ops = f.docs?.operations.filter((op) => op.style === style) ?? [];
      if (ops.length) sources.push({ file: f.file, style, via: 'doc comments', operations: ops.length, ...(ops[0]!.basePath ? { basePath: ops[0]!.basePath } : {}) });
    }
  }
  specFiles.forEach((file, i) => {
    const m = specModels[i]!;
    const base = m.operations.find((op) => op.basePath)?.basePath;
    sources.push({ file, style: 'spec-file', via: via.get(file)!, operations: m.operations.length, ...(base ? { basePath: base } : {}) });
  });
  const withBlocks = input.files.filter((f) => f.docs?.operations.some((op) => op.style === 'jsdoc'));
  const unservedBlocks = new Set<string>();
  if (options.length && options.every((o) => o.apis)) {
    for (const f of withBlocks) if (!options.some((o) => inApis(f.file, o.apis))) unservedBlocks.add(f.file);
  }
  // Options whose `apis` read no doc block and no doc file build a document without operations: its info and
  // servers are not the API's where another source documents it (the dead server2.js's title over api.yaml's).
  const othersDocument = [...inline, ...specModels].some((m) => m.operations.length > 0);
  const documents = (o: JsdocOptions) => !othersDocument || !o.apis || withBlocks.some((f) => inApis(f.file, o.apis)) || [...apisFiles.values()].includes(o);
  const [reading, idle] = [options.filter(documents), options.filter((o) => !documents(o))];
  return { models: [...reading.map((o) => o.model), ...inline, ...specModels, ...idle.map((o) => o.model)], specFiles, sources, diagnostics, unservedBlocks };
}
