// Semantic comparison of two JSON Schemas (OpenAPI 3.0 or 3.1 dialect) for the round trip
// docs -> zod -> OpenAPI: what validates (types, nullability, required sets, enums, bounds,
// formats, refs, composition) must match; order and cosmetic keys (description, example, title,
// xml, deprecated...) do not. Spellings that mean the same are folded first: 3.0 `nullable` vs
// 3.1 `type: [.., "null"]` vs `anyOf: [.., {type: null}]`, `const` vs one-value `enum`, boolean
// vs numeric exclusive bounds, `additionalProperties: true` vs absent, a one-member allOf.
// No kept library compares schemas semantically (json-schema-diff-validator & co. diff text and
// report order changes), hence this file.

export interface SchemaDifference {
  /** JSON pointer inside the original schema. */
  path: string;
  /** The keyword that differs: type, nullable, required, enum, format, minimum, $ref, properties, ... */
  keyword: string;
  expected: unknown;
  actual: unknown;
}

type Node = Record<string, unknown>;

/** Keys that never change what validates. */
const COSMETIC = new Set([
  'description', 'summary', 'title', 'example', 'examples', 'xml', 'externalDocs', 'deprecated',
  'readOnly', 'writeOnly', '$schema', '$id', '$comment', 'contentMediaType', 'contentEncoding', 'encoding', 'style', 'explode',
]);

