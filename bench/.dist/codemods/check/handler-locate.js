import { walk } from "./handler-facts.js";
const isFunction = (n) => !!n && (n.type === "ArrowFunctionExpression" || n.type === "FunctionExpression" || n.type === "FunctionDeclaration" || n.type === "ObjectMethod" || n.type === "ClassMethod");
function locateHandler(route, astOf) {
  const ast = astOf(route.file);
  if (!ast) return null;
  const call = routeCall(ast, route);
  const last = call?.arguments[call.arguments.length - 1];
  if (last) {
    const fn = unwrap(last);
    if (fn) return fn;
  }
  if (route.handler.definedAt) {
    const defAst = astOf(route.handler.definedAt.file);
    if (defAst) return functionAt(defAst, route.handler.definedAt);
  }
  return null;
}
function unwrap(node) {
  if (isFunction(node)) return node;
  if (node.type === "CallExpression") {
    for (const arg of node.arguments) {
      const fn = unwrap(arg);
      if (fn) return fn;
    }
  }
  return null;
}
function routeCall(ast, route) {
  let found = null;
  walk(ast, (node) => {
    if (found || node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    const start = node.loc?.start;
    if (!start || start.line !== route.at.line || route.at.col !== void 0 && start.column + 1 !== route.at.col) return;
    const prop = node.callee.property;
    if (prop.type === "Identifier" && prop.name === route.method) found = node;
  });
  return found;
}
function functionAt(ast, at) {
  let found = null;
  walk(ast, (node) => {
    if (found || node.loc?.start.line !== at.line) return;
    if (isFunction(node)) {
      found = node;
      return;
    }
    const value = node.type === "VariableDeclarator" ? node.init : node.type === "ObjectProperty" || node.type === "ClassProperty" ? node.value : node.type === "AssignmentExpression" ? node.right : null;
    if (value) found = unwrap(value);
  });
  return found;
}
export {
  locateHandler
};
