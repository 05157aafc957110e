// Before: the handler as written, with what rules/ma003-typed-handler.ts found in it (its sends, next(x) calls, reads)
// After:  the same source with each of them replaced where it stands, and the parameters made (input, ctx)
//
// The text half of MA003: the analysis decides what may be typed, this writes it as splices (rules/edits.ts), so
// everything the rewrite does not touch stays byte for byte.
import { memberName, type Node } from './ast.js';
import type { CompatName } from './context.js';
import type { Part, SourceEdits } from './edits.js';
import type { SendChain, SendHeader } from './handler-sends.js';
import { inlinedParts } from './send-helper.js';
import { wrapInPromise, type CallbackTail } from './callback-send.js';

export type Location = 'params' | 'query' | 'body';

export interface Send extends SendChain {
  /** The statement (or arrow body expression) to replace. */
  target: Node;
  kind: 'statement' | 'return' | 'expression';
  /** A bare `return;` right after the send, removed with it. */
  trailingReturn?: Node;
  /** `res.set(...)` statements right before it, folded into its headers. */
  folded: Node[];
  /** Sent from the callback of the handler's last call: it becomes resolve(<reply>) (rules/callback-send.ts). */
  inCallback?: true;
}

export interface Throw { stmt: Node; arg: Node }

/** One read of `req.<loc>`: `req.body` (whole), `req.params.id` (key), `const { a } = req.body` (keys). */
export interface Read { member: Node; loc: Location; keys: string[] | null; numberOnly: boolean }

/** `{ 'X-Total': n, Location: url }`: a reply's headers from the source of their values; a Location res.set() sent
 *  as it is stays so (`rawHeader(url)`). */
