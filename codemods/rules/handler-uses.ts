// Before: (req, res, next) => { if (!req.params.id) return next(new Error('no id')); res.status(201).json(find(req.params.id)); }
// After:  what rules/ma003-typed-handler.ts decides on: the read `req.params.id`, the send `res.status(201).json(...)`
//         (the statement that ends the handler), the `next(new Error('no id'))` (returned); or why not
//
// One walk over the handler looks at every reference to its own req, res and next, and at every name it binds. Each
// use is taken only in a shape the typed rewrite reproduces (a send or a next(x) that ends its path, a read of
// req.params/query/body); the first use that is not stops the walk, and its reason is the route's legacy reason.
import { isFunction, isIdent, isReference, memberName, patternNames, walk, type Node, type Parents } from './ast.js';
import type { RuleContext } from './context.js';
import { readResUse, type SendChain } from './handler-sends.js';
import { tailStatements } from './handler-flow.js';
import { statusResolver } from './status-constants.js';
import { helperCallOf } from './send-helper.js';
import { enclosingFunction, type CallbackTail } from './callback-send.js';
import type { Location, Read, Send, Throw } from './typed-splice.js';

export const LOCATIONS = ['params', 'query', 'body'] as const satisfies readonly Location[];

/** What the handler does with its parameters, each use in a shape the typed rewrite can take. */
export interface HandlerUses {
  reads: Read[];
  sends: Send[];
  throws: Throw[];
  /** `res` references kept as they are (headers, cookies, locals): the typed handler takes ctx.res. */
  keptRes: Node[];
  /** `req` read other than as req.params/query/body (`req.user`): the typed handler takes ctx.req. */
  keptReq: boolean;
  /** `req` itself handed on (`audit(req)`, `const r = req`): what gets it may read or write any location, so
   *  every read stays raw. */
  reqEscapes: boolean;
  /** Locations the handler writes to (assigned, mutated): their reads stay raw, so each sees the writes as before. */
  rawOnly: Set<Location>;
  /** Every name the handler mentions: a location read parsed is named `params`/`query`/`body` and must not clash. */
  names: Set<string>;
}

/** Where the walk is: the handler, its parents, the statements that end it and the callback of its last call. */
interface Scope {
  fn: Node;
  parents: Parents;
  /** The handler's statements after which control leaves it. */
  tails: Set<Node>;
  /** The handler's last call, when it passes a node-style callback: sends in it may be typed (rules/callback-send.ts). */
  tail: CallbackTail | null;
}

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin', 'set', 'delete', 'add', 'clear']);

/** Whether the value read at `node` (and what hangs off it) is written: assigned, updated, deleted, mutated. */
function written(parents: Parents, node: Node): boolean {
  let cur = node;
  for (;;) {
    const p = parents.get(cur);
    if (!p) return false;
    if ((p.type === 'AssignmentExpression' && p.left === cur) || p.type === 'UpdateExpression' || (p.type === 'UnaryExpression' && p.operator === 'delete')) return true;
    if ((p.type === 'MemberExpression' || p.type === 'OptionalMemberExpression') && p.object === cur) {
      const call = parents.get(p);
      if (call?.type === 'CallExpression' && call.callee === p && MUTATORS.has(memberName(p) ?? '')) return true;
      cur = p;
      continue;
    }
    return false;
  }
}

/** `Number(x)` around the read: the same number for the raw string and for z.coerce.number()'s parse. */
function readThroughNumber(parents: Parents, read: Node): boolean {
  const call = parents.get(read);
  return !!call && call.type === 'CallExpression' && call.arguments.length === 1 && call.arguments[0] === read && isIdent(call.callee, 'Number');
}

/** Keys a `const { a, b: c, d = 1 } = <init>` takes, or null for a rest element or a computed key. */
function destructuredKeys(pattern: Node): string[] | null {
  if (pattern.type !== 'ObjectPattern') return null;
  const keys: string[] = [];
  for (const p of pattern.properties as Node[]) {
    if (p.type !== 'ObjectProperty' || p.computed) return null;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
    if (key === null) return null;
    keys.push(key);
  }
  return keys;
}

