// Before: (req, res) => { const u = find(req.params.id); res.status(201).json(u); }
// After:  async ({ params }) => { const u = find(params.id); return reply(201, u); }
//
// Only when provably safe: every use of req is `req.params.X` / `req.query.X` / `req.body[.X]` with a schema
// for that location in the spec, every use of res is one send on a path that then ends, every use of next is
// `next(err)` ending a catch. Anything else (req.user, res.set, sends in callbacks, ...) stays legacy(...).
// Validated input is parsed (also in report mode): where the schema coerces, defaults or transforms, a
// params/query value is only read through Number()/parseInt()/parseFloat(), which give the same result
// for the raw string and the parsed number.
import { b, buildParents, isFunction, isIdent, isReference, memberName, patternNames, replaceNode, walk, type Node, type Parents } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import type { Part, SourceEdits } from './edits.js';

const LOCATIONS = ['params', 'query', 'body'] as const;
type Location = (typeof LOCATIONS)[number];

interface Send {
  /** The statement (or arrow body expression) to replace. */
  target: Node;
  kind: 'statement' | 'return' | 'expression';
  status: number | null;
  value: Node | null;
  /** A bare `return;` right after the send, removed with it. */
  trailingReturn?: Node;
}

interface Throw { stmt: Node; arg: Node }

type Result = { ok: true } | { ok: false; why: string };
const no = (why: string): Result => ({ ok: false, why });

function isSendStatementTail(parents: Parents, stmt: Node, tails: Set<Node>): Node | undefined | false {
  if (tails.has(stmt)) return undefined;
  const parent = parents.get(stmt);
  const list: Node[] | undefined = parent?.type === 'BlockStatement' ? parent.body : undefined;
  const next = list?.[list.indexOf(stmt) + 1];
  if (next && next.type === 'ReturnStatement' && !next.argument) return next;
  return false;
}

