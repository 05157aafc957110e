// Builds the OpenAPI 3.1 document of a typed app from its RouteTable (compat/route.ts), walking
// mounted routers with their prefixes, with @asteasolutions/zod-to-openapi doing the zod -> schema work.
// What this module adds on top of the library: Express path syntax, path parameters that are
// really required (the library marks `z.coerce.number()` optional and nullable because
// `Number(null)` parses), the FastAPI-style 422, and the legacy docs of routes not migrated yet.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from './zod-to-openapi.js';
import type { ResponseConfig, RouteConfig, ZodMediaTypeObject } from './zod-to-openapi.js';
import { z } from 'zod/v4';
import { routeTableOf } from './route.js';
import { appOptionsOf } from './options.js';
import type { RouteDescriptor, RouteSpec, RouterOptions, ValidationMode } from './route.js';
import { joinPaths, toOpenApiPaths, withoutOptionalParams } from './express-path.js';
import type { PathParam } from './express-path.js';
import { mergeLegacyDocs } from './openapi-legacy.js';

import type { OpenAPIDocument } from './openapi-document.js';

export type { OpenAPIDocument };
type JsonObject = Record<string, any>;

/** What the document says about the API itself; AppOptions is assignable to it. */
export interface DocumentInfo {
  title?: string;
  version?: string;
  description?: string;
  termsOfService?: string;
  contact?: { name?: string; url?: string; email?: string };
  license?: { name: string; identifier?: string; url?: string };
  servers?: Array<{ url: string; description?: string }>;
  /** An OpenAPI 3.x document (e.g. swagger-jsdoc output) documenting routes not typed yet. */
  legacyDocs?: object;
  /** `components.securitySchemes` for the names used in `security` requirements. */
  securitySchemes?: Record<string, object>;
  /** App-wide validation mode: a route that is not validated in `enforce` documents no 422. */
  validation?: ValidationMode;
}

interface CollectedRoute {
  route: RouteDescriptor;
  fullPath: string;
}

const METHODS_IN_DOC = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** Every typed route of `target` and of the routers mounted in it, with mount prefixes applied. */
export function collectRoutes(target: object, prefix = '', stack: object[] = []): CollectedRoute[] {
  const table = routeTableOf(target);
  if (!table || stack.includes(target)) return [];
  const inner = [...stack, target];
  return [
    ...table.routes.map((route) => ({ route, fullPath: joinPaths(prefix, route.path) })),
    ...table.mounts.flatMap((m) => collectRoutes(m.child, joinPaths(prefix, m.prefix), inner)),
  ];
}

// ---- zod introspection (zod 4 internals: `_zod.def`, `_zod.optin`) -------------------------

type AnyZod = z.ZodType & { _zod: { def: JsonObject; optin?: string } };

/** The object shape of a params/query/headers/cookies schema, seen through pipes and wrappers. */
function shapeOf(schema: z.ZodType | undefined): Record<string, AnyZod> | undefined {
  let s = schema as AnyZod | undefined;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === 'object') return def.shape as Record<string, AnyZod>;
    s = (def.type === 'pipe' ? def.in : def.innerType) as AnyZod | undefined;
  }
  return undefined;
}

/** zod's own answer to "may this key be absent": `.optional()`, `.default()`, `.prefault()`. */
function isOptionalInput(schema: z.ZodType): boolean {
  const def = (schema as AnyZod)._zod.def;
  // z.preprocess(f, inner) takes its optin from the transform in front, which is always "optional"; the
  // generated request variants that check readOnly properties are such a preprocess around their object.
  if (def.type === 'pipe' && (def.in as AnyZod | undefined)?._zod.def.type === 'transform') return isOptionalInput(def.out as z.ZodType);
  return (schema as AnyZod)._zod.optin !== undefined;
}

/** `z.stringbool()`: a string on the wire, documented as the boolean it stands for. */
function isStringBool(schema: AnyZod): boolean {
  let s: AnyZod | undefined = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === 'pipe') return def.in?._zod.def.type === 'string' && def.out?._zod.def.type === 'boolean';
    s = def.innerType as AnyZod | undefined;
  }
  return false;
}

/**
 * A request parameter is a string on the wire and can never be JSON null: the library's
 * `[.., "null"]` (from coerced schemas accepting null) is dropped, in array items too.
 */
