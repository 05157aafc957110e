// `type: number | integer`: bounds in both the 3.1 numeric form (`exclusiveMinimum: 3`) and the
// 3.0 boolean form (`minimum: 3, exclusiveMinimum: true`); coerced from strings on the wire.
// `format: int32/int64` says integer even on `type: number` (OpenAPI's format registry; ajv-formats
// rejects 1.5 for both), so such a number is checked as an integer.
import { chain, lit, zc, type ZodExpr } from '../ast.js';
import { isWire, type SchemaObject, type ZodContext } from '../context.js';

const INTEGER_FORMATS = new Set(['int32', 'int64']);

export function numberExpr(s: SchemaObject, integer: boolean, ctx: ZodContext): ZodExpr {
  let e = isWire(ctx) ? zc(['coerce', 'number']) : zc('number');
  const int = integer || INTEGER_FORMATS.has(s.format as string);
  if (int) e = chain(e, 'int');
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const exMin = num('exclusiveMinimum') ?? (s.exclusiveMinimum === true ? num('minimum') : undefined);
  const exMax = num('exclusiveMaximum') ?? (s.exclusiveMaximum === true ? num('maximum') : undefined);
  const min = s.exclusiveMinimum === true ? undefined : num('minimum');
  const max = s.exclusiveMaximum === true ? undefined : num('maximum');
  if (min !== undefined) e = chain(e, 'min', lit(min));
  if (exMin !== undefined) e = chain(e, 'gt', lit(exMin));
  if (max !== undefined) e = chain(e, 'max', lit(max));
  if (exMax !== undefined) e = chain(e, 'lt', lit(exMax));
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && !(int && multipleOf === 1)) e = chain(e, 'multipleOf', lit(multipleOf));
  return e;
}