/** Schema text that makes parsed values differ from the raw request's. */
const CHANGES_VALUES = /z\.coerce|stringbool|\.default\(|\.prefault\(|\.transform\(|\.pipe\(|\.preprocess\(|\.catch\(|\.overwrite\(/;

/** `Number(req.params.id)`, `parseInt(req.query.n, 10)`, `parseFloat(x)` (same result for '5' and 5): the function's name. */
function numberConversion(parents: Parents, read: Node): string | null {
  const call = parents.get(read);
  if (!call || call.type !== 'CallExpression' || call.arguments[0] !== read) return null;
  const callee = call.callee;
  const name = callee.type === 'Identifier' ? callee.name : isIdent(callee.object, 'Number') ? memberName(callee) : null;
  return name === 'Number' || name === 'parseInt' || name === 'parseFloat' ? name : null;
}

/** Statements after which control leaves the function: the last one of the body, recursively. */
function tailStatements(body: Node[], out = new Set<Node>()): Set<Node> {
  const last = body[body.length - 1];
  if (!last) return out;
  const mark = (s: Node | null | undefined): void => {
    if (!s) return;
    out.add(s);
    if (s.type === 'BlockStatement') tailStatements(s.body, out);
    if (s.type === 'IfStatement') { mark(s.consequent); mark(s.alternate); }
    if (s.type === 'TryStatement' && !s.finalizer) { tailStatements(s.block.body, out); if (s.handler) tailStatements(s.handler.body.body, out); }
  };
  mark(last);
  return out;
}

/** Whether every path through the statement ends by sending, throwing or returning a send. */
function ends(s: Node | null | undefined, exits: Set<Node>): boolean {
  if (!s) return false;
  if (exits.has(s)) return true;
  switch (s.type) {
    case 'ThrowStatement': return true;
    case 'BlockStatement': return s.body.length > 0 && ends(s.body[s.body.length - 1], exits);
    case 'IfStatement': return ends(s.consequent, exits) && ends(s.alternate, exits);
    case 'TryStatement': return !s.finalizer && ends(s.block, exits) && !!s.handler && ends(s.handler.body, exits);
    default: return false;
  }
}

/** Reads `res.json(x)`, `res.status(n).json(x)`, `res.status(n).send({..})`, `res.sendStatus(204)` around a `res` reference. */
function readSend(parents: Parents, ref: Node): { call: Node; status: number | null; value: Node | null } | string {
  const m = parents.get(ref);
  const name = memberName(m);
  if (!m || m.object !== ref || !name) return `\`${ref.name}\` is used as a value`;
  const objectLike = (v: Node | undefined) => !!v && (v.type === 'ObjectExpression' || v.type === 'ArrayExpression');
  if (!['json', 'send', 'sendStatus', 'status'].includes(name)) return `uses \`${ref.name}.${name}\``;
  let call = parents.get(m);
  if (!call || call.type !== 'CallExpression' || call.callee !== m) return `\`${ref.name}.${name}\` is not called`;
  if (name === 'sendStatus') {
    const arg = call.arguments[0];
    if (call.arguments.length === 1 && arg.type === 'NumericLiteral' && arg.value === 204) return { call, status: 204, value: null };
    return '`res.sendStatus()` with a status other than 204 sends a text body';
  }
  let status: number | null = null;
  let method = name;
  if (name === 'status') {
    const arg = call.arguments[0];
    if (call.arguments.length !== 1 || arg.type !== 'NumericLiteral') return '`res.status()` with a computed status';
    status = arg.value;
    const m2 = parents.get(call);
    method = memberName(m2) ?? '';
    const call2 = m2 && parents.get(m2);
    if (!m2 || m2.object !== call || !call2 || call2.type !== 'CallExpression' || call2.callee !== m2) return '`res.status()` is not followed by a send';
    call = call2;
    if (method === 'end' && call.arguments.length === 0 && status === 204) return { call, status, value: null };
  }
  if (call.arguments.length !== 1 || call.arguments[0].type === 'SpreadElement') return `\`res.${method}()\` without exactly one body`;
  if (method === 'json' || (method === 'send' && objectLike(call.arguments[0]))) return { call, status, value: call.arguments[0] };
  return `\`res.${method}()\` is not a JSON send`;
}

/**
 * Rewrites an inline `(req, res[, next])` handler to a typed async handler in place when provably safe.
 * specValues: the spec's top-level properties (params/query/body must be there for each location read).
 */
export function rewriteTypedHandler(ctx: RuleContext, fn: Node, specValues: Map<string, string>): Result {
  const specKeys = new Set(specValues.keys());
  // Declarations and methods come from a controller (rules/definition-site.ts); `static`/getters are not handlers.
  if (!/^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod)$/.test(fn.type)) return no('the handler is not an inline function');
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && (fn.kind !== 'method' || fn.static || fn.computed)) return no('the handler is a getter, setter or static method');
  if (fn.generator) return no('generator handler');
  if (fn.id && fn.type === 'FunctionExpression') return no('named function expression');
  if (fn.typeParameters) return no('generic handler');
  if (fn.params.length < 2 || fn.params.length > 3 || !fn.params.every((p: Node) => p.type === 'Identifier')) return no('parameters are not (req, res[, next])');
  const [reqName, resName, nextName] = fn.params.map((p: Node) => p.name as string);
  const parents: Parents = buildParents(fn);
  const reserved = new Set<string>([reqName!, resName!, ...(nextName ? [nextName] : []), ...LOCATIONS]);

  const locations = new Set<Location>();
  const reads: Array<{ member: Node; loc: Location; converted: string | null }> = [];
  const sends: Send[] = [];
  const throws: Throw[] = [];
  let why: string | null = null;
  const fail = (w: string) => { why ??= w; };

  const insideNestedFunction = (n: Node): boolean => {
    for (let p = parents.get(n); p && p !== fn; p = parents.get(p)) if (isFunction(p)) return true;
    return false;
  };
  const body = fn.body as Node;
  const tails = body.type === 'BlockStatement' ? tailStatements(body.body) : new Set<Node>();

  walk(body, (n, parent) => {
    if (why) return false;
    if (fn.type !== 'ArrowFunctionExpression' && (n.type === 'ThisExpression' || isIdent(n, 'arguments')) && !insideNestedFunction(n)) { fail('uses this/arguments'); return false; }
    if (isFunction(n) || n.type === 'CatchClause' || n.type === 'VariableDeclarator' || n.type === 'ClassDeclaration') {
      const bound = [
        ...(n.params ?? []).flatMap((p: Node) => patternNames(p)),
        ...(n.type === 'CatchClause' ? patternNames(n.param) : []),
        ...(n.type === 'VariableDeclarator' ? patternNames(n.id) : []),
        ...(n.id?.type === 'Identifier' && n.type !== 'VariableDeclarator' ? [n.id.name] : []),
      ];
      const clash = bound.find((x) => reserved.has(x));
      if (clash) { fail(`the name \`${clash}\` is declared inside the handler`); return false; }
    }
    if (n.type !== 'Identifier' || !isReference(n, parent ?? undefined)) return;
    if (LOCATIONS.includes(n.name as Location) && !(parent?.type === 'VariableDeclarator' && parent.id === n)) {
      fail(`the handler already uses a name \`${n.name}\``); return;
    }
    if (n.name === reqName) {
      const loc = memberName(parent ?? undefined) as Location | null;
      if (!parent || parent.object !== n || !loc || !LOCATIONS.includes(loc)) { fail(`reads \`${reqName}${loc ? `.${loc}` : ''}\``); return; }
      const outer = parents.get(parent);
      const readsProp = outer?.type === 'MemberExpression' && outer.object === parent;
      if (loc !== 'body' && !readsProp) { fail(`reads \`${reqName}.${loc}\` as a whole`); return; }
      const used = readsProp ? outer! : parent;
      const user = parents.get(used);
      if ((user?.type === 'AssignmentExpression' && user.left === used) || user?.type === 'UpdateExpression'
        || (user?.type === 'UnaryExpression' && user.operator === 'delete')) { fail(`writes \`${reqName}.${loc}\``); return; }
      locations.add(loc);
      reads.push({ member: parent, loc, converted: readsProp ? numberConversion(parents, outer!) : null });
      return;
    }
    if (n.name === resName) {
      if (insideNestedFunction(n)) { fail('sends in a callback'); return; }
      const send = readSend(parents, n);
      if (typeof send === 'string') { fail(send); return; }
      const holder = parents.get(send.call);
      if (holder === fn) { sends.push({ target: send.call, kind: 'expression', status: send.status, value: send.value }); return; }
      if (holder?.type === 'ReturnStatement') { sends.push({ target: holder, kind: 'return', status: send.status, value: send.value }); return; }
      if (holder?.type === 'ExpressionStatement') {
        const after = isSendStatementTail(parents, holder, tails);
        if (after === false) { fail('sends before more code runs'); return; }
        sends.push({ target: holder, kind: 'statement', status: send.status, value: send.value, ...(after ? { trailingReturn: after } : {}) });
        return;
      }
      fail('sends inside an expression');
      return;
    }
    if (nextName && n.name === nextName) {
      const call = parent;
      if (!call || call.type !== 'CallExpression' || call.callee !== n || call.arguments.length !== 1 || call.arguments[0].type !== 'Identifier') { fail(`uses \`${nextName}\` other than next(err)`); return; }
      let clause: Node | undefined = parents.get(call);
      while (clause && clause !== fn && clause.type !== 'CatchClause' && !isFunction(clause)) clause = parents.get(clause);
      if (!clause || clause.type !== 'CatchClause' || !isIdent(clause.param, call.arguments[0].name)) { fail('calls next() outside a catch'); return; }
      const stmt = parents.get(call);
      if (stmt?.type !== 'ExpressionStatement' && stmt?.type !== 'ReturnStatement') { fail('next(err) inside an expression'); return; }
      if (stmt.type === 'ExpressionStatement' && isSendStatementTail(parents, stmt, tails) === false) { fail('code runs after next(err)'); return; }
      throws.push({ stmt, arg: call.arguments[0] });
    }
  });
  if (why) return no(why);
  for (const loc of locations) if (!specKeys.has(loc)) return no(`reads req.${loc} but the spec has no ${loc} schema`);
  // TS: parseInt(number) does not type-check, so there only Number() counts as a conversion.
  const ts = /\.[cm]?tsx?$/.test(ctx.file);
  for (const r of reads) {
    if (r.loc === 'body') continue;
    const schema = specValues.get(r.loc)!;
    if (!/^z\.object\(/.test(schema)) return no(`req.${r.loc} schema \`${schema}\` is named; its parsed values may differ from the raw strings`);
    if (CHANGES_VALUES.test(schema) && !(r.converted && (!ts || r.converted === 'Number'))) {
      return no(`req.${r.loc} is coerced/defaulted by its schema and read without Number()${ts ? '' : '/parseInt()'}`);
    }
  }
  const bodySchema = specValues.get('body') ?? '';
  if (locations.has('body') && CHANGES_VALUES.test(bodySchema)) return no('the body schema defaults or transforms values');
  if (sends.length === 0) return no('sends no JSON response');
  // `res.json(req.body)` with no body sent answers 200 (empty JSON); a typed `return body` of undefined answers 204.
  for (const s of sends) {
    const read = reads.find((r) => r.loc !== 'params' && (s.value === r.member || (s.value?.type === 'MemberExpression' && s.value.object === r.member)));
    if (read) return no(`sends req.${read.loc}${s.value === read.member ? '' : '.X'} as the whole response, which is undefined when the request has none`);
  }
  const exits = new Set<Node>([...sends.flatMap((s) => [s.target, ...(s.trailingReturn ? [s.trailingReturn] : [])]), ...throws.map((t) => t.stmt)]);
  if (body.type === 'BlockStatement') {
    let bareReturn = false;
    walk(body, (n) => {
      if (isFunction(n)) return false;
      if (n.type === 'ReturnStatement' && !exits.has(n)) bareReturn = true;
    });
    if (bareReturn) return no('a path returns without sending');
    if (!ends(body, exits)) return no('a path ends without sending a response');
  } else if (sends[0]!.target !== body) return no('the arrow body is not a send');

  // Proven: rewrite in place.
  const specStatus = specKeys.has('status');
  if (ctx.edits) spliceTypedHandler(ctx.edits, fn, { sends, throws, reads, locations, specStatus }, introducedName(ctx, 'reply'));
  const replyCall = (status: number, value: Node | null) => {
    ctx.compat.add('reply');
    return b.callExpression(b.identifier(introducedName(ctx, 'reply')), [b.numericLiteral(status), ...(value ? [value as never] : [])]);
  };
  for (const s of sends) {
    const value = s.status !== null ? replyCall(s.status, s.value)
      : specStatus ? replyCall(200, s.value) : s.value!;
    if (s.kind === 'expression') fn.body = value;
    else replaceNode(parents, s.target, Object.assign(b.returnStatement(value as never), { comments: s.target.comments }));
    if (s.trailingReturn) {
      const list = parents.get(s.trailingReturn)!.body as Node[];
      list.splice(list.indexOf(s.trailingReturn), 1);
    }
  }
  for (const t of throws) replaceNode(parents, t.stmt, Object.assign(b.throwStatement(t.arg as never), { comments: t.stmt.comments }));
  for (const r of reads) replaceNode(parents, r.member, b.identifier(r.loc));
  const used = LOCATIONS.filter((l) => locations.has(l));
  // Parsed from text so recast prints `{ params, body }` on one line.
  fn.params = used.length ? [ctx.parseExpression(`({ ${used.join(', ')} }) => 0`).params[0]] : [];
  fn.async = true;
  delete fn.returnType;
  ctx.changed = true;
  return { ok: true };
}

/** The same rewrite as text edits: each send, next(err) and req.X read replaced where it stands. */
function spliceTypedHandler(edits: SourceEdits, fn: Node, found: {
  sends: Send[]; throws: Throw[]; reads: Array<{ member: Node; loc: Location }>; locations: Set<Location>; specStatus: boolean;
}, replyName: string): void {
  // A parenthesized value keeps its parentheses: `(a, b)` as a reply() argument is not `a, b`.
  const value = (n: Node): Part[] => (n.extra?.parenthesized ? ['(', edits.slice(n), ')'] : [edits.slice(n)]);
  const semicolon = (stmt: Node) => (edits.source[stmt.end - 1] === ';' ? ';' : '');
  for (const s of found.sends) {
    const status = s.status ?? (found.specStatus ? 200 : null);
    const sent: Part[] = status === null ? value(s.value!) : [`${replyName}(${status}${s.value ? ', ' : ''}`, ...(s.value ? value(s.value) : []), ')'];
    if (s.kind === 'expression') {
      const objectBody = status === null && s.value!.type === 'ObjectExpression' && !s.value!.extra?.parenthesized;
      edits.replaceNode(s.target, ...(objectBody ? ['(', ...sent, ')'] : sent));
    } else {
      edits.replaceNode(s.target, 'return ', ...sent, semicolon(s.target));
    }
    if (s.trailingReturn) edits.removeLines(s.trailingReturn.start, s.trailingReturn.end);
  }
  for (const t of found.throws) edits.replaceNode(t.stmt, 'throw ', ...value(t.arg), semicolon(t.stmt));
  for (const r of found.reads) edits.replaceNode(r.member, r.loc);
  const used = LOCATIONS.filter((l) => found.locations.has(l));
  const params = fn.params as Node[];
  edits.replace(params[0]!.start, params[params.length - 1]!.end, used.length ? `{ ${used.join(', ')} }` : '');
  if (fn.returnType) edits.replaceNode(fn.returnType, '');
  if (!fn.async) edits.insert(fn.start, 'async ');
}
