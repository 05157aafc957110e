// A recorded shape (compat/shape.ts) as zod source: what the traffic showed, never narrower than it. Objects are
// loose (`z.looseObject`): a key the traffic never showed passes and is never stripped, in report or enforce.
// A key is required only when every value seen carried it and at least two were seen; formats and enums only
// when every string seen had them and at least two were seen (one request proves little).
import type { Shape, StringStats } from '../../compat/shape.js';
import type { ReadHint } from '../check/handler-facts.js';

export const MIN_EVIDENCE = 2;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
export const keyOf = (k: string) => (IDENT.test(k) ? k : /^[\w-]+$/.test(k) ? `'${k}'` : JSON.stringify(k));

export const INT_STRING = 'z.string().regex(/^-?\\d+$/)';
export const NUMBER_STRING = 'z.string().regex(/^-?\\d+(\\.\\d+)?$/)';
export const BOOL_STRING = "z.enum(['true', 'false'])";

function formatted(s: StringStats): string {
  const all = (f: keyof StringStats['formats']) => s.n >= MIN_EVIDENCE && s.formats[f] === s.n;
  if (all('date-time')) return 'z.iso.datetime()';
  if (all('uuid')) return 'z.uuid()';
  if (all('email')) return 'z.email()';
  if (s.values && !s.many && s.values.length > 0 && s.n >= MIN_EVIDENCE * s.values.length) {
    return `z.enum([${s.values.map((v) => JSON.stringify(v).replace(/^"|"$/g, "'")).join(', ')}])`;
  }
  return 'z.string()';
}

function union(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `z.union([${parts.join(', ')}])`;
}

/** A JSON value's shape (a body, a response) as zod. */
export function shapeToZod(shape: Shape | undefined, depth = 0): string {
  if (!shape) return 'z.unknown()';
  const parts: string[] = [];
  if (shape.string) parts.push(formatted(shape.string));
  if (shape.number) parts.push('z.number()');
  if (shape.boolean) parts.push('z.boolean()');
  if (shape.object) parts.push(objectToZod(shape.object, depth));
  if (shape.array) parts.push(`z.array(${shape.array.items ? shapeToZod(shape.array.items, depth + 1) : 'z.unknown()'})`);
  if (parts.length === 0) return 'z.unknown()';
  const base = union(parts);
  return shape.null ? `${base}.nullable()` : base;
}

/** A recorded object as a loose zod object; `extra` fields (source text) are added after the recorded ones. */
export function objectToZod(o: NonNullable<Shape['object']>, depth = 0, extra: string[] = []): string {
  const entries = depth > 5 ? [] : Object.entries(o.keys);
  const fields = entries.map(([k, s]) => {
    const required = !o.open && o.n >= MIN_EVIDENCE && s.n === o.n;
    return `${keyOf(k)}: ${shapeToZod(s, depth + 1)}${required ? '' : '.optional()'}`;
  });
  fields.push(...extra);
  return fields.length ? `z.looseObject({ ${fields.join(', ')} })` : 'z.looseObject({})';
}

/** Does every string seen fit what the code takes the value for? (No traffic: nothing contradicts it.) */
function fits(hint: ReadHint, s: StringStats | undefined): boolean {
  if (!s) return true;
  if (hint === 'bool') return s.formats.bool === s.n;
  return s.formats.int === s.n; // integers are numbers too; a decimal seen leaves the hint out
}

/**
 * A params/query/header value: a string on the wire (an array for a repeated query key). The code's reading
 * (`Number(x)`, `x === 'true'`) gives the type where no request seen contradicts it; traffic adds formats.
 */
export function wireToZod(shape: Shape | undefined, hint: ReadHint | undefined): string {
  const s = shape?.string;
  let str = s ? formatted(s) : 'z.string()';
  if (str.startsWith('z.enum') || str === 'z.string()') {
    if (hint && fits(hint, s)) str = hint === 'bool' ? BOOL_STRING : hint === 'int' ? INT_STRING : NUMBER_STRING;
  }
  const seenOther = shape && (shape.number || shape.boolean || shape.object || shape.null);
  if (seenOther) return 'z.unknown()'; // a nested query (`?a[b]=1`) or something no string schema holds
  if (shape?.array) return s ? `z.union([${str}, z.array(${str})])` : `z.array(${str})`;
  return str;
}