/** Whether `n` is inside a function within the handler (with `skipArrows`, arrows do not count). */
function insideNestedFunction(scope: Scope, n: Node, skipArrows = false): boolean {
  for (let p = scope.parents.get(n); p && p !== scope.fn; p = scope.parents.get(p)) if (isFunction(p) && !(skipArrows && p.type === 'ArrowFunctionExpression')) return true;
  return false;
}

/** A statement that ends the handler (or the callback): the last one, or one followed by a bare `return;` (returned). */
function exitOf(scope: Scope, stmt: Node, last = scope.tails): { ok: boolean; trailingReturn?: Node } {
  if (last.has(stmt)) return { ok: true };
  const parent = scope.parents.get(stmt);
  const list: Node[] | undefined = parent?.type === 'BlockStatement' ? parent.body : undefined;
  const next = list?.[list.indexOf(stmt) + 1];
  return next && next.type === 'ReturnStatement' && !next.argument ? { ok: true, trailingReturn: next } : { ok: false };
}

/** The names a function, catch clause, declarator or class binds. */
function boundNames(n: Node): string[] {
  return [
    ...(n.params ?? []).flatMap((p: Node) => patternNames(p)),
    ...(n.type === 'CatchClause' ? patternNames(n.param) : []),
    ...(n.type === 'VariableDeclarator' ? patternNames(n.id) : []),
    ...(n.id?.type === 'Identifier' && n.type !== 'VariableDeclarator' ? [n.id.name] : []),
  ];
}

/** A reference to `req`: a read of req.params/query/body (by key, destructured or whole), or a use kept on ctx.req. */
function noteReqUse(uses: HandlerUses, parents: Parents, ref: Node, parent: Node | null): void {
  const loc = memberName(parent ?? undefined);
  if (!parent || parent.type !== 'MemberExpression' || parent.object !== ref) { uses.reqEscapes = true; uses.keptReq = true; return; }
  if (!loc || !(LOCATIONS as readonly string[]).includes(loc)) { uses.keptReq = true; return; }
  const l = loc as Location;
  if (written(parents, parent)) uses.rawOnly.add(l);
  const outer = parents.get(parent);
  const keyed = outer?.type === 'MemberExpression' && outer.object === parent
    && (!outer.computed ? outer.property.type === 'Identifier' : outer.property.type === 'StringLiteral');
  if (keyed) {
    const key = outer.computed ? outer.property.value : outer.property.name;
    uses.reads.push({ member: parent, loc: l, keys: [key], numberOnly: readThroughNumber(parents, outer) });
    return;
  }
  const decl = outer?.type === 'VariableDeclarator' && outer.init === parent ? destructuredKeys(outer.id) : null;
  uses.reads.push({ member: parent, loc: l, keys: decl, numberOnly: false });
}

/**
 * Where a send stands decides what replaces it: an arrow's body, a `return`, or a statement that ends its path.
 * A send in the last call's callback ends the callback's path, as one in the handler ends the handler's; any other
 * shape keeps the reason it always had. Returns why not as a string.
 */
function placeSend(scope: Scope, ref: Node, send: SendChain, viaHelper: boolean): Send | string {
  const inCallback = insideNestedFunction(scope, ref);
  if (inCallback && enclosingFunction(scope.parents, ref) !== scope.tail?.callback) return 'sends in a callback';
  const owner = inCallback ? scope.tail!.callback : scope.fn;
  const refuse = (w: string) => (inCallback ? 'sends in a callback' : w);
  // A computed status stays the app's own res.status(code) call (compat/reply-computed.ts), on the handler's res.
  if (viaHelper && send.computed) return refuse('`res.status()` with a computed status');
  const where = inCallback ? { folded: [], inCallback: true as const } : { folded: [] };
  const top = send.outer ?? send.call;
  const holder = scope.parents.get(top);
  if (holder === owner) return { ...send, target: top, kind: 'expression', ...where };
  if (holder?.type === 'ReturnStatement') return { ...send, target: holder, kind: 'return', ...where };
  if (holder?.type === 'ExpressionStatement') {
    const exit = exitOf(scope, holder, inCallback ? scope.tail!.tails : scope.tails);
    if (!exit.ok) return refuse('sends before more code runs');
    return { ...send, target: holder, kind: 'statement', ...where, ...(exit.trailingReturn ? { trailingReturn: exit.trailingReturn } : {}) };
  }
  return refuse('sends inside an expression');
}

