// One operation of any dialect -> an OpenAPI 3.1 OperationObject: Swagger 2.0 `in: body`/`formData`
// parameters become a requestBody (media types from consumes), `type` on parameters and headers becomes a
// schema, response `schema` becomes `content` per produces, collectionFormat becomes style/explode, and
// `$ref`s to parameters/requestBodies/responses/headers are inlined (or left pending for mergeDocs).
import type {
  JsonSchema,
  MediaTypeObject,
  OperationObject,
  ParameterLocation,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
} from '../model.js';
import { isObject, locate, missingRef, refSite, refSites, report, resolveRef, splitRef, type NormalizeContext, type Resolved } from './context.js';
import { normalizeSchema } from './normalize-schema.js';
import { joinPointer } from './yaml-source.js';
import { statusKeyed } from './status-keyed.js';

export type ComponentKind = 'parameters' | 'requestBodies' | 'responses' | 'headers';

/** A Swagger 2.0 body or form field parameter, kept apart until it is folded into the requestBody. */
export interface BodyParameter {
  in: 'body' | 'formData';
  name: string;
  required?: boolean;
  description?: string;
  schema: JsonSchema;
  /** The operation's `consumes`, carried while the body waits for a pending `$ref` (see normalizeOperation). */
  consumes?: string[];
}
export type LooseParameter = ParameterObject | BodyParameter;
/** A `$ref` to a component this document does not define (yet): mergeDocs inlines it. */
export interface PendingRef {
  $ref: string;
  /** The operation's `consumes`, in case the ref turns out to be a body or form field. */
  consumes?: string[];
}

export const isPending = (v: unknown): v is PendingRef => isObject(v) && typeof v.$ref === 'string';

const LOCATIONS = new Set(['path', 'query', 'header', 'cookie', 'body', 'formData']);
const V2_SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf', 'x-nullable'];
const PARAM_KEYS = new Set(['name', 'in', 'description', 'required', 'deprecated', 'allowEmptyValue', 'style', 'explode',
  'allowReserved', 'schema', 'example', 'examples', 'content', 'collectionFormat', ...V2_SCHEMA_KEYS]);
const OPERATION_KEYS = new Set(['operationId', 'summary', 'description', 'tags', 'deprecated', 'security', 'parameters',
  'requestBody', 'responses', 'consumes', 'produces', 'schemes', 'externalDocs', 'callbacks', 'servers']);
const RESPONSE_KEYS = new Set(['description', 'headers', 'content', 'links', 'schema', 'examples']);
/** Keywords only a schema has: one of them on a response without `schema`/`content` is a schema written in its place. */
const SCHEMA_SHAPE_KEYS = ['type', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'enum'];

/** Follows a `$ref` to a component (through chains of refs). Undefined when it points to nothing (reported). */
export function resolveComponent(kind: ComponentKind, raw: Record<string, unknown>, file: string, ptr: string,
  ctx: NormalizeContext): Resolved | PendingRef | undefined {
  let current: Resolved = { value: raw, file, pointer: ptr };
  for (let hops = 0; isObject(current.value) && typeof current.value.$ref === 'string'; hops++) {
    const ref = current.value.$ref as string;
    const next = hops < 20 ? resolveRef(ctx, ref, current.file) : undefined;
    if (!next) {
      const canonical = canonicalRef(kind, ref);
      if (ctx.fragment && canonical && !splitRef(ref).filePart) {
        const pending = { $ref: canonical };
        const at = joinPointer(current.pointer, '$ref');
        refSites.set(pending, refSite(ctx, current.file, at, canonical));
        return pending;
      }
      report(ctx, { code: 'ref-missing', severity: 'error', message: missingRef(ref), file: current.file, pointer: joinPointer(current.pointer, '$ref') });
      return undefined;
    }
    current = next;
  }
  return current;
}

/** `#/parameters/X` (2.0) and `#/components/parameters/X` (3.x) name the same component. */
export function canonicalRef(kind: ComponentKind, ref: string): string | undefined {
  const { filePart, fragment } = splitRef(ref);
  if (filePart) return undefined;
  const m = /^\/(?:components\/)?(parameters|requestBodies|responses|headers)\/([^/]+)$/.exec(fragment);
  return m && m[1] === kind ? `#/components/${kind}/${m[2]}` : undefined;
}

