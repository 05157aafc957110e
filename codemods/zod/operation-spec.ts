// One OpenAPI operation -> the spec object literal a typed route takes:
// `{ summary, params: z.object(..), query: z.object(..), body: X, responses: { 200: User } }`.
// Parameters are strings on the wire and get coerced per location; headers are keyed lower-case
// because Node lower-cases incoming header names.
import { STATUS_CODES } from 'node:http';
import { chain, json, lit, obj, trailingCall, zc, type ObjectProp, type ZodExpr } from './ast.js';
import type { Diagnostic } from '../diagnostics.js';
import type { JsonSchema, MediaTypeObject, OperationObject, ParameterObject } from '../model.js';
import type { ZodContext, ZodLocation } from './context.js';
import { withMeta } from './convert/meta.js';
import { printZod } from './printer.js';
import { ROUTE_HELPERS } from './route-helpers.js';
import { schemaToZod } from './schema-to-zod.js';

export interface OperationSpecOptions {
  refName(ref: string, variant: 'request' | 'response'): string | undefined;
  format: 'ts' | 'js' | 'cjs';
  /** Words of the other paths the route answers on (codemods/zod/path-variants.ts). */
  variants?: Record<string, Pick<OperationObject, 'summary' | 'description' | 'operationId' | 'deprecated'>>;
  /** Path params the route makes optional (`:status?`): absent on the shorter path, so optional in `params`. */
  optionalPathParams?: string[];
}

