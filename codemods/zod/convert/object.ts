// `type: object`: properties (optional unless required), additionalProperties true/false/schema
// (z.looseObject / z.strictObject / .catchall, z.record without properties), readOnly/writeOnly
// dropped per variant (readOnly ones still checked when sent: convert/read-only.ts), and getters for
// properties that refer to a schema declared later (cycles).
import { arrow, binary, call, chain, hasDeferred, id, lit, member, obj, trailingCall, zc, type ObjectProp, type ZodExpr } from '../ast.js';
import { isObjectSchema, report, sub, type SchemaObject, type ZodContext } from '../context.js';
import { schemaToZod } from '../schema-to-zod.js';
import { checkedThenStripped, readOnlyCheck } from './read-only.js';

export function objectExpr(s: SchemaObject, ctx: ZodContext): ZodExpr {
  const { expr, readOnly } = objectParts(s, ctx);
  return readOnly.length && ctx.readOnlyHelper ? checkedThenStripped(ctx.readOnlyHelper, readOnlyCheck(readOnly), expr) : expr;
}

/** The object schema, and the entries checking the readOnly properties a request variant leaves out. */
export function objectParts(s: SchemaObject, ctx: ZodContext): { expr: ZodExpr; readOnly: ObjectProp[] } {
  const properties = isObjectSchema(s.properties) ? (s.properties as Record<string, unknown>) : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : []);
  const additional = s.additionalProperties;
  const props: ObjectProp[] = [];
  const readOnly: ObjectProp[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    const pctx = sub(ctx, 'properties', key);
    const prop = raw as SchemaObject | boolean;
    const otherVariant = isObjectSchema(prop) && ((ctx.variant === 'request' && prop.readOnly === true) || (ctx.variant === 'response' && prop.writeOnly === true));
    // Left out of this variant, except where `additionalProperties: false` would then reject the
    // key: there it stays, optional (OpenAPI lifts its `required` in this variant), and checked.
    if (otherVariant && additional !== false) {
      if (ctx.variant === 'request' && ctx.readOnlyHelper) readOnly.push(propertyEntry(key, prop, false, pctx));
      continue;
    }
    props.push(propertyEntry(key, prop, required.has(key) && !otherVariant, pctx));
  }
  for (const r of required) {
    if (r in properties) continue;
    // A required key with no schema: any value, but it must be there (z.unknown() alone accepts a missing key).
    props.push({ key: r, value: chain(zc('unknown'), 'refine', arrow(['v'], binary('!==', id('v'), id('undefined')))) });
  }

  let e: ZodExpr;
  // A record only when the schema declares no property at all: one whose properties are all left out
  // of this variant (all readOnly in a request) is still an object, which allOf can `.extend()`.
  const declared = Object.keys(properties).length > 0 || required.size > 0;
  if (!declared && additional !== false) {
    const values = additional === undefined || additional === true ? zc('unknown') : schemaToZod(additional as SchemaObject, sub(ctx, 'additionalProperties'));
    const keys = isObjectSchema(s.propertyNames) ? schemaToZod({ type: 'string', ...s.propertyNames }, sub(ctx, 'propertyNames')) : zc('string');
    e = zc('record', keys, values);
  } else {
    const shape = obj(props);
    if (additional === false) e = zc('strictObject', shape);
    else if (additional === true) e = zc('looseObject', shape);
    else if (additional === undefined) e = zc('object', shape);
    else e = chain(zc('object', shape), 'catchall', schemaToZod(additional as SchemaObject, sub(ctx, 'additionalProperties')));
    if ('propertyNames' in s) report(ctx, 'lossy-schema', '`propertyNames` next to `properties` is not checked');
  }
  if ('patternProperties' in s) {
    report(ctx, 'lossy-schema', '`patternProperties` is not checked (no zod equivalent); matching keys are accepted with any value');
  }
  for (const k of ['dependentRequired', 'dependentSchemas', 'dependencies', 'unevaluatedProperties']) {
    if (k in s) report(ctx, 'lossy-schema', `\`${k}\` is not checked (no zod equivalent); objects that break it are accepted`);
  }
  const count = member(call(member(id('Object'), 'keys'), id('o')), 'length');
  if (typeof s.minProperties === 'number' && s.minProperties > 0) {
    e = chain(e, 'refine', arrow(['o'], binary('>=', count, lit(s.minProperties))), obj([{ key: 'message', value: lit(`At least ${s.minProperties} properties`) }]));
  }
  if (typeof s.maxProperties === 'number') {
    e = chain(e, 'refine', arrow(['o'], binary('<=', count, lit(s.maxProperties))), obj([{ key: 'message', value: lit(`At most ${s.maxProperties} properties`) }]));
  }
  return { expr: e, readOnly };
}

function propertyEntry(key: string, prop: SchemaObject | boolean, isRequired: boolean, ctx: ZodContext): ObjectProp {
  let schema = prop;
  if (isRequired && isObjectSchema(prop) && 'default' in prop) {
    // zod's .default() would also accept the key missing, which `required` forbids.
    const { default: _ignored, ...rest } = prop;
    schema = rest;
    report(ctx, 'lossy-schema', "default on a required property is not applied: the key stays required (zod's .default() would make it optional)", 'info');
  }
  let value = schemaToZod(schema, ctx);
  // .default() already lets the key be missing.
  if (!isRequired && trailingCall(value)?.method !== 'default') value = chain(value, 'optional');
  // A required key whose referenced component has a default: the default must not fill it in.
  if (isRequired && refHasDefault(schema, ctx)) value = chain(value, 'nonoptional');
  // A reference to a schema declared later can only be read lazily: a getter (zod 4's recursion form).
  const deferred = hasDeferred(value);
  return deferred ? { key, value: undefer(value), getter: true } : { key, value };
}

/** A bare `$ref` to a component whose schema carries a default (its zod ends in `.default()`). */
function refHasDefault(schema: SchemaObject | boolean, ctx: ZodContext): boolean {
  if (!isObjectSchema(schema) || typeof schema.$ref !== 'string' || Object.keys(schema).length !== 1) return false;
  const target = ctx.resolveRef?.(schema.$ref);
  return isObjectSchema(target) && target.default !== undefined && typeof target.$ref !== 'string';
}

function undefer(e: ZodExpr): ZodExpr {
  if (e.kind === 'id' && e.deferred) return { kind: 'id', name: e.name };
  switch (e.kind) {
    case 'member': return { ...e, object: undefer(e.object) };
    case 'call': return { ...e, callee: undefer(e.callee), args: e.args.map(undefer) };
    case 'array': return { ...e, elements: e.elements.map(undefer) };
    case 'object': return { ...e, props: e.props.map((p) => ({ ...p, value: undefer(p.value) })) };
    default: return e;
  }
}