export function normalizeParameter(raw: unknown, file: string, ptr: string, ctx: NormalizeContext): LooseParameter | undefined {
  if (!isObject(raw)) {
    report(ctx, { code: 'unknown-keyword', severity: 'error', message: 'a parameter must be an object; ignored', file, pointer: ptr });
    return undefined;
  }
  const where = raw.in;
  if (typeof where !== 'string' || !LOCATIONS.has(where) || typeof raw.name !== 'string') {
    report(ctx, { code: 'unknown-keyword', severity: 'error', message: `parameter needs a name and \`in\` one of path, query, header, cookie, body, formData (got in: ${JSON.stringify(where)}); ignored`, file, pointer: ptr });
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!PARAM_KEYS.has(key) && !key.startsWith('x-')) {
      report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `unknown parameter keyword \`${key}\` ignored`, file, pointer: joinPointer(ptr, key) });
    }
  }
  const schema = parameterSchema(raw, file, ptr, ctx);
  if (where === 'body' || where === 'formData') {
    return {
      in: where,
      name: raw.name,
      ...(typeof raw.required === 'boolean' ? { required: raw.required } : {}),
      ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
      schema,
    };
  }
  const out: ParameterObject = { name: raw.name, in: where as ParameterLocation };
  if (typeof raw.description === 'string') out.description = raw.description;
  if (where === 'path') out.required = true;
  else if (typeof raw.required === 'boolean') out.required = raw.required;
  if (typeof raw.deprecated === 'boolean') out.deprecated = raw.deprecated;
  if (typeof raw.style === 'string') out.style = raw.style;
  if (typeof raw.explode === 'boolean') out.explode = raw.explode;
  if (raw.schema === undefined && raw.content === undefined && raw.type === 'array') Object.assign(out, collectionStyle(raw, where, file, ptr, ctx));
  out.schema = schema;
  if (raw.example !== undefined) out.example = raw.example;
  return out;
}

function parameterSchema(raw: Record<string, unknown>, file: string, ptr: string, ctx: NormalizeContext): JsonSchema {
  if (raw.schema !== undefined) return normalizeSchema(raw.schema, file, joinPointer(ptr, 'schema'), ctx);
  if (isObject(raw.content)) {
    const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
    if (mediaType && isObject(media) && media.schema !== undefined) {
      return normalizeSchema(media.schema, file, joinPointer(ptr, 'content', mediaType, 'schema'), ctx);
    }
    return {};
  }
  return v2Schema(raw, file, ptr, ctx);
}

/** The schema keywords a Swagger 2.0 parameter, header or `items` object carries inline. */
function v2Schema(raw: Record<string, unknown>, file: string, ptr: string, ctx: NormalizeContext): JsonSchema {
  const picked: Record<string, unknown> = {};
  for (const key of V2_SCHEMA_KEYS) if (raw[key] !== undefined) picked[key] = raw[key];
  if (isObject(raw.items)) picked.items = v2Schema(raw.items, file, joinPointer(ptr, 'items'), ctx);
  if (raw.allowEmptyValue === true && raw.type === 'string' && raw.minLength === undefined) delete picked.minLength;
  return normalizeSchema(picked, file, ptr, ctx);
}

function collectionStyle(raw: Record<string, unknown>, where: string, file: string, ptr: string, ctx: NormalizeContext): Partial<ParameterObject> {
  const format = typeof raw.collectionFormat === 'string' ? raw.collectionFormat : 'csv';
  if (where !== 'query') return { style: 'simple', explode: false };
  switch (format) {
    case 'multi': return { style: 'form', explode: true };
    case 'ssv': return { style: 'spaceDelimited', explode: false };
    case 'pipes': return { style: 'pipeDelimited', explode: false };
    case 'csv': return { style: 'form', explode: false };
    default:
      report(ctx, { code: 'unsupported', severity: 'warning', message: `collectionFormat '${format}' has no OpenAPI 3 style; read as csv`, file, pointer: joinPointer(ptr, 'collectionFormat') });
      return { style: 'form', explode: false };
  }
}

