// Semantic comparison of two API documents (Swagger 2.0, OpenAPI 3.0 or 3.1): each is reduced to a set of
// facts a client relies on — operations with their summaries, descriptions and tags, parameters (name + in +
// required, format), request bodies and how they are encoded, their descriptions and whether they have a schema,
// response statuses, headers and whether they have a body schema, media-type `example`/`examples` (request and
// response), every response media type with whether it has a schema, named components and their properties'
// formats, the document's title/version/description/termsOfService, contact and license — and every fact of the
// original missing from the other is listed. An empty schema (`{}`,
// what a generator writes for one it could not render) states nothing: a schema served as `{}` is a lost fact.
// Hand-written because the libraries at hand diff documents textually (a $ref vs an inlined schema, a
// path-level vs an operation-level parameter, `in: body` vs requestBody are the same fact, not a change).

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Comparison {
  /** Every fact of the original document, sorted. */
  compared: string[];
  /** Facts of the original that the other document does not state, sorted; empty when nothing was lost. */
  lost: string[];
}

/** `/users/{id}/` -> `/users/{id}`; a template's name is kept (it is the parameter's name). */
function normalizePath(path: string): string {
  const p = path.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

/** Follows a local `#/a/b` reference; an unresolvable one throws with the pointer, never guesses. */
function resolveRef(doc: Json, value: unknown, seen = new Set<string>()): Json {
  if (!value || typeof value !== 'object') return value as Json;
  const ref = (value as Json).$ref;
  if (typeof ref !== 'string') return value as Json;
  if (!ref.startsWith('#/')) throw new Error(`openapi-compare: only local $refs can be followed, got ${ref}`);
  if (seen.has(ref)) throw new Error(`openapi-compare: $ref cycle at ${ref}`);
  seen.add(ref);
  let target: unknown = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    target = (target as Json | undefined)?.[key];
  }
  if (target === undefined) throw new Error(`openapi-compare: $ref to nowhere: ${ref}`);
  return resolveRef(doc, target, seen);
}

/** Header names are case-insensitive on the wire; everything else is compared as written. */
function paramKey(p: Json): string {
  const name = p.in === 'header' ? String(p.name).toLowerCase() : String(p.name);
  return `${p.in} ${name}`;
}

