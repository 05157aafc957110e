import { arrow, binary, call, cond, id, lit, member, zc } from "../ast.js";
import { report } from "../context.js";
const v = id("v");
const isString = binary("===", { kind: "unary", op: "typeof", arg: v }, lit("string"));
const split = (sep) => arrow(["v"], cond(isString, call(member(v, "split"), sep), v));
function wireArray(array, ctx) {
  const style = ctx.style ?? (ctx.location === "query" || ctx.location === "cookie" ? "form" : "simple");
  const explode = ctx.explode ?? style === "form";
  let prep;
  if (style === "form" && explode) {
    const passThrough = binary("||", binary("===", v, id("undefined")), call(member(id("Array"), "isArray"), v));
    prep = arrow(["v"], cond(passThrough, v, { kind: "array", elements: [v] }));
  } else if (style === "pipeDelimited") prep = split(lit("|"));
  else if (style === "spaceDelimited") prep = split(lit(" "));
  else if (style === "form" || style === "simple") {
    prep = split(ctx.location === "header" ? { kind: "regex", source: ",\\s*", flags: "" } : lit(","));
  } else {
    report(ctx, "lossy-schema", `array parameter style "${style}" is not decoded; the raw value must already be an array`);
    return array;
  }
  return zc("preprocess", prep, array);
}
export {
  wireArray
};