const TYPE_KEYWORDS: Array<[string[], string[]]> = [
  [['string'], ['minLength', 'maxLength', 'pattern']],
  [['number', 'integer'], ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
  [['array'], ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  [['object'], ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames']],
];

const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]);
const FORMAT_BOUNDS: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const isNullSchema = (s: unknown): boolean =>
  !!s && typeof s === 'object' && (s as Node).type === 'null' && Object.keys(stripCosmetic(s as Node)).length === 1;

function stripCosmetic(s: Node): Node {
  const out: Node = {};
  for (const [k, v] of Object.entries(s)) if (!COSMETIC.has(k) && !k.startsWith('x-')) out[k] = v;
  return out;
}

/** One node folded to a canonical spelling; children are left raw and normalized when visited. */
/** Looks a `$ref` up in the components of the side it comes from. */
export type RefResolver = (ref: string) => unknown;

export interface CompareOptions {
  expectedRefs?: RefResolver;
  actualRefs?: RefResolver;
  /** How many refs were followed to reach this node (internal: bounds cycles). */
  inlinedRefDepth?: number;
}

/** One node folded to a canonical spelling; children are left raw and normalized when visited.
 *  With `resolve`, an allOf of plain object schemas (refs followed) is merged into one object, the
 *  way zod's `.extend()` reads back. */
export function normalizeSchema(schema: unknown, resolve?: RefResolver): Node & { nullable: boolean } {
  if (schema === true || schema === undefined) return { nullable: false };
  if (schema === false) return { nullable: false, not: {} };
  if (!schema || typeof schema !== 'object') return { nullable: false, invalid: schema };
  let s = stripCosmetic(schema as Node);
  let nullable = false;
  if (s.nullable === true) nullable = true;
  delete s.nullable;
  if (Array.isArray(s.type)) {
    const types = (s.type as string[]).filter((t) => t !== 'null');
    if (types.length < (s.type as string[]).length) nullable = true;
    if (types.length === 0) { s.type = 'null'; nullable = false; } else s.type = types.length === 1 ? types[0] : [...types].sort();
  }
  if ('const' in s) {
    s.enum = [s.const];
    delete s.const;
  }
  if (Array.isArray(s.enum) && s.enum.includes(null) && s.enum.length > 1) {
    nullable = true;
    s.enum = s.enum.filter((v) => v !== null);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key] as unknown[] | undefined;
    if (!Array.isArray(branches) || !branches.some(isNullSchema)) continue;
    nullable = true;
    const rest = branches.filter((b) => !isNullSchema(b));
    delete s[key];
    if (rest.length > 1) s[key] = rest;
    else if (rest.length === 1) s = mergeSingle(s, rest[0]);
  }
  const untyped = nullable ? untypedBranches(s.anyOf) : undefined;
  if (untyped) {
    delete s.anyOf;
    if (untyped.length === 1) s = mergeSingle(s, untyped[0]);
    else s.anyOf = untyped;
    nullable = false;
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1) {
    const [only] = s.allOf as unknown[];
    delete s.allOf;
    s = mergeSingle(s, only);
  }
  if (Array.isArray(s.allOf)) {
    const merged = mergeObjectAllOf(s, resolve) ?? mergeDisjointAllOf(s);
    if (merged) s = merged;
  }
  // A union directly inside a union of the same kind is one union (zod-to-openapi flattens
  // z.union([z.union([a, b]), c])). Exact for anyOf; for oneOf it differs only for a value that
  // matches every branch, which no real schema intends.
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (!Array.isArray(branches)) continue;
    s[key] = branches.flatMap((b) => {
      const inner = b && typeof b === 'object' ? stripCosmetic(b as Node) : undefined;
      return inner && Object.keys(inner).length === 1 && Array.isArray(inner[key]) ? (inner[key] as unknown[]) : [b];
    });
  }
  // anyOf/oneOf of bare types is a type list (`type: [string, number]` reads back as a z.union).
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = s[key];
    if (s.type !== undefined || !Array.isArray(branches) || branches.length < 2) continue;
    const bare = branches.map((b) => (b && typeof b === 'object' ? stripCosmetic(b as Node) : undefined));
    if (!bare.every((b) => b && Object.keys(b).length === 1 && typeof b.type === 'string')) continue;
    delete s[key];
    s.type = [...new Set(bare.map((b) => b!.type as string))].sort();
    if ((s.type as string[]).length === 1) s.type = (s.type as string[])[0];
  }
  // A nullable member folded in above may itself say nullable.
  if (s.nullable === true || (Array.isArray(s.type) && (s.type as string[]).includes('null'))) {
    const inner = normalizeSchema(s, resolve);
    return { ...inner, nullable: true };
  }
  if (s.exclusiveMinimum === true) { s.exclusiveMinimum = s.minimum; delete s.minimum; }
  if (s.exclusiveMinimum === false) delete s.exclusiveMinimum;
  if (s.exclusiveMaximum === true) { s.exclusiveMaximum = s.maximum; delete s.maximum; }
  if (s.exclusiveMaximum === false) delete s.exclusiveMaximum;
  // Bounds a format or zod's safe-integer int() implies say nothing the type does not.
  const implied = typeof s.format === 'string' ? FORMAT_BOUNDS[s.format] : undefined;
  for (const key of ['minimum', 'maximum'] as const) {
    const v = s[key];
    if (typeof v !== 'number') continue;
    if ((s.type === 'integer' && SAFE_INTEGER_BOUNDS.has(v)) || (implied && implied.includes(v))) delete s[key];
  }
  // Keywords for another type than the declared one(s) never apply (minLength on an integer).
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    for (const [applies, keys] of TYPE_KEYWORDS) if (!types.some((t) => applies.includes(t))) for (const k of keys) delete s[k];
  }
  // Once enum lists the values, a type they all have says nothing more (zod-to-openapi adds it).
  if (Array.isArray(s.enum) && typeof s.type === 'string' && s.enum.every((v) => jsonTypeMatches(v, s.type as string))) delete s.type;
  if (s.items && typeof s.items === 'object' && Object.keys(stripCosmetic(s.items as Node)).length === 0) delete s.items;
  if (s.additionalProperties === true || (s.additionalProperties && typeof s.additionalProperties === 'object' && Object.keys(stripCosmetic(s.additionalProperties as Node)).length === 0)) delete s.additionalProperties;
  if (s.uniqueItems === false) delete s.uniqueItems;
  if (Array.isArray(s.required) && s.required.length === 0) delete s.required;
  if (s.properties && typeof s.properties === 'object' && Object.keys(s.properties).length === 0) delete s.properties;
  return { ...s, nullable };
}

function jsonTypeMatches(v: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(v);
  if (type === 'null') return v === null;
  if (type === 'array') return Array.isArray(v);
  if (type === 'object') return !!v && typeof v === 'object' && !Array.isArray(v);
  return typeof v === type;
}

// Keys an allOf member may have and still be merged as "plain object"; `discriminator` on a base
// schema speaks of the union the base heads, not of the subtype that extends it.
const MERGEABLE = new Set(['type', 'properties', 'required', 'discriminator']);

/** `allOf: [{$ref: Base}, {properties...}]` -> one object with every member's properties and
 *  required names; undefined when a member is not a plain object or two members disagree. */