function normalizeContent(raw: unknown, file: string, ptr: string, ctx: NormalizeContext): Record<string, MediaTypeObject> {
  const out: Record<string, MediaTypeObject> = {};
  if (!isObject(raw)) return out;
  for (const [mediaType, media] of Object.entries(raw)) {
    if (!isObject(media)) {
      out[mediaType] = {};
      continue;
    }
    const m: MediaTypeObject = {};
    if (media.schema !== undefined) m.schema = normalizeSchema(media.schema, file, joinPointer(ptr, mediaType, 'schema'), ctx);
    if (media.example !== undefined) m.example = media.example;
    if (isObject(media.examples)) m.examples = mediaExamples(media.examples, file, joinPointer(ptr, mediaType, 'examples'), ctx);
    out[mediaType] = m;
  }
  return out;
}

/** Named examples, a `$ref` (to `components/examples`) inlined: the served document carries no examples section.
 *  One that does not resolve here is left out, with a warning. */
function mediaExamples(raw: Record<string, unknown>, file: string, ptr: string, ctx: NormalizeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, example] of Object.entries(raw)) {
    if (!isObject(example) || typeof example.$ref !== 'string') {
      out[name] = example;
      continue;
    }
    const target = resolveRef(ctx, example.$ref, file);
    if (target && isObject(target.value) && typeof target.value.$ref !== 'string') out[name] = target.value;
    else report(ctx, { code: 'ref-missing', severity: 'warning', message: `example "${name}": ${missingRef(example.$ref)}; left out of the served document`, file, pointer: joinPointer(ptr, name, '$ref') });
  }
  return out;
}

export function normalizeRequestBody(raw: unknown, file: string, ptr: string, ctx: NormalizeContext): RequestBodyObject | PendingRef | undefined {
  if (!isObject(raw)) return undefined;
  const target = resolveComponent('requestBodies', raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const body = target.value as Record<string, unknown>;
  return {
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
    ...(typeof body.required === 'boolean' ? { required: body.required } : {}),
    content: normalizeContent(body.content, target.file, joinPointer(target.pointer, 'content'), ctx),
  };
}

export function normalizeHeader(raw: unknown, file: string, ptr: string, ctx: NormalizeContext): NonNullable<ResponseObject['headers']>[string] | PendingRef | undefined {
  if (!isObject(raw)) return undefined;
  const target = resolveComponent('headers', raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const h = target.value as Record<string, unknown>;
  const out: NonNullable<ResponseObject['headers']>[string] = {};
  if (typeof h.description === 'string') out.description = h.description;
  if (typeof h.required === 'boolean') out.required = h.required;
  out.schema = parameterSchema(h, target.file, target.pointer, ctx);
  return out;
}

export function normalizeResponse(raw: unknown, file: string, ptr: string, ctx: NormalizeContext, produces: string[]): ResponseObject | PendingRef | undefined {
  if (!isObject(raw)) {
    report(ctx, { code: 'unknown-keyword', severity: 'warning', message: 'a response must be an object; ignored', file, pointer: ptr });
    return undefined;
  }
  // One schema under every media type the operation produces (Swagger 2.0 states it once for all).
  const underEach = (schema: JsonSchema): Record<string, MediaTypeObject> => Object.fromEntries(produces.map((mt) => [mt, { schema }]));
  if (typeof raw.$ref === 'string' && /^\/(?:definitions|components\/schemas)\//.test(splitRef(raw.$ref).fragment)) {
    // `200: { $ref: '#/definitions/Price' }`: a schema named where a response belongs, the same mistake as a schema
    // written in place (below); read as the body schema by its name, the warning at the `$ref` itself.
    report(ctx, {
      code: 'response-as-schema', severity: 'warning', file, pointer: joinPointer(ptr, '$ref'),
      message: `this response is a \`$ref\` to a schema (${raw.$ref}), not to a response: read as its body schema; swagger-ui showed no body for it: write it as \`schema: { $ref: ... }\` with a description`,
    });
    const schema = normalizeSchema({ $ref: raw.$ref }, file, ptr, ctx);
    return { content: underEach(schema) };
  }
  const target = resolveComponent('responses', raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const r = target.value as Record<string, unknown>;
  const at = target.pointer;
  const inPlace = schemaInPlace(r);
  for (const key of Object.keys(r)) {
    if (!RESPONSE_KEYS.has(key) && !key.startsWith('x-') && !inPlace) {
      report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `unknown response keyword \`${key}\` ignored`, file: target.file, pointer: joinPointer(at, key) });
    }
  }
  const out: ResponseObject = {};
  if (typeof r.description === 'string') out.description = r.description;
  if (isObject(r.headers)) {
    const headers: Record<string, unknown> = {};
    for (const [name, h] of Object.entries(r.headers)) {
      const header = normalizeHeader(h, target.file, joinPointer(at, 'headers', name), ctx);
      if (header) headers[name] = header;
    }
    out.headers = headers as ResponseObject['headers'];
  }
  if (r.content !== undefined) {
    out.content = normalizeContent(r.content, target.file, joinPointer(at, 'content'), ctx);
  } else if (r.schema !== undefined) {
    // Swagger 2.0's place for it; in a 3.x document swagger-ui shows no body for it, yet the author stated one.
    if (ctx.openapi3) {
      report(ctx, {
        code: 'response-as-schema', severity: 'warning', file: target.file, pointer: joinPointer(at, 'schema'),
        message: 'this OpenAPI 3 response has `schema` (Swagger 2.0\'s place for it) and no `content`: read as its body schema; swagger-ui showed no body for it: move it under `content: { application/json: { schema } }`',
      });
    }
    const schema = normalizeSchema(r.schema, target.file, joinPointer(at, 'schema'), ctx);
    out.content = underEach(schema);
  } else if (inPlace) {
    // `200: { type: object, properties: {...} }`: swagger-ui shows no body for it, yet its author plainly wrote the
    // body's schema (junaiddevworks/ecommerceTask). Read as that schema (validated and served like any other), said
    // once where it stands so the docs can be fixed, rather than a warning per keyword and the schema dropped.
    report(ctx, {
      code: 'response-as-schema', severity: 'warning', file: target.file, pointer: at,
      message: `this response is a schema written in place of the response object (${Object.keys(inPlace).map((k) => `\`${k}\``).join(', ')} with no \`schema\`): read as its body schema; swagger-ui showed no body for it: move these keys under \`schema:\``,
    });
    const schema = normalizeSchema(inPlace, target.file, at, ctx);
    out.content = underEach(schema);
  }
  if (isObject(r.examples) && r.content === undefined) {
    out.content ??= {};
    for (const [mt, example] of Object.entries(r.examples)) out.content[mt] = { ...out.content[mt], example };
  }
  return out;
}

