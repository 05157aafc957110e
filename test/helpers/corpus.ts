// The corpus of the proof: every document of @readme/oas-examples (Swagger 2.0, OpenAPI 3.0, 3.1),
// and from each normalized docs model every schema worth checking — the named components and the
// inline schemas of operations (parameters, request bodies, responses, response headers).
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../../codemods/diagnostics.js';
import { readSpecFile } from '../../codemods/docs/index.js';
import type { DocsModel, JsonSchema } from '../../codemods/model.js';
import { emitSchemasModule, type ModuleFormat, type SchemaExports } from '../../codemods/zod/module.js';
import { refName, type Variant } from './ajv.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const OAS_EXAMPLES = join(ROOT, 'node_modules', '@readme', 'oas-examples');

/** Every `.json` document under oas-examples/{2.0,3.0,3.1}/json (sub-folders included), sorted. */
export function exampleDocuments(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
  return ['2.0', '3.0', '3.1'].flatMap((v) => walk(join(OAS_EXAMPLES, v, 'json'))).sort();
}

/** `3.0/json/petstore.json` — how a document is named in reports (relative to its corpus folder). */
export function documentLabel(file: string, root = OAS_EXAMPLES): string {
  return relative(root, file);
}

export interface CorpusSchema {
  /** Key of the schema in the record handed to the emitter (a component name, or a synthetic one). */
  name: string;
  /** Where it comes from: `#/components/schemas/Pet` or `GET /pets 200 application/json`. */
  label: string;
  schema: JsonSchema;
  /** The zod export checked: request bodies and parameters are requests, the rest responses. */
  variant: Variant;
  inline: boolean;
}

/** The schemas to check for one document, and the record to emit one module from (components plus
 *  the inline schemas under synthetic names; a synthetic name never collides with a component). */
export function collectSchemas(model: DocsModel): { schemas: CorpusSchema[]; moduleInput: Record<string, JsonSchema> } {
  const schemas: CorpusSchema[] = [];
  const moduleInput: Record<string, JsonSchema> = { ...model.schemas };
  for (const [name, schema] of Object.entries(model.schemas)) {
    schemas.push({ name, label: `#/components/schemas/${name}`, schema, variant: 'response', inline: false });
    if (mentions(schema, model.schemas, 'readOnly') || mentions(schema, model.schemas, 'writeOnly')) {
      schemas.push({ name, label: `#/components/schemas/${name} (request)`, schema, variant: 'request', inline: false });
    }
  }
  const seen = new Set<string>();
  let n = 0;
  const add = (schema: JsonSchema | undefined, variant: Variant, label: string) => {
    if (schema === undefined) return;
    // A bare ref is the component itself, already checked (in both variants when they differ).
    if (typeof schema === 'object' && typeof schema.$ref === 'string' && Object.keys(schema).length === 1) return;
    const key = `${variant}\u0000${JSON.stringify(schema)}`;
    if (seen.has(key)) return;
    seen.add(key);
    let name: string;
    do name = `Inline${++n}`; while (name in model.schemas);
    moduleInput[name] = schema;
    schemas.push({ name, label, schema, variant, inline: true });
  };
  for (const op of model.operations) {
    const at = `${op.method.toUpperCase()} ${op.path}`;
    for (const p of op.operation.parameters ?? []) add(p.schema, 'request', `${at} ${p.in} ${p.name}`);
    for (const [type, media] of Object.entries(op.operation.requestBody?.content ?? {})) add(media.schema, 'request', `${at} body ${type}`);
    for (const [status, response] of Object.entries(op.operation.responses ?? {})) {
      for (const [type, media] of Object.entries(response.content ?? {})) add(media.schema, 'response', `${at} ${status} ${type}`);
      for (const [header, h] of Object.entries(response.headers ?? {})) add(h.schema, 'response', `${at} ${status} header ${header}`);
    }
  }
  return { schemas, moduleInput };
}

const DATA_KEYS = new Set(['enum', 'const', 'example', 'examples', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Whether `keyword: true` appears in the schema or any component it reaches. */
function mentions(schema: JsonSchema, components: Record<string, JsonSchema>, keyword: string, seen = new Set<string>()): boolean {
  const walk = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(walk);
    if (!node || typeof node !== 'object') return false;
    const o = node as Record<string, unknown>;
    if (o[keyword] === true) return true;
    const name = typeof o.$ref === 'string' ? refName(o.$ref) : undefined;
    if (name !== undefined) {
      if (!seen.has(name) && name in components) {
        seen.add(name);
        if (walk(components[name])) return true;
      }
    }
    return Object.entries(o).some(([k, v]) => (NAME_MAPS.has(k) && v && typeof v === 'object' ? Object.values(v).some(walk) : !DATA_KEYS.has(k) && walk(v)));
  };
  return walk(schema);
}

export interface PreparedDocument {
  file: string;
  label: string;
  /** A file name for the generated module, unique per document (`3_0_json_petstore`). */
  moduleBase: string;
  model: DocsModel;
  schemas: CorpusSchema[];
  code: string;
  exports: Record<string, SchemaExports>;
  diagnostics: Diagnostic[];
}

/** Reads one spec document and emits its schemas module (components and inline schemas). */
export async function prepareDocument(file: string, format: ModuleFormat, root = OAS_EXAMPLES): Promise<PreparedDocument> {
  const label = documentLabel(file, root);
  const model = await readSpecFile(file);
  const { schemas, moduleInput } = collectSchemas(model);
  const { code, exports, diagnostics } = emitSchemasModule(moduleInput, { format });
  return { file, label, moduleBase: label.replace(/\.(json|ya?ml)$/, '').replace(/[^A-Za-z0-9]+/g, '_'), model, schemas, code, exports, diagnostics };
}
