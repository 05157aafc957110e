// Whether a function is an "async handler" wrapper: it takes a handler and returns a (req, res, next) function
// that calls it with the same three arguments and hands a rejection to next, which is what the typed runtime does
// for every handler (so the wrapper can go once the handler is typed). Checked on its shape, never its name:
//   fn => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next)
//   fn => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch((err) => next(err)); }
//   fn => async (req, res, next) => { try { await fn(req, res, next); } catch (err) { next(err); } }
import { isIdent, type Node } from './rules/ast.js';

const FN = /^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration)$/;

export function isWrapperShape(outer: Node): boolean {
  if (!FN.test(outer.type) || outer.params.length !== 1 || !isIdent(outer.params[0])) return false;
  const f = outer.params[0].name as string;
  const inner = returned(outer);
  if (!inner || !FN.test(inner.type) || inner.params.length !== 3 || !inner.params.every((p: Node) => isIdent(p))) return false;
  const [req, res, next] = inner.params.map((p: Node) => p.name as string);
  const callsF = (n: Node | undefined) => !!n && n.type === 'CallExpression' && isIdent(n.callee, f) && n.arguments.length === 3
    && [req, res, next].every((name, i) => isIdent(n.arguments[i], name));
  // The promise returned or only started (express ignores what a handler returns; the catch is what counts).
  const only = inner.body.type === 'BlockStatement' && inner.body.body.length === 1 ? inner.body.body[0] : null;
  const body = returned(inner) ?? (only?.type === 'ExpressionStatement' ? only.expression : null);
  // Promise.resolve(fn(req, res, next)).catch(next), or .catch((err) => next(err))
  if (body && body.type === 'CallExpression' && body.callee.type === 'MemberExpression' && isIdent(body.callee.property, 'catch')
    && body.arguments.length === 1 && (isIdent(body.arguments[0], next) || forwardsTo(body.arguments[0], next))) {
    const r = body.callee.object;
    return r.type === 'CallExpression' && r.callee.type === 'MemberExpression' && isIdent(r.callee.object, 'Promise') && isIdent(r.callee.property, 'resolve')
      && r.arguments.length === 1 && callsF(r.arguments[0]);
  }
  // async (req, res, next) => { try { await fn(req, res, next); } catch (err) { next(err); } }
  if (!inner.async || inner.body.type !== 'BlockStatement' || inner.body.body.length !== 1) return false;
  const t = inner.body.body[0];
  if (t.type !== 'TryStatement' || t.finalizer || !t.handler || !isIdent(t.handler.param) || t.block.body.length !== 1 || t.handler.body.body.length !== 1) return false;
  const s = t.block.body[0];
  const e = s.type === 'ExpressionStatement' || s.type === 'ReturnStatement' ? (s.expression ?? s.argument) : null;
  if (!e || e.type !== 'AwaitExpression' || !callsF(e.argument)) return false;
  const c = t.handler.body.body[0];
  const ce = c.type === 'ExpressionStatement' || c.type === 'ReturnStatement' ? (c.expression ?? c.argument) : null;
  return !!ce && ce.type === 'CallExpression' && isIdent(ce.callee, next) && ce.arguments.length === 1 && isIdent(ce.arguments[0], t.handler.param.name);
}

/** `(err) => next(err)`: a function that hands its one argument to next and nothing else. */
function forwardsTo(fn: Node, next: string): boolean {
  if (fn.type !== 'ArrowFunctionExpression' || fn.params.length !== 1 || !isIdent(fn.params[0])) return false;
  const call = returned(fn);
  return !!call && call.type === 'CallExpression' && isIdent(call.callee, next) && call.arguments.length === 1 && isIdent(call.arguments[0], fn.params[0].name);
}

/** The expression a function returns: an arrow's expression body, or a body that is one `return x;`. */
function returned(fn: Node): Node | null {
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const only = fn.body.body.length === 1 ? fn.body.body[0] : null;
  return only?.type === 'ReturnStatement' ? only.argument : null;
}
