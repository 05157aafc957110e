// `this.ctrl.list.bind(this.ctrl)`: a method handed over bound to its own receiver is, for the route, the method
// reference itself (the call keeps `this` the receiver, which is what the route intends); any other bind (another
// receiver, extra arguments) is a different function and stays a call.
import type * as t from '@babel/types';

/** The `ctrl.list` of `ctrl.list.bind(ctrl)`, or null. `text` gives a node's source. */
export function selfBoundMethod(node: t.Node, text: (n: t.Node) => string): t.MemberExpression | null {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1) return null;
  const callee = node.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'bind') return null;
  const method = callee.object;
  if (method.type !== 'MemberExpression' || method.computed) return null;
  const arg = node.arguments[0]!;
  return arg.type !== 'SpreadElement' && text(method.object).replace(/\s+/g, '') === text(arg).replace(/\s+/g, '') ? method : null;
}

/** The handler text with a self-bind dropped (`this.ctrl.list.bind(this.ctrl)` -> `this.ctrl.list`). */
export function unboundText(text: string): string {
  const m = /^([\s\S]+)\.(\w+)\.bind\(\s*([\s\S]+?)\s*\)$/.exec(text.trim());
  return m && m[1]!.replace(/\s+/g, '') === m[3]!.replace(/\s+/g, '') ? `${m[1]}.${m[2]}` : text;
}
