import { id, zc } from "../ast.js";
import { report } from "../context.js";
function refExpr(ref, ctx) {
  const name = ctx.refName(ref);
  if (!name) {
    report(ctx, "ref-missing", `$ref "${ref}" names no schema in components; any value accepted there`, "error");
    return zc("unknown");
  }
  return ctx.isDeferred?.(ref) ? { kind: "id", name, deferred: true } : id(name);
}
export {
  refExpr
};
