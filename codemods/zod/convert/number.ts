// `type: number | integer`: bounds in both the 3.1 numeric form (`exclusiveMinimum: 3`) and the
// 3.0 boolean form (`minimum: 3, exclusiveMinimum: true`); coerced from strings on the wire.
// `format: int32/int64` says integer even on `type: number` (OpenAPI's format registry; ajv-formats
// rejects 1.5 for both), so such a number is checked as an integer.
import { arr, chain, id, lit, member, obj, zc, type ObjectProp, type ZodExpr } from '../ast.js';
import { isWire, type SchemaObject, type ZodContext } from '../context.js';

const INTEGER_FORMATS = new Set(['int32', 'int64']);

export function numberExpr(s: SchemaObject, integer: boolean, ctx: ZodContext): ZodExpr {
  let e = isWire(ctx) ? zc(['coerce', 'number']) : zc('number');
  const int = integer || INTEGER_FORMATS.has(s.format as string);
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const exMin = num('exclusiveMinimum') ?? (s.exclusiveMinimum === true ? num('minimum') : undefined);
  const exMax = num('exclusiveMaximum') ?? (s.exclusiveMaximum === true ? num('maximum') : undefined);
  const min = s.exclusiveMinimum === true ? undefined : num('minimum');
  const max = s.exclusiveMaximum === true ? undefined : num('maximum');
  // zod's `.int()` takes safe integers only (past 2^53 a double no longer tells integers apart); ajv
  // takes any integral number. Bounds past 2^53 say the API means such values (ids of 17 digits):
  // there an integer is any integral number, and `.meta` keeps `type: integer` and its
  // bounds in the served document (zod-to-openapi prints `integer` for `.int()` only).
  const bounds = [min, max, exMin, exMax].filter((b): b is number => b !== undefined);
  const unsafe = int && bounds.some((b) => Math.abs(b) > Number.MAX_SAFE_INTEGER);
  if (int && !unsafe) e = chain(e, 'int');
  // Number.isInteger, not .multipleOf(1): zod's multipleOf scales by the decimals (2795659525295112.5 * 10)
  // past 2^53, where the remainder is lost.
  if (unsafe) e = chain(e, 'refine', member(id('Number'), 'isInteger'));
  if (min !== undefined) e = chain(e, 'min', lit(min));
  if (exMin !== undefined) e = chain(e, 'gt', lit(exMin));
  if (max !== undefined) e = chain(e, 'max', lit(max));
  if (exMax !== undefined) e = chain(e, 'lt', lit(exMax));
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && !(int && multipleOf === 1)) e = chain(e, 'multipleOf', lit(multipleOf));
  const meta: ObjectProp[] = [];
  if (unsafe) {
    // A type in `.meta` replaces what zod-to-openapi would print, `.nullable()` included.
    const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
    meta.push({ key: 'type', value: nullable ? arr([lit('integer'), lit('null')]) : lit('integer') });
    if (min !== undefined) meta.push({ key: 'minimum', value: lit(min) });
    if (exMin !== undefined) meta.push({ key: 'exclusiveMinimum', value: lit(exMin) });
    if (max !== undefined) meta.push({ key: 'maximum', value: lit(max) });
    if (exMax !== undefined) meta.push({ key: 'exclusiveMaximum', value: lit(exMax) });
  }
  // zod-to-openapi prints no number format (`.int()` is `type: integer`): `int64`, `float`, ... travel in `.meta`.
  if (typeof s.format === 'string') meta.push({ key: 'format', value: lit(s.format) });
  return meta.length ? chain(e, 'meta', obj(meta)) : e;
}
