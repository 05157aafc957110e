const isWire = (ctx) => ctx.location === "path" || ctx.location === "query" || ctx.location === "header" || ctx.location === "cookie";
const escapePointer = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");
function sub(ctx, ...segments) {
  return { ...ctx, pointer: `${ctx.pointer}/${segments.map((s) => escapePointer(String(s))).join("/")}`, style: "nested" };
}
function report(ctx, code, message, severity = "warning", pointer = ctx.pointer) {
  ctx.diagnostics.push({ code, severity, message, pointer });
}
const isObjectSchema = (s) => typeof s === "object" && s !== null && !Array.isArray(s);
export {
  isObjectSchema,
  isWire,
  report,
  sub
};
