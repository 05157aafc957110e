// Instances for the differential check: valid ones from json-schema-faker (seeded, offline, sync),
// and mutated ones made here by breaking one constraint of a valid instance at a time — wrong type,
// null where not nullable, missing required, out of range, bad enum, bad format, extra property,
// too short/long... A mutation is only a *candidate* invalid instance: ajv decides what it is.
// json-schema-faker has no mutation mode, hence the mutator below.
import { createGeneratorSync } from 'json-schema-faker';
import type { JsonSchema } from '../../codemods/model.js';
import { refName } from './ajv.js';

export type MutationKind =
  | 'wrong-type'
  | 'null-not-nullable'
  | 'not-integer'
  | 'below-minimum'
  | 'above-maximum'
  | 'not-multiple'
  | 'bad-enum'
  | 'bad-const'
  | 'bad-format'
  | 'bad-pattern'
  | 'too-short'
  | 'too-long'
  | 'too-few-items'
  | 'too-many-items'
  | 'duplicate-items'
  | 'missing-required'
  | 'extra-property'
  | 'bad-additional-property'
  /** Not a break: another *valid* spelling of a format (offset date-time, upper-case uuid, urn uri...)
   *  that a generator never emits but real clients send. */
  | 'format-variant'
  /** Usually not a break: a value of another type where the schema has no `type`, only keywords of
   *  one (`properties`, `items`, `minLength`...), which JSON Schema applies to that type alone. */
  | 'other-type';

export interface Mutation {
  kind: MutationKind;
  /** JSON pointer of the mutated value inside the instance. */
  path: string;
  value: unknown;
}

export interface InstanceOptions {
  seed: number;
  count: number;
}

type SchemaObject = Record<string, unknown>;
type Path = Array<string | number>;

