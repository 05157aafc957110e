// JSON Schema (OpenAPI 3.1 dialect, 3.0 `nullable` accepted) -> a zod v4 expression AST.
// Ours because json-schema-to-zod, the only source emitter, is deprecated (March 2026), and
// z.fromJSONSchema builds schemas at run time only and ignores components and discriminators.
// One converter per schema kind lives in ./convert/; this file dispatches and adds what every
// kind shares (nullability, metadata, default, keywords zod cannot express).
import { arrow, call, chain, id, json, member, zc, type ZodExpr } from './ast.js';
import { isObjectSchema, isWire, report, sub, type SchemaObject, type ZodContext } from './context.js';
import type { JsonSchema } from '../model.js';
import { allOfExpr } from './convert/all-of.js';
import { arrayExpr } from './convert/array.js';
import { booleanExpr } from './convert/boolean.js';
import { enumExpr } from './convert/enum.js';
import { metaProps, withMeta } from './convert/meta.js';
import { numberExpr } from './convert/number.js';
import { objectExpr } from './convert/object.js';
import { refExpr } from './convert/ref.js';
import { stringExpr } from './convert/string.js';
import { typesOf, valueHasType } from './convert/types.js';
import { unionExpr } from './convert/union.js';
import { orOtherTypes, typedLikeParent, typeIsImplied } from './convert/untyped.js';

export type { ZodContext } from './context.js';

const HANDLED = new Set([
  'type', 'nullable', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'prefixItems',
  'minItems', 'maxItems', 'uniqueItems', 'contains', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'allOf', 'oneOf', 'anyOf', 'not', 'if', 'then', 'else', '$ref',
  'default', 'minProperties', 'maxProperties', 'propertyNames', 'patternProperties', 'dependentRequired',
  'dependentSchemas', 'dependencies', 'unevaluatedProperties',
  // annotations: nothing to check
  'title', 'description', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'discriminator', 'xml',
  'externalDocs', '$schema', '$id', '$comment', '$anchor', '$defs', 'definitions', 'contentMediaType', 'contentEncoding',
  'contentSchema',
]);
const UNSUPPORTED = ['unevaluatedItems', 'minContains', 'maxContains', '$dynamicRef', '$dynamicAnchor', '$recursiveRef'];

export function schemaToZod(schema: JsonSchema, ctx: ZodContext): ZodExpr {
  if (schema === true) return zc('unknown');
  if (schema === false) return zc('never');
  if (!isObjectSchema(schema)) {
    report(ctx, 'unknown-keyword', 'schema is neither an object nor a boolean; any value accepted', 'warning');
    return zc('unknown');
  }
  checkKeywords(schema, ctx);
  let e = core(schema, ctx);
  e = withConditionals(e, schema, ctx);
  // Annotations next to a $ref would clone the named schema and lose its component id; the
  // referenced component carries its own.
  if (typeof schema.$ref !== 'string') e = withMeta(e, metaProps(schema));
  if (schema.default !== undefined) e = withDefault(e, schema, ctx);
  return e;
}

/** `.default(x)` only for a value the schema admits: zod's default skips validation, and TypeScript
 *  rejects a default of the wrong type (`default: null` on a string is common in real docs). */
function withDefault(e: ZodExpr, s: SchemaObject, ctx: ZodContext): ZodExpr {
  if (!admits(s, s.default, ctx, 0)) {
    report(ctx, 'lossy-schema', `default ${JSON.stringify(s.default)} does not match the schema; not applied`, 'info');
    return e;
  }
  return chain(e, 'default', json(s.default));
}

/** A conservative structural check (types, enum/const, required keys, nested properties/items). */
function admits(schema: JsonSchema | undefined, v: unknown, ctx: ZodContext, depth: number): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false || !isObjectSchema(schema) || depth > 16) return false;
  if (typeof schema.$ref === 'string') {
    if (v === null && schema.nullable === true) return true;
    return admits(ctx.resolveRef?.(schema.$ref), v, ctx, depth + 1) && ctx.resolveRef !== undefined;
  }
  const same = (a: unknown) => JSON.stringify(a) === JSON.stringify(v);
  if (!valueHasType(v, typesOf(schema))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some(same)) return false;
  if ('const' in schema && !same(schema.const)) return false;
  if (Array.isArray(v)) return v.every((x) => admits(schema.items as JsonSchema | undefined, x, ctx, depth + 1));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(schema.required) && schema.required.some((k) => !(k in o))) return false;
    const props = isObjectSchema(schema.properties) ? (schema.properties as Record<string, JsonSchema>) : {};
    return Object.entries(o).every(([k, x]) => admits(props[k], x, ctx, depth + 1));
  }
  return true;
}

