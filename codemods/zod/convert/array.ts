// `type: array`: items, tuples (prefixItems), item counts; uniqueItems via a refinement because
// zod has no unique-array check.
import { arr, arrow, binary, call, chain, id, lit, member, newCall, obj, zc, type ZodExpr } from '../ast.js';
import { isObjectSchema, isWire, report, sub, type SchemaObject, type ZodContext } from '../context.js';
import { schemaToZod } from '../schema-to-zod.js';
import { wireArray } from './wire.js';

export function arrayExpr(s: SchemaObject, ctx: ZodContext): ZodExpr {
  let e: ZodExpr;
  if (Array.isArray(s.prefixItems)) {
    const items = (s.prefixItems as unknown[]).map((p, i) => schemaToZod(p as SchemaObject, sub(ctx, 'prefixItems', i)));
    e = zc('tuple', arr(items));
    if (s.items !== false) e = chain(e, 'rest', s.items === undefined ? zc('unknown') : schemaToZod(s.items, sub(ctx, 'items')));
    if (typeof s.minItems === 'number' || typeof s.maxItems === 'number') {
      report(ctx, 'lossy-schema', 'minItems/maxItems on a tuple are not checked');
    }
  } else {
    e = zc('array', s.items === undefined ? zc('unknown') : schemaToZod(s.items, sub(ctx, 'items')));
    const min = typeof s.minItems === 'number' ? s.minItems : undefined;
    const max = typeof s.maxItems === 'number' ? s.maxItems : undefined;
    if (min !== undefined && min === max) e = chain(e, 'length', lit(min));
    else {
      if (min !== undefined && min > 0) e = chain(e, 'min', lit(min));
      if (max !== undefined) e = chain(e, 'max', lit(max));
    }
  }
  if (s.uniqueItems === true) e = unique(e, s, ctx);
  if ('contains' in s) {
    report(ctx, 'lossy-schema', '`contains` is not checked (no zod equivalent); arrays without a matching item are accepted');
  }
  return isWire(ctx) && ctx.style !== 'nested' ? wireArray(e, ctx) : e;
}

function unique(e: ZodExpr, s: SchemaObject, ctx: ZodContext): ZodExpr {
  // Items compared by JSON text: exact for primitives; for objects, equal objects written with
  // keys in another order count as different (a superset of what JSON Schema accepts).
  const items = isObjectSchema(s.items) ? s.items : undefined;
  const type = items?.type;
  const primitive = typeof type === 'string' && ['string', 'number', 'integer', 'boolean'].includes(type);
  if (!primitive) report(ctx, 'lossy-schema', 'uniqueItems compares items by JSON text; equal objects with keys in another order are not caught', 'info');
  const a = id('a');
  const keyed = primitive ? a : call(member(a, 'map'), arrow(['x'], call(member(id('JSON'), 'stringify'), id('x'))));
  const test = arrow(['a'], binary('===', member(newCall(id('Set'), keyed), 'size'), member(a, 'length')));
  return chain(e, 'refine', test, obj([{ key: 'message', value: lit('Items must be unique') }]));
}
