// A route's validator translations into its documented operation: the validator IS the spec where there are
// no docs; where there are, the stricter rule wins field by field and every disagreement is said
// ("docs say string, Joi says 2-30 chars matching ^[\w-]+$"), for `check` and the report.
import type { JsonSchema as ModelSchema, OperationObject, ParameterObject } from '../model.js';
import type { JsonSchema, RequestLocation, TranslatedValidator } from './types.js';

export interface ValidatorDisagreement {
  /** `body.name`, `query.limit` */
  field: string;
  message: string;
}

const PARAM_IN: Record<Exclude<RequestLocation, 'body'>, ParameterObject['in']> = { params: 'path', query: 'query', headers: 'header', cookies: 'cookie' };
/** A docs `#/components/schemas/X` to its schema (the docs' components), when the caller has them. */
export type ResolveRef = (ref: string) => JsonSchema | undefined;

const LIBRARY_NAME: Record<TranslatedValidator['library'], string> = {
  joi: 'Joi', celebrate: 'celebrate', 'express-validator': 'express-validator', 'class-validator': 'class-validator', yup: 'yup',
};

/** The operation a route's validators describe, on their own (a route without docs). */
export function validatorOperation(validators: TranslatedValidator[]): OperationObject {
  const op: OperationObject = {};
  for (const v of validators) {
    for (const [where, schema] of Object.entries(v.locations) as Array<[RequestLocation, JsonSchema]>) {
      // `query: Joi.object().required()`, `params: Joi.object({})`: a part validated only to exist says nothing a spec needs.
      if (isUnconstrained(schema)) continue;
      if (where === 'body') {
        const prev = op.requestBody?.content['application/json']?.schema as JsonSchema | undefined;
        // Joi passes an absent body unless a key is required (express.json leaves `{}` or undefined).
        const required = Array.isArray(schema.required) && schema.required.length > 0;
        op.requestBody = { required, content: { 'application/json': { schema: (prev ? { allOf: [prev, schema] } : schema) as ModelSchema } } };
        continue;
      }
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      for (const [name, s] of Object.entries(props)) {
        const params = (op.parameters ??= []);
        const existing = params.find((p) => p.in === PARAM_IN[where] && p.name === name);
        const param: ParameterObject = { name, in: PARAM_IN[where], required: where === 'params' || required.has(name), schema: s as ModelSchema };
        if (existing) Object.assign(existing, { required: existing.required || param.required, schema: { allOf: [existing.schema, s] } });
        else params.push(param);
      }
    }
  }
  return op;
}

function isUnconstrained(schema: JsonSchema): boolean {
  const props = schema.properties as Record<string, unknown> | undefined;
  return Object.keys(schema).every((k) => ['type', 'additionalProperties', 'properties'].includes(k))
    && schema.type === 'object' && (!props || Object.keys(props).length === 0);
}

/** The docs' operation with the validators' rules merged in (the stricter wins), and what disagreed. */
export function mergeValidators(doc: OperationObject, validators: TranslatedValidator[], resolveRef?: ResolveRef): { operation: OperationObject; disagreements: ValidatorDisagreement[] } {
  const disagreements: ValidatorDisagreement[] = [];
  const stricter = (docs: JsonSchema, mine: JsonSchema, field: string, lib: string, out: ValidatorDisagreement[]) => stricterOf(docs, mine, field, lib, out, resolveRef);
  const own = validatorOperation(validators);
  const lib = LIBRARY_NAME[validators[0]?.library ?? 'joi'];
  const operation: OperationObject = { ...doc };
  if (own.parameters?.length) {
    const params = [...(doc.parameters ?? [])];
    for (const p of own.parameters) {
      const i = params.findIndex((d) => d.in === p.in && d.name === p.name);
      const field = `${p.in === 'path' ? 'params' : p.in === 'header' ? 'headers' : p.in === 'cookie' ? 'cookies' : p.in}.${p.name}`;
      if (i < 0) {
        params.push(p);
        disagreements.push({ field, message: `docs do not declare ${field}, ${lib} says ${describe(p.schema as JsonSchema)}${p.required ? ' (required)' : ''}` });
        continue;
      }
      const d = params[i]!;
      const schema = stricter(d.schema as JsonSchema | undefined ?? {}, p.schema as JsonSchema, field, lib, disagreements);
      if (p.required && !d.required) disagreements.push({ field, message: `docs say ${field} is optional, ${lib} says it is required` });
      params[i] = { ...d, required: d.required || p.required, schema: schema as ModelSchema };
    }
    operation.parameters = params;
  }
  const body = own.requestBody?.content['application/json']?.schema as JsonSchema | undefined;
  if (body) {
    const media = doc.requestBody?.content['application/json'] ?? Object.values(doc.requestBody?.content ?? {})[0];
    const docBody = media?.schema as JsonSchema | undefined;
    if (!docBody) {
      operation.requestBody = { ...(doc.requestBody ?? {}), required: true, content: { ...(doc.requestBody?.content ?? {}), 'application/json': { ...(media ?? {}), schema: body as ModelSchema } } };
      disagreements.push({ field: 'body', message: `docs declare no request body, ${lib} says ${describe(body)}` });
    } else {
      const merged = stricter(docBody, body, 'body', lib, disagreements);
      const type = Object.keys(doc.requestBody!.content).find((t) => doc.requestBody!.content[t] === media)!;
      operation.requestBody = { ...doc.requestBody!, content: { ...doc.requestBody!.content, [type]: { ...media, schema: merged as ModelSchema } } };
    }
  }
  return { operation, disagreements };
}