function mergeObjectAllOf(s: Node, resolve: RefResolver | undefined, depth = 0): Node | undefined {
  if (depth > 8) return undefined;
  const members: Node[] = [];
  for (const raw of s.allOf as unknown[]) {
    let m = raw && typeof raw === 'object' ? stripCosmetic(raw as Node) : undefined;
    if (m && typeof m.$ref === 'string') {
      const target = resolve?.(m.$ref);
      const { $ref: _r, ...siblings } = m;
      if (!target || typeof target !== 'object' || Object.keys(siblings).length) return undefined;
      m = stripCosmetic(target as Node);
    }
    if (!m) return undefined;
    if (Array.isArray(m.allOf)) {
      const inner = mergeObjectAllOf(m, resolve, depth + 1);
      if (!inner) return undefined;
      m = inner;
    }
    if (Object.keys(m).some((k) => !MERGEABLE.has(k)) || (m.type !== undefined && m.type !== 'object')) return undefined;
    members.push(m);
  }
  const { allOf: _a, ...rest } = s;
  const out: Node = { ...rest, type: 'object' };
  if (rest.type !== undefined && rest.type !== 'object') return undefined;
  const properties: Node = { ...((rest.properties as Node) ?? {}) };
  const required = new Set<string>((rest.required as string[]) ?? []);
  for (const m of members) {
    for (const [k, v] of Object.entries((m.properties as Node) ?? {})) {
      if (k in properties && canonical(properties[k]) !== canonical(v)) return undefined;
      properties[k] = v;
    }
    for (const r of (m.required as string[]) ?? []) required.add(r);
  }
  out.properties = properties;
  if (required.size) out.required = [...required];
  return out;
}

// Keywords whose meaning depends on sibling keywords (which properties count as "additional").
const ENTANGLED = ['additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'patternProperties'];

/** An allOf whose members use different keywords (`{type: string}` and `{anyOf: [...]}`) is the
 *  same as one schema holding them all — how `z.string().and(z.union(...))` reads back. */
function mergeDisjointAllOf(s: Node): Node | undefined {
  const { allOf, ...rest } = s;
  const out: Node = { ...rest };
  for (const raw of allOf as unknown[]) {
    if (!raw || typeof raw !== 'object') return undefined;
    const m = stripCosmetic(raw as Node);
    if (typeof m.$ref === 'string') return undefined;
    for (const [k, v] of Object.entries(m)) {
      if (k in out || ENTANGLED.includes(k)) return undefined;
      out[k] = v;
    }
  }
  if (ENTANGLED.some((k) => k in out)) return undefined;
  return out;
}

const JSON_TYPES = ['array', 'boolean', 'number', 'object', 'string'];

/** A schema without `type` (`{ properties }`) accepts every other type unchecked, so the emitter
 *  writes it as a union of the checked type and one bare branch per other type (null being the
 *  nullable the caller already folded); an anyOf of such schemas flattens into one union with the
 *  bare branches once. Given that anyOf: the checked branches without their `type`. */
function untypedBranches(branches: unknown): Node[] | undefined {
  if (!Array.isArray(branches)) return undefined;
  const nodes = branches.map((b) => (b && typeof b === 'object' ? stripCosmetic(b as Node) : {}));
  const empty = (v: unknown) => v === undefined || (!!v && typeof v === 'object' && Object.keys(v).length === 0);
  const isBare = (n: Node) => typeof n.type === 'string' && Object.keys(n).every((k) => k === 'type' || ((k === 'items' || k === 'additionalProperties') && empty(n[k])));
  const typeOf = (n: Node) => (n.type === 'integer' ? 'number' : n.type);
  const checked = nodes.filter((n) => !isBare(n));
  if (checked.length === 0 || !checked.every((n) => typeof n.type === 'string' && typeOf(n) === typeOf(checked[0]))) return undefined;
  const bare = nodes.filter(isBare).map(typeOf);
  const others = JSON_TYPES.filter((t) => t !== typeOf(checked[0]));
  if (bare.length !== others.length || !others.every((t) => bare.includes(t))) return undefined;
  return checked.map(({ type: _type, ...rest }) => rest);
}

function mergeSingle(parent: Node, member: unknown): Node {
  const m = member && typeof member === 'object' ? stripCosmetic(member as Node) : {};
  const out: Node = { ...parent };
  for (const [k, v] of Object.entries(m)) {
    if (k in out && JSON.stringify(out[k]) !== JSON.stringify(v)) return { ...parent, allOf: [member] };
    out[k] = v;
  }
  return out;
}

const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x);

const asSet = (v: unknown): string[] => (Array.isArray(v) ? [...new Set(v.map(canonical))].sort() : v === undefined ? [] : [canonical(v)]);

const sameSet = (a: unknown, b: unknown): boolean => canonical(asSet(a)) === canonical(asSet(b));

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

