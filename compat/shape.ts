// The shape of JSON-like values seen at run time, with counts, so shapes of many requests (and of many
// processes) add up: types, which keys were present how often (required-ness), string formats. Values are
// never kept. The one exception is opt-in (MIGRATE_API_RECORD_ENUMS=1, for enum inference): a lowercase token
// (`active`, `asc`) of a set of at most ENUM_MAX, never under a key that names a secret, never in a header or
// a path segment. Pure functions; the recorder (shapes-record.ts) and `migrate-api infer` share them.

export type StringFormat = 'date-time' | 'email' | 'uuid' | 'int' | 'bool';

export interface StringStats {
  n: number;
  /** How many of the strings had each format. */
  formats: Partial<Record<StringFormat, number>>;
  /** Distinct short tokens, while there are at most ENUM_MAX of them and every string was one. */
  values?: string[];
  /** More distinct values than an enum holds, or a value that is no token: no enum. */
  many?: true;
}

export interface Shape {
  /** Values seen (for an object key: requests where the key was present). */
  n: number;
  string?: StringStats;
  number?: { n: number; int: number };
  boolean?: { n: number };
  null?: { n: number };
  object?: { n: number; keys: Record<string, Shape>; open?: true };
  array?: { n: number; items?: Shape };
}

export const ENUM_MAX = 5;
const MAX_DEPTH = 6;
const MAX_KEYS = 100;
const TOKEN = /^[a-z][a-z0-9_-]{0,15}$/;
const SECRET = /pass|secret|token|key|auth|cookie|session|credential|card|ssn|signature/i;
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT = /^-?\d{1,15}$/;

export interface ObserveOptions {
  /** Keep enum candidates (never for headers and path params). */
  enums?: boolean;
}

function stringStats(value: string, enums: boolean): StringStats {
  const formats: StringStats['formats'] = {};
  if (DATE_TIME.test(value)) formats['date-time'] = 1;
  else if (UUID.test(value)) formats.uuid = 1;
  else if (EMAIL.test(value)) formats.email = 1;
  else if (INT.test(value)) formats.int = 1;
  else if (value === 'true' || value === 'false') formats.bool = 1;
  const token = enums && TOKEN.test(value) && !formats.bool;
  return token ? { n: 1, formats, values: [value] } : { n: 1, formats, many: true };
}

/** The shape of one value, as it goes on the wire (call it on the JSON view of a response). */
export function observe(value: unknown, opts: ObserveOptions = {}, key = '', depth = 0): Shape {
  const enums = opts.enums === true && !SECRET.test(key);
  if (value === null || value === undefined) return { n: 1, null: { n: 1 } };
  switch (typeof value) {
    case 'string': return { n: 1, string: stringStats(value, enums) };
    case 'number': return { n: 1, number: { n: 1, int: Number.isInteger(value) ? 1 : 0 } };
    case 'boolean': return { n: 1, boolean: { n: 1 } };
    case 'object': break;
    default: return { n: 1 };
  }
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? { n: 1, array: { n: 1 } } : { n: 1, object: { n: 1, keys: {}, open: true } };
  if (Array.isArray(value)) {
    let items: Shape | undefined;
    for (const v of value) items = mergeShapes(items, observe(v, opts, key, depth + 1));
    return { n: 1, array: items ? { n: 1, items } : { n: 1 } };
  }
  const keys: Record<string, Shape> = {};
  let open: true | undefined;
  let count = 0;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue; // JSON drops it: on the wire the key is absent
    if (++count > MAX_KEYS) { open = true; break; }
    keys[k] = observe(v, opts, k, depth + 1);
  }
  return { n: 1, object: open ? { n: 1, keys, open } : { n: 1, keys } };
}

function addFormats(a: StringStats['formats'], b: StringStats['formats']): StringStats['formats'] {
  const out = { ...a };
  for (const [f, c] of Object.entries(b) as Array<[StringFormat, number]>) out[f] = (out[f] ?? 0) + c;
  return out;
}

function mergeStrings(a: StringStats, b: StringStats): StringStats {
  const out: StringStats = { n: a.n + b.n, formats: addFormats(a.formats, b.formats) };
  if (a.many || b.many) return { ...out, many: true };
  const values = [...new Set([...(a.values ?? []), ...(b.values ?? [])])].sort();
  return values.length > ENUM_MAX ? { ...out, many: true } : { ...out, values };
}

/** a + b; either may be undefined. */
export function mergeShapes(a: Shape | undefined, b: Shape | undefined): Shape | undefined {
  if (!a) return b && structuredClone(b);
  if (!b) return a;
  const out: Shape = { n: a.n + b.n };
  if (a.string || b.string) out.string = a.string && b.string ? mergeStrings(a.string, b.string) : structuredClone((a.string ?? b.string)!);
  if (a.number || b.number) out.number = { n: (a.number?.n ?? 0) + (b.number?.n ?? 0), int: (a.number?.int ?? 0) + (b.number?.int ?? 0) };
  if (a.boolean || b.boolean) out.boolean = { n: (a.boolean?.n ?? 0) + (b.boolean?.n ?? 0) };
  if (a.null || b.null) out.null = { n: (a.null?.n ?? 0) + (b.null?.n ?? 0) };
  if (a.object || b.object) {
    const keys: Record<string, Shape> = { ...(a.object?.keys ?? {}) };
    for (const [k, s] of Object.entries(b.object?.keys ?? {})) keys[k] = mergeShapes(keys[k], s)!;
    out.object = { n: (a.object?.n ?? 0) + (b.object?.n ?? 0), keys };
    if (a.object?.open || b.object?.open) out.object.open = true;
  }
  if (a.array || b.array) {
    const items = mergeShapes(a.array?.items, b.array?.items);
    out.array = items ? { n: (a.array?.n ?? 0) + (b.array?.n ?? 0), items } : { n: (a.array?.n ?? 0) + (b.array?.n ?? 0) };
  }
  return out;
}
