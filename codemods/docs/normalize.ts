// A whole Swagger 2.0 / OpenAPI 3.0 / 3.1 document (or the pseudo-document of one doc comment) -> the
// normalized 3.1 DocsModel. swagger2openapi was tried first and is not used: its API is async while
// normalizeDocument is sync, it only reaches 3.0 (nullable and boolean exclusive bounds would still need
// this pass), it rewrites the document so pointers no longer match source lines, and its resolver pulls
// in node-fetch. What it does for us fits in operation.ts and normalize-schema.ts.
import type { SourceLocation } from '../diagnostics.js';
import { emptyDocsModel, type DocOperation, type DocsModel, type DocStyle } from '../model.js';
import { isObject, locate, missingRef, report, resolveRef, settleSites, splitRef, type NormalizeContext, type SourceDoc } from './context.js';
import { applyBasePath, readBasePath } from './base-path.js';
import { mergeDocs } from './merge.js';
import { componentSchemaName, normalizeSchema } from './normalize-schema.js';
import { isPending, normalizeHeader, normalizeOperation, normalizeParameter, normalizeRequestBody, normalizeResponse, resolveComponent, type ComponentKind } from './operation.js';
import { joinPointer } from './yaml-source.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const PATH_ITEM_KEYS = new Set(['$ref', 'summary', 'description', 'servers', 'parameters', ...HTTP_METHODS]);

export interface NormalizeOptions {
  style: DocStyle;
  fragment?: boolean;
  load?: (file: string) => SourceDoc | undefined;
  /** Overrides the location of each operation (flasgger blocks point at their comment). */
  operationAt?: (path: string, method: string, pointer: string) => SourceLocation | undefined;
}

/** Normalizes without the cross-document checks of mergeDocs (missing schema refs, duplicates). */
export function normalizeRaw(root: SourceDoc, options: NormalizeOptions): DocsModel {
  const ctx: NormalizeContext = {
    root,
    style: options.style,
    load: options.load,
    fragment: options.fragment ?? false,
    model: emptyDocsModel(),
    hoisted: new Map(),
    inlining: new Set(),
  };
  const doc = root.value;
  const file = root.file;
  if (!isObject(doc)) {
    report(ctx, { code: 'unsupported', severity: 'error', message: 'the document is not an object', file, pointer: '' });
    return ctx.model;
  }
  const model = ctx.model;
  if (Array.isArray(doc.produces)) ctx.produces = doc.produces.map(String);
  if (typeof doc.openapi === 'string' && doc.openapi.startsWith('3.')) ctx.openapi3 = true;
  if (Array.isArray(doc.consumes)) ctx.consumes = doc.consumes.map(String);
  if (isObject(doc.info)) {
    const { title, version, description, termsOfService, contact, license } = doc.info;
    model.info = {
      ...(typeof title === 'string' ? { title } : {}),
      ...(version !== undefined ? { version: String(version) } : {}),
      ...(typeof description === 'string' ? { description } : {}),
      // Carried as written into apiDocs; the runtime merges them into the served document (openapi-legacy.ts).
      ...(typeof termsOfService === 'string' ? { termsOfService } : {}),
      ...(isObject(contact) ? { contact } : {}),
      ...(isObject(license) ? { license } : {}),
    };
  }
  readServers(doc, model);
  if (Array.isArray(doc.security) && doc.security.every(isObject)) model.security = doc.security as DocsModel['security'];
  if (Array.isArray(doc.tags)) {
    for (const t of doc.tags) {
      if (isObject(t) && typeof t.name === 'string') {
        model.tags.push({ name: t.name, ...(typeof t.description === 'string' ? { description: t.description } : {}) });
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  readSchemas(ctx, components.schemas, '/components/schemas');
  readSchemas(ctx, doc.definitions, '/definitions');
  readSecuritySchemes(ctx, components.securitySchemes, '/components/securitySchemes');
  readSecuritySchemes(ctx, doc.securityDefinitions, '/securityDefinitions');
  readComponents(ctx, 'parameters', doc.parameters, '/parameters');
  readComponents(ctx, 'responses', doc.responses, '/responses');
  for (const kind of ['parameters', 'requestBodies', 'responses', 'headers'] as const) {
    readComponents(ctx, kind, components[kind], `/components/${kind}`);
  }

  if (doc.paths !== undefined && !isObject(doc.paths)) {
    report(ctx, { code: 'unsupported', severity: 'error', message: '`paths` must be an object', file, pointer: '/paths' });
  }
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (path.startsWith('x-')) continue;
    let item = { value: rawItem, file, pointer: joinPointer('/paths', path) };
    if (isObject(rawItem) && typeof rawItem.$ref === 'string') {
      const target = resolveRef(ctx, rawItem.$ref, file);
      if (!target || !isObject(target.value)) {
        report(ctx, { code: 'ref-missing', severity: 'error', message: missingRef(rawItem.$ref), file, pointer: joinPointer(item.pointer, '$ref') });
        continue;
      }
      item = target;
    }
    if (!isObject(item.value)) {
      report(ctx, { code: 'unsupported', severity: 'error', message: `path item '${path}' must be an object`, file: item.file, pointer: item.pointer });
      continue;
    }
    const pathItem = item.value;
    const shared = Array.isArray(pathItem.parameters)
      ? pathItem.parameters.map((p, i) => ({ raw: p, file: item.file, ptr: joinPointer(item.pointer, 'parameters', i) }))
      : [];
    for (const [key, raw] of Object.entries(pathItem)) {
      const ptr = joinPointer(item.pointer, key);
      if (!PATH_ITEM_KEYS.has(key) && !key.startsWith('x-')) {
        report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `\`${key}\` is not an HTTP method or path item keyword; ignored`, file: item.file, pointer: ptr });
        continue;
      }
      if (!HTTP_METHODS.includes(key)) continue;
      if (!isObject(raw)) {
        report(ctx, { code: 'unsupported', severity: 'error', message: `operation ${key.toUpperCase()} ${path} must be an object`, file: item.file, pointer: ptr });
        continue;
      }
      const operation = normalizeOperation({ raw, file: item.file, ptr, shared, globalSecurity: doc.security }, ctx);
      const at = options.operationAt?.(path, key, ptr) ?? locate(ctx, item.file, ptr) ?? { file: item.file, line: 1 };
      const op: DocOperation = { method: key, path, operation, style: ctx.style, at };
      model.operations.push(op);
    }
  }
  settleSites(ctx);
  // A whole document's operations sit under its base path; a doc block's under the options' (analyze.ts).
  const base = options.fragment ? undefined : readBasePath(doc);
  if (base) applyBasePath(model, base, locate(ctx, file, base.pointer), file);
  return model;
}

