// Before: router.post('/rows', validate, insertRow, broadcast)             (insertRow sends, then calls next())
// After:  router.post('/rows', spec, validate, legacy(insertRow), broadcast)
//
// In a chain where a function replies and then calls next() for post-response middleware, the runtime validates
// before the function wrapped in legacy() and runs what follows it after (compat/typed.ts): so that function, not
// the last one, is the one to wrap. Decided statically, only where the function's body is in this file (inline, or
// a top-level function/const): a function that sends through its res and calls its next. When unsure: null, and
// the caller keeps today's form (the last function wrapped).
import type { Node } from './ast.js';
import { isFunction, walk } from './ast.js';

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

/** Whether `fn(req, res, next)` sends a response through `res` and calls `next()` (with no argument). */
export function repliesThenNext(fn: Node): boolean {
  if (!isFunction(fn) || fn.params.length < 3) return false;
  const [, res, next] = fn.params as Node[];
  if (res?.type !== 'Identifier' || next?.type !== 'Identifier') return false;
  let sends = false;
  let callsNext = false;
  walk(fn.body, (n) => {
    if (n !== fn.body && isFunction(n)) return false; // a callback's own next/res are not this function's
    if (n.type !== 'CallExpression') return;
    if (n.callee.type === 'Identifier' && n.callee.name === next.name && n.arguments.length === 0) callsNext = true;
    if (n.callee.type === 'MemberExpression' && SENDS.has(n.callee.property?.name)) {
      let obj = n.callee.object;
      while (obj.type === 'CallExpression' && obj.callee.type === 'MemberExpression') obj = obj.callee.object; // res.status(201).json()
      if (obj.type === 'Identifier' && obj.name === res.name) sends = true;
    }
  });
  return sends && callsNext;
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
