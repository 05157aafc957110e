import { arr, chain, lit, zc } from "../ast.js";
import { isObjectSchema, report, sub } from "../context.js";
import { schemaToZod } from "../schema-to-zod.js";
import { allOfMembers, isPlainObject, planAllOf } from "./all-of.js";
import { typesOf } from "./types.js";
const isNullOnly = (m) => isObjectSchema(m) && !m.$ref && !m.enum && !m.allOf && !m.oneOf && !m.anyOf && JSON.stringify(typesOf(m)) === '["null"]';
function unionExpr(s, kind, ctx) {
  const all = s[kind];
  const indexed = all.map((m, i) => ({ m, i })).filter(({ m }) => !isNullOnly(m));
  const nullable = indexed.length < all.length;
  if (indexed.length === 0) return zc("null");
  const options = indexed.map(({ m, i }) => schemaToZod(m, sub(ctx, kind, i)));
  let e;
  const prop = isObjectSchema(s.discriminator) && typeof s.discriminator.propertyName === "string" ? s.discriminator.propertyName : void 0;
  const discriminated = prop !== void 0 && discriminable(indexed.map(({ m }) => m), prop, ctx);
  if (options.length === 1) e = options[0];
  else if (discriminated) e = zc("discriminatedUnion", lit(prop), arr(options));
  else {
    if (prop !== void 0) {
      report(ctx, "lossy-schema", `discriminator "${prop}" kept as a plain union: not every branch is an object with a literal "${prop}"`, "info");
    }
    e = zc(kind === "oneOf" ? "xor" : "union", arr(options));
  }
  return nullable ? chain(e, "nullable") : e;
}
function discriminable(branches, prop, ctx) {
  const seen = /* @__PURE__ */ new Set();
  for (const b of branches) {
    const values = literalValues(b, prop, ctx, 0);
    if (!values || values.some((v) => seen.has(v))) return false;
    values.forEach((v) => seen.add(v));
  }
  return true;
}
function literalValues(b, prop, ctx, depth) {
  if (!isObjectSchema(b) || depth > 8) return void 0;
  if (typeof b.$ref === "string") return Object.keys(b).length === 1 && !ctx.isCyclic?.(b.$ref) ? literalValues(ctx.resolveRef?.(b.$ref) ?? false, prop, ctx, depth + 1) : void 0;
  if (Array.isArray(b.allOf) && !b.oneOf && !b.anyOf) {
    const members = allOfMembers(b);
    const plan = planAllOf(members, ctx);
    if (plan.kind === "merge") return literalValues(plan.schema, prop, ctx, depth + 1);
    if (plan.kind === "extend") return literalValues(plan.rest, prop, ctx, depth + 1) ?? literalValues({ $ref: plan.base }, prop, ctx, depth + 1);
    return void 0;
  }
  if (!isPlainObject(b)) return void 0;
  const required = Array.isArray(b.required) && b.required.includes(prop);
  const p = b.properties[prop];
  if (!required || !isObjectSchema(p) || p.nullable) return void 0;
  if (ctx.variant === "request" && p.readOnly === true) return void 0;
  if ("const" in p && typeof p.const === "string") return [p.const];
  if (Array.isArray(p.enum) && p.enum.length > 0 && p.enum.every((v) => typeof v === "string")) return p.enum;
  return void 0;
}
export {
  unionExpr
};
