// `usersRoutes.post('/', (request, response) => createUserController.handle(request, response))`: a route whose
// inline handler only hands its own (req, res[, next]) to a function defined elsewhere, the "clean architecture"
// shape. For MA003 the called function is the handler, as for `ctrl.handle.bind(ctrl)` (./bound-method.ts): it is
// typed where it is defined (codemods/handler-definitions.ts), and the route keeps an arrow that forwards the typed
// arguments, `(input, ctx) => createUserController.handle(input, ctx)`. The arrow, not a bind: the callee is still
// looked up at each request, so a test that stubs `controller.handle` after the routes were registered still
// reaches its stub. Only the exact shape qualifies; anything else (an extra or reordered argument, a statement
// before the call, `this` in a function expression, a comment) is an inline handler as before.
import type * as t from '@babel/types';

export interface DelegatedCall {
  /** `createUserController.handle`: an identifier or a chain of plain member reads off an identifier (or `this`
   *  in an arrow, the same `this` as the route call's). */
  callee: t.Identifier | t.MemberExpression;
  /** How many of its parameters the handler forwards: 2 (req, res) or 3 (req, res, next). */
  args: number;
}

/** The call `node` (a route's handler) only delegates to, or null. `text` gives a node's source. */
export function delegatedCall(node: t.Node, text: (n: t.Node) => string): DelegatedCall | null {
  if (node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression') return null;
  if (node.generator || node.typeParameters || (node.type === 'FunctionExpression' && node.id)) return null;
  const params = node.params;
  if (params.length < 2 || params.length > 3) return null;
  const names = params.map((p) => (p.type === 'Identifier' && !p.optional ? p.name : null));
  if (names.some((n) => n === null) || new Set(names).size !== names.length) return null;
  // A comment inside would be lost when the route's handler is rewritten: such a handler stays as it was.
  // (Identifiers and type annotations have no `/`, so any slash in the text is a comment, or a shape not taken.)
  if (text(node).includes('/')) return null;
  let expr: t.Node | null | undefined;
  const body = node.body;
  if (body.type === 'BlockStatement') {
    if (body.body.length !== 1 || body.directives.length) return null;
    const only = body.body[0]!;
    expr = only.type === 'ReturnStatement' ? only.argument : only.type === 'ExpressionStatement' ? only.expression : null;
  } else expr = body;
  if (expr?.type === 'AwaitExpression' && node.async) expr = expr.argument;
  if (expr?.type !== 'CallExpression' || expr.typeParameters || expr.arguments.length !== params.length) return null;
  if (!expr.arguments.every((a, i) => a.type === 'Identifier' && a.name === names[i])) return null;
  const callee = expr.callee;
  if (callee.type !== 'Identifier' && callee.type !== 'MemberExpression') return null;
  let root: t.Node = callee;
  while (root.type === 'MemberExpression') {
    if (root.computed || root.property.type !== 'Identifier') return null;
    root = root.object;
  }
  // `this` is the route call's own only in an arrow; the callee must not be read off what it is handed.
  if (root.type === 'ThisExpression' ? node.type !== 'ArrowFunctionExpression' : root.type !== 'Identifier' || names.includes(root.name) || root.name === 'arguments') return null;
  return { callee, args: params.length };
}

/** The route's handler once the function it calls is typed: an arrow forwarding `params` typed arguments (as many
 *  as the typed function declares, or tsc rejects the call), named apart from what the callee mentions. */
export function forwardingArrow(callee: string, params: number): string {
  const used = new Set(callee.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const name = (base: string) => [base, `_${base}`, `_${base}2`, `_${base}3`].find((x) => !used.has(x)) ?? `__${base}`;
  const list = [name('input'), name('ctx')].slice(0, params).join(', ');
  return `(${list}) => ${callee}(${list})`;
}