function stripNull(schema: JsonObject | undefined): void {
  if (!schema || typeof schema !== 'object' || '$ref' in schema) return;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t: string) => t !== 'null');
    schema.type = types.length === 1 ? types[0] : types;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (!Array.isArray(schema[key])) continue;
    schema[key] = schema[key].filter((s: JsonObject) => !(s && s.type === 'null'));
    if (schema[key].length === 1) {
      Object.assign(schema, schema[key][0]);
      delete schema[key];
    }
  }
  if (Array.isArray(schema.enum)) schema.enum = schema.enum.filter((v: unknown) => v !== null);
  stripNull(schema.items);
}

// ---- one route -> one RouteConfig per OpenAPI path ------------------------------------------

function defaultDescription(status: string): string {
  const n = Number(status);
  if (n >= 200 && n < 300) return 'Successful response';
  if (n >= 300 && n < 400) return 'Redirect';
  if (n === 404) return 'Not found';
  if (n === 422) return 'Validation error';
  if (n >= 400 && n < 500) return 'Client error';
  if (n >= 500) return 'Server error';
  return 'Response';
}

function isZod(x: unknown): x is z.ZodType {
  return typeof x === 'object' && x !== null && '_zod' in x;
}

// A legacy handler whose spec lists no response: nothing is known of what it sends (a redirect, a 201, a
// file), so no status is claimed. OpenAPI requires `responses` to hold at least one entry, and `default`
// is the one entry that claims no status ("any status not listed"); @apidevtools/swagger-parser accepts it.
export const NOT_DOCUMENTED = 'Not documented: what this route sends is not known yet (undocumented route, see migrate-api infer)';

function responsesOf(spec: RouteSpec, validated: boolean, legacyHandler: boolean): RouteConfig['responses'] {
  const out: Record<string, ResponseConfig> = {};
  for (const [status, entry] of Object.entries(spec.responses ?? {})) {
    const r = isZod(entry) ? { schema: entry } : entry;
    const config: ResponseConfig = { description: r.description ?? defaultDescription(status) };
    // The media types and their examples as the docs wrote them; a body documented by an example alone keeps its media type.
    if (r.schema || r.contentType !== undefined || r.example !== undefined || r.examples !== undefined) {
      const types = [r.contentType ?? 'application/json'].flat();
      config.content = Object.fromEntries(types.map((t, i) => [t, i === 0 ? mediaType(r.schema, r.example, r.examples) : mediaType(r.schema, undefined, undefined)]));
    }
    for (const [type, m] of Object.entries(r.otherContent ?? {})) {
      (config.content ??= {})[type] = mediaType(m.schema, m.example, m.examples);
    }
    // A z.object(...) of headers is taken as its shape: apps migrated before the codemod emitted plain shapes
    // carry one, and wrapping it again in z.object made the library throw ("reading 'parent'").
    const headers = isZod(r.headers) ? shapeOf(r.headers) : r.headers;
    if (headers && Object.keys(headers).length) config.headers = z.object(headers);
    out[status] = config;
  }
  if (Object.keys(out).length === 0 && legacyHandler) {
    out.default = { description: NOT_DOCUMENTED };
  } else if (Object.keys(out).length === 0) {
    // A typed handler's return is sent with spec.status (200 by default): that much is known.
    const status = String(spec.status ?? 200);
    out[status] = { description: defaultDescription(status) };
  }
  if (validated && !out['422']) {
    out['422'] = {
      description: 'Validation error',
      content: { 'application/json': { schema: HTTPValidationError } },
    };
  }
  return out;
}

function mediaType(schema: z.ZodType | undefined, example: unknown, examples: Record<string, unknown> | undefined): ZodMediaTypeObject {
  return {
    ...(schema ? { schema } : {}),
    ...(example !== undefined ? { example } : {}),
    ...(examples !== undefined ? { examples: examples as ZodMediaTypeObject['examples'] } : {}),
  };
}

// FastAPI's names and shape for the 422 body, so clients generated for FastAPI APIs read it alike.
const ValidationErrorItem = z
  .object({
    loc: z.array(z.union([z.string(), z.number().int()])),
    msg: z.string(),
    type: z.string(),
  })
  .meta({ id: 'ValidationError' });
const HTTPValidationError = z.object({ detail: z.array(ValidationErrorItem) }).meta({ id: 'HTTPValidationError' });

