// Finds the function that handles a route: the inline function at the route call, the function a
// wrapper like asyncHandler(...) receives, or the definition of `ctrl.create` in another file.
import type * as t from '@babel/types';
import type { RouteRecord } from '../plan.js';
import type { SourceLocation } from '../diagnostics.js';
import { walk } from './handler-facts.js';

export type AstOf = (file: string) => t.File | null;

type Fn = t.Function;

const isFunction = (n: t.Node | null | undefined): n is Fn =>
  !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration'
    || n.type === 'ObjectMethod' || n.type === 'ClassMethod');

/** The handler function of a route, or null when it cannot be followed statically. */
export function locateHandler(route: RouteRecord, astOf: AstOf): Fn | null {
  const ast = astOf(route.file);
  if (!ast) return null;
  const call = routeCall(ast, route);
  const last = call?.arguments[call.arguments.length - 1];
  if (last) {
    const fn = unwrap(last as t.Node);
    if (fn) return fn;
  }
  if (route.handler.definedAt) {
    const defAst = astOf(route.handler.definedAt.file);
    if (defAst) return functionAt(defAst, route.handler.definedAt);
  }
  return null;
}

/** `asyncHandler(async (req, res) => ...)`, `catchAsync(fn)`: the function inside the wrapper. */
function unwrap(node: t.Node): Fn | null {
  if (isFunction(node)) return node;
  if (node.type === 'CallExpression') {
    for (const arg of node.arguments) {
      const fn = unwrap(arg as t.Node);
      if (fn) return fn;
    }
  }
  return null;
}

function routeCall(ast: t.File, route: RouteRecord): t.CallExpression | null {
  let found: t.CallExpression | null = null;
  walk(ast, (node) => {
    if (found || node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return;
    const start = node.loc?.start;
    if (!start || start.line !== route.at.line || (route.at.col !== undefined && start.column + 1 !== route.at.col)) return;
    const prop = node.callee.property;
    if (prop.type === 'Identifier' && prop.name === route.method) found = node;
  });
  return found;
}

/** The function defined at a location: a declaration, or the value of a variable, property or class field. */
function functionAt(ast: t.File, at: SourceLocation): Fn | null {
  let found: Fn | null = null;
  walk(ast, (node) => {
    if (found || node.loc?.start.line !== at.line) return;
    if (isFunction(node)) { found = node; return; }
    const value = node.type === 'VariableDeclarator' ? node.init
      : node.type === 'ObjectProperty' || node.type === 'ClassProperty' ? node.value
      : node.type === 'AssignmentExpression' ? node.right
      : null;
    if (value) found = unwrap(value);
  });
  return found;
}