/** The schema keywords of a response that has neither `schema` nor `content` but a keyword only a schema has. */
function schemaInPlace(r: Record<string, unknown>): Record<string, unknown> | undefined {
  if (r.schema !== undefined || r.content !== undefined || !SCHEMA_SHAPE_KEYS.some((k) => r[k] !== undefined)) return undefined;
  return Object.fromEntries(Object.entries(r).filter(([k]) => !RESPONSE_KEYS.has(k) && !k.startsWith('x-')));
}

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/** Swagger 2.0 body and formData parameters -> the 3.x requestBody they stand for. */
export function bodyFromParameters(params: BodyParameter[], consumes: string[] | undefined): RequestBodyObject | undefined {
  const body = params.find((p) => p.in === 'body');
  if (body) {
    const types = consumes?.length ? consumes : ['application/json'];
    return {
      ...(body.description ? { description: body.description } : {}),
      ...(body.required !== undefined ? { required: body.required } : {}),
      content: Object.fromEntries(types.map((t) => [t, { schema: body.schema }])),
    };
  }
  const fields = params.filter((p) => p.in === 'formData');
  if (!fields.length) return undefined;
  const hasFile = fields.some((f) => typeof f.schema === 'object' && f.schema.format === 'binary');
  const declared = (consumes ?? []).filter((t) => FORM_TYPES.includes(t));
  const types = declared.length ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) {
    properties[f.name] = f.description && typeof f.schema === 'object' ? { ...f.schema, description: f.description } : f.schema;
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const schema: JsonSchema = { type: 'object', properties, ...(required.length ? { required } : {}) };
  return { ...(required.length ? { required: true } : {}), content: Object.fromEntries(types.map((t) => [t, { schema }])) };
}

export interface OperationInput {
  raw: Record<string, unknown>;
  file: string;
  ptr: string;
  /** Path-item parameters (raw), with their pointers. */
  shared: Array<{ raw: unknown; file: string; ptr: string }>;
  globalSecurity?: unknown;
}

