import { zc } from "../ast.js";
import { isWire } from "../context.js";
function booleanExpr(ctx) {
  return isWire(ctx) ? zc("stringbool") : zc("boolean");
}
export {
  booleanExpr
};
