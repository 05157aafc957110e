// `allOf`: plain inline objects merge into one z.object; a referenced plain object followed by
// inline objects becomes `Base.extend({...})`; anything else is an intersection (`A.and(B)`),
// which zod checks exactly like allOf (each part validates the whole value).
import { chain, obj, type ZodExpr } from '../ast.js';
import { isObjectSchema, sub, type SchemaObject, type ZodContext } from '../context.js';
import type { JsonSchema } from '../../model.js';
import { schemaToZod } from '../schema-to-zod.js';
import { objectExpr, objectParts } from './object.js';
import { checkedThenStripped, objectOf, readOnlyCheck } from './read-only.js';
import { typesOf } from './types.js';
import { typeIsImplied } from './untyped.js';

const COMPOSING = ['$ref', 'allOf', 'oneOf', 'anyOf', 'not', 'if', 'enum', 'const', 'nullable', 'default'];

/** An object schema that objectExpr emits as a z.object (so it can be merged, extended or discriminated). */
export function isPlainObject(s: JsonSchema | undefined): s is SchemaObject {
  // Without `type`, non-objects pass too (convert/untyped.ts): a union, never a z.object.
  if (!isObjectSchema(s) || COMPOSING.some((k) => k in s) || typeIsImplied(s)) return false;
  const t = typesOf(s);
  return !!t && t.length === 1 && t[0] === 'object' && isObjectSchema(s.properties) && !('minProperties' in s) && !('maxProperties' in s);
}

export type AllOfPlan = { kind: 'merge'; schema: SchemaObject } | { kind: 'extend'; base: string; rest: SchemaObject } | { kind: 'and' };

export function planAllOf(members: JsonSchema[], ctx: ZodContext): AllOfPlan {
  const disjoint = (objs: SchemaObject[]) => {
    const keys = objs.flatMap((o) => Object.keys(o.properties as object));
    return new Set(keys).size === keys.length;
  };
  const merged = (objs: SchemaObject[]): SchemaObject => ({
    type: 'object',
    properties: Object.assign({}, ...objs.map((o) => o.properties)),
    required: [...new Set(objs.flatMap((o) => (Array.isArray(o.required) ? o.required : [])))],
  });
  const noAdditional = (objs: SchemaObject[]) => objs.every((o) => o.additionalProperties === undefined);
  if (members.every(isPlainObject) && disjoint(members) && noAdditional(members)) return { kind: 'merge', schema: merged(members) };
  const [first, ...rest] = members;
  if (isObjectSchema(first) && typeof first.$ref === 'string' && Object.keys(first).length === 1 && rest.length > 0 && !ctx.isDeferred?.(first.$ref) && !ctx.isCyclic?.(first.$ref)) {
    const base = ctx.resolveRef?.(first.$ref);
    if (isPlainObject(base) && base.additionalProperties === undefined && rest.every(isPlainObject) && noAdditional(rest) && disjoint([base, ...rest])) {
      return { kind: 'extend', base: first.$ref, rest: merged(rest) };
    }
  }
  return { kind: 'and' };
}

/** The members of `s.allOf`, plus the schema's own object properties when it has any. Once one
 *  member is a typed object, non-objects fail the whole allOf, so untyped object members are typed
 *  too (they can merge or extend instead of intersecting unions). */
export function allOfMembers(s: SchemaObject, ctx: ZodContext): JsonSchema[] {
  const members = [...(s.allOf as JsonSchema[])];
  if (isObjectSchema(s.properties) || s.required) {
    const { properties, required, additionalProperties } = s;
    members.push({ ...(typeIsImplied(s) ? {} : { type: 'object' }), properties: (properties ?? {}) as Record<string, JsonSchema>, ...(required ? { required: required as string[] } : {}), ...(additionalProperties !== undefined ? { additionalProperties } : {}) });
  }
  const typedObject = (m: JsonSchema | undefined, depth = 0): boolean => {
    if (!isObjectSchema(m) || depth > 8) return false;
    if (typeof m.$ref === 'string') return typedObject(ctx.resolveRef?.(m.$ref), depth + 1);
    const t = typesOf(m);
    return !typeIsImplied(m) && !!t && t.length === 1 && t[0] === 'object';
  };
  const impliedObject = (m: JsonSchema): m is SchemaObject => isObjectSchema(m) && typeof m.$ref !== 'string' && typeIsImplied(m) && typesOf(m)?.[0] === 'object';
  if (!members.some((m) => typedObject(m))) return members;
  return members.map((m) => (impliedObject(m) ? { type: 'object', ...m } : m));
}

export function allOfExpr(s: SchemaObject, ctx: ZodContext): ZodExpr {
  const members = allOfMembers(s, ctx);
  if (members.length === 1) return schemaToZod(members[0], sub(ctx, 'allOf', 0));
  const plan = planAllOf(members, ctx);
  if (plan.kind === 'merge') return objectExpr(plan.schema, sub(ctx, 'allOf'));
  if (plan.kind === 'extend') {
    const base = schemaToZod({ $ref: plan.base }, sub(ctx, 'allOf', 0));
    const ext = objectParts(plan.rest, sub(ctx, 'allOf'));
    // objectParts gave z.object({...}); .extend takes the shape itself.
    const shape = ext.expr.kind === 'call' && ext.expr.args[0]?.kind === 'object' ? ext.expr.args[0] : obj([]);
    // A base whose readOnly properties are checked is a preprocess: extend its object, and check the
    // base's readOnly properties along with the new ones (the base's own check does not run then).
    const wrapped = ctx.isPreprocessed?.(plan.base) ?? false;
    const resolved = wrapped ? ctx.resolveRef?.(plan.base) : undefined;
    const inherited = isObjectSchema(resolved) ? objectParts(resolved, { ...sub(ctx, 'allOf', 0), diagnostics: [] }).readOnly : [];
    const e = chain(objectOf(base, wrapped), 'extend', shape);
    const readOnly = [...inherited, ...ext.readOnly];
    return readOnly.length && ctx.readOnlyHelper ? checkedThenStripped(ctx.readOnlyHelper, readOnlyCheck(readOnly), e) : e;
  }
  return members.map((m, i) => schemaToZod(m, sub(ctx, 'allOf', i))).reduce((a, b) => chain(a, 'and', b));
}