export function normalizeOperation(input: OperationInput, ctx: NormalizeContext): OperationObject {
  const { raw, file, ptr } = input;
  for (const key of Object.keys(raw)) {
    if (!OPERATION_KEYS.has(key) && !key.startsWith('x-')) {
      report(ctx, { code: 'unknown-keyword', severity: 'warning', message: `unknown operation keyword \`${key}\` ignored`, file, pointer: joinPointer(ptr, key) });
    }
  }
  const op: OperationObject = {};
  if (typeof raw.operationId === 'string') op.operationId = raw.operationId;
  if (typeof raw.summary === 'string') op.summary = raw.summary;
  if (typeof raw.description === 'string') op.description = raw.description;
  if (Array.isArray(raw.tags)) op.tags = raw.tags.map(String);
  if (typeof raw.deprecated === 'boolean') op.deprecated = raw.deprecated;
  const security = raw.security ?? input.globalSecurity;
  if (Array.isArray(security)) op.security = security as OperationObject['security'];

  const params: Array<LooseParameter | PendingRef> = [];
  const add = (list: Array<{ raw: unknown; file: string; ptr: string }>) => {
    for (const p of list) {
      const target = isObject(p.raw) ? resolveComponent('parameters', p.raw, p.file, p.ptr, ctx) : undefined;
      if (!isObject(p.raw)) report(ctx, { code: 'unknown-keyword', severity: 'error', message: 'a parameter must be an object; ignored', file: p.file, pointer: p.ptr });
      if (!target) continue;
      if (isPending(target)) {
        params.push(target);
        continue;
      }
      const param = normalizeParameter(target.value, target.file, target.pointer, ctx);
      if (!param) continue;
      const same = params.findIndex((q) => !isPending(q) && q.name === param.name && q.in === param.in);
      if (same >= 0) params[same] = param; // operation-level parameters override path-level ones
      else params.push(param);
    }
  };
  add(input.shared);
  if (Array.isArray(raw.parameters)) add(raw.parameters.map((p, i) => ({ raw: p, file, ptr: joinPointer(ptr, 'parameters', i) })));
  else if (raw.parameters !== undefined) report(ctx, { code: 'unknown-keyword', severity: 'error', message: '`parameters` must be a list; ignored', file, pointer: joinPointer(ptr, 'parameters') });

  const consumes = Array.isArray(raw.consumes) ? raw.consumes.map(String) : ctx.consumes;
  const produces = Array.isArray(raw.produces) ? raw.produces.map(String) : ctx.produces ?? ['application/json'];
  const plain = params.filter((p): p is ParameterObject | PendingRef => isPending(p) || (p.in !== 'body' && p.in !== 'formData'));
  const bodyParams = params.filter((p): p is BodyParameter => !isPending(p) && (p.in === 'body' || p.in === 'formData'));
  // A pending `$ref` may name a body or form field too (a login's shared `username`): the body is built by
  // mergeDocs once every field is known, so the inline fields wait beside the refs, with the media types.
  const deferBody = raw.requestBody === undefined && bodyParams.length > 0 && params.some(isPending);
  const listed = deferBody
    ? params.map((p) => (isPending(p) || (p.in !== 'body' && p.in !== 'formData') || !consumes ? p : { ...p, consumes }))
    : plain;
  if (listed.length) op.parameters = listed as ParameterObject[];
  const requestBody = raw.requestBody !== undefined
    ? normalizeRequestBody(raw.requestBody, file, joinPointer(ptr, 'requestBody'), ctx)
    : deferBody ? undefined : bodyFromParameters(bodyParams, consumes);
  if (requestBody) op.requestBody = requestBody as RequestBodyObject;
  if (consumes) for (const p of params) if (isPending(p)) p.consumes = consumes;

  if (isObject(raw.responses)) {
    const responses = statusKeyed<ResponseObject>();
    for (const [code, r] of Object.entries(raw.responses)) {
      if (code.startsWith('x-')) continue;
      const res = normalizeResponse(r, file, joinPointer(ptr, 'responses', code), ctx, produces);
      if (res) responses[code] = res as ResponseObject;
    }
    op.responses = responses;
  } else if (raw.responses !== undefined) {
    report(ctx, { code: 'unknown-keyword', severity: 'error', message: '`responses` must be a mapping of status codes; ignored', file, pointer: joinPointer(ptr, 'responses') });
  }
  for (const [key, value] of Object.entries(raw)) if (key.startsWith('x-')) op[key as `x-${string}`] = value;
  return op;
}