/** OpenAPI 3 `servers`, or Swagger 2.0's `host` + `basePath` + `schemes` as the one server they describe. */
function readServers(doc: Record<string, unknown>, model: DocsModel): void {
  if (Array.isArray(doc.servers)) {
    const servers = doc.servers.filter((s): s is Record<string, unknown> => isObject(s) && typeof s.url === 'string')
      .map((s) => ({ url: s.url as string, ...(typeof s.description === 'string' ? { description: s.description } : {}) }));
    if (servers.length) model.servers = servers;
  } else if (typeof doc.host === 'string' || typeof doc.basePath === 'string') {
    const base = typeof doc.basePath === 'string' ? doc.basePath.replace(/\/+$/, '') : '';
    const schemes = Array.isArray(doc.schemes) && doc.schemes.length ? doc.schemes.map(String) : [typeof doc.host === 'string' ? 'https' : ''];
    model.servers = schemes.map((scheme) => ({ url: typeof doc.host === 'string' ? `${scheme}://${doc.host}${base}` : base || '/' }));
  }
}

function readSchemas(ctx: NormalizeContext, raw: unknown, base: string): void {
  if (!isObject(raw)) return;
  const file = ctx.root.file;
  for (const [name, schema] of Object.entries(raw)) {
    const ptr = joinPointer(base, name);
    if (name in ctx.model.schemas) {
      if (ctx.hoisted.get(`${file}#${ptr}`) === name) continue; // the entry an alias of the same name stands for
      report(ctx, { code: 'duplicate-schema', severity: 'warning', message: `schema '${name}' is defined twice (definitions and components); the first is kept`, file, pointer: ptr });
      continue;
    }
    // `User: { $ref: './user.yaml' }` names the external schema: hoist it under this name, not as an alias. So does
    // `Product: { $ref: '#/definitions/Product' }` (2.0 leftovers in a 3.0 document): both pointers name the one
    // component `Product`, so kept as an alias it would point to itself.
    const alias = isObject(schema) && Object.keys(schema).length === 1 && typeof schema.$ref === 'string' ? splitRef(schema.$ref) : undefined;
    if (alias && (alias.filePart || (componentSchemaName(alias.fragment) === name && alias.fragment !== ptr))) {
      const target = resolveRef(ctx, (schema as { $ref: string }).$ref, file);
      if (target) {
        ctx.hoisted.set(`${target.file}#${target.pointer}`, name);
        ctx.model.schemas[name] = {};
        ctx.model.schemaSources[name] = locate(ctx, target.file, target.pointer) ?? { file: target.file, line: 1 };
        ctx.model.schemas[name] = normalizeSchema(target.value, target.file, target.pointer, ctx);
        continue;
      }
    }
    ctx.model.schemaSources[name] = locate(ctx, file, ptr) ?? { file, line: 1 };
    ctx.model.schemas[name] = normalizeSchema(schema, file, ptr, ctx);
  }
}

