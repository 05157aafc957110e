const id = (name) => ({ kind: "id", name });
const lit = (value) => ({ kind: "lit", value });
const member = (object, ...path) => path.reduce((o, property) => ({ kind: "member", object: o, property }), object);
const call = (callee, ...args) => ({ kind: "call", callee, args });
const newCall = (callee, ...args) => ({ kind: "call", callee, args, isNew: true });
const arrow = (params, body) => ({ kind: "arrow", params, body });
const arr = (elements) => ({ kind: "array", elements });
const obj = (props) => ({ kind: "object", props });
const binary = (op, left, right) => ({ kind: "binary", op, left, right });
const cond = (test, then, otherwise) => ({ kind: "cond", test, then, else: otherwise });
function zc(path, ...args) {
  return call(member(id("z"), ...Array.isArray(path) ? path : [path]), ...args);
}
const chain = (expr, method, ...args) => call(member(expr, method), ...args);
function json(value) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return lit(value);
  if (typeof value === "number") return lit(Number.isFinite(value) ? value : null);
  if (Array.isArray(value)) return arr(value.map(json));
  if (typeof value === "object") return obj(Object.entries(value).map(([key, v]) => ({ key, value: json(v) })));
  return lit(void 0);
}
function trailingCall(expr) {
  if (expr.kind === "call" && !expr.isNew && expr.callee.kind === "member") {
    return { method: expr.callee.property, target: expr.callee.object, args: expr.args };
  }
  return void 0;
}
function hasDeferred(expr) {
  switch (expr.kind) {
    case "id":
      return !!expr.deferred;
    case "member":
      return hasDeferred(expr.object);
    case "call":
      return hasDeferred(expr.callee) || expr.args.some(hasDeferred);
    case "array":
      return expr.elements.some(hasDeferred);
    case "object":
      return expr.props.some((p) => !p.getter && hasDeferred(p.value));
    case "binary":
      return hasDeferred(expr.left) || hasDeferred(expr.right);
    case "unary":
      return hasDeferred(expr.arg);
    case "cond":
      return hasDeferred(expr.test) || hasDeferred(expr.then) || hasDeferred(expr.else);
    default:
      return false;
  }
}
function mapExpr(expr, fn, inside = false) {
  const m = (e, ins = inside) => mapExpr(e, fn, ins);
  let out;
  switch (expr.kind) {
    case "member":
      out = { ...expr, object: m(expr.object) };
      break;
    case "call":
      out = { ...expr, callee: m(expr.callee), args: expr.args.map((a) => m(a)) };
      break;
    case "array":
      out = { ...expr, elements: expr.elements.map((e) => m(e)) };
      break;
    case "object":
      out = { ...expr, props: expr.props.map((p) => ({ ...p, value: m(p.value, inside || !!p.getter) })) };
      break;
    case "arrow":
      out = { ...expr, body: m(expr.body, true) };
      break;
    case "binary":
      out = { ...expr, left: m(expr.left), right: m(expr.right) };
      break;
    case "unary":
      out = { ...expr, arg: m(expr.arg) };
      break;
    case "cond":
      out = { ...expr, test: m(expr.test), then: m(expr.then), else: m(expr.else) };
      break;
    default:
      out = expr;
  }
  return fn(out, inside);
}
export {
  arr,
  arrow,
  binary,
  call,
  chain,
  cond,
  hasDeferred,
  id,
  json,
  lit,
  mapExpr,
  member,
  newCall,
  obj,
  trailingCall,
  zc
};
