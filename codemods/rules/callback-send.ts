// Before: (req, res) => { db.all(sql, [id], (err, rows) => { if (err) return res.status(500).send(err.message); res.send(rows); }); }
// After:  async ({ params }) => { return new Promise((resolve) => db.all(sql, [id], (err, rows) => {
//           if (err) return resolve(replySend(500, err.message)); resolve(replySend(200, rows)); })); }
//
// A handler that answers from inside the node-style callback of its last call (sqlite3's db.all, fs.readFile,
// file.mv) is typed by handing the reply to a Promise it returns: each send becomes resolve(<the reply the typed
// rewrite returns for it>), and the runtime sends that reply as it sends a returned one. Only this shape:
//   - ONE call, the handler's last statement (or its `return`, or an arrow's body), whose LAST argument is a
//     non-async function whose first parameter is named as an error (`err`, `error`, `e`...): the convention of
//     a callback called once, when the call is done. An event listener or a per-row callback may be called again,
//     where a second res.send() threw ERR_HTTP_HEADERS_SENT and a second resolve() would do nothing.
//   - every send of the handler is in that callback's own body (not in a function inside it, not before the call);
//   - each send ends its path through the callback: its last statement, `return res.send(x)`, or followed by a
//     bare `return;` (kept: resolve() does not leave the callback as `return` did). A send followed by more code
//     on its path stays legacy: that code ran after the response went out, and here it would run before.
//   - every path through the callback sends (or throws).
// Why the answers are the same:
//   - the reply is what the typed rewrite returns for that send anywhere else (same status, headers and bytes);
//     it goes out when the callback calls back, as the send did, a microtask later;
//   - a callback never called back hung the request before and leaves the Promise pending after: it hangs too;
//   - a throw inside a callback called back later is outside the executor: as uncaught as before (the request
//     hangs either way). One called back synchronously throws through the call, see next;
//   - a throw out of the call itself (its arguments, `req.app.locals.db` undefined, a library's own check): before,
//     express caught the synchronous throw of the handler and called next(err); after, the Promise executor's throw
//     rejects the Promise the async handler returns, and the typed runtime hands that error to next(err)
//     (compat/execute.ts invoke -> fail): the same error reaches the same error middleware. (fail() answers an
//     HTTPException itself; legacy code cannot throw migrate-api's own class.)
// What is not the same, accepted: a call that calls back synchronously and then throws answered and then passed
// the error to express (whose final handler destroys the socket of an answered response); here the throw is lost
// after resolve. And on Express 5, a handler that `return`ed a thenable had it awaited by express (a rejection
// went to next(err)); the executor's return value is dropped. Node-style APIs return nothing or the receiver.
import { isFunction, type Node, type Parents } from './ast.js';
import { endsAfter, returnsElsewhere, tailStatements } from './handler-flow.js';
import type { SourceEdits } from './edits.js';

/** The handler's last call and the node-style callback it passes last. */
export interface CallbackTail {
  call: Node;
  /** What holds the call: its ExpressionStatement or ReturnStatement, or the handler itself (an arrow's body). */
  holder: Node;
  callback: Node;
  /** The callback's statements after which control leaves it. */
  tails: Set<Node>;
}

/** The first parameter of a node-style callback: an error. */
const ERROR_PARAM = /^_?(e|er|err|error|ex)$|(Err|Error)$/;

/** The handler's last statement as `call(..., (err, ...) => ...)`, or null. */
export function callbackTail(fn: Node): CallbackTail | null {
  const body = fn.body as Node;
  let call: Node | undefined;
  let holder: Node;
  if (body.type === 'BlockStatement') {
    const last = body.body[body.body.length - 1] as Node | undefined;
    if (last?.type === 'ExpressionStatement') call = last.expression;
    else if (last?.type === 'ReturnStatement') call = last.argument ?? undefined;
    holder = last!;
  } else {
    call = body;
    holder = fn;
  }
  if (call?.type !== 'CallExpression') return null;
  const callback = call.arguments[call.arguments.length - 1] as Node | undefined;
  if (!callback || !/^(ArrowFunctionExpression|FunctionExpression)$/.test(callback.type) || callback.async || callback.generator) return null;
  const first = callback.params[0] as Node | undefined;
  if (first?.type !== 'Identifier' || !ERROR_PARAM.test(first.name)) return null;
  const tails = callback.body.type === 'BlockStatement' ? tailStatements(callback.body.body) : new Set<Node>();
  return { call, holder, callback, tails };
}

/** The function a node is in, nearest first. */
export function enclosingFunction(parents: Parents, n: Node): Node | undefined {
  let p = parents.get(n);
  while (p && !isFunction(p)) p = parents.get(p);
  return p;
}

/** Whether every path through the callback ends at one of `exits` (a send, its trailing `return;`) or a throw,
 *  and no other `return` leaves it without sending. */
export function callbackAlwaysSends(tail: CallbackTail, exits: ReadonlySet<Node>): boolean {
  const body = tail.callback.body as Node;
  if (body.type !== 'BlockStatement') return exits.has(body);
  return !returnsElsewhere(body, exits) && endsAfter(body, exits);
}

/** `db.all(sql, cb);` -> `return new Promise((resolve) => db.all(sql, cb));` (a `return` or an arrow body keeps its
 *  place). The whole call, its arguments included, is in the executor: a throw out of it rejects the Promise. */
export function wrapInPromise(edits: SourceEdits, tail: CallbackTail, resolve: string): void {
  if (tail.holder.type === 'ExpressionStatement') edits.insert(tail.holder.start, 'return ');
  edits.wrap(tail.call, `new Promise((${resolve}) => `, ')');
}