function core(s: SchemaObject, ctx: ZodContext): ZodExpr {
  const types = typesOf(s);
  const nullable = !!types?.includes('null');
  const nonNull = types?.filter((t) => t !== 'null') ?? [];
  if (typeof s.$ref === 'string') {
    const r = refExpr(s.$ref, ctx);
    return nullable || s.nullable === true ? chain(r, 'nullable') : r;
  }
  if ('const' in s || Array.isArray(s.enum)) return enumExpr(s, ctx);
  const parts: ZodExpr[] = [];
  const composed = Array.isArray(s.allOf) || Array.isArray(s.oneOf) || Array.isArray(s.anyOf);
  // A bare `type: object` next to a composition adds nothing the branches do not check;
  // sibling `properties` of an allOf are merged into it as one more member.
  const bareObject = nonNull.length === 1 && nonNull[0] === 'object' && !isObjectSchema(s.properties) && s.additionalProperties === undefined;
  const siblingOfAllOf = Array.isArray(s.allOf) && nonNull.every((t) => t === 'object');
  if (nonNull.length && !(composed && (bareObject || siblingOfAllOf))) {
    const typed = typedExpr(s, nonNull, ctx);
    // Values on the wire are strings whose type the schema decides (coercion): no other type arrives.
    parts.push(typeIsImplied(s) && !isWire(ctx) ? orOtherTypes(typed, nonNull[0], nullable) : typed);
  }
  if (Array.isArray(s.allOf)) parts.push(allOfExpr(s, ctx));
  if (Array.isArray(s.oneOf)) parts.push(unionExpr(s, 'oneOf', ctx));
  if (Array.isArray(s.anyOf)) parts.push(unionExpr(s, 'anyOf', ctx));
  if (parts.length === 0) return nullable ? zc('null') : zc('unknown');
  const e = parts.reduce((a, b) => chain(a, 'and', b));
  return nullable ? chain(e, 'nullable') : e;
}

function typedExpr(s: SchemaObject, types: string[], ctx: ZodContext): ZodExpr {
  const one = (t: string): ZodExpr => {
    switch (t) {
      case 'string': return stringExpr(s, ctx);
      case 'number': return numberExpr(s, false, ctx);
      case 'integer': return numberExpr(s, true, ctx);
      case 'boolean': return booleanExpr(ctx);
      case 'object': return objectExpr(s, ctx);
      case 'array': return arrayExpr(s, ctx);
      default:
        report(ctx, 'unknown-keyword', `unknown type "${t}"; any value accepted`, 'warning');
        return zc('unknown');
    }
  };
  return types.length === 1 ? one(types[0]) : zc('union', { kind: 'array', elements: types.map(one) });
}

/** `not` and `if/then/else` have no zod form, but a refinement with the converted parts is exact. */
function withConditionals(e: ZodExpr, s: SchemaObject, ctx: ZodContext): ZodExpr {
  const v = id('v');
  const ok = (schema: ZodExpr) => member(call(member(schema, 'safeParse'), v), 'success');
  if ('not' in s) {
    const not = schemaToZod(typedLikeParent(s.not, s) as JsonSchema, sub(ctx, 'not'));
    e = chain(e, 'refine', arrow(['v'], { kind: 'unary', op: '!', arg: ok(not) }));
    report(ctx, 'lossy-schema', '`not` is checked by a refinement; it does not appear in the generated OpenAPI', 'info');
  }
  if ('if' in s && ('then' in s || 'else' in s)) {
    const cond = schemaToZod(typedLikeParent(s.if, s) as JsonSchema, sub(ctx, 'if'));
    const then = 'then' in s ? schemaToZod(typedLikeParent(s.then, s) as JsonSchema, sub(ctx, 'then')) : zc('unknown');
    const other = 'else' in s ? schemaToZod(typedLikeParent(s.else, s) as JsonSchema, sub(ctx, 'else')) : zc('unknown');
    e = chain(e, 'refine', arrow(['v'], { kind: 'cond', test: ok(cond), then: ok(then), else: ok(other) }));
    report(ctx, 'lossy-schema', '`if/then/else` is checked by a refinement; it does not appear in the generated OpenAPI', 'info');
  }
  return e;
}

function checkKeywords(s: SchemaObject, ctx: ZodContext): void {
  for (const k of Object.keys(s)) {
    if (HANDLED.has(k) || k.startsWith('x-')) continue;
    if (UNSUPPORTED.includes(k)) report(ctx, 'lossy-schema', `\`${k}\` is not checked (no zod equivalent); values that break it are accepted`);
    else report(ctx, 'unknown-keyword', `unknown keyword "${k}" ignored`, 'info');
  }
}