const HANDLED = new Set(['nullable', 'type', 'enum', 'required', 'properties', 'additionalProperties', 'items', 'prefixItems',
  'allOf', 'anyOf', 'oneOf', 'not', '$ref', 'discriminator', 'patternProperties', 'if', 'then', 'else', 'contains', 'propertyNames']);

/** Every semantic difference between `expected` (the original) and `actual` (the round-tripped one).
 *  `$ref`s are compared by target, not followed: each named schema is compared on its own. */
export function compareSchemas(expected: unknown, actual: unknown, options: CompareOptions = {}, path = ''): SchemaDifference[] {
  const a = normalizeSchema(expected, options.expectedRefs);
  const b = normalizeSchema(actual, options.actualRefs);
  const out: SchemaDifference[] = [];
  const diff = (keyword: string, e: unknown, x: unknown, at = path) => out.push({ path: at, keyword, expected: e, actual: x });

  if (a.nullable !== b.nullable) diff('nullable', a.nullable, b.nullable);
  if (a.$ref !== undefined || b.$ref !== undefined) {
    if (a.$ref !== undefined && b.$ref !== undefined) {
      if (a.$ref !== b.$ref) diff('$ref', a.$ref, b.$ref);
      return out;
    }
    // One side names a component, the other spells it out (an alias component read back inlined):
    // equal when the named component is (a few levels deep at most, for cycles).
    const depth = options.inlinedRefDepth ?? 0;
    const target = a.$ref !== undefined ? options.expectedRefs?.(a.$ref as string) : options.actualRefs?.(b.$ref as string);
    if (target === undefined || depth >= 3 || Object.keys(a.$ref !== undefined ? a : b).some((k) => k !== '$ref' && k !== 'nullable')) {
      diff('$ref', a.$ref, b.$ref);
      return out;
    }
    const nullable = a.$ref !== undefined ? a.nullable : b.nullable;
    const resolved = nullable ? { anyOf: [target, { type: 'null' }] } : target;
    const deeper = { ...options, inlinedRefDepth: depth + 1 };
    return a.$ref !== undefined ? compareSchemas(resolved, actual, deeper, path) : compareSchemas(expected, resolved, deeper, path);
  }
  if (!sameSet(a.type, b.type)) diff('type', a.type, b.type);
  if (!sameSet(a.enum, b.enum)) diff('enum', a.enum, b.enum);
  if (!sameSet(a.required, b.required)) {
    const ea = asSet(a.required);
    const eb = asSet(b.required);
    diff('required', ea.filter((r) => !eb.includes(r)).map((r) => JSON.parse(r)), eb.filter((r) => !ea.includes(r)).map((r) => JSON.parse(r)));
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (HANDLED.has(key)) continue;
    if (canonical(a[key]) !== canonical(b[key])) diff(key, a[key], b[key]);
  }
  const pa = (a.properties ?? {}) as Node;
  const pb = (b.properties ?? {}) as Node;
  for (const name of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const at = `${path}/properties/${escape(name)}`;
    if (!(name in pb)) diff('properties', name, undefined, at);
    else if (!(name in pa)) diff('properties', undefined, name, at);
    else out.push(...compareSchemas(pa[name], pb[name], options, at));
  }
  for (const key of ['patternProperties'] as const) {
    const ma = (a[key] ?? {}) as Node;
    const mb = (b[key] ?? {}) as Node;
    for (const name of new Set([...Object.keys(ma), ...Object.keys(mb)])) out.push(...compareSchemas(ma[name] ?? false, mb[name] ?? false, options, `${path}/${key}/${escape(name)}`));
  }
  for (const key of ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'] as const) {
    if (a[key] === undefined && b[key] === undefined) continue;
    if (a[key] === undefined || b[key] === undefined || a[key] === false || b[key] === false) {
      if (canonical(a[key]) !== canonical(b[key])) diff(key, a[key], b[key], `${path}/${key}`);
      continue;
    }
    out.push(...compareSchemas(a[key], b[key], options, `${path}/${key}`));
  }
  if (a.prefixItems !== undefined || b.prefixItems !== undefined) {
    const la = (a.prefixItems ?? []) as unknown[];
    const lb = (b.prefixItems ?? []) as unknown[];
    if (la.length !== lb.length) diff('prefixItems', la.length, lb.length);
    else la.forEach((s, i) => out.push(...compareSchemas(s, lb[i], options, `${path}/prefixItems/${i}`)));
  }
  out.push(...compareBranches(a, b, options, path));
  const da = (a.discriminator as Node | undefined)?.propertyName;
  const db = (b.discriminator as Node | undefined)?.propertyName;
  if (da !== db) diff('discriminator', da, db);
  return out;
}

