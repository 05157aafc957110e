// Docs from many places (doc blocks of every source file, spec files) -> one model: components merged
// (same name, different content -> diagnostic), `$ref`s that cross files inlined, `$ref`s to schemas that
// exist nowhere reported, operations documented twice reported. mergeDocs([m]) finalizes a single model.
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { emptyDocsModel, type DocOperation, type DocsModel, type OperationObject, type ParameterObject, type RequestBodyObject, type ResponseObject } from '../model.js';
import { isObject, refSites } from './context.js';
import { SCHEMA_REF_PREFIX } from './normalize-schema.js';
import { bodyFromParameters, isPending, type BodyParameter, type LooseParameter, type PendingRef } from './operation.js';
import { splitPointer } from './yaml-source.js';
import { cutRefCycles } from './ref-cycles.js';

export function mergeDocs(models: DocsModel[]): DocsModel {
  const model = combine(models);
  resolvePending(model);
  cutRefCycles(model);
  checkSchemaRefs(model);
  return model;
}

/** Puts models together; pending cross-file refs stay pending (readSourceDocs uses this for one file's blocks). */
export function combine(models: DocsModel[]): DocsModel {
  if (models.length === 1) return dedupeOperations(models[0]);
  const out = emptyDocsModel();
  for (const m of models) {
    out.diagnostics.push(...m.diagnostics);
    out.operations.push(...m.operations);
    for (const [name, schema] of Object.entries(m.schemas)) {
      if (!(name in out.schemas)) {
        out.schemas[name] = schema;
        if (m.schemaSources[name]) out.schemaSources[name] = m.schemaSources[name];
      } else if (!isDeepStrictEqual(out.schemas[name], schema)) {
        out.diagnostics.push(conflict('schema', name, m.schemaSources[name], out.schemaSources[name]));
      }
    }
    for (const [name, scheme] of Object.entries(m.securitySchemes)) {
      if (!(name in out.securitySchemes)) out.securitySchemes[name] = scheme;
      else if (!isDeepStrictEqual(out.securitySchemes[name], scheme)) out.diagnostics.push(conflict('security scheme', name, undefined, undefined));
    }
    for (const tag of m.tags) {
      const seen = out.tags.find((t) => t.name === tag.name);
      if (!seen) out.tags.push({ ...tag });
      else if (!seen.description && tag.description) seen.description = tag.description;
    }
    if (!out.info && m.info) out.info = m.info;
    if (!out.servers && m.servers) out.servers = m.servers;
    if (!out.security && m.security) out.security = m.security;
    for (const [kind, entries] of Object.entries(m.components ?? {}) as Array<[keyof NonNullable<DocsModel['components']>, Record<string, unknown>]>) {
      const store = ((out.components ??= {})[kind] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        if (!(name in store)) store[name] = value;
        else if (!isDeepStrictEqual(store[name], value)) out.diagnostics.push(conflict(kind.replace(/s$/, ''), name, undefined, undefined));
      }
    }
  }
  return dedupeOperations(out);
}

function conflict(kind: string, name: string, at: SourceLocation | undefined, first: SourceLocation | undefined): Diagnostic {
  const where = first ? ` (first defined at ${first.file}:${first.line})` : '';
  return { code: 'duplicate-schema', severity: 'warning', message: `${kind} '${name}' is defined twice with different content${where}; the first is kept`, ...(at ? { at } : {}) };
}

/** The same method and path documented twice: the first wins. Flasgger paths are relative to their router's
 *  mount point, so two of them with the same text are not duplicates; the CLI matches those by routeAt. */
function dedupeOperations(model: DocsModel): DocsModel {
  const seen = new Map<string, DocOperation>();
  const kept: DocOperation[] = [];
  for (const op of model.operations) {
    if (op.style === 'flasgger' || op.style === 'autogen') {
      kept.push(op);
      continue;
    }
    const key = `${op.method} ${op.path}`;
    const first = seen.get(key);
    if (first) {
      model.diagnostics.push({
        code: 'duplicate-operation',
        severity: 'warning',
        message: `${op.method.toUpperCase()} ${op.path} is documented twice (first at ${first.at.file}:${first.at.line}); this one is ignored`,
        at: op.at,
        route: `${op.method.toUpperCase()} ${op.path}`,
      });
      continue;
    }
    seen.set(key, op);
    kept.push(op);
  }
  model.operations = kept;
  return model;
}

function missing(model: DocsModel, ref: PendingRef | Record<string, unknown>, fallback: SourceLocation | undefined, what = 'points to nothing'): void {
  const site = refSites.get(ref);
  model.diagnostics.push({
    code: 'ref-missing',
    severity: 'error',
    message: `$ref '${String(ref.$ref)}' ${what}`,
    ...(site?.at ?? fallback ? { at: site?.at ?? fallback } : {}),
    pointer: site?.pointer ?? String(ref.$ref),
  });
}