/** A stable 32-bit seed from any text (FNV-1a), so a schema's instances do not depend on run order. */
export function seedFor(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 — the same small PRNG json-schema-faker seeds with. */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Formats that ajv-formats checks and json-schema-faker does not know (it would emit a random word).
const EXTRA_FORMATS: Record<string, (random: { int(min: number, max: number): number }) => string> = {
  byte: (r) => Buffer.from(Array.from({ length: r.int(1, 12) }, () => r.int(0, 255))).toString('base64'),
  url: (r) => `https://example.com/${r.int(1, 999)}`,
  regex: (r) => `^[a-z]{${r.int(1, 5)}}$`,
  'uri-template': (r) => `https://example.com/{id}/${r.int(1, 99)}`,
  password: (r) => `pw-${r.int(1000, 9999)}`,
};

/** Up to `count` values json-schema-faker generates for `schema`, whose `#/components/schemas/X`
 *  refs resolve into `components`. Values the generator cannot make (a `false` schema, an
 *  unsatisfiable allOf) are skipped, so fewer may come back. */
export function validInstances(schema: JsonSchema, components: Record<string, JsonSchema>, opts: InstanceOptions): unknown[] {
  if (schema === false) return [];
  const root = { ...(schema === true ? {} : schema), components: { schemas: components } };
  // json-schema-faker 0.6 writes null once it passes maxDepth (default 5) and its refDepth* options
  // yield malformed values, so depth is raised instead; whatever still comes out wrong, ajv rejects.
  const gen = createGeneratorSync({ seed: opts.seed, maxDepth: 20, maxDefaultItems: 3, formats: EXTRA_FORMATS });
  const out: unknown[] = [];
  for (let i = 0; i < opts.count; i++) {
    try {
      out.push(gen.generate(root as never));
    } catch {
      // An unsatisfiable branch for this seed; the next seed may do.
    }
  }
  return out;
}

function resolve(schema: unknown, components: Record<string, JsonSchema>, seen = new Set<string>()): SchemaObject | undefined {
  if (schema === true) return {};
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as SchemaObject;
  if (typeof s.$ref === 'string') {
    const name = refName(s.$ref);
    if (!name || seen.has(name) || !(name in components)) return undefined;
    seen.add(name);
    const target = resolve(components[name], components, seen);
    if (!target) return undefined;
    const { $ref: _ref, ...siblings } = s;
    return Object.keys(siblings).length ? { ...target, ...siblings } : target;
  }
  return s;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typesOf(s: SchemaObject): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return undefined;
}

function admits(s: SchemaObject, value: unknown): boolean {
  const types = typesOf(s);
  if (!types) return true;
  const t = jsonType(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** Every schema that applies to a value: the schema, its allOf members, and the anyOf/oneOf
 *  branches whose type admits the value. */
function views(schema: unknown, value: unknown, components: Record<string, JsonSchema>, depth = 0): SchemaObject[] {
  const s = resolve(schema, components);
  if (!s || depth > 8) return [];
  const out = [s];
  for (const member of (s.allOf as unknown[]) ?? []) out.push(...views(member, value, components, depth + 1));
  for (const key of ['anyOf', 'oneOf'] as const) {
    for (const branch of (s[key] as unknown[]) ?? []) {
      const b = resolve(branch, components);
      if (b && admits(b, value)) out.push(...views(b, value, components, depth + 1));
    }
  }
  return out;
}

const BAD_FORMAT: Record<string, string> = {
  'date-time': 'not-a-date-time',
  date: '2021-13-45',
  time: '25:61:00',
  email: 'not-an-email',
  'idn-email': 'not-an-email',
  uuid: 'not-a-uuid',
  uri: 'not a uri',
  'uri-reference': '\\\\not a uri reference',
  url: 'not a url',
  ipv4: '999.1.1.1',
  ipv6: 'not:an:ipv6',
  hostname: '-bad-.host-',
  byte: '***not base64***',
  duration: 'one hour',
  'json-pointer': 'no-leading-slash',
  regex: '(unclosed',
};

const FORMAT_VARIANTS: Record<string, string[]> = {
  'date-time': ['2021-06-01T12:30:00+02:00', '2021-06-01T12:30:00.123456Z', '2021-06-01t12:30:00z'],
  date: ['2020-02-29'],
  time: ['12:30:00+02:00', '12:30:00.5Z'],
  email: ['first.last+tag@sub.example.co.uk'],
  uri: ['urn:isbn:0451450523', 'https://example.com/a?b=c#d', 'mailto:someone@example.com'],
  uuid: ['A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '00000000-0000-0000-0000-000000000000'],
  hostname: ['localhost'],
  ipv6: ['::1'],
};

function wrongTypeValue(types: string[]): unknown {
  const candidates: Array<[string, unknown]> = [['string', 'wrong-type'], ['number', 12.5], ['boolean', true], ['object', { wrong: 'type' }], ['array', ['wrong-type']]];
  for (const [t, v] of candidates) {
    if (types.includes(t)) continue;
    if (t === 'number' && types.includes('integer')) continue;
    return v;
  }
  return undefined;
}

// Keywords that constrain values of one JSON type only (JSON Schema 2020-12, validation vocabulary).
const TYPE_KEYWORDS: Array<[string, string[]]> = [
  ['object', ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames']],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  ['string', ['minLength', 'maxLength', 'pattern']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

/** Without `type`, the type the keywords constrain, when they constrain exactly one. */
function keywordType(view: SchemaObject): string | undefined {
  if (view.type !== undefined || 'enum' in view || 'const' in view) return undefined;
  const found = TYPE_KEYWORDS.filter(([, keys]) => keys.some((k) => k in view)).map(([t]) => t);
  return found.length === 1 ? found[0] : undefined;
}

function candidates(view: SchemaObject, value: unknown, path: Path): Array<{ kind: MutationKind; path: Path; value?: unknown; remove?: true }> {
  const out: Array<{ kind: MutationKind; path: Path; value?: unknown; remove?: true }> = [];
  const types = typesOf(view);
  const t = jsonType(value);
  if (types) {
    const wrong = wrongTypeValue(types);
    if (wrong !== undefined) out.push({ kind: 'wrong-type', path, value: wrong });
    const nullInEnum = Array.isArray(view.enum) && view.enum.includes(null);
    if (!types.includes('null') && !nullInEnum) out.push({ kind: 'null-not-nullable', path, value: null });
    if (types.includes('integer') && !types.includes('number')) out.push({ kind: 'not-integer', path, value: (typeof value === 'number' ? value : 1) + 0.5 });
  }
  const implied = keywordType(view);
  if (implied !== undefined) out.push({ kind: 'other-type', path, value: wrongTypeValue([implied]) });
  if (Array.isArray(view.enum) && view.enum.length) {
    const first = view.enum.find((e) => e !== null);
    const bad = typeof first === 'number' ? Math.max(...view.enum.filter((e): e is number => typeof e === 'number')) + 1 : `${String(first)}-not-in-enum`;
    out.push({ kind: 'bad-enum', path, value: bad });
  }
  if ('const' in view) out.push({ kind: 'bad-const', path, value: typeof view.const === 'number' ? view.const + 1 : `${String(view.const)}-not-const` });
  if (t === 'integer' || t === 'number') {
    const step = types?.includes('integer') ? 1 : 0.5;
    if (typeof view.minimum === 'number') out.push({ kind: 'below-minimum', path, value: view.minimum - step });
    if (typeof view.exclusiveMinimum === 'number') out.push({ kind: 'below-minimum', path, value: view.exclusiveMinimum });
    if (typeof view.maximum === 'number') out.push({ kind: 'above-maximum', path, value: view.maximum + step });
    if (typeof view.exclusiveMaximum === 'number') out.push({ kind: 'above-maximum', path, value: view.exclusiveMaximum });
    if (typeof view.multipleOf === 'number' && view.multipleOf > 0) out.push({ kind: 'not-multiple', path, value: view.multipleOf * 3 + view.multipleOf / 2 });
  }
  if (t === 'string') {
    const s = value as string;
    if (typeof view.format === 'string' && view.format in BAD_FORMAT) out.push({ kind: 'bad-format', path, value: BAD_FORMAT[view.format] });
    if (typeof view.format === 'string') for (const v of FORMAT_VARIANTS[view.format] ?? []) out.push({ kind: 'format-variant', path, value: v });
    if (typeof view.pattern === 'string') out.push({ kind: 'bad-pattern', path, value: ' \u0007' });
    if (typeof view.minLength === 'number' && view.minLength > 0) out.push({ kind: 'too-short', path, value: s.slice(0, view.minLength - 1) });
    if (typeof view.maxLength === 'number') out.push({ kind: 'too-long', path, value: s.padEnd(view.maxLength + 1, 'x') });
  }
  if (Array.isArray(value)) {
    if (typeof view.minItems === 'number' && view.minItems > 0) out.push({ kind: 'too-few-items', path, value: value.slice(0, view.minItems - 1) });
    if (typeof view.maxItems === 'number' && value.length) out.push({ kind: 'too-many-items', path, value: [...value, ...Array.from({ length: view.maxItems + 1 - value.length }, () => value[0])] });
    if (view.uniqueItems === true && value.length) out.push({ kind: 'duplicate-items', path, value: [...value, value[0]] });
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const name of (view.required as string[]) ?? []) {
      if (name in obj) out.push({ kind: 'missing-required', path: [...path, name], remove: true });
    }
    out.push({ kind: 'extra-property', path: [...path, 'unexpectedProperty'], value: 'extra' });
    const ap = view.additionalProperties;
    if (ap && typeof ap === 'object' && typesOf(ap as SchemaObject)) {
      const wrong = wrongTypeValue(typesOf(ap as SchemaObject)!);
      if (wrong !== undefined) out.push({ kind: 'bad-additional-property', path: [...path, 'additionalKey'], value: wrong });
    }
  }
  return out;
}

function collect(schema: unknown, value: unknown, path: Path, components: Record<string, JsonSchema>, out: ReturnType<typeof candidates>, depth: number): void {
  if (depth > 12) return;
  const vs = views(schema, value, components);
  for (const v of vs) out.push(...candidates(v, value, path));
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      for (const v of vs) {
        const prefix = v.prefixItems as unknown[] | undefined;
        const itemSchema = prefix && i < prefix.length ? prefix[i] : v.items;
        if (itemSchema !== undefined) collect(itemSchema, item, [...path, i], components, out, depth + 1);
      }
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const v of vs) {
        const props = v.properties as Record<string, unknown> | undefined;
        const childSchema = props && key in props ? props[key] : v.additionalProperties;
        if (childSchema !== undefined && typeof childSchema !== 'boolean') collect(childSchema, child, [...path, key], components, out, depth + 1);
      }
    }
  }
}

function pointer(path: Path): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function applyAt(instance: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(instance);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (remove) delete node[last];
  else node[last] = value;
  return copy;
}

/** `count` candidate-invalid instances, each one valid instance with one constraint broken. The
 *  kind of break is drawn first, then the place, so rare kinds (bad format) are not drowned by
 *  common ones (wrong type). */
export function mutatedInstances(schema: JsonSchema, components: Record<string, JsonSchema>, valid: unknown[], opts: InstanceOptions): Mutation[] {
  const random = prng(opts.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const out: Mutation[] = [];
  if (valid.length === 0) return out;
  const perInstance = valid.map((v) => {
    const cs: ReturnType<typeof candidates> = [];
    collect(schema, v, [], components, cs, 0);
    // A value that several anyOf/allOf views describe gets the same candidate from each; listed once, a field's
    // chance of being drawn does not grow with the number of branches its schema has.
    const seen = new Set<string>();
    return cs.filter((c) => { const key = JSON.stringify([c.kind, c.path, c.value, c.remove]); return !seen.has(key) && !!seen.add(key); });
  });
  for (let i = 0; i < opts.count; i++) {
    const index = i % valid.length;
    const cs = perInstance[index];
    if (cs.length === 0) continue;
    const kind = pick([...new Set(cs.map((c) => c.kind))]);
    const c = pick(cs.filter((x) => x.kind === kind));
    out.push({ kind: c.kind, path: pointer(c.path), value: applyAt(valid[index], c.path, c.value, c.remove === true) });
  }
  return out;
}