function effectiveMode(route: RouteDescriptor, info: DocumentInfo): ValidationMode {
  const env = process.env.MIGRATE_API_VALIDATION;
  if (env === 'enforce' || env === 'report' || env === 'off') return env;
  return route.spec.validation ?? route.router.validation ?? info.validation ?? 'enforce';
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** `get /users/{id}` -> `getUsersById`, FastAPI-like but camelCase. */
function defaultOperationId(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((seg) => (seg.startsWith('{') ? `by ${seg.slice(1, -1)}` : seg))
    .join(' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + (words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') : 'Root');
}

interface Planned {
  method: string;
  path: string;
  pathParams: PathParam[];
  route: RouteDescriptor;
  config: RouteConfig;
}

function plan(collected: CollectedRoute[], info: DocumentInfo): Planned[] {
  const out: Planned[] = [];
  const taken = new Set<string>();
  const operationIds = new Set<string>();
  for (const { route, fullPath } of collected) {
    if (!METHODS_IN_DOC.has(route.method)) continue;
    const spec = route.spec;
    const router: RouterOptions = route.router ?? {};
    const hasInput = Boolean(spec.params || spec.query || spec.headers || spec.cookies || spec.body);
    const validated = hasInput && effectiveMode(route, info) === 'enforce';
    const variants = toOpenApiPaths(fullPath);
    const allParams = new Set(variants.flatMap((v) => v.params.map((pp) => pp.name)));
    for (const variant of variants) {
      const key = `${route.method} ${variant.path}`;
      // Express runs the first matching registration; a later one for the same path never answers.
      if (taken.has(key)) continue;
      taken.add(key);
      let operationId = spec.operationId ?? defaultOperationId(route.method, variant.path);
      for (let n = 2; operationIds.has(operationId); n++) operationId = `${spec.operationId ?? defaultOperationId(route.method, variant.path)}_${n}`;
      operationIds.add(operationId);
      const tags = dedupe([...(router.tags ?? []), ...(spec.tags ?? [])]);
      const security = spec.security ?? router.security;
      const request: NonNullable<RouteConfig['request']> = {};
      const shapeParams = shapeOf(spec.params);
      if (shapeParams) {
        // Keys the path does not carry (an optional segment left out) are not parameters here.
        const keep = Object.fromEntries(Object.entries(shapeParams).filter(([k]) => variant.params.some((p) => p.name === k)));
        if (Object.keys(keep).length) request.params = z.object(keep);
      }
      if (spec.query && shapeOf(spec.query)) request.query = spec.query as z.ZodObject;
      if (spec.headers && shapeOf(spec.headers)) request.headers = spec.headers as z.ZodObject;
      if (spec.cookies && shapeOf(spec.cookies)) request.cookies = spec.cookies as z.ZodObject;
      if (spec.body) {
        const types = [spec.bodyContentType ?? 'application/json'].flat();
        request.body = {
          ...(spec.bodyDescription !== undefined ? { description: spec.bodyDescription } : {}),
          required: !isOptionalInput(spec.body),
          content: Object.fromEntries([
            ...types.map((t, i) => [t, i === 0 ? mediaType(spec.body, spec.bodyExample, spec.bodyExamples) : { schema: spec.body! }]),
            ...Object.entries(spec.bodyOtherContent ?? {}).map(([t, m]) => [t, mediaType(m.schema, m.example, m.examples)]),
          ]),
        };
      }
      const config: RouteConfig = {
        method: route.method,
        path: variant.path,
        operationId,
        responses: responsesOf(spec, validated, route.legacyHandler),
      };
      if (Object.keys(request).length) config.request = request;
      const missing = [...allParams].filter((n) => !variant.params.some((pp) => pp.name === n));
      const words = missing.length ? spec.variants?.[withoutOptionalParams(route.path, missing)] : undefined;
      const summary = words?.summary ?? spec.summary;
      const description = words?.description ?? spec.description;
      if (summary) config.summary = summary;
      if (description) config.description = description;
      if (words?.operationId && !operationIds.has(words.operationId)) {
        operationIds.delete(operationId);
        config.operationId = words.operationId;
        operationIds.add(words.operationId);
      }
      if (tags.length) config.tags = tags;
      if (words?.deprecated ?? spec.deprecated) config.deprecated = true;
      if (security) config.security = security;
      // Specification extensions (`x-...` spec keys) go to the operation as written.
      for (const [k, v] of Object.entries(spec)) if (k.startsWith('x-')) (config as JsonObject)[k] = v;
      out.push({ method: route.method, path: variant.path, pathParams: variant.params, route, config });
    }
  }
  return out;
}