const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
/** Keywords that only ever narrow what passes: taken from the validator where the docs do not say them. */
const NARROWING = ['pattern', 'format', 'enum', 'const', 'multipleOf', 'uniqueItems', 'not', 'allOf', 'anyOf', 'oneOf', 'patternProperties'];

/**
 * The stricter of two schemas for the same value, keyword by keyword: the higher lower bound, the lower upper
 * bound, both patterns, the validator's enum/format where the docs have none. A `$ref` in the docs is merged
 * as the schema it names: the result stays the `$ref` when the validator adds nothing (the named schema stays
 * one), else it is the merged schema written out for this request alone (the component keeps serving its other
 * uses, responses among them). A `$ref` that does not resolve gets the validator's rules beside it in allOf:
 * both apply, so enforce never checks less than the middleware it replaces.
 */
function stricterOf(docs: JsonSchema, mine: JsonSchema, field: string, lib: string, out: ValidatorDisagreement[], resolveRef: ResolveRef | undefined, depth = 0): JsonSchema {
  if (typeof docs !== 'object' || docs === null) return mine;
  const stricter = (d: JsonSchema, m: JsonSchema, f: string, l: string, o: ValidatorDisagreement[]) => stricterOf(d, m, f, l, o, resolveRef, depth + 1);
  if (docs.$ref) {
    const named = depth < 32 ? resolveRef?.(String(docs.$ref)) : undefined;
    if (!named || typeof named !== 'object') {
      out.push({ field, message: `docs say ${String(docs.$ref).replace('#/components/schemas/', '')}, ${lib} says ${describe(mine)}` });
      return { allOf: [docs, mine] };
    }
    const said: ValidatorDisagreement[] = [];
    const merged = stricter(named, mine, field, lib, said);
    out.push(...said);
    return said.length === 0 && JSON.stringify(merged) === JSON.stringify(named) ? docs : merged;
  }
  const docType = docs.type;
  if (mine.type !== undefined && docType !== undefined && disjointTypes(docType, mine.type)) {
    // A plain contradiction (a body the docs call a number, an object to the validator): the docs' keywords are
    // for a value of another type, so the validator decides alone; only the docs' description stays.
    out.push({ field, message: `docs say ${describe(docs)}, ${lib} says ${describe(mine)}` });
    return docs.description !== undefined && mine.description === undefined ? { ...mine, description: docs.description } : mine;
  }
  const merged: JsonSchema = { ...docs };
  const said: string[] = [];
  if (mine.type !== undefined && docType !== undefined && JSON.stringify(mine.type) !== JSON.stringify(docType)) {
    // integer inside number is the narrower; anything else is a plain contradiction the validator decides today.
    merged.type = mine.type;
    said.push('type');
  } else if (mine.type !== undefined && docType === undefined) merged.type = mine.type;
  for (const k of LOWER_BOUNDS) {
    if (typeof mine[k] !== 'number') continue;
    if (typeof docs[k] !== 'number' || (mine[k] as number) > (docs[k] as number)) { merged[k] = mine[k]; if (!(k === 'minLength' && mine[k] === 1)) said.push(k); }
  }
  for (const k of UPPER_BOUNDS) {
    if (typeof mine[k] !== 'number') continue;
    if (typeof docs[k] !== 'number' || (mine[k] as number) < (docs[k] as number)) { merged[k] = mine[k]; said.push(k); }
  }
  for (const k of NARROWING) {
    if (mine[k] === undefined || JSON.stringify(mine[k]) === JSON.stringify(docs[k])) continue;
    if (docs[k] === undefined) merged[k] = mine[k];
    else if (k === 'pattern') merged.allOf = [...((docs.allOf as JsonSchema[]) ?? []), { pattern: mine.pattern }];
    else if (k === 'enum') merged.enum = (docs.enum as unknown[]).filter((v) => (mine.enum as unknown[]).some((m) => JSON.stringify(m) === JSON.stringify(v)));
    else merged[k] = mine[k];
    said.push(k);
  }
  if (mine.default !== undefined && docs.default === undefined) merged.default = mine.default;
  if (said.length) out.push({ field, message: `docs say ${describe(docs)}, ${lib} says ${describe(mine)}` });
  if (mine.properties && (docs.properties || docs.type === 'object')) {
    const props: Record<string, JsonSchema> = { ...((docs.properties as Record<string, JsonSchema>) ?? {}) };
    for (const [name, s] of Object.entries(mine.properties as Record<string, JsonSchema>)) {
      const sub = `${field}.${name}`;
      if (!props[name]) { props[name] = s; out.push({ field: sub, message: `docs do not declare ${sub}, ${lib} says ${describe(s)}` }); continue; }
      props[name] = stricter(props[name]!, s, sub, lib, out);
    }
    merged.properties = props;
    const req = new Set([...((docs.required as string[]) ?? [])]);
    for (const r of (mine.required as string[] | undefined) ?? []) {
      if (!req.has(r)) out.push({ field: `${field}.${r}`, message: `docs say ${field}.${r} is optional, ${lib} says it is required` });
      req.add(r);
    }
    if (req.size) merged.required = [...req];
    if (mine.additionalProperties === false && docs.additionalProperties === undefined) merged.additionalProperties = false;
  }
  if (mine.items && docs.items && typeof docs.items === 'object') merged.items = stricter(docs.items as JsonSchema, mine.items as JsonSchema, `${field}[]`, lib, out);
  else if (mine.items && !docs.items) merged.items = mine.items;
  return merged;
}

