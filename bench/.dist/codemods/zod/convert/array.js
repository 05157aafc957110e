import { arr, arrow, binary, call, chain, id, lit, member, newCall, obj, zc } from "../ast.js";
import { isObjectSchema, isWire, report, sub } from "../context.js";
import { schemaToZod } from "../schema-to-zod.js";
import { wireArray } from "./wire.js";
function arrayExpr(s, ctx) {
  let e;
  if (Array.isArray(s.prefixItems)) {
    const items = s.prefixItems.map((p, i) => schemaToZod(p, sub(ctx, "prefixItems", i)));
    e = zc("tuple", arr(items));
    if (s.items !== false) e = chain(e, "rest", s.items === void 0 ? zc("unknown") : schemaToZod(s.items, sub(ctx, "items")));
    if (typeof s.minItems === "number" || typeof s.maxItems === "number") {
      report(ctx, "lossy-schema", "minItems/maxItems on a tuple are not checked");
    }
  } else {
    e = zc("array", s.items === void 0 ? zc("unknown") : schemaToZod(s.items, sub(ctx, "items")));
    const min = typeof s.minItems === "number" ? s.minItems : void 0;
    const max = typeof s.maxItems === "number" ? s.maxItems : void 0;
    if (min !== void 0 && min === max) e = chain(e, "length", lit(min));
    else {
      if (min !== void 0 && min > 0) e = chain(e, "min", lit(min));
      if (max !== void 0) e = chain(e, "max", lit(max));
    }
  }
  if (s.uniqueItems === true) e = unique(e, s, ctx);
  if ("contains" in s) {
    report(ctx, "lossy-schema", "`contains` is not checked (no zod equivalent); arrays without a matching item are accepted");
  }
  return isWire(ctx) && ctx.style !== "nested" ? wireArray(e, ctx) : e;
}
function unique(e, s, ctx) {
  const items = isObjectSchema(s.items) ? s.items : void 0;
  const type = items?.type;
  const primitive = typeof type === "string" && ["string", "number", "integer", "boolean"].includes(type);
  if (!primitive) report(ctx, "lossy-schema", "uniqueItems compares items by JSON text; equal objects with keys in another order are not caught", "info");
  const a = id("a");
  const keyed = primitive ? a : call(member(a, "map"), arrow(["x"], call(member(id("JSON"), "stringify"), id("x"))));
  const test = arrow(["a"], binary("===", member(newCall(id("Set"), keyed), "size"), member(a, "length")));
  return chain(e, "refine", test, obj([{ key: "message", value: lit("Items must be unique") }]));
}
export {
  arrayExpr
};