/** The facts a document states, one string each. */
export function documentFacts(doc: Json): string[] {
  const facts = new Set<string>();
  const swagger2 = typeof doc.swagger === 'string';
  for (const [rawPath, rawItem] of Object.entries<Json>(doc.paths ?? {})) {
    const path = normalizePath(rawPath);
    const item = resolveRef(doc, rawItem);
    const shared = (item.parameters ?? []).map((p: unknown) => resolveRef(doc, p));
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      facts.add(`operation ${where}`);
      // Operation-level parameters override path-level ones with the same name and location.
      const params = new Map<string, Json>();
      for (const p of [...shared, ...(op.parameters ?? []).map((x: unknown) => resolveRef(doc, x))]) params.set(paramKey(p), p);
      let body: { required: boolean } | undefined;
      for (const [key, p] of params) {
        if (swagger2 && (p.in === 'body' || p.in === 'formData')) {
          body = { required: body?.required || p.required === true };
          continue;
        }
        facts.add(`parameter ${where} ${key} ${p.in === 'path' || p.required === true ? 'required' : 'optional'}`);
        const format = swagger2 ? p.format : schemaFormat(doc, p.schema);
        if (typeof format === 'string') facts.add(`parameter ${where} ${key} format ${format}`);
      }
      if (op.requestBody) body = { required: resolveRef(doc, op.requestBody).required === true };
      if (body) facts.add(`requestBody ${where} ${body.required ? 'required' : 'optional'}`);
      // What the body is for: a Swagger 2.0 `in: body` parameter's description is the 3.x requestBody's.
      const bodyDescription = swagger2 ? [...params.values()].find((p) => p.in === 'body')?.description : resolveRef(doc, op.requestBody)?.description;
      if (typeof bodyDescription === 'string' && bodyDescription) facts.add(`requestBody ${where} description ${JSON.stringify(bodyDescription)}`);
      if (swagger2 ? [...params.values()].some((p) => p.in === 'formData' || (p.in === 'body' && hasSchema(doc, p.schema)))
        : Object.values<Json>(resolveRef(doc, op.requestBody)?.content ?? {}).some((m) => hasSchema(doc, m?.schema))) {
        facts.add(`requestBody ${where} schema`);
      }
      if (!swagger2) {
        for (const [type, media] of Object.entries<Json>(resolveRef(doc, op.requestBody)?.content ?? {})) {
          for (const fact of exampleFacts(media)) facts.add(`requestBody ${where} ${type} ${fact}`);
        }
      }
      for (const kind of bodyKinds(doc, op, [...params.values()], swagger2)) facts.add(`requestBody ${where} ${kind}`);
      if (typeof op.summary === 'string' && op.summary) facts.add(`summary ${where} ${JSON.stringify(op.summary)}`);
      if (typeof op.description === 'string' && op.description) facts.add(`description ${where} ${JSON.stringify(op.description)}`);
      for (const tag of op.tags ?? []) facts.add(`tag ${where} ${tag}`);
      for (const [status, raw] of Object.entries<Json>(op.responses ?? {})) {
        facts.add(`response ${where} ${status}`);
        const res = resolveRef(doc, raw);
        for (const name of Object.keys(res?.headers ?? {})) facts.add(`response ${where} ${status} header ${name.toLowerCase()}`);
        const media = responseMedia(doc, res, swagger2 ? op.produces ?? doc.produces ?? [] : undefined);
        const schema = Object.values(media).some((m) => hasSchema(doc, m.schema)) || hasSchema(doc, writtenSchema(res));
        if (schema) facts.add(`response ${where} ${status} body schema`);
        for (const [type, m] of Object.entries<Json>(media)) {
          facts.add(`response ${where} ${status} ${type} ${hasSchema(doc, m?.schema) ? 'schema' : 'without schema'}`);
          for (const fact of exampleFacts(m)) facts.add(`response ${where} ${status} ${type} ${fact}`);
        }
      }
    }
  }
  for (const key of ['title', 'version', 'description', 'termsOfService'] as const) {
    if (typeof doc.info?.[key] === 'string' && doc.info[key]) facts.add(`info ${key} ${JSON.stringify(doc.info[key])}`);
  }
  for (const part of ['contact', 'license'] as const) {
    for (const [key, value] of Object.entries<unknown>(doc.info?.[part] ?? {})) facts.add(`info ${part} ${key} ${JSON.stringify(value)}`);
  }
  // A Swagger 2.0 shared parameter `in: body` or `in: formData` is no parameter in 3.x but part of the request
  // bodies that use it: stated (and compared) there, not as a named component a converted document could keep.
  const parameters = swagger2 && doc.parameters
    ? Object.fromEntries(Object.entries<Json>(doc.parameters).filter(([, p]) => p?.in !== 'body' && p?.in !== 'formData'))
    : undefined;
  const components: Record<string, Json | undefined> = swagger2
    ? { schemas: doc.definitions, parameters, responses: doc.responses, securitySchemes: doc.securityDefinitions }
    : doc.components ?? {};
  for (const [kind, entries] of Object.entries(components)) {
    for (const name of Object.keys(entries ?? {})) facts.add(`component ${kind} ${name}`);
  }
  // A format tells a client how to read a value (`int64` a long, `binary` a file, `date-time` a timestamp): those
  // of named schemas' own properties (and their items) are compared, where a generator may drop them.
  for (const [name, schema] of Object.entries<Json>(components.schemas ?? {})) {
    for (const [prop, value] of Object.entries<Json>(schema?.properties ?? {})) {
      const format = schemaFormat(doc, value);
      if (typeof format === 'string') facts.add(`component schemas ${name} property ${prop} format ${format}`);
      const items = value && typeof value === 'object' && !value.$ref ? schemaFormat(doc, value.items) : undefined;
      if (typeof items === 'string') facts.add(`component schemas ${name} property ${prop} items format ${items}`);
    }
  }
  return [...facts].sort();
}