/** Whether no value has both types (`integer` is a `number`; a type list shares any of its types). */
function disjointTypes(a: unknown, b: unknown): boolean {
  const set = (t: unknown) => new Set((Array.isArray(t) ? t : [t]).flatMap((x) => (x === 'integer' ? ['integer', 'number'] : [x])));
  const [x, y] = [set(a), set(b)];
  return ![...x].some((t) => y.has(t));
}

/** A schema in a few words: `string of 2-30 chars matching ^[\w-]+$`. */
export function describe(s: JsonSchema | undefined): string {
  if (!s || typeof s !== 'object') return 'anything';
  if (s.$ref) return String(s.$ref).replace('#/components/schemas/', '');
  if (s.const !== undefined) return `exactly ${JSON.stringify(s.const)}`;
  if (Array.isArray(s.enum)) return `one of ${s.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  if (Array.isArray(s.anyOf)) return (s.anyOf as JsonSchema[]).map(describe).join(' or ');
  const parts: string[] = [Array.isArray(s.type) ? s.type.join(' or ') : String(s.type ?? 'any value')];
  if (s.format) parts.push(`(${String(s.format)})`);
  const lo = s.minLength as number | undefined;
  const hi = s.maxLength as number | undefined;
  if (lo !== undefined && hi !== undefined) parts.push(`of ${lo}-${hi} chars`);
  else if (hi !== undefined) parts.push(`of at most ${hi} chars`);
  else if (lo !== undefined && lo > 1) parts.push(`of at least ${lo} chars`);
  else if (lo === 1) parts.push('non-empty');
  if (s.minimum !== undefined) parts.push(`>= ${String(s.minimum)}`);
  if (s.exclusiveMinimum !== undefined) parts.push(`> ${String(s.exclusiveMinimum)}`);
  if (s.maximum !== undefined) parts.push(`<= ${String(s.maximum)}`);
  if (s.exclusiveMaximum !== undefined) parts.push(`< ${String(s.exclusiveMaximum)}`);
  if (s.minItems !== undefined || s.maxItems !== undefined) parts.push(`with ${String(s.minItems ?? 0)}-${String(s.maxItems ?? 'any')} items`);
  if (s.pattern) parts.push(`matching ${String(s.pattern)}`);
  if (s.properties) parts.push(`with keys ${Object.keys(s.properties as object).join(', ')}`);
  return parts.join(' ');
}