function lookup(model: DocsModel, ref: string): unknown {
  const [, kind, name] = splitPointer(ref.slice(1));
  let value = (model.components as Record<string, Record<string, unknown>> | undefined)?.[kind]?.[name];
  for (let hops = 0; isPending(value) && hops < 20; hops++) value = lookup(model, value.$ref);
  return isPending(value) ? undefined : value;
}

function resolveResponse(model: DocsModel, r: ResponseObject | PendingRef, at: SourceLocation): ResponseObject | undefined {
  const res = isPending(r) ? (lookup(model, r.$ref) as ResponseObject | undefined) : r;
  if (!res) {
    missing(model, r as PendingRef, at);
    return undefined;
  }
  if (res.headers && Object.values(res.headers).some(isPending)) {
    const headers: NonNullable<ResponseObject['headers']> = {};
    for (const [name, h] of Object.entries(res.headers)) {
      const header = isPending(h) ? lookup(model, h.$ref) : h;
      if (header) headers[name] = header as NonNullable<ResponseObject['headers']>[string];
      else missing(model, h as PendingRef, at);
    }
    return { ...res, headers };
  }
  return res;
}

function resolvePending(model: DocsModel): void {
  for (const doc of model.operations) {
    const op: OperationObject = doc.operation;
    if (op.parameters?.some(isPending)) {
      const params: ParameterObject[] = [];
      const bodies: BodyParameter[] = [];
      let consumes: string[] | undefined;
      for (const p of op.parameters as Array<LooseParameter | PendingRef>) {
        if ('consumes' in p) consumes ??= p.consumes;
        const param = isPending(p) ? (lookup(model, p.$ref) as LooseParameter | undefined) : p;
        if (!param) missing(model, p as PendingRef, doc.at);
        else if (param.in === 'body' || param.in === 'formData') {
          // inline fields deferred by normalizeOperation carry `consumes`; the body schema does not
          const { consumes: _c, ...field } = param as BodyParameter;
          if (!bodies.some((b) => b.name === field.name && b.in === field.in)) bodies.push(field);
        } else if (!params.some((q) => q.name === param.name && q.in === param.in)) params.push(param as ParameterObject);
      }
      if (params.length) op.parameters = params;
      else delete op.parameters;
      if (bodies.length && !op.requestBody) {
        const body = bodyFromParameters(bodies, consumes);
        if (body) op.requestBody = body;
      } else if (bodies.length) {
        model.diagnostics.push({ code: 'unsupported', severity: 'warning', message: `body/form parameter(s) ${bodies.map((b) => b.name).join(', ')} beside a requestBody; the requestBody is kept`, at: doc.at });
      }
    }
    if (op.requestBody && isPending(op.requestBody)) {
      const body = lookup(model, (op.requestBody as PendingRef).$ref) as RequestBodyObject | undefined;
      if (!body) missing(model, op.requestBody as PendingRef, doc.at);
      if (body) op.requestBody = body;
      else delete op.requestBody;
    }
    if (op.responses) {
      for (const [code, r] of Object.entries(op.responses)) {
        const res = resolveResponse(model, r, doc.at);
        if (res) op.responses[code] = res;
        else delete op.responses[code];
      }
    }
  }
}

const VALUE_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas', 'content', 'responses', 'headers', 'parameters', 'requestBodies']);

/** Every `#/components/schemas/X` must name a schema of the merged model; a dangling one becomes "any value". */
function checkSchemaRefs(model: DocsModel): void {
  const seen = new Set<object>();
  const visit = (node: unknown, fallback: SourceLocation | undefined, names = false): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, fallback);
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === 'string') {
      const ok = node.$ref.startsWith(SCHEMA_REF_PREFIX) && splitPointer(node.$ref.slice(1))[2] in model.schemas;
      if (!ok) {
        missing(model, node, fallback, 'names no schema; treated as any value');
        delete node.$ref;
      }
    }
    // for-in rather than Object.entries: this walks every node of the merged model, and the pair arrays showed in profiles
    for (const key in node) {
      // under `properties` (and the like) keys are names, elsewhere `default: {...}` or `x-...` is data
      if (names || (!VALUE_KEYWORDS.has(key) && !key.startsWith('x-'))) visit(node[key], fallback, NAME_MAPS.has(key) && !names);
    }
  };
  for (const [name, schema] of Object.entries(model.schemas)) visit(schema, model.schemaSources[name]);
  for (const op of model.operations) visit(op.operation, op.at);
  for (const entries of Object.values(model.components ?? {})) visit(entries, undefined);
}