/** The format a schema written in place states (a `$ref` names another schema, whose own facts are its own). */
function schemaFormat(doc: Json, schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || (schema as Json).$ref !== undefined) return undefined;
  return (schema as Json).format;
}

/**
 * A response's media types with their schemas and examples. Swagger 2.0 has one `schema` for every type of the
 * operation's `produces` (none listed: no media type is stated, only the body schema) and keys its examples by
 * media type; 3.x says each in `content`.
 */
function responseMedia(doc: Json, res: Json | undefined, produces: string[] | undefined): Record<string, Json> {
  if (!produces) return res?.content ?? {};
  const schema = writtenSchema(res);
  const out: Record<string, Json> = {};
  if (hasSchema(doc, schema)) for (const type of produces) out[type] = { schema };
  for (const [type, example] of Object.entries<unknown>(res?.examples ?? {})) out[type] = { ...(schema ? { schema } : {}), ...out[type], example };
  return out;
}

/** Keywords only a schema has (a response has none of them). */
const SCHEMA_SHAPE_KEYS = ['type', 'properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'enum'];

/**
 * The body schema a response states outside `content`: Swagger 2.0's `schema`, the same key in a 3.x document (a
 * 2.0 habit), or a schema written in place of the response object (`200: { type: object, properties: ... }`,
 * junaiddevworks/ecommerceTask). swagger-ui shows no body for the last two, but their authors plainly stated one:
 * a document that drops it loses a fact.
 */
function writtenSchema(res: Json | undefined): unknown {
  if (!res || typeof res !== 'object' || res.content !== undefined) return undefined;
  if (res.schema !== undefined) return res.schema;
  if (!SCHEMA_SHAPE_KEYS.some((k) => res[k] !== undefined)) return undefined;
  return Object.fromEntries(Object.entries(res).filter(([k]) => !['description', 'headers', 'links', 'examples'].includes(k) && !k.startsWith('x-')));
}

/** A schema that states something: `{}` (and `true`) accepts anything, as if there were none. */
function hasSchema(doc: Json, schema: unknown): boolean {
  if (schema === undefined || schema === null || schema === true) return false;
  let s: Json;
  try {
    s = resolveRef(doc, schema);
  } catch (err) {
    // A component that is only a `$ref` to itself (an alias turned into a cycle) states no schema either.
    if (/\$ref cycle/.test((err as Error).message)) return false;
    // A reference into another file (a spec split over files) names a schema this comparison does not open; so does
    // one to a component the document lacks (swagger-jsdoc output whose components live in a file its `apis` miss,
    // nanotaboada/ts-node-samples-express-restful): the author stated a schema by its name.
    if (/only local \$refs|\$ref to nowhere/.test((err as Error).message)) return true;
    throw err;
  }
  return !(s && typeof s === 'object' && Object.keys(s).length === 0);
}

/** `example` / `examples` of a media type, by presence (named examples by name). */
function exampleFacts(media: Json | undefined): string[] {
  const out: string[] = [];
  if (media?.example !== undefined) out.push('example');
  for (const name of Object.keys(media?.examples ?? {})) out.push(`examples ${name}`);
  return out;
}

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** How a request body travels: `json`, `form` (either form encoding: a client may pick), or the media type. */
function bodyKinds(doc: Json, op: Json, params: Json[], swagger2: boolean): string[] {
  const kind = (t: string) => (/json/.test(t) || t === '*/*' ? 'json' : FORM_TYPES.has(t) ? 'form' : t);
  if (swagger2) {
    const consumes: string[] = op.consumes ?? doc.consumes ?? [];
    if (params.some((p) => p.in === 'formData')) return ['form'];
    if (params.some((p) => p.in === 'body')) return [...new Set((consumes.length ? consumes : ['application/json']).map(kind))];
    return [];
  }
  return [...new Set(Object.keys(resolveRef(doc, op.requestBody)?.content ?? {}).map(kind))];
}

/** Every fact of `original` that `other` lacks (required-ness must match exactly: it is part of the fact). */
export function compareDocuments(original: Json, other: Json): Comparison {
  const compared = documentFacts(original);
  const have = new Set(documentFacts(other));
  return { compared, lost: compared.filter((f) => !have.has(f)) };
}
