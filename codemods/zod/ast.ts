// A tiny expression AST for generated zod code. The converters build these nodes and `printZod`
// lays them out, so no converter ever concatenates code strings (quoting, escaping and indentation
// live in one place, the printer).

export type ZodExpr =
  /** An identifier. `deferred` marks a reference to a schema declared later in a cycle: the
   *  module emitter turns it into a getter or `z.lazy(() => X)` so it is read after declaration. */
  | { kind: 'id'; name: string; deferred?: boolean }
  | { kind: 'member'; object: ZodExpr; property: string }
  | { kind: 'call'; callee: ZodExpr; args: ZodExpr[]; isNew?: boolean }
  | { kind: 'lit'; value: string | number | boolean | null | undefined }
  | { kind: 'regex'; source: string; flags: string }
  | { kind: 'array'; elements: ZodExpr[] }
  | { kind: 'object'; props: ObjectProp[] }
  | { kind: 'arrow'; params: string[]; body: ZodExpr }
  | { kind: 'binary'; op: '===' | '!==' | '>=' | '<=' | '||' | '&&'; left: ZodExpr; right: ZodExpr }
  | { kind: 'unary'; op: 'typeof' | '!'; arg: ZodExpr }
  | { kind: 'cond'; test: ZodExpr; then: ZodExpr; else: ZodExpr };

/** `getter: true` prints `get key() { return value; }` — zod 4's way to declare recursive shapes. */
export interface ObjectProp { key: string; value: ZodExpr; getter?: boolean }

export const id = (name: string): ZodExpr => ({ kind: 'id', name });
export const lit = (value: string | number | boolean | null | undefined): ZodExpr => ({ kind: 'lit', value });
export const member = (object: ZodExpr, ...path: string[]): ZodExpr =>
  path.reduce<ZodExpr>((o, property) => ({ kind: 'member', object: o, property }), object);
export const call = (callee: ZodExpr, ...args: ZodExpr[]): ZodExpr => ({ kind: 'call', callee, args });
export const newCall = (callee: ZodExpr, ...args: ZodExpr[]): ZodExpr => ({ kind: 'call', callee, args, isNew: true });
export const arrow = (params: string[], body: ZodExpr): ZodExpr => ({ kind: 'arrow', params, body });
export const arr = (elements: ZodExpr[]): ZodExpr => ({ kind: 'array', elements });
export const obj = (props: ObjectProp[]): ZodExpr => ({ kind: 'object', props });
export const binary = (op: Extract<ZodExpr, { kind: 'binary' }>['op'], left: ZodExpr, right: ZodExpr): ZodExpr =>
  ({ kind: 'binary', op, left, right });
export const cond = (test: ZodExpr, then: ZodExpr, otherwise: ZodExpr): ZodExpr => ({ kind: 'cond', test, then, else: otherwise });

/** `z.<path>(...args)`, e.g. `zc(['iso', 'datetime'])` -> `z.iso.datetime()`. */
export function zc(path: string | string[], ...args: ZodExpr[]): ZodExpr {
  return call(member(id('z'), ...(Array.isArray(path) ? path : [path])), ...args);
}

/** `expr.method(...args)` */
export const chain = (expr: ZodExpr, method: string, ...args: ZodExpr[]): ZodExpr => call(member(expr, method), ...args);

/** A JSON value (default, example, const) as a literal expression. */
export function json(value: unknown): ZodExpr {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return lit(value);
  if (typeof value === 'number') return lit(Number.isFinite(value) ? value : null);
  if (Array.isArray(value)) return arr(value.map(json));
  if (typeof value === 'object') return obj(Object.entries(value as object).map(([key, v]) => ({ key, value: json(v) })));
  return lit(undefined);
}

/** The method name of a trailing `.m(...)` call, to let callers merge into an existing `.meta({...})`. */
export function trailingCall(expr: ZodExpr): { method: string; target: ZodExpr; args: ZodExpr[] } | undefined {
  if (expr.kind === 'call' && !expr.isNew && expr.callee.kind === 'member') {
    return { method: expr.callee.property, target: expr.callee.object, args: expr.args };
  }
  return undefined;
}

/** Whether a deferred reference occurs outside getters and arrow bodies. */
export function hasDeferred(expr: ZodExpr): boolean {
  switch (expr.kind) {
    case 'id': return !!expr.deferred;
    case 'member': return hasDeferred(expr.object);
    case 'call': return hasDeferred(expr.callee) || expr.args.some(hasDeferred);
    case 'array': return expr.elements.some(hasDeferred);
    case 'object': return expr.props.some((p) => !p.getter && hasDeferred(p.value));
    case 'binary': return hasDeferred(expr.left) || hasDeferred(expr.right);
    case 'unary': return hasDeferred(expr.arg);
    case 'cond': return hasDeferred(expr.test) || hasDeferred(expr.then) || hasDeferred(expr.else);
    default: return false;
  }
}

/** Rebuilds `expr` bottom-up through `fn` (used to rewrite deferred references). */
export function mapExpr(expr: ZodExpr, fn: (e: ZodExpr, inGetterOrArrow: boolean) => ZodExpr, inside = false): ZodExpr {
  const m = (e: ZodExpr, ins = inside) => mapExpr(e, fn, ins);
  let out: ZodExpr;
  switch (expr.kind) {
    case 'member': out = { ...expr, object: m(expr.object) }; break;
    case 'call': out = { ...expr, callee: m(expr.callee), args: expr.args.map((a) => m(a)) }; break;
    case 'array': out = { ...expr, elements: expr.elements.map((e) => m(e)) }; break;
    case 'object': out = { ...expr, props: expr.props.map((p) => ({ ...p, value: m(p.value, inside || !!p.getter) })) }; break;
    case 'arrow': out = { ...expr, body: m(expr.body, true) }; break;
    case 'binary': out = { ...expr, left: m(expr.left), right: m(expr.right) }; break;
    case 'unary': out = { ...expr, arg: m(expr.arg) }; break;
    case 'cond': out = { ...expr, test: m(expr.test), then: m(expr.then), else: m(expr.else) }; break;
    default: out = expr;
  }
  return fn(out, inside);
}
