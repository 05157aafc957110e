// Spec files (swagger.yaml, openapi.json, ...): parsed with positions, `$ref`s to other files followed
// relative to the referencing file. swagger-parser (json-schema-ref-parser) finds and reads every file the
// refs reach, through a parser plugin that keeps each file's YAML positions; the normalizer then follows
// the refs itself so that schemas in other files become named components instead of anonymous copies.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type SwaggerParser from '@apidevtools/swagger-parser';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { isObject, type SourceDoc } from './context.js';
import { blockDocument, isFragmentKey } from './jsdoc.js';
import { combine, mergeDocs } from './merge.js';
import { normalizeRaw } from './normalize.js';
import { parseYaml, type YamlSource } from './yaml-source.js';

export async function readSpecFile(path: string): Promise<DocsModel> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return { ...emptyDocsModel(), diagnostics: [{ code: 'unsupported', severity: 'error', message: `cannot read spec file: ${(err as Error).message}`, at: { file: path, line: 1 } }] };
  }
  const root = parseYaml(text, path);
  if (root.diagnostics.length) return { ...emptyDocsModel(), diagnostics: root.diagnostics };
  const model = emptyDocsModel();
  const value = root.value;
  const versioned = isObject(value) && (value.swagger !== undefined || value.openapi !== undefined);
  // swagger-jsdoc also reads YAML files listed in `apis`: fragments like its comment blocks, path-keyed or holding
  // only shared parts (a file of Swagger 2.0 `parameters` its blocks `$ref`, swagger-jsdoc's own example app)
  const fragment = isObject(value) && !versioned && value.paths === undefined && Object.keys(value).some(isFragmentKey);
  if (!versioned && !fragment) {
    model.diagnostics.push({ code: 'unsupported', severity: 'warning', message: 'no `swagger` or `openapi` version key: read as OpenAPI 3.1', at: root.locate('') });
  }
  const files = /\$ref['"]?\s*:\s*['"]?[^#'"\s]/.test(text) ? await loadReferencedFiles(path, model) : new Map<string, YamlSource>();
  const load = (file: string): SourceDoc | undefined => files.get(resolve(file));
  const doc: SourceDoc = fragment
    ? blockDocument(value as Record<string, unknown>, path, root.locate, model.diagnostics)
    : { file: path, value, locate: root.locate };
  const normalized = normalizeRaw(doc, { style: 'spec-file', load, fragment });
  normalized.diagnostics.unshift(...model.diagnostics);
  // a fragment's refs to components of other doc sources stay pending until mergeDocs sees them all
  return fragment ? combine([normalized]) : mergeDocs([normalized]);
}

/** Every local file reachable through `$ref`s, parsed with positions, by absolute path. Remote refs are not
 *  fetched (a migration must not depend on the network); they are reported as missing by the normalizer. */
async function loadReferencedFiles(path: string, model: DocsModel): Promise<Map<string, YamlSource>> {
  const files = new Map<string, YamlSource>();
  const base = dirname(path);
  const absBase = resolve(base);
  const yamlPlugin = {
    order: 1,
    canParse: true,
    parse(file: { url: string; data: Buffer | string }) {
      const abs = resolve(file.url);
      const shown = abs === resolve(path) ? path : join(base, relative(absBase, abs));
      const parsed = parseYaml(typeof file.data === 'string' ? file.data : file.data.toString('utf8'), shown);
      if (abs !== resolve(path)) {
        files.set(abs, parsed);
        model.diagnostics.push(...parsed.diagnostics);
      }
      return parsed.value ?? {};
    },
  };
  try {
    // Loaded here: swagger-parser brings ajv and its schemas (~0.1 s), and most trees have no spec file.
    const { default: parser } = await import('@apidevtools/swagger-parser');
    await parser.resolve(resolve(path), {
      continueOnError: true,
      resolve: { http: false, external: true },
      parse: { json: false, yaml: false, text: false, binary: false, positions: yamlPlugin },
    } as unknown as SwaggerParser.Options);
  } catch {
    // what could not be read shows up as ref-missing when the normalizer follows the ref
  }
  return files;
}