function headersObject(edits: SourceEdits, headers: SendHeader[], call: (name: CompatName, args: Part[][]) => Part[]): Part[] {
  const parts: Part[] = ['{ '];
  headers.forEach((h, i) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(h.key) ? h.key : `'${h.key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    parts.push(i ? ', ' : '', `${key}: `, ...(h.raw ? call('rawHeader', [inlinedParts.get(h.value) ?? [edits.slice(h.value)]]) : inlinedParts.get(h.value) ?? [edits.slice(h.value)]));
  });
  parts.push(' }');
  return parts;
}

/** The send's statement (or arrow body) becomes the return of `sent`; a bare `return;` after it and the header
 *  statements folded into it go. In the callback (rules/callback-send.ts) it becomes `resolve(sent)` in place:
 *  `return` as it was written, a bare `return;` after it kept (resolve does not leave the callback). */
function replaceSend(edits: SourceEdits, s: Send, sent: Part[], semicolon: (stmt: Node) => string, resolve?: string): void {
  if (s.inCallback) {
    edits.replaceNode(s.target, s.kind === 'return' ? 'return ' : '', `${resolve}(`, ...sent, ')', s.kind === 'expression' ? '' : semicolon(s.target));
    for (const f of s.folded) edits.removeLines(f.start, f.end);
    return;
  }
  if (s.kind === 'expression') edits.replaceNode(s.target, ...sent);
  else edits.replaceNode(s.target, 'return ', ...sent, semicolon(s.target));
  if (s.trailingReturn) edits.removeLines(s.trailingReturn.start, s.trailingReturn.end);
  for (const f of s.folded) edits.removeLines(f.start, f.end);
}

/**
 * A send with a status computed at run time, the chain before it kept as the app's own calls in the order they
 * were written: `res.status(code).json(x)` -> `replyWith(res.status(code), x)`, `.send(x)` -> `replySendWith`,
 * `.end()` -> `replyWith(res.status(code))`, `res.sendStatus(code)` -> `replyStatusWith(res, code)`. The chain is
 * written on one line (a chain spread over lines reads badly as an argument).
 */
function computedSend(edits: SourceEdits, s: Send, call: (name: CompatName, args: Part[][]) => Part[], value: (n: Node) => Part[]): Part[] {
  const links: Node[] = [];
  let root: Node = s.call.callee.object;
  for (; root.type === 'CallExpression' && root.callee.type === 'MemberExpression'; root = root.callee.object) links.unshift(root);
  const args = (c: Node): Part[] => (c.arguments as Node[]).flatMap((a, i) => [...(i ? [', '] : []), ...value(a)]);
  const chain: Part[] = [edits.slice(root), ...links.flatMap((c) => [`.${memberName(c.callee)}(`, ...args(c), ')'])];
  if (s.via === 'sendStatus') return call('replyStatusWith', [chain, args(s.call)]);
  if (s.via === 'send') return call('replySendWith', [chain, ...(s.value ? [value(s.value)] : [])]);
  return call('replyWith', [chain, ...(s.via === 'json' ? [value(s.value!)] : [])]);
}

/** What the analysis (rules/ma003-typed-handler.ts) proved and decided: each field is explained where it is made. */
export interface TypedRewrite {
  sends: Send[]; throws: Throw[]; reads: Read[]; used: readonly Location[]; specStatus: boolean; defined: ReadonlySet<Node>; statusNames: boolean;
  ctxNames: [req: string | null, res: string | null]; names: (n: string) => string; inputName: string; annotation: string;
  context: { input: string; ctx: string }; promise: { tail: CallbackTail; resolve: string } | null;
}

/** The same rewrite as text edits: each send, next(x) and parsed read replaced where it stands. Returns the compat
 *  helpers it used. */
export function spliceTypedHandler(edits: SourceEdits, fn: Node, found: TypedRewrite): Set<CompatName> {
  const helpers = new Set<CompatName>();
  const call = (name: CompatName, args: Part[][]): Part[] => {
    helpers.add(name);
    return [`${found.names(name)}(`, ...args.flatMap((a, i) => (i ? [', ', ...a] : a)), ')'];
  };
  // A parenthesized value keeps its parentheses: `(a, b)` as a reply() argument is not `a, b`.
  const value = (n: Node): Part[] => inlinedParts.get(n) ?? (n.extra?.parenthesized ? ['(', edits.slice(n), ')'] : [edits.slice(n)]);
  const semicolon = (stmt: Node) => (edits.source[stmt.end - 1] === ';' ? ';' : '');
  for (const s of found.sends) {
    const resolve = found.promise?.resolve;
    if (s.computed) {
      replaceSend(edits, s, computedSend(edits, s, call, value), semicolon, resolve);
      continue;
    }
    const status = (fallback: number) => (s.statusNode && found.statusNames ? edits.slice(s.statusNode) : String(s.status ?? fallback));
    const headers = s.headers.length ? [headersObject(edits, s.headers, call)] : [];
    let sent: Part[];
    let bare = false;
    if (s.via === 'sendStatus') sent = call('replyStatus', [[status(200)], ...headers]);
    else if (s.via === 'send') sent = call('replySend', [[status(200)], ...(s.value || headers.length ? [s.value ? value(s.value) : ['undefined']] : []), ...headers]);
    // reply(n, undefined, headers) would be a JSON reply (an undefined body answered as res.json(undefined)).
    else if (s.via === 'end') sent = headers.length ? call('replyEnd', [[status(200)], ...headers]) : call('reply', [[status(200)]]);
    // `res.json()`: a JSON Content-Type and no bytes, which neither reply(n) (no Content-Type) nor reply(n, undefined)
    // (an undefined body, checked against the status's schema) is.
    else if (s.via === 'emptyJson') sent = call('replyEmptyJson', [[status(200)], ...headers]);
    else if (s.status === null && !found.specStatus && !headers.length && found.defined.has(s.value!)) { sent = value(s.value!); bare = true; }
    else sent = call('reply', [[status(200)], value(s.value!), ...headers]);
    // An arrow body that is an object literal needs its parentheses.
    const objectBody = s.kind === 'expression' && !s.inCallback && bare && s.value!.type === 'ObjectExpression' && !s.value!.extra?.parenthesized;
    replaceSend(edits, s, objectBody ? ['(', ...sent, ')'] : sent, semicolon, resolve);
  }
  if (found.promise) wrapInPromise(edits, found.promise.tail, found.promise.resolve);
  for (const t of found.throws) edits.replaceNode(t.stmt, 'throw ', ...value(t.arg), semicolon(t.stmt));
  for (const r of found.reads) edits.replaceNode(r.member, r.loc);
  const params = fn.params as Node[];
  const [req, res] = found.ctxNames;
  const ctxParts = [req && (req === 'req' ? 'req' : `req: ${req}`), res && (res === 'res' ? 'res' : `res: ${res}`)].filter(Boolean);
  const input = typedParamCount(found) > 0 ? (found.used.length ? `{ ${found.used.join(', ')} }${found.annotation}` : `${found.inputName}${found.context.input}`) : '';
  edits.replace(params[0]!.start, params[params.length - 1]!.end, input + (ctxParts.length ? `, { ${ctxParts.join(', ')} }${found.context.ctx}` : ''));
  if (fn.returnType) edits.replaceNode(fn.returnType, '');
  // A class method's modifiers (`static`, `public`) come before `async`.
  if (!fn.async) edits.insert(fn.type === 'ClassMethod' ? fn.key.start : fn.start, 'async ');
  return helpers;
}

/** How many parameters the typed handler declares: (input, ctx) where it keeps req or res, (input) where it reads
 *  a parsed location only, () otherwise. A route forwarding to it passes as many (scan/delegating-handler.ts). */
export function typedParamCount(found: { used: readonly Location[]; ctxNames: [string | null, string | null] }): 0 | 1 | 2 {
  return found.ctxNames[0] || found.ctxNames[1] ? 2 : found.used.length ? 1 : 0;
}
