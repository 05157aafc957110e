// Before: res.set('X-Total', n).status(201).json(rows);   res.sendStatus(404);   res.status(204).end();   res.status(400).json();
// After:  return reply(201, rows, { 'X-Total': n });      return replyStatus(404); return reply(204);   return replyEmptyJson(400);
//
// What a `res` reference in a handler is: a send (a chain of status/set/header/location ending in
// json/send/sendStatus/end), a call that only touches the response's headers or locals (kept as it is,
// on ctx.res), or something a typed handler cannot reproduce (a view, a redirect, a file, a stream): the reason.
import { isIdent, memberName, type Node, type Parents } from './ast.js';

/** How the send goes on the wire: the compat helper that reproduces it. `emptyJson`: `res.json()` with no argument
 *  (a JSON Content-Type, no bytes: replyEmptyJson). */
export type SendVia = 'json' | 'send' | 'sendStatus' | 'end' | 'emptyJson';

/** location: set by res.location() (percent-encoded); raw: a Location set by res.set(), sent as it is (rawHeader). */
export interface SendHeader { key: string; value: Node; location?: boolean; raw?: boolean }

export interface SendChain {
  /** The outermost call (the send itself). */
  call: Node;
  status: number | null;
  /** The status as written when it is a name resolved to `status` (`httpStatus.CREATED`, rules/status-constants.ts). */
  statusNode?: Node;
  value: Node | null;
  via: SendVia;
  headers: SendHeader[];
  /** A status computed at run time (`res.status(result.status)`, `res.sendStatus(code)`): the chain before the
   *  send stays the app's own calls, in place (`replyWith(res.status(code), body)`, compat/reply-computed.ts). */
  computed?: true;
  /** `res.json(x).end()`: the no-argument `.end()` chained to the send, dropped with it. The send has ended the
   *  response, and node's end() on an ended response does nothing. */
  outer?: Node;
}

/** `res.<name>()` that writes headers or cookies only: the same call on the typed handler's ctx.res does the same. */
const HEADER_ONLY = new Set(['set', 'header', 'setHeader', 'append', 'location', 'cookie', 'clearCookie', 'vary', 'type', 'contentType', 'links', 'attachment']);
/** What a typed handler cannot return: named so the report can group routes by it. */
const LEGACY_SENDS: Record<string, string> = {
  render: 'renders a view (`res.render`)',
  redirect: 'redirects (`res.redirect`)',
  download: 'sends a file (`res.download`)',
  sendFile: 'sends a file (`res.sendFile`)',
  write: 'streams the response (`res.write`)',
  writeHead: 'streams the response (`res.writeHead`)',
  pipe: 'streams the response',
  jsonp: 'sends JSONP (`res.jsonp`)',
  format: 'negotiates the response (`res.format`)',
  end: '`res.end()` with a body',
};

export type ResUse =
  | { kind: 'send'; send: SendChain }
  /** Kept as written: reads res.locals, sets a header or a cookie (not followed by a send in the same chain). */
  | { kind: 'keep' }
  | { kind: 'legacy'; why: string };

