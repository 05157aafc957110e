import { arrow, call, chain, id, json, member, zc } from "./ast.js";
import { isObjectSchema, report, sub } from "./context.js";
import { allOfExpr } from "./convert/all-of.js";
import { arrayExpr } from "./convert/array.js";
import { booleanExpr } from "./convert/boolean.js";
import { enumExpr } from "./convert/enum.js";
import { metaProps, withMeta } from "./convert/meta.js";
import { numberExpr } from "./convert/number.js";
import { objectExpr } from "./convert/object.js";
import { refExpr } from "./convert/ref.js";
import { stringExpr } from "./convert/string.js";
import { typesOf, valueHasType } from "./convert/types.js";
import { unionExpr } from "./convert/union.js";
const HANDLED = /* @__PURE__ */ new Set([
  "type",
  "nullable",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "contains",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "allOf",
  "oneOf",
  "anyOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
  "default",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "patternProperties",
  "dependentRequired",
  "dependentSchemas",
  "dependencies",
  "unevaluatedProperties",
  // annotations: nothing to check
  "title",
  "description",
  "example",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "discriminator",
  "xml",
  "externalDocs",
  "$schema",
  "$id",
  "$comment",
  "$anchor",
  "$defs",
  "definitions",
  "contentMediaType",
  "contentEncoding",
  "contentSchema"
]);
const UNSUPPORTED = ["unevaluatedItems", "minContains", "maxContains", "$dynamicRef", "$dynamicAnchor", "$recursiveRef"];
function schemaToZod(schema, ctx) {
  if (schema === true) return zc("unknown");
  if (schema === false) return zc("never");
  if (!isObjectSchema(schema)) {
    report(ctx, "unknown-keyword", "schema is neither an object nor a boolean; any value accepted", "warning");
    return zc("unknown");
  }
  checkKeywords(schema, ctx);
  let e = core(schema, ctx);
  e = withConditionals(e, schema, ctx);
  if (typeof schema.$ref !== "string") e = withMeta(e, metaProps(schema));
  if (schema.default !== void 0) e = withDefault(e, schema, ctx);
  return e;
}
function withDefault(e, s, ctx) {
  if (!admits(s, s.default, ctx, 0)) {
    report(ctx, "lossy-schema", `default ${JSON.stringify(s.default)} does not match the schema; not applied`, "info");
    return e;
  }
  return chain(e, "default", json(s.default));
}
function admits(schema, v, ctx, depth) {
  if (schema === void 0 || schema === true) return true;
  if (schema === false || !isObjectSchema(schema) || depth > 16) return false;
  if (typeof schema.$ref === "string") {
    if (v === null && schema.nullable === true) return true;
    return admits(ctx.resolveRef?.(schema.$ref), v, ctx, depth + 1) && ctx.resolveRef !== void 0;
  }
  const same = (a) => JSON.stringify(a) === JSON.stringify(v);
  if (!valueHasType(v, typesOf(schema))) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some(same)) return false;
  if ("const" in schema && !same(schema.const)) return false;
  if (Array.isArray(v)) return v.every((x) => admits(schema.items, x, ctx, depth + 1));
  if (v && typeof v === "object") {
    const o = v;
    if (Array.isArray(schema.required) && schema.required.some((k) => !(k in o))) return false;
    const props = isObjectSchema(schema.properties) ? schema.properties : {};
    return Object.entries(o).every(([k, x]) => admits(props[k], x, ctx, depth + 1));
  }
  return true;
}
function core(s, ctx) {
  const types = typesOf(s);
  const nullable = !!types?.includes("null");
  const nonNull = types?.filter((t) => t !== "null") ?? [];
  if (typeof s.$ref === "string") {
    const r = refExpr(s.$ref, ctx);
    return nullable || s.nullable === true ? chain(r, "nullable") : r;
  }
  if ("const" in s || Array.isArray(s.enum)) return enumExpr(s, ctx);
  const parts = [];
  const composed = Array.isArray(s.allOf) || Array.isArray(s.oneOf) || Array.isArray(s.anyOf);
  const bareObject = nonNull.length === 1 && nonNull[0] === "object" && !isObjectSchema(s.properties) && s.additionalProperties === void 0;
  const siblingOfAllOf = Array.isArray(s.allOf) && nonNull.every((t) => t === "object");
  if (nonNull.length && !(composed && (bareObject || siblingOfAllOf))) parts.push(typedExpr(s, nonNull, ctx));
  if (Array.isArray(s.allOf)) parts.push(allOfExpr(s, ctx));
  if (Array.isArray(s.oneOf)) parts.push(unionExpr(s, "oneOf", ctx));
  if (Array.isArray(s.anyOf)) parts.push(unionExpr(s, "anyOf", ctx));
  if (parts.length === 0) return nullable ? zc("null") : zc("unknown");
  const e = parts.reduce((a, b) => chain(a, "and", b));
  return nullable ? chain(e, "nullable") : e;
}
function typedExpr(s, types, ctx) {
  const one = (t) => {
    switch (t) {
      case "string":
        return stringExpr(s, ctx);
      case "number":
        return numberExpr(s, false, ctx);
      case "integer":
        return numberExpr(s, true, ctx);
      case "boolean":
        return booleanExpr(ctx);
      case "object":
        return objectExpr(s, ctx);
      case "array":
        return arrayExpr(s, ctx);
      default:
        report(ctx, "unknown-keyword", `unknown type "${t}"; any value accepted`, "warning");
        return zc("unknown");
    }
  };
  return types.length === 1 ? one(types[0]) : zc("union", { kind: "array", elements: types.map(one) });
}
function withConditionals(e, s, ctx) {
  const v = id("v");
  const ok = (schema) => member(call(member(schema, "safeParse"), v), "success");
  if ("not" in s) {
    const not = schemaToZod(s.not, sub(ctx, "not"));
    e = chain(e, "refine", arrow(["v"], { kind: "unary", op: "!", arg: ok(not) }));
    report(ctx, "lossy-schema", "`not` is checked by a refinement; it does not appear in the generated OpenAPI", "info");
  }
  if ("if" in s && ("then" in s || "else" in s)) {
    const cond = schemaToZod(s.if, sub(ctx, "if"));
    const then = "then" in s ? schemaToZod(s.then, sub(ctx, "then")) : zc("unknown");
    const other = "else" in s ? schemaToZod(s.else, sub(ctx, "else")) : zc("unknown");
    e = chain(e, "refine", arrow(["v"], { kind: "cond", test: ok(cond), then: ok(then), else: ok(other) }));
    report(ctx, "lossy-schema", "`if/then/else` is checked by a refinement; it does not appear in the generated OpenAPI", "info");
  }
  return e;
}
function checkKeywords(s, ctx) {
  for (const k of Object.keys(s)) {
    if (HANDLED.has(k) || k.startsWith("x-")) continue;
    if (UNSUPPORTED.includes(k)) report(ctx, "lossy-schema", `\`${k}\` is not checked (no zod equivalent); values that break it are accepted`);
    else report(ctx, "unknown-keyword", `unknown keyword "${k}" ignored`, "info");
  }
}
export {
  schemaToZod
};
