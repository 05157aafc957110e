// Before: router.post('/rows', validate, insertRow, broadcast)             (insertRow sends, then calls next())
// After:  router.post('/rows', spec, validate, legacy(insertRow), broadcast)
//
// In a chain where a function replies and then calls next() for post-response middleware, the runtime validates
// before the function wrapped in legacy() and runs what follows it after (compat/typed.ts): so that function, not
// the last one, is the one to wrap. Decided statically here where the function's body is in this file (inline, or
// a top-level function/const): a function that sends through its res and then calls its next; one defined in
// another file is found before the rewrite by codemods/chain-repliers.ts with the same test. When unsure: null, and
// the caller keeps today's form (the last function wrapped).
import type { Node } from './ast.js';
import { isFunction } from './ast.js';

const SENDS = new Set(['json', 'send', 'end', 'sendStatus', 'sendFile', 'redirect', 'render', 'jsonp']);

/** The function a top-level declaration in `program` binds to `name`, or null. */
function declaredFunction(program: Node, name: string): Node | null {
  for (const s of program.body as Node[]) {
    const d = s.type === 'ExportNamedDeclaration' && s.declaration ? s.declaration : s;
    if (d.type === 'FunctionDeclaration' && d.id?.name === name) return d;
    if (d.type === 'VariableDeclaration') {
      for (const v of d.declarations) if (v.id?.type === 'Identifier' && v.id.name === name && isFunction(v.init)) return v.init;
    }
  }
  return null;
}

/** `res.json(x)`, `res.status(201).json(x)`, `await res.send(x)` as a statement, on the function's own `res`. */
function sendsThrough(stmt: Node, res: string): boolean {
  if (stmt.type !== 'ExpressionStatement') return false;
  let e = stmt.expression;
  if (e.type === 'AwaitExpression') e = e.argument;
  if (e.type !== 'CallExpression' || e.callee.type !== 'MemberExpression' || !SENDS.has(e.callee.property?.name)) return false;
  let obj = e.callee.object;
  while (obj.type === 'CallExpression' && obj.callee.type === 'MemberExpression') obj = obj.callee.object;
  return obj.type === 'Identifier' && obj.name === res;
}

const callsNext = (stmt: Node, next: string) => stmt.type === 'ExpressionStatement' && stmt.expression.type === 'CallExpression'
  && stmt.expression.callee.type === 'Identifier' && stmt.expression.callee.name === next && stmt.expression.arguments.length === 0;

/**
 * Whether `fn(req, res, next)` sends through `res` and then calls `next()`: a send statement and, after it, a
 * `next()` statement, both in one block (its body, or a try block or if branch inside it). A validator that answers 400
 * in one branch and calls next() in the other is not one: it replies *or* goes on.
 */
export function repliesThenNext(fn: Node): boolean {
  if (!isFunction(fn) || fn.params.length < 3 || fn.body.type !== 'BlockStatement') return false;
  const [, res, next] = fn.params as Node[];
  if (res?.type !== 'Identifier' || next?.type !== 'Identifier') return false;
  // The blocks a statement list leads into: a try block and the branches of an if (`if (data.changes === 0)
  // res.status(404)...; else { res.json(data); next(); }`). A send and a next() in different blocks (a guard
  // that answers 400 in one branch and calls next() in the other) never count: both must be in one block.
  const blocks: Node[][] = [];
  const collect = (body: Node[]) => {
    blocks.push(body);
    for (const s of body) {
      if (s.type === 'TryStatement') collect(s.block.body);
      if (s.type === 'IfStatement') for (const br of [s.consequent, s.alternate]) if (br?.type === 'BlockStatement') collect(br.body);
    }
  };
  collect(fn.body.body);
  return blocks.some((body) => {
    const sent = body.findIndex((s) => sendsThrough(s, res.name));
    return sent >= 0 && body.slice(sent + 1).some((s) => callsNext(s, next.name));
  });
}

/**
 * The index (in `args`, the route call's arguments: path, ...functions) of the first function before the last
 * that replies and then calls next(); null when there is none or it cannot be told.
 */
export function chainReplierIndex(program: Node, args: Node[]): number | null {
  for (let i = 1; i < args.length - 1; i++) {
    const a = args[i]!;
    const fn = isFunction(a) ? a : a.type === 'Identifier' ? declaredFunction(program, a.name) : null;
    if (fn && repliesThenNext(fn)) return i;
  }
  return null;
}
