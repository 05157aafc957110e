import { chain, obj } from "../ast.js";
import { isObjectSchema, sub } from "../context.js";
import { schemaToZod } from "../schema-to-zod.js";
import { objectExpr } from "./object.js";
import { typesOf } from "./types.js";
const COMPOSING = ["$ref", "allOf", "oneOf", "anyOf", "not", "if", "enum", "const", "nullable", "default"];
function isPlainObject(s) {
  if (!isObjectSchema(s) || COMPOSING.some((k) => k in s)) return false;
  const t = typesOf(s);
  return !!t && t.length === 1 && t[0] === "object" && isObjectSchema(s.properties) && !("minProperties" in s) && !("maxProperties" in s);
}
function planAllOf(members, ctx) {
  const disjoint = (objs) => {
    const keys = objs.flatMap((o) => Object.keys(o.properties));
    return new Set(keys).size === keys.length;
  };
  const merged = (objs) => ({
    type: "object",
    properties: Object.assign({}, ...objs.map((o) => o.properties)),
    required: [...new Set(objs.flatMap((o) => Array.isArray(o.required) ? o.required : []))]
  });
  const noAdditional = (objs) => objs.every((o) => o.additionalProperties === void 0);
  if (members.every(isPlainObject) && disjoint(members) && noAdditional(members)) return { kind: "merge", schema: merged(members) };
  const [first, ...rest] = members;
  if (isObjectSchema(first) && typeof first.$ref === "string" && Object.keys(first).length === 1 && rest.length > 0 && !ctx.isDeferred?.(first.$ref) && !ctx.isCyclic?.(first.$ref)) {
    const base = ctx.resolveRef?.(first.$ref);
    if (isPlainObject(base) && base.additionalProperties === void 0 && rest.every(isPlainObject) && noAdditional(rest) && disjoint([base, ...rest])) {
      return { kind: "extend", base: first.$ref, rest: merged(rest) };
    }
  }
  return { kind: "and" };
}
function allOfMembers(s) {
  const members = [...s.allOf];
  if (isObjectSchema(s.properties) || s.required) {
    const { properties, required, additionalProperties } = s;
    members.push({ type: "object", properties: properties ?? {}, ...required ? { required } : {}, ...additionalProperties !== void 0 ? { additionalProperties } : {} });
  }
  return members;
}
function allOfExpr(s, ctx) {
  const members = allOfMembers(s);
  if (members.length === 1) return schemaToZod(members[0], sub(ctx, "allOf", 0));
  const plan = planAllOf(members, ctx);
  if (plan.kind === "merge") return objectExpr(plan.schema, sub(ctx, "allOf"));
  if (plan.kind === "extend") {
    const base = schemaToZod({ $ref: plan.base }, sub(ctx, "allOf", 0));
    const ext = objectExpr(plan.rest, sub(ctx, "allOf"));
    const shape = ext.kind === "call" && ext.args[0]?.kind === "object" ? ext.args[0] : obj([]);
    return chain(base, "extend", shape);
  }
  return members.map((m, i) => schemaToZod(m, sub(ctx, "allOf", i))).reduce((a, b) => chain(a, "and", b));
}
export {
  allOfExpr,
  allOfMembers,
  isPlainObject,
  planAllOf
};
