import { arr, chain, json, lit, zc } from "../ast.js";
import { isWire, report } from "../context.js";
import { typesOf, valueHasType } from "./types.js";
const isPrimitive = (v) => v === null || ["string", "number", "boolean"].includes(typeof v);
function enumExpr(s, ctx) {
  const types = typesOf(s);
  const raw = "const" in s ? [s.const] : s.enum;
  const values = raw.filter((v) => valueHasType(v, types));
  if (values.length < raw.length) {
    report(ctx, "lossy-schema", `enum values that do not match type ${JSON.stringify(s.type)} are dropped (no value could match them)`, "info");
  }
  if (values.length === 0) return zc("never");
  const complex = values.filter((v) => !isPrimitive(v));
  if (complex.length) {
    report(ctx, "lossy-schema", "enum/const of objects or arrays is not checked (zod has no deep-equality literal); any value accepted");
    return zc("unknown");
  }
  const prims = values;
  const nullable = prims.includes(null);
  const rest = prims.filter((v) => v !== null);
  let e;
  if (rest.length === 0) return zc("null");
  if (rest.every((v) => typeof v === "string") && rest.length > 1) e = zc("enum", arr(rest.map(lit)));
  else e = zc("literal", rest.length === 1 ? json(rest[0]) : arr(rest.map(lit)));
  if (isWire(ctx)) {
    if (rest.every((v) => typeof v === "number")) e = chain(zc(["coerce", "number"]), "pipe", e);
    else if (rest.every((v) => typeof v === "boolean")) e = chain(zc("stringbool"), "pipe", e);
  }
  return nullable ? chain(e, "nullable") : e;
}
export {
  enumExpr
};