const GROUPS: Array<[ParameterObject['in'], string]> = [['path', 'params'], ['query', 'query'], ['header', 'headers'], ['cookie', 'cookies']];
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function operationSpecSource(op: OperationObject, opts: OperationSpecOptions): { source: string; usedRefs: string[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  const ctxFor = (variant: 'request' | 'response', location: ZodLocation, pointer: string, extra: Partial<ZodContext> = {}): ZodContext => ({
    refName: (ref) => { const n = opts.refName(ref, variant); if (n) used.add(n); return n; },
    variant, location, pointer, diagnostics,
    // A route file has no module-level helpers of its own: it calls migrate-api/compat's.
    readOnlyHelper: ROUTE_HELPERS.readOnlyChecked, dateTimeFactory: ROUTE_HELPERS.dateTime,
    ...extra,
  });
  const props: ObjectProp[] = [];
  const plain = (key: keyof OperationObject) => { if (op[key] !== undefined) props.push({ key, value: json(op[key]) }); };
  (['summary', 'description', 'tags', 'operationId', 'deprecated', 'security'] as const).forEach(plain);

  const params = op.parameters ?? [];
  for (const [where, key] of GROUPS) {
    const shape: ObjectProp[] = [];
    params.forEach((p, i) => {
      if (p.in !== where) return;
      const pctx = ctxFor('request', where, `#/parameters/${i}/schema`, { style: p.style, explode: p.explode });
      if (p.style === 'deepObject') {
        diagnostics.push({ code: 'unsupported', severity: 'info', pointer: `#/parameters/${i}`, message: `query object "${p.name}" (deepObject) needs an extended query parser (qs, Express 4's default) to arrive as an object` });
      }
      const spread = spreadObject(p);
      if (spread) {
        // `style: form, explode: true` (the query default) sends an object's properties as query keys.
        for (const [name, prop] of Object.entries(spread.properties)) {
          let v = schemaToZod(prop, { ...pctx, pointer: `#/parameters/${i}/schema/properties/${esc(name)}`, style: 'nested' });
          if (!(p.required && spread.required.includes(name)) && trailingCall(v)?.method !== 'default') v = chain(v, 'optional');
          shape.push({ key: name, value: v });
        }
        return;
      }
      let value = schemaToZod(p.schema ?? {}, pctx);
      const meta: ObjectProp[] = [];
      if (p.description !== undefined) meta.push({ key: 'description', value: lit(p.description) });
      if (p.deprecated) meta.push({ key: 'deprecated', value: lit(true) });
      if (p.example !== undefined) meta.push({ key: 'example', value: json(p.example) });
      const hasDefault = trailingCall(value)?.method === 'default';
      value = withMeta(value, meta);
      if ((where !== 'path' && !p.required) || (where === 'path' && opts.optionalPathParams?.includes(p.name))) {
        if (!hasDefault) value = chain(value, 'optional');
      }
      shape.push({ key: where === 'header' ? p.name.toLowerCase() : p.name, value });
    });
    if (shape.length) props.push({ key, value: zc('object', obj(shape)) });
  }
  for (const p of params) {
    if (!GROUPS.some(([w]) => w === p.in)) diagnostics.push({ code: 'unsupported', severity: 'warning', message: `parameter "${p.name}" in "${String(p.in)}" is not a path/query/header/cookie parameter; left out` });
  }

  if (op.requestBody) {
    const picked = pickContent(op.requestBody.content, diagnostics, '#/requestBody');
    if (picked?.media.schema !== undefined) {
      const location: ZodLocation = FORM_TYPES.includes(picked.type) ? 'query' : 'body';
      let body = schemaToZod(picked.media.schema as JsonSchema, ctxFor('request', location, `#/requestBody/content/${esc(picked.type)}/schema`));
      if (!op.requestBody.required) body = chain(body, 'optional');
      props.push({ key: 'body', value: body });
      // A Swagger 2 `in: body` parameter's description is the 3.x requestBody's (it says what the body is for).
      if (op.requestBody.description) props.push({ key: 'bodyDescription', value: lit(op.requestBody.description) });
      // Form bodies say so, or the served document would call them JSON; the app's own parser still reads them.
      // So does any other JSON media type (`application/vnd.api+json`, `*/*`): the document keeps the name as written.
      // Every other media type is kept too, as for a response: listed beside the picked one where it states the same
      // schema (Swagger 2's `consumes`; for a form, any other form), else as bodyOtherContent, the document's only
      // (a JSON body beside the multipart one an upload also takes).
      const { sharing, own } = otherMediaTypes(op.requestBody.content, picked,
        (type, schema) => schemaToZod(schema, ctxFor('request', FORM_TYPES.includes(type) ? 'query' : 'body', `#/requestBody/content/${esc(type)}/schema`)),
        location === 'query' ? (type) => FORM_TYPES.includes(type) : undefined);
      if (sharing.length) props.push({ key: 'bodyContentType', value: json([picked.type, ...sharing]) });
      else if (picked.type !== 'application/json') props.push({ key: 'bodyContentType', value: lit(picked.type) });
      props.push(...exampleProps(picked.media, 'bodyExample', 'bodyExamples'));
      if (own.length) props.push({ key: 'bodyOtherContent', value: obj(own) });
    } else if (picked) {
      diagnostics.push({
        code: 'unsupported', severity: 'warning', pointer: `#/requestBody/content/${esc(picked.type)}`,
        message: `the request body (${Object.keys(op.requestBody.content).join(', ')}) has no schema: nothing validates it and the served document leaves it out`,
      });
    }
  }

  const responses: ObjectProp[] = [];
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const picked = res.content ? pickContent(res.content, diagnostics, `#/responses/${status}`, 'response') : undefined;
    const schemaCtx = (type: string) => ctxFor('response', 'response', `#/responses/${status}/content/${esc(type)}/schema`);
    const schema = picked?.media.schema !== undefined ? schemaToZod(picked.media.schema as JsonSchema, schemaCtx(picked.type)) : undefined;
    const entry: ObjectProp[] = [];
    if (res.description !== undefined && (!schema || !isStock(status, res.description))) entry.push({ key: 'description', value: lit(res.description) });
    if (schema) entry.push({ key: 'schema', value: schema });
    // Every media type as written (a body documented by an example alone keeps it too) and its examples: the
    // document's only. Those with the picked one's schema and no examples of their own share it (Swagger 2's
    // `produces: [application/json, application/xml]`); the rest are served as the docs wrote them, unchecked.
    const { sharing, own } = otherMediaTypes(res.content ?? {}, picked, (type, schema) => schemaToZod(schema, schemaCtx(type)));
    const exampled = picked?.media.example !== undefined || picked?.media.examples !== undefined;
    if (picked && sharing.length) entry.push({ key: 'contentType', value: json([picked.type, ...sharing]) });
    else if (picked && (picked.type !== 'application/json' || (!schema && !exampled))) entry.push({ key: 'contentType', value: lit(picked.type) });
    if (picked) entry.push(...exampleProps(picked.media, 'example', 'examples'));
    if (own.length) entry.push({ key: 'otherContent', value: obj(own) });
    if (res.headers && Object.keys(res.headers).length) {
      const headers = Object.entries(res.headers).map(([name, h]): ObjectProp => {
        let v = withMeta(schemaToZod(h.schema ?? {}, ctxFor('response', 'response', `#/responses/${status}/headers/${esc(name)}/schema`)),
          h.description !== undefined ? [{ key: 'description', value: lit(h.description) }] : []);
        if (!h.required) v = chain(v, 'optional');
        return { key: name.toLowerCase(), value: v };
      });
      // A shape, not z.object(...): RouteSpec's response headers are `Record<string, ZodType>` (a z.object there
      // made the document generator throw and drop the whole response).
      entry.push({ key: 'headers', value: obj(headers) });
    }
    const value = schema && entry.length === 1 ? schema : obj(entry.length ? entry : [{ key: 'description', value: lit(STATUS_CODES[status] ?? '') }]);
    responses.push({ key: status, value });
  }
  const success = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
  if (success.length === 1 && success[0] !== '200') props.push({ key: 'status', value: lit(Number(success[0])) });
  if (responses.length) props.push({ key: 'responses', value: obj(responses) });
  if (opts.variants && Object.keys(opts.variants).length) props.push({ key: 'variants', value: json(opts.variants) });
  return { source: printZod(obj(props)), usedRefs: [...used], diagnostics };
}

