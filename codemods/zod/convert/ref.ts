// `$ref` to a named component: the component's export. A ref that names no component is reported
// and accepts anything (the closest safe form: the referenced schema cannot be checked).
import { id, zc, type ZodExpr } from '../ast.js';
import { report, type ZodContext } from '../context.js';

export function refExpr(ref: string, ctx: ZodContext): ZodExpr {
  const name = ctx.refName(ref);
  if (!name) {
    report(ctx, 'ref-missing', `$ref "${ref}" names no schema in components; any value accepted there`, 'error');
    return zc('unknown');
  }
  return ctx.isDeferred?.(ref) ? { kind: 'id', name, deferred: true } : id(name);
}