/** `next(x)` where it ends its path: it becomes `throw x` (the runtime hands the same object to next()). Returns
 *  why not as a string. */
function nextThrow(scope: Scope, ref: Node, call: Node | null, nextName: string): Throw | string {
  if (!call || call.type !== 'CallExpression' || call.callee !== ref) return `passes \`${nextName}\` to other code`;
  if (call.arguments.length === 0) return 'calls next() to pass the request on';
  if (call.arguments.length !== 1 || call.arguments[0].type === 'SpreadElement') return 'next() with more than one argument';
  if (insideNestedFunction(scope, call)) return 'calls next() in a callback';
  const stmt = scope.parents.get(call);
  if (stmt?.type !== 'ExpressionStatement' && stmt?.type !== 'ReturnStatement') return 'next(err) inside an expression';
  if (stmt.type === 'ExpressionStatement' && !exitOf(scope, stmt).ok) return 'code runs after next(err)';
  return { stmt, arg: call.arguments[0] };
}

/**
 * Every use the (req, res[, next]) handler `fn` makes of its parameters, or the first reason one cannot be typed.
 * `thisBound`: `this` is the same receiver before and after (RouteFacts.thisBound), so reading it is no reason.
 */
export function collectHandlerUses(ctx: RuleContext, fn: Node, parents: Parents, tail: CallbackTail | null, thisBound?: boolean): HandlerUses | { why: string } {
  const [reqName, resName, nextName] = fn.params.map((p: Node) => p.name as string) as [string, string, string | undefined];
  const body = fn.body as Node;
  const scope: Scope = { fn, parents, tails: body.type === 'BlockStatement' ? tailStatements(body.body) : new Set<Node>(), tail };
  const resolveStatus = statusResolver(ctx.program, ctx.file);
  const uses: HandlerUses = { reads: [], sends: [], throws: [], keptRes: [], keptReq: false, reqEscapes: false, rawOnly: new Set(), names: new Set() };
  let why: string | null = null;
  const fail = (w: string) => { why ??= w; };

  walk(body, (n, parent) => {
    if (why) return false;
    // An arrow inside the handler (a callback) sees the handler's own `arguments`: (req, res, next) before,
    // (input, ctx) once typed.
    if (fn.type !== 'ArrowFunctionExpression' && ((n.type === 'ThisExpression' && !thisBound) || isIdent(n, 'arguments')) && !insideNestedFunction(scope, n, n.type !== 'ThisExpression')) { fail('uses this/arguments'); return false; }
    if (isFunction(n) || n.type === 'CatchClause' || n.type === 'VariableDeclarator' || n.type === 'ClassDeclaration') {
      const bound = boundNames(n);
      for (const x of bound) uses.names.add(x);
      const clash = bound.find((x) => x === reqName || x === resName || x === nextName);
      if (clash) { fail(`the name \`${clash}\` is declared inside the handler`); return false; }
    }
    if (n.type !== 'Identifier' || !isReference(n, parent ?? undefined)) return;
    uses.names.add(n.name);
    if (n.name === reqName) { noteReqUse(uses, parents, n, parent); return; }
    if (n.name === resName) {
      const helper = helperCallOf(ctx, parents, n);
      const use = helper ?? readResUse(parents, n, resolveStatus);
      if (use.kind === 'legacy') { fail(use.why); return; }
      if (use.kind === 'keep') { uses.keptRes.push(n); return; }
      const send = placeSend(scope, n, use.send, !!helper);
      if (typeof send === 'string') fail(send);
      else uses.sends.push(send);
      return;
    }
    if (nextName && n.name === nextName) {
      const thrown = nextThrow(scope, n, parent, nextName);
      if (typeof thrown === 'string') fail(thrown);
      else uses.throws.push(thrown);
    }
  });
  return why ? { why } : uses;
}