/** Parameter fixes the library cannot know about: see the module comment. */
function fixParameters(op: JsonObject, p: Planned): void {
  const params: JsonObject[] = Array.isArray(op.parameters) ? op.parameters : [];
  const shapes: Record<string, Record<string, AnyZod> | undefined> = {
    path: shapeOf(p.route.spec.params),
    query: shapeOf(p.route.spec.query),
    header: shapeOf(p.route.spec.headers),
    cookie: shapeOf(p.route.spec.cookies),
  };
  for (const param of params) {
    if ('$ref' in param) continue;
    const field = shapes[param.in]?.[param.name];
    stripNull(param.schema);
    if (field && isStringBool(field)) {
      const { type: _t, format: _f, pattern: _p, ...rest } = param.schema ?? {};
      param.schema = { ...rest, type: 'boolean' };
    }
    if (param.in === 'path') param.required = true;
    else if (field) param.required = !isOptionalInput(field);
  }
  for (const pp of p.pathParams) {
    if (params.some((x) => x.in === 'path' && x.name === pp.name)) continue;
    const schema: JsonObject = { type: 'string' };
    if (pp.pattern) schema.pattern = `^(?:${pp.pattern})$`;
    params.push({ name: pp.name, in: 'path', required: true, schema });
  }
  // Path parameters first, in path order: how the UIs list them.
  const order = (x: JsonObject) => (x.in === 'path' ? p.pathParams.findIndex((pp) => pp.name === x.name) : p.pathParams.length);
  params.sort((a, b) => order(a) - order(b));
  if (params.length) op.parameters = params;
}

function generate(planned: Planned[], info: DocumentInfo): OpenAPIDocument {
  const registry = new OpenAPIRegistry();
  for (const p of planned) registry.registerPath(p.config);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: info.title ?? 'API',
      version: info.version ?? '1.0.0',
      ...(info.description ? { description: info.description } : {}),
      ...(info.termsOfService ? { termsOfService: info.termsOfService } : {}),
      ...(info.contact ? { contact: info.contact } : {}),
      ...(info.license ? { license: info.license } : {}),
    },
    ...(info.servers ? { servers: info.servers } : {}),
  });
}