/** allOf/anyOf/oneOf, order ignored: each original branch is paired with an equivalent one when
 *  there is one, else with the remaining branch at its own index. `oneOf` read back as `anyOf`
 *  is its own difference (exclusivity lost), not a missing keyword. */
function compareBranches(a: Node, b: Node, options: CompareOptions, path: string): SchemaDifference[] {
  const out: SchemaDifference[] = [];
  const ka = (['allOf', 'anyOf', 'oneOf'] as const).filter((k) => Array.isArray(a[k]));
  const kb = (['allOf', 'anyOf', 'oneOf'] as const).filter((k) => Array.isArray(b[k]));
  const used = new Set<string>();
  for (const key of ka) {
    let other: 'allOf' | 'anyOf' | 'oneOf' | undefined = kb.includes(key) ? key : undefined;
    if (!other && key !== 'allOf') {
      other = kb.find((k) => k !== 'allOf' && !ka.includes(k));
      if (other) out.push({ path, keyword: key, expected: key, actual: other });
    }
    if (!other) {
      out.push({ path, keyword: key, expected: (a[key] as unknown[]).length, actual: undefined });
      continue;
    }
    used.add(other);
    const la = a[key] as unknown[];
    const lb = [...(b[other] as unknown[])];
    if (la.length !== lb.length) out.push({ path: `${path}/${key}`, keyword: key, expected: la.length, actual: lb.length });
    const pending: Array<[unknown, number]> = [];
    la.forEach((branch, i) => {
      const j = lb.findIndex((c) => c !== undefined && compareSchemas(branch, c, options).length === 0);
      if (j >= 0) lb[j] = undefined;
      else pending.push([branch, i]);
    });
    for (const [branch, i] of pending) {
      const j = lb.findIndex((c) => c !== undefined);
      if (j < 0) break;
      out.push(...compareSchemas(branch, lb[j], options, `${path}/${key}/${i}`));
      lb[j] = undefined;
    }
  }
  for (const key of kb) if (!used.has(key)) out.push({ path, keyword: key, expected: undefined, actual: (b[key] as unknown[]).length });
  return out;
}

const DATA_KEYS = new Set(['enum', 'const', 'example', 'examples', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** What a variant of a schema promises: OpenAPI's readOnly properties are not part of a request,
 *  writeOnly ones not part of a response (the emitter's `XInput` / `X` exports). */
export function variantView(schema: unknown, variant: 'request' | 'response'): unknown {
  const drop = variant === 'request' ? 'readOnly' : 'writeOnly';
  const walk = (node: unknown, names = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n));
    if (!node || typeof node !== 'object') return node;
    const out: Node = {};
    // A name map's keys are names (a property called `default` holds a schema).
    if (names) { for (const [k, v] of Object.entries(node)) out[k] = walk(v); return out; }
    for (const [k, v] of Object.entries(node)) out[k] = DATA_KEYS.has(k) ? v : walk(v, NAME_MAPS.has(k));
    const props = out.properties;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      const gone = Object.keys(props).filter((name) => ((props as Node)[name] as Node | undefined)?.[drop] === true);
      if (gone.length) {
        out.properties = Object.fromEntries(Object.entries(props).filter(([name]) => !gone.includes(name)));
        if (Array.isArray(out.required)) out.required = (out.required as string[]).filter((r) => !gone.includes(r));
      }
    }
    return out;
  };
  return walk(schema);
}

/** Rewrites `$ref` targets through `rename` (e.g. a request variant `UserInput` back to `User`). */
export function renameRefs(schema: unknown, rename: (ref: string) => string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => renameRefs(s, rename));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Node = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === '$ref' && typeof v === 'string' ? rename(v) : k === 'enum' || k === 'const' || k === 'default' ? v : renameRefs(v, rename);
  }
  return out;
}

/** The class of a difference, as KNOWN-GAPS.md lists them: `format-dropped:int32`,
 *  `format-changed:url->uri`, `oneOf-as-anyOf`, else `<keyword>-dropped|added|changed`. */
export function differenceClass(d: SchemaDifference): string {
  if (d.keyword === 'format') return d.actual === undefined ? `format-dropped:${String(d.expected)}` : `format-changed:${String(d.expected)}->${String(d.actual)}`;
  if (d.keyword === 'oneOf' && d.actual === 'anyOf') return 'oneOf-as-anyOf';
  const how = d.actual === undefined ? 'dropped' : d.expected === undefined ? 'added' : 'changed';
  return `${d.keyword}-${how}`;
}
