// `type: boolean`: on the wire "false" must parse to false, which z.coerce.boolean() gets wrong
// (any non-empty string is truthy), hence z.stringbool().
import { zc, type ZodExpr } from '../ast.js';
import { isWire, type ZodContext } from '../context.js';

export function booleanExpr(ctx: ZodContext): ZodExpr {
  return isWire(ctx) ? zc('stringbool') : zc('boolean');
}