function isStringLiteral(n: Node | undefined): boolean {
  return !!n && (n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string'));
}

function literalString(n: Node): string | null {
  if (isStringLiteral(n)) return n.value as string;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked as string;
  return null;
}

/** `res.set('X-A', v)` / `res.set({ 'X-A': v })` -> headers, or null when the key is not a literal or is Content-Type
 *  (kept as a call: the JSON sender then defers to res.json, as before). */
function headerArgs(call: Node): SendHeader[] | null {
  const args = call.arguments as Node[];
  const ok = (key: string) => key.toLowerCase() !== 'content-type';
  // A Location set with res.set is not percent-encoded; a reply's Location header is (as res.location does), unless
  // the value is marked rawHeader().
  const header = (key: string, value: Node): SendHeader => (key.toLowerCase() === 'location' ? { key, value, raw: true } : { key, value });
  if (args.length === 2 && args[1]!.type !== 'SpreadElement') {
    const key = literalString(args[0]!);
    return key !== null && ok(key) ? [header(key, args[1]!)] : null;
  }
  if (args.length === 1 && args[0]!.type === 'ObjectExpression') {
    const out: SendHeader[] = [];
    for (const p of args[0]!.properties as Node[]) {
      if ((p.type !== 'ObjectProperty' && p.type !== 'Property') || p.computed || p.kind === 'get' || p.kind === 'set' || p.method) return null;
      const key = p.key.type === 'Identifier' ? (p.key.name as string) : literalString(p.key);
      if (key === null || !ok(key)) return null;
      out.push(header(key, p.value));
    }
    return out;
  }
  return null;
}

/**
 * Reads the chain around a `res` reference: `res.status(201).set('X', v).json(x)`. express's own methods only;
 * a chain is read outward from `res` and must be called link by link.
 */
export function readResUse(parents: Parents, ref: Node, resolveStatus: (n: Node) => number | null = () => null): ResUse {
  const links: Array<{ name: string; call: Node }> = [];
  let cur: Node = ref;
  for (;;) {
    const m = parents.get(cur);
    const name = memberName(m);
    if (!m || m.type !== 'MemberExpression' || m.object !== cur || !name) break;
    const call = parents.get(m);
    if (!call || call.type !== 'CallExpression' || call.callee !== m) {
      // `res.locals.user`, `res.headersSent`: a read of the response object, the same on ctx.res.
      if (links.length === 0 && (name === 'locals' || name === 'headersSent' || name === 'statusCode')) {
        const user = parents.get(m);
        const written = (user?.type === 'AssignmentExpression' && user.left === m) || user?.type === 'UpdateExpression';
        return written && name !== 'locals' ? { kind: 'legacy', why: `writes \`${ref.name}.${name}\`` } : { kind: 'keep' };
      }
      return { kind: 'legacy', why: `uses \`${ref.name}.${name}\`` };
    }
    links.push({ name, call });
    cur = call;
  }
  if (links.length === 0) {
    const p = parents.get(ref);
    if (p?.type === 'CallExpression' && memberName(p.callee) === 'pipe') return { kind: 'legacy', why: LEGACY_SENDS.pipe! };
    return { kind: 'legacy', why: `passes \`${ref.name}\` to other code` };
  }
  let outer: Node | undefined;
  const tail = links[links.length - 1]!;
  if (links.length >= 2 && tail.name === 'end' && tail.call.arguments.length === 0 && ['json', 'send', 'sendStatus'].includes(links[links.length - 2]!.name)) {
    outer = tail.call;
    links.pop();
  }
  let status: number | null = null;
  let statusNode: Node | undefined;
  let computed = false;
  /** A literal status, or a name resolved to one (kept as written where the rewrite can). */
  const statusOf = (arg: Node): number | null => {
    if (arg.type === 'NumericLiteral') return arg.value as number;
    const n = resolveStatus(arg);
    if (n !== null) statusNode = arg;
    return n;
  };
  const headers: SendHeader[] = [];
  const common = (call: Node) => ({ call, status, ...(statusNode ? { statusNode } : {}), ...(computed ? { computed: true as const, status: null } : {}), ...(outer ? { outer } : {}) });
  for (let i = 0; i < links.length; i++) {
    const { name, call } = links[i]!;
    const args = call.arguments as Node[];
    const last = i === links.length - 1;
    if (name === 'status') {
      if (args.length !== 1 || args[0]!.type === 'SpreadElement') return { kind: 'legacy', why: '`res.status()` without one status' };
      status = statusOf(args[0]!);
      computed ||= status === null;
      // Setting the status apart from its send: a typed reply carries its own status.
      if (last) return { kind: 'legacy', why: '`res.status()` is not followed by a send' };
      continue;
    }
    if (name === 'set' || name === 'header') {
      const h = headerArgs(call);
      if (!h) {
        if (headersOnly(links, i)) return { kind: 'keep' };
        return { kind: 'legacy', why: `\`res.${name}()\` with a computed key or a Content-Type in a send chain` };
      }
      headers.push(...h);
      if (last) return { kind: 'keep' };
      continue;
    }
    if (name === 'location') {
      if (args.length !== 1 || args[0]!.type === 'SpreadElement') return { kind: 'legacy', why: '`res.location()` without one URL' };
      headers.push({ key: 'Location', value: args[0]!, location: true });
      if (last) return { kind: 'keep' };
      continue;
    }
    if (HEADER_ONLY.has(name)) {
      if (headersOnly(links, i)) return { kind: 'keep' };
      return { kind: 'legacy', why: `\`res.${name}()\` in a send chain` };
    }
    if (!last) return { kind: 'legacy', why: `uses the value of \`res.${name}()\`` };
    const objectLike = (v: Node | undefined) => !!v && (v.type === 'ObjectExpression' || v.type === 'ArrayExpression');
    const one = args.length === 1 && args[0]!.type !== 'SpreadElement';
    switch (name) {
      case 'json': {
        if (args.length === 0) {
          // replyWith(res.status(code)) stands for `.end()`, which sends no Content-Type: no helper says this one.
          if (computed) return { kind: 'legacy', why: '`res.status(code).json()`: a status computed at run time and no body' };
          return { kind: 'send', send: { ...common(call), value: null, via: 'emptyJson', headers } };
        }
        if (args.some((a) => a.type === 'SpreadElement')) return { kind: 'legacy', why: '`res.json(...x)`: a spread argument' };
        // Two arguments: Express 4 reads `res.json(status, body)` / `(body, status)`, Express 5 only the first.
        if (args.length === 2) return { kind: 'legacy', why: '`res.json(a, b)`: Express 4 reads a status and a body, Express 5 the first argument only' };
        // More: both versions send the first and ignore the rest (`res.json(x, undefined, '\t')`), which go with the
        // call where evaluating them does nothing.
        if (!args.slice(1).every(isIgnorableArgument)) return { kind: 'legacy', why: '`res.json(x, ...)`: extra arguments express ignores, computed (evaluated before the send)' };
        return { kind: 'send', send: { ...common(call), value: args[0]!, via: 'json', headers } };
      }
      case 'send':
        if (args.length === 0) return { kind: 'send', send: { ...common(call), value: null, via: 'send', headers } };
        if (!one) return { kind: 'legacy', why: '`res.send()` with more than one argument' };
        // An object or array literal is JSON whatever express version; anything else goes through res.send itself.
        return { kind: 'send', send: { ...common(call), value: args[0]!, via: objectLike(args[0]) ? 'json' : 'send', headers } };
      case 'sendStatus':
        if (!one) return { kind: 'legacy', why: '`res.sendStatus()` without one status' };
        status = statusOf(args[0]!);
        computed ||= status === null;
        return { kind: 'send', send: { ...common(call), value: null, via: 'sendStatus', headers } };
      case 'end':
        if (args.length !== 0) return { kind: 'legacy', why: LEGACY_SENDS.end! };
        return { kind: 'send', send: { ...common(call), value: null, via: 'end', headers } };
      default:
        return { kind: 'legacy', why: LEGACY_SENDS[name] ?? `uses \`res.${name}()\`` };
    }
  }
  return { kind: 'legacy', why: 'unreachable' };
}

/** An argument whose evaluation does nothing: a literal or `undefined`, dropped with the send that ignored it. */
function isIgnorableArgument(n: Node): boolean {
  if (isIdent(n, 'undefined')) return true;
  return /^(StringLiteral|NumericLiteral|BooleanLiteral|NullLiteral|Literal)$/.test(n.type) || (n.type === 'TemplateLiteral' && n.expressions.length === 0);
}

/** From link i on, the chain only sets headers (no status, no send): kept as a call on ctx.res. */
function headersOnly(links: Array<{ name: string }>, i: number): boolean {
  return links.slice(i).every((l) => HEADER_ONLY.has(l.name));
}

/** An expression whose evaluation has no effects and reads nothing that the evaluation of another could change
 *  (literals, names, property reads, templates of those): safe to evaluate after the body instead of before it. */
export function isInert(n: Node | null | undefined): boolean {
  if (!n) return true;
  switch (n.type) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': case 'NullLiteral': case 'Literal': case 'Identifier':
      return true;
    case 'TemplateLiteral': return (n.expressions as Node[]).every(isInert);
    case 'MemberExpression': return isInert(n.object) && (!n.computed || isInert(n.property));
    case 'BinaryExpression': case 'LogicalExpression': return isInert(n.left) && isInert(n.right);
    case 'UnaryExpression': return n.operator !== 'delete' && isInert(n.argument);
    case 'ConditionalExpression': return isInert(n.test) && isInert(n.consequent) && isInert(n.alternate);
    case 'TSAsExpression': case 'TSNonNullExpression': return isInert(n.expression);
    default: return false;
  }
}

/** A header-setting statement that may be folded into the send after it: `res.set('X', v);` with an inert value. */
export function foldableHeaderStatement(stmt: Node, resName: string): SendHeader[] | null {
  if (stmt.type !== 'ExpressionStatement') return null;
  const out: SendHeader[] = [];
  let cur: Node = stmt.expression;
  const links: Node[] = [];
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression' && !cur.callee.computed) {
    links.unshift(cur);
    cur = cur.callee.object;
  }
  if (cur.type !== 'Identifier' || cur.name !== resName || links.length === 0) return null;
  for (const call of links) {
    const name = memberName(call.callee);
    if (name === 'set' || name === 'header') {
      const h = headerArgs(call);
      if (!h) return null;
      out.push(...h);
    } else if (name === 'location' && call.arguments.length === 1 && call.arguments[0].type !== 'SpreadElement') {
      out.push({ key: 'Location', value: call.arguments[0], location: true });
    } else return null;
  }
  return out.every((h) => isInert(h.value)) ? out : null;
}
