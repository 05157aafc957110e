// `oneOf` -> z.xor (exactly one branch, as JSON Schema says), `anyOf` -> z.union; with a
// `discriminator` whose every branch is an object with a literal discriminator property ->
// z.discriminatedUnion. A `{ type: 'null' }` branch becomes `.nullable()`.
import { arr, chain, lit, zc, type ZodExpr } from '../ast.js';
import { isObjectSchema, report, sub, type SchemaObject, type ZodContext } from '../context.js';
import type { JsonSchema } from '../../model.js';
import { schemaToZod } from '../schema-to-zod.js';
import { allOfMembers, isPlainObject, planAllOf } from './all-of.js';
import { checkedThenStripped, objectOf } from './read-only.js';
import { typesOf } from './types.js';

const isNullOnly = (m: JsonSchema) => isObjectSchema(m) && !m.$ref && !m.enum && !m.allOf && !m.oneOf && !m.anyOf && JSON.stringify(typesOf(m)) === '["null"]';

export function unionExpr(s: SchemaObject, kind: 'oneOf' | 'anyOf', ctx: ZodContext): ZodExpr {
  const all = s[kind] as JsonSchema[];
  const indexed = all.map((m, i) => ({ m, i })).filter(({ m }) => !isNullOnly(m));
  const nullable = indexed.length < all.length;
  if (indexed.length === 0) return zc('null');
  const options = indexed.map(({ m, i }) => schemaToZod(m, sub(ctx, kind, i)));
  let e: ZodExpr;
  const prop = isObjectSchema(s.discriminator) && typeof s.discriminator.propertyName === 'string' ? s.discriminator.propertyName : undefined;
  const discriminated = prop !== undefined && discriminable(indexed.map(({ m }) => m), prop, ctx);
  if (options.length === 1) e = options[0];
  else if (discriminated) {
    // Branches that check readOnly properties are preprocesses, which a discriminated union does not
    // take: it gets their objects, and the union of the whole branches runs first as the check.
    const objects = options.map((o, k) => {
      const m = indexed[k].m;
      return objectOf(o, isObjectSchema(m) && typeof m.$ref === 'string' && (ctx.isPreprocessed?.(m.$ref) ?? false));
    });
    e = zc('discriminatedUnion', lit(prop), arr(objects));
    if (objects.some((o, k) => o !== options[k]) && ctx.readOnlyHelper) e = checkedThenStripped(ctx.readOnlyHelper, zc('union', arr(options)), e);
  }
  else {
    if (prop !== undefined) {
      report(ctx, 'lossy-schema', `discriminator "${prop}" kept as a plain union: not every branch is an object with a literal "${prop}"`, 'info');
    }
    e = zc(kind === 'oneOf' ? 'xor' : 'union', arr(options));
  }
  return nullable ? chain(e, 'nullable') : e;
}

/** Every branch emits a z.object whose `prop` is a required literal, and no value repeats. */
function discriminable(branches: JsonSchema[], prop: string, ctx: ZodContext): boolean {
  const seen = new Set<unknown>();
  for (const b of branches) {
    const values = literalValues(b, prop, ctx, 0);
    if (!values || values.some((v) => seen.has(v))) return false;
    values.forEach((v) => seen.add(v));
  }
  return true;
}

function literalValues(b: JsonSchema, prop: string, ctx: ZodContext, depth: number): unknown[] | undefined {
  if (!isObjectSchema(b) || depth > 8) return undefined;
  if (typeof b.$ref === 'string') return Object.keys(b).length === 1 && !ctx.isCyclic?.(b.$ref) ? literalValues(ctx.resolveRef?.(b.$ref) ?? false, prop, ctx, depth + 1) : undefined;
  if (Array.isArray(b.allOf) && !b.oneOf && !b.anyOf) {
    const members = allOfMembers(b, ctx);
    const plan = planAllOf(members, ctx);
    if (plan.kind === 'merge') return literalValues(plan.schema, prop, ctx, depth + 1);
    if (plan.kind === 'extend') return literalValues(plan.rest, prop, ctx, depth + 1) ?? literalValues({ $ref: plan.base }, prop, ctx, depth + 1);
    return undefined;
  }
  if (!isPlainObject(b)) return undefined;
  const required = Array.isArray(b.required) && b.required.includes(prop);
  const p = (b.properties as Record<string, JsonSchema>)[prop];
  if (!required || !isObjectSchema(p) || p.nullable) return undefined;
  if (ctx.variant === 'request' && p.readOnly === true) return undefined;
  if ('const' in p && typeof p.const === 'string') return [p.const];
  if (Array.isArray(p.enum) && p.enum.length > 0 && p.enum.every((v) => typeof v === 'string')) return p.enum;
  return undefined;
}