/** An inline object query parameter in form/explode style: its properties are the query keys. */
function spreadObject(p: ParameterObject): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
  const s = p.schema;
  if (p.in !== 'query' || (p.style ?? 'form') !== 'form' || p.explode === false || typeof s !== 'object') return undefined;
  if (s.type !== 'object' || !s.properties || s.$ref || s.allOf || s.oneOf || s.anyOf || s.additionalProperties !== undefined) return undefined;
  return { properties: s.properties, required: s.required ?? [] };
}

const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The media types beside the picked one, a body's or a response's: `sharing` those served under its schema (the same
 * schema and no examples of their own, or as `shares` says: a form body lists every form type), `own` the rest as
 * written, `{ schema, example, examples }` each, served and never validated (otherContent, bodyOtherContent).
 */
function otherMediaTypes(content: Record<string, MediaTypeObject>, picked: { type: string; media: MediaTypeObject } | undefined,
  convert: (type: string, schema: JsonSchema) => ZodExpr, shares?: (type: string) => boolean): { sharing: string[]; own: ObjectProp[] } {
  const others = Object.entries(content).filter(([t]) => t !== picked?.type);
  const sharing = !picked ? [] : others.filter(([t, m]) => (shares ? shares(t)
    : sameSchema(m.schema, picked.media.schema) && m.example === undefined && m.examples === undefined)).map(([t]) => t);
  const own = others.filter(([t]) => !sharing.includes(t)).map(([type, m]): ObjectProp => ({
    key: type,
    value: obj([
      ...(m.schema !== undefined ? [{ key: 'schema', value: convert(type, m.schema as JsonSchema) }] : []),
      ...exampleProps(m, 'example', 'examples'),
    ]),
  }));
  return { sharing, own };
}

/** Two media types stating the same schema (Swagger 2's `produces` gives each type the one `schema`). */
function sameSchema(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A stock description ("OK" for 200) says nothing the status does not. */
const isStock = (status: string, description: string) => description.trim().toLowerCase() === (STATUS_CODES[status] ?? '').toLowerCase();

const JSON_TYPE = /^(?:application|text)\/(?:[\w.-]+\+)?json$/i;

/** A media type's `example` / `examples`, under the keys the route spec gives them (a body's, a response's). */
function exampleProps(media: MediaTypeObject, exampleKey: string, examplesKey: string): ObjectProp[] {
  return [
    ...(media.example !== undefined ? [{ key: exampleKey, value: json(media.example) }] : []),
    ...(media.examples !== undefined ? [{ key: examplesKey, value: json(media.examples) }] : []),
  ];
}

/**
 * JSON first (application/json, then any +json or * / *), else a form type; other media types carry no schema we
 * check. Content without any schema (a body documented by an example alone) picks its media type the same way,
 * falling back to the first one: the document keeps it.
 */
function pickContent(content: Record<string, MediaTypeObject>, diagnostics: Diagnostic[], pointer: string, what: 'body' | 'response' = 'body'): { type: string; media: MediaTypeObject } | undefined {
  const all = Object.keys(content);
  const withSchema = all.filter((t) => content[t]?.schema !== undefined);
  const types = withSchema.length ? withSchema : all;
  const type = types.find((t) => t.split(';')[0].trim() === 'application/json')
    ?? types.find((t) => /[/+]json\b/.test(t) || t === '*/*')
    ?? types.find((t) => FORM_TYPES.includes(t))
    ?? (withSchema.length ? undefined : types[0]);
  const rest = all.filter((t) => t !== type);
  if (what === 'response' && withSchema.some((t) => t !== type && !sameSchema(content[t]!.schema, type === undefined ? undefined : content[type]!.schema))) {
    // A response serves every media type as written; only the one picked checks what the handler sends.
    diagnostics.push({ code: 'unsupported', severity: 'info', pointer, message: `only ${type ?? 'no'} content is validated (also served as documented: ${rest.join(', ')})` });
  } else if (what === 'body' && (all.length > 1 || (!type && all.length))) {
    // With a schema, every other media type is served too (bodyOtherContent); without one, the body is left out.
    const said = withSchema.length ? 'validated (also served as documented' : 'in the served document (also documented';
    diagnostics.push({ code: 'unsupported', severity: 'info', pointer, message: `only ${type ?? 'no'} content is ${said}: ${rest.join(', ')})` });
  }
  // Read as JSON by the pattern above, yet no JSON media type: most likely a misspelling (`apllication/json`).
  const bare = type?.split(';')[0].trim();
  if (type && bare !== '*/*' && /[/+]json\b/.test(type) && !JSON_TYPE.test(bare!)) {
    diagnostics.push({
      code: 'media-type', severity: 'warning', pointer: `${pointer}/content/${esc(type)}`,
      message: `media type "${type}" is not application/json or a +json type, yet it is read as JSON (its schema validates a JSON body); the document keeps the name as written: a misspelling?`,
    });
  }
  return type ? { type, media: content[type] } : undefined;
}