function readComponents(ctx: NormalizeContext, kind: ComponentKind, raw: unknown, base: string): void {
  if (!isObject(raw)) return;
  const file = ctx.root.file;
  const store = ((ctx.model.components ??= {})[kind] ??= {});
  for (const [name, value] of Object.entries(raw)) {
    const ptr = joinPointer(base, name);
    let out: unknown;
    if (kind === 'parameters') {
      const target = isObject(value) ? resolveComponent('parameters', value, file, ptr, ctx) : undefined;
      out = target && !isPending(target) ? normalizeParameter(target.value, target.file, target.pointer, ctx) : target;
    } else if (kind === 'responses') {
      out = normalizeResponse(value, file, ptr, ctx, ctx.produces ?? ['application/json']);
    } else if (kind === 'requestBodies') {
      out = normalizeRequestBody(value, file, ptr, ctx);
    } else {
      out = normalizeHeader(value, file, ptr, ctx);
    }
    if (out !== undefined) store[name] = out;
  }
}

/** Swagger 2.0 securityDefinitions -> 3.x securitySchemes (basic -> http, oauth2 flow names renamed). */
function readSecuritySchemes(ctx: NormalizeContext, raw: unknown, base: string): void {
  if (!isObject(raw)) return;
  const flowNames: Record<string, string> = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' };
  for (const [name, scheme] of Object.entries(raw)) {
    if (!isObject(scheme)) {
      report(ctx, { code: 'unsupported', severity: 'warning', message: `security scheme '${name}' must be an object`, file: ctx.root.file, pointer: joinPointer(base, name) });
      continue;
    }
    let out: Record<string, unknown> = scheme;
    if (scheme.type === 'basic') {
      out = { type: 'http', scheme: 'basic', ...(scheme.description ? { description: scheme.description } : {}) };
    } else if (scheme.type === 'oauth2' && typeof scheme.flow === 'string') {
      const { flow, authorizationUrl, tokenUrl, scopes, ...rest } = scheme;
      out = { ...rest, flows: { [flowNames[flow] ?? flow]: { ...(authorizationUrl ? { authorizationUrl } : {}), ...(tokenUrl ? { tokenUrl } : {}), scopes: scopes ?? {} } } };
    }
    ctx.model.securitySchemes[name] = out;
  }
}

/**
 * Any Swagger 2.0 / OpenAPI 3.x document (already parsed) -> the normalized 3.1 model. `lineOf` maps a JSON
 * pointer of the document to its source line, for locations; without it every location is line 1.
 */
export function normalizeDocument(doc: unknown, source: { file: string; lineOf?: (pointer: string) => number | undefined }): DocsModel {
  const root: SourceDoc = {
    file: source.file,
    value: doc,
    locate: (pointer) => ({ file: source.file, line: nearestLine(source.lineOf, pointer) ?? 1 }),
  };
  return mergeDocs([normalizeRaw(root, { style: 'spec-file' })]);
}

function nearestLine(lineOf: ((pointer: string) => number | undefined) | undefined, pointer: string): number | undefined {
  if (!lineOf) return undefined;
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = lineOf(p);
    if (line !== undefined || p === '') return line;
  }
}