function renders(config: RouteConfig, info: DocumentInfo): string | undefined {
  try {
    generate([{ config } as Planned], info);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * A schema the library cannot render (z.custom, z.function...) must not take the document down:
 * that one schema becomes `{}` (anything), the rest of its route is documented, and the gap is
 * named in `x-migrate-api-unrendered` and logged.
 */
function degrade(p: Planned, info: DocumentInfo, problems: string[]): Planned {
  const where = `${p.method.toUpperCase()} ${p.path}`;
  const base: RouteConfig = { method: p.config.method, path: p.config.path, responses: { 200: { description: 'probe' } } };
  const config: RouteConfig = { ...p.config, responses: { ...p.config.responses } };
  const request = { ...(config.request ?? {}) } as NonNullable<RouteConfig['request']>;
  for (const key of ['params', 'query', 'headers', 'cookies'] as const) {
    if (!request[key]) continue;
    const msg = renders({ ...base, request: { [key]: request[key] } }, info);
    if (msg) {
      delete request[key];
      problems.push(`${where} ${key}: ${msg}`);
    }
  }
  const bodySchema = request.body && (Object.values(request.body.content)[0] as { schema?: unknown } | undefined)?.schema;
  if (request.body && bodySchema) {
    const msg = renders({ ...base, request: { body: request.body } }, info);
    if (msg) {
      request.body = { ...request.body, content: Object.fromEntries(Object.entries(request.body.content).map(([t, m]) => [t, { ...m, schema: {} }])) };
      problems.push(`${where} body: ${msg}`);
    }
  }
  config.request = request;
  for (const [status, r] of Object.entries(config.responses)) {
    const msg = renders({ ...base, responses: { [status]: r } }, info);
    if (!msg) continue;
    const { headers, content, ...rest } = r as ResponseConfig;
    // Headers are tried apart from the body: one header the library cannot render must not cost the body schema.
    if (headers && content && !renders({ ...base, responses: { [status]: { ...rest, content } } }, info)) {
      config.responses[status] = { ...rest, content };
      problems.push(`${where} responses.${status}.headers: ${msg}`);
      continue;
    }
    // The media type and its examples stay; only the schema the library cannot render goes.
    const kept = content && Object.keys(content).length ? content : { 'application/json': {} };
    config.responses[status] = { ...rest, content: Object.fromEntries(Object.entries(kept).map(([t, m]) => [t, { ...m, schema: {} }])) };
    problems.push(`${where} responses.${status}: ${msg}`);
  }
  return { ...p, config };
}

function generateSafely(planned: Planned[], info: DocumentInfo): { doc: OpenAPIDocument; problems: string[] } {
  try {
    return { doc: generate(planned, info), problems: [] };
  } catch {
    const problems: string[] = [];
    const fixed = planned.map((p) => (renders(p.config, info) ? degrade(p, info, problems) : p));
    for (const msg of problems) console.warn(`migrate-api: schema left out of the OpenAPI document: ${msg}`);
    return { doc: generate(fixed, info), problems };
  }
}

export function buildOpenApiDocumentUncached(app: object, info: DocumentInfo = {}): OpenAPIDocument {
  const planned = plan(collectRoutes(app), info);
  const { doc, problems } = generateSafely(planned, info);
  const paths: JsonObject = (doc.paths ??= {});
  for (const p of planned) {
    const op = paths[p.path]?.[p.method];
    if (op) fixParameters(op, p);
  }
  const components: JsonObject = (doc.components ??= {});
  if (info.securitySchemes) components.securitySchemes = { ...info.securitySchemes, ...components.securitySchemes };
  if ((doc as JsonObject).webhooks && Object.keys((doc as JsonObject).webhooks).length === 0) delete (doc as JsonObject).webhooks;
  if (info.legacyDocs) {
    mergeLegacyDocs(doc as JsonObject, info.legacyDocs as JsonObject);
    // The docs' own title and version stand in for the defaults, never for what the app's options say.
    const legacyInfo = (info.legacyDocs as JsonObject).info;
    if (info.title === undefined && typeof legacyInfo?.title === 'string') doc.info.title = legacyInfo.title;
    if (info.version === undefined && legacyInfo?.version !== undefined) doc.info.version = String(legacyInfo.version);
  }
  const tags = collectTags(doc as JsonObject);
  if (tags.length) (doc as JsonObject).tags = tags;
  for (const [section, entries] of Object.entries(components)) if (entries && Object.keys(entries).length === 0) delete components[section];
  if (Object.keys(components).length === 0) delete (doc as JsonObject).components;
  if (problems.length) (doc as JsonObject)['x-migrate-api-unrendered'] = problems;
  return doc;
}

/** The top-level tag list: declared tags (legacy docs) first, then every tag an operation uses. */
function collectTags(doc: JsonObject): Array<{ name: string }> {
  const declared: Array<{ name: string }> = Array.isArray(doc.tags) ? doc.tags : [];
  const names = new Set(declared.map((t) => t.name));
  const out = [...declared];
  for (const item of Object.values<JsonObject>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<JsonObject>(item)) {
      if (!METHODS_IN_DOC.has(method) || !Array.isArray(op?.tags)) continue;
      for (const t of op.tags) if (!names.has(t)) { names.add(t); out.push({ name: t }); }
    }
  }
  return out;
}

/** Counts what can change a document after it was built: routes and mounts added later. */
function signature(target: object, stack: object[] = []): string {
  const table = routeTableOf(target);
  if (!table || stack.includes(target)) return '';
  const inner = [...stack, target];
  return `${table.routes.length}.${table.mounts.length}[${table.mounts.map((m) => signature(m.child, inner)).join(',')}]`;
}

const cache = new WeakMap<object, { info: DocumentInfo; signature: string; doc: OpenAPIDocument }>();

/**
 * The app's document, built on first use and cached: the same object is returned until a route
 * or a mount is added (or other `info` is passed), so serving /openapi.json costs nothing.
 */
export function buildOpenApiDocument(app: object, info: DocumentInfo = appOptionsOf(app) ?? {}): OpenAPIDocument {
  const sig = signature(app);
  const hit = cache.get(app);
  if (hit && hit.info === info && hit.signature === sig) return hit.doc;
  const doc = buildOpenApiDocumentUncached(app, info);
  cache.set(app, { info, signature: sig, doc });
  return doc;
}
