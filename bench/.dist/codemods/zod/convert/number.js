import { chain, lit, zc } from "../ast.js";
import { isWire } from "../context.js";
function numberExpr(s, integer, ctx) {
  let e = isWire(ctx) ? zc(["coerce", "number"]) : zc("number");
  if (integer) e = chain(e, "int");
  const num = (k) => typeof s[k] === "number" ? s[k] : void 0;
  const exMin = num("exclusiveMinimum") ?? (s.exclusiveMinimum === true ? num("minimum") : void 0);
  const exMax = num("exclusiveMaximum") ?? (s.exclusiveMaximum === true ? num("maximum") : void 0);
  const min = s.exclusiveMinimum === true ? void 0 : num("minimum");
  const max = s.exclusiveMaximum === true ? void 0 : num("maximum");
  if (min !== void 0) e = chain(e, "min", lit(min));
  if (exMin !== void 0) e = chain(e, "gt", lit(exMin));
  if (max !== void 0) e = chain(e, "max", lit(max));
  if (exMax !== void 0) e = chain(e, "lt", lit(exMax));
  const multipleOf = num("multipleOf");
  if (multipleOf !== void 0 && !(integer && multipleOf === 1)) e = chain(e, "multipleOf", lit(multipleOf));
  return e;
}
export {
  numberExpr
};
