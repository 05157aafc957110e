// Before: (req, res) => { const u = find(req.params.id, req.user); res.status(201).json(u); }
// After:  async ({ params }, { req }) => { const u = find(params.id, req.user); return reply(201, u); }
//
// Only when provably the same: every send is a send express's own helpers reproduce (handler-sends.ts) on a path
// that then ends, every next(x) ends its path (thrown: the runtime hands the same object to next()), and every
// input value the handler reads parsed is the one it read raw (handler-values.ts); other reads stay on ctx.req
// (`req.user` set by auth middleware that already ran: the same object, not a second run of the middleware).
import { buildParents, isFunction, isIdent, isReference, memberName, patternNames, walk, type Node, type Parents } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import { SourceEdits } from './edits.js';
import { foldableHeaderStatement, isInert, readResUse } from './handler-sends.js';
import { keyValueOf, locationKeepsRawValues, readLocationSchema, type LocationSchema } from './handler-values.js';
import { statusesWithSchema } from './typed-bodies.js';
import { declaredStatuses, endsAfter, tailStatements } from './handler-flow.js';
import { statusResolver } from './status-constants.js';
import { helperCallOf } from './send-helper.js';
import { neverUndefined } from './defined-value.js';
import { callbackAlwaysSends, callbackTail, enclosingFunction } from './callback-send.js';
import { spliceTypedHandler, typedParamCount, type Location, type Read, type Send, type Throw } from './typed-splice.js';

const LOCATIONS = ['params', 'query', 'body'] as const satisfies readonly Location[];

/** `bodyTypes`: refused only by the bodyTypesUnseen guard (RouteFacts), which the app's own tsc may lift
 *  (codemods/typed-rewrite-check.ts). */
type Result = { ok: true; params: 0 | 1 | 2 } | { ok: false; why: string; bodyTypes?: true };
const no = (why: string): Result => ({ ok: false, why });

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

/** The annotation of a `(req: X)` parameter as text, or null when it has none. */
function annotation(source: string, param: Node): string | null {
  const t = param.typeAnnotation?.typeAnnotation;
  return t ? source.slice(t.start, t.end) : null;
}

/** What the route call says about the handler beyond its spec. */
export interface RouteFacts {
  /** `router.get<P, ResBody, ReqBody, Query>(...)`: express's generics typed `req` (they go with the rewrite). */
  verbGenerics?: boolean;
  /** A handler defined away from its route (TS): the annotation its destructured input gets, from the locations
   *  it reads (`: InputOf<typeof getUserInput>`, rules/definition-site.ts). Called once, only on success. */
  inputAnnotation?: (used: readonly Location[]) => string;
  /** A class method every route hands over bound to its own receiver (`ctrl.m.bind(ctrl)`): `this` is that
   *  receiver when express calls it and when the typed runtime does, so reading it changes nothing. */
  thisBound?: boolean;
  /** A handler defined away from its route (TS), which keeps `ctx`: the annotations of an unread input and of
   *  the ctx pattern (no contextual type reaches them there). Called only when ctx is kept. */
  contextAnnotation?: () => { input: string; ctx: string };
  /** TS, defined away from the route: a value sent to a status with a body schema stays legacy (./typed-bodies.ts),
   *  unless the app's own tsc has checked the typed rewrite (codemods/typed-rewrite-check.ts: the guard is then off). */
  bodyTypesUnseen?: boolean;
  /** TS, defined away from the route: no contextual type reaches the function, so a `new Promise` it would
   *  return is a Promise<unknown>, which no declared response takes (rules/callback-send.ts). */
  noContextualType?: boolean;
}

/**
 * Rewrites an inline `(req, res[, next])` handler to a typed async handler in place when provably safe.
 * specValues: the spec's top-level properties, as source text.
 */
export function rewriteTypedHandler(ctx: RuleContext, fn: Node, specValues: Map<string, string>, route: RouteFacts = {}): Result {
  // Declarations and methods come from a controller (rules/definition-site.ts); getters are not handlers. A static
  // method is one only once the planner has checked it (codemods/handler-definitions.ts: no `this`/`super`).
  if (!/^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod)$/.test(fn.type)) return no('the handler is not an inline function');
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && (fn.kind !== 'method' || fn.computed)) return no('the handler is a getter, setter or computed method');
  if (fn.generator) return no('generator handler');
  if (fn.id && fn.type === 'FunctionExpression') return no('named function expression');
  if (fn.typeParameters) return no('generic handler');
  if (fn.params.length < 2 || fn.params.length > 3 || !fn.params.every((p: Node) => p.type === 'Identifier')) return no('parameters are not (req, res[, next])');
  const source = ctx.source;
  const [reqName, resName, nextName] = fn.params.map((p: Node) => p.name as string) as [string, string, string | undefined];
  const parents: Parents = buildParents(fn);
  const ts = /\.[cm]?tsx?$/.test(ctx.file);

  const reads: Read[] = [];
  const sends: Send[] = [];
  const throws: Throw[] = [];
  /** `res` references kept as they are (headers, cookies, locals): the typed handler takes ctx.res. */
  const keptRes: Node[] = [];
  let keptReq = false;
  let reqEscapes = false;
  const rawOnly = new Set<Location>();
  /** Every name the handler mentions: a location read parsed is named `params`/`query`/`body` and must not clash. */
  const names = new Set<string>();
  let why: string | null = null;
  const fail = (w: string) => { why ??= w; };

  const insideNestedFunction = (n: Node, skipArrows = false): boolean => {
    for (let p = parents.get(n); p && p !== fn; p = parents.get(p)) if (isFunction(p) && !(skipArrows && p.type === 'ArrowFunctionExpression')) return true;
    return false;
  };
  const body = fn.body as Node;
  const resolveStatus = statusResolver(ctx.program, ctx.file);
  const tails = body.type === 'BlockStatement' ? tailStatements(body.body) : new Set<Node>();
  /** The handler's last call, when it passes a node-style callback: sends in it may be typed (rules/callback-send.ts). */
  const tail = callbackTail(fn);
  /** A statement that ends the handler (or the callback): the last one, or one followed by a bare `return;` (returned). */
  const exitOf = (stmt: Node, last = tails): { ok: boolean; trailingReturn?: Node } => {
    if (last.has(stmt)) return { ok: true };
    const parent = parents.get(stmt);
    const list: Node[] | undefined = parent?.type === 'BlockStatement' ? parent.body : undefined;
    const next = list?.[list.indexOf(stmt) + 1];
    return next && next.type === 'ReturnStatement' && !next.argument ? { ok: true, trailingReturn: next } : { ok: false };
  };

  walk(body, (n, parent) => {
    if (why) return false;
    // An arrow inside the handler (a callback) sees the handler's own `arguments`: (req, res, next) before,
    // (input, ctx) once typed.
    if (fn.type !== 'ArrowFunctionExpression' && ((n.type === 'ThisExpression' && !route.thisBound) || isIdent(n, 'arguments')) && !insideNestedFunction(n, n.type !== 'ThisExpression')) { fail('uses this/arguments'); return false; }
    if (isFunction(n) || n.type === 'CatchClause' || n.type === 'VariableDeclarator' || n.type === 'ClassDeclaration') {
      const bound = [
        ...(n.params ?? []).flatMap((p: Node) => patternNames(p)),
        ...(n.type === 'CatchClause' ? patternNames(n.param) : []),
        ...(n.type === 'VariableDeclarator' ? patternNames(n.id) : []),
        ...(n.id?.type === 'Identifier' && n.type !== 'VariableDeclarator' ? [n.id.name] : []),
      ];
      for (const x of bound) names.add(x);
      const clash = bound.find((x) => x === reqName || x === resName || x === nextName);
      if (clash) { fail(`the name \`${clash}\` is declared inside the handler`); return false; }
    }
    if (n.type !== 'Identifier' || !isReference(n, parent ?? undefined)) return;
    names.add(n.name);
    if (n.name === reqName) {
      const loc = memberName(parent ?? undefined);
      if (!parent || parent.type !== 'MemberExpression' || parent.object !== n) { reqEscapes = true; keptReq = true; return; }
      if (!loc || !(LOCATIONS as readonly string[]).includes(loc)) { keptReq = true; return; }
      const l = loc as Location;
      if (written(parents, parent)) rawOnly.add(l);
      const outer = parents.get(parent);
      const keyed = outer?.type === 'MemberExpression' && outer.object === parent
        && (!outer.computed ? outer.property.type === 'Identifier' : outer.property.type === 'StringLiteral');
      if (keyed) {
        const key = outer.computed ? outer.property.value : outer.property.name;
        reads.push({ member: parent, loc: l, keys: [key], numberOnly: readThroughNumber(parents, outer)});
        return;
      }
      const decl = outer?.type === 'VariableDeclarator' && outer.init === parent ? destructuredKeys(outer.id) : null;
      reads.push({ member: parent, loc: l, keys: decl, numberOnly: false});
      return;
    }
    if (n.name === resName) {
      const helper = helperCallOf(ctx, parents, n);
      const use = helper ?? readResUse(parents, n, resolveStatus);
      if (use.kind === 'legacy') { fail(use.why); return; }
      if (use.kind === 'keep') { keptRes.push(n); return; }
      // A send in the last call's callback ends the callback's path, as one in the handler ends the handler's;
      // any other shape keeps the reason it always had.
      const inCallback = insideNestedFunction(n);
      if (inCallback && enclosingFunction(parents, n) !== tail?.callback) { fail('sends in a callback'); return; }
      const owner = inCallback ? tail!.callback : fn;
      const failSend = (w: string) => fail(inCallback ? 'sends in a callback' : w);
      const send = use.send;
      // A computed status stays the app's own res.status(code) call (compat/reply-computed.ts), on the handler's res.
      if (helper && send.computed) { failSend('`res.status()` with a computed status'); return; }
      const where = inCallback ? { folded: [], inCallback: true as const } : { folded: [] };
      const top = send.outer ?? send.call;
      const holder = parents.get(top);
      if (holder === owner) { sends.push({ ...send, target: top, kind: 'expression', ...where }); return; }
      if (holder?.type === 'ReturnStatement') { sends.push({ ...send, target: holder, kind: 'return', ...where }); return; }
      if (holder?.type === 'ExpressionStatement') {
        const exit = exitOf(holder, inCallback ? tail!.tails : tails);
        if (!exit.ok) { failSend('sends before more code runs'); return; }
        sends.push({ ...send, target: holder, kind: 'statement', ...where, ...(exit.trailingReturn ? { trailingReturn: exit.trailingReturn } : {}) });
        return;
      }
      failSend('sends inside an expression');
      return;
    }
    if (nextName && n.name === nextName) {
      const call = parent;
      if (!call || call.type !== 'CallExpression' || call.callee !== n) { fail(`passes \`${nextName}\` to other code`); return; }
      if (call.arguments.length === 0) { fail('calls next() to pass the request on'); return; }
      if (call.arguments.length !== 1 || call.arguments[0].type === 'SpreadElement') { fail('next() with more than one argument'); return; }
      if (insideNestedFunction(call)) { fail('calls next() in a callback'); return; }
      const stmt = parents.get(call);
      if (stmt?.type !== 'ExpressionStatement' && stmt?.type !== 'ReturnStatement') { fail('next(err) inside an expression'); return; }
      if (stmt.type === 'ExpressionStatement' && !exitOf(stmt).ok) { fail('code runs after next(err)'); return; }
      throws.push({ stmt, arg: call.arguments[0] });
    }
  });
  if (why) return no(why);
  if (sends.length === 0) return no('sends no response');
  // Every send in the callback, and the callback sends once on every path (rules/callback-send.ts).
  const inCallback = sends.some((s) => s.inCallback);
  if (inCallback && (route.noContextualType || !sends.every((s) => s.inCallback) || !callbackAlwaysSends(tail!, new Set(sends.flatMap((s) => [s.target, ...(s.trailingReturn ? [s.trailingReturn] : [])]))))) return no('sends in a callback');

  // Which reads may be parsed: the rest read the request as before, through ctx.req.
  const schemas = new Map<Location, LocationSchema>(LOCATIONS.map((l) => [l, readLocationSchema(specValues.get(l))]));
  const parsedReads = reads.filter((r) => {
    if (!specValues.has(r.loc) || rawOnly.has(r.loc) || reqEscapes || names.has(r.loc)) return false;
    const schema = schemas.get(r.loc)!;
    if (r.keys === null) return r.loc === 'body' && locationKeepsRawValues(schema);
    return r.keys.every((k) => { const v = keyValueOf(schema, k); return v === 'same' || (v === 'number' && r.numberOnly); });
  });
  if (parsedReads.length < reads.length) keptReq = true;

  // `res.json(req.body)` is `reply(200, body)` (reply answers undefined as res.json(undefined) did), but in TypeScript
  // the request's type would meet the response's: the typed reply may not compile (`{ name }` sent to a 201 `{ id, name }`).
  if (ts) {
    for (const s of sends) {
      if (s.via !== 'json') continue;
      const read = reads.find((r) => r.loc !== 'params' && (s.value === r.member || (s.value?.type === 'MemberExpression' && s.value.object === r.member)));
      if (read) return no(`sends req.${read.loc}${s.value === read.member ? '' : '.X'} as the whole response: in TypeScript its request type would be checked against the response's, and the typed reply may not compile`);
    }
  }
  // Headers in the chain are evaluated before the body today; in reply(status, body, headers) after it. A computed
  // status keeps its chain as it is written (replyWith(res.set(...).status(code), body)): nothing moves.
  for (const s of sends) if (!s.computed && s.headers.length && !isInert(s.value) && !s.headers.every((h) => isInert(h.value))) return no('a header value and the body are both computed (their order would change)');

  // With a callback's sends, the handler's own path ends at the call (the Promise it returns).
  const exits = new Set<Node>([...(inCallback ? [tail!.holder] : sends.flatMap((s) => [s.target, ...(s.trailingReturn ? [s.trailingReturn] : [])])), ...throws.map((t) => t.stmt)]);
  if (body.type === 'BlockStatement') {
    let bareReturn = false;
    walk(body, (n) => {
      if (isFunction(n)) return false;
      if (n.type === 'ReturnStatement' && !exits.has(n)) bareReturn = true;
    });
    if (bareReturn) return no('a path returns without sending');
    if (!endsAfter(body, exits)) return no('a path ends without sending a response');
  } else if (inCallback ? tail!.holder !== fn : sends[0]!.target !== body) return no('the arrow body is not a send');

  // `res.set('X', v);` right before a send: folded into the reply's headers.
  // Not into a computed status's send: those statements run in place, before res.status(code) as before (an
  // Express 5 status error then reaches the error handler with the headers already set).
  for (const s of sends) {
    if (s.kind === 'expression' || s.computed) continue;
    const list: Node[] | undefined = parents.get(s.target)?.body;
    if (!Array.isArray(list)) continue;
    for (let i = list.indexOf(s.target) - 1; i >= 0; i--) {
      const h = foldableHeaderStatement(list[i]!, resName);
      if (!h) break;
      s.folded.unshift(list[i]!);
      s.headers.unshift(...h);
    }
  }
  const folded = new Set(sends.flatMap((s) => s.folded));
  const keptResOutside = keptRes.filter((r) => { for (let p = parents.get(r); p; p = parents.get(p)) if (folded.has(p)) return false; return true; });
  const computed = sends.filter((s) => s.computed);
  const resKept = keptResOutside.length > 0 || computed.length > 0;

  // TypeScript: the statuses the spec declares are the ones a reply may use; ctx.req/ctx.res are express's own types.
  if (ts) {
    const statuses = declaredStatuses(specValues);
    const defaultStatus = Number(specValues.get('status') ?? 200);
    // replyWith() answers `Reply<B, number>`: it compiles only where the route takes any status (no responses,
    // a 2XX or default entry), never against a list of literal statuses.
    if (computed.length && statuses) return no('`res.status()` with a status computed at run time: a `number`, which no status the docs list matches (a typed reply would not compile)');
    if (route.bodyTypesUnseen) {
      const schemas = statusesWithSchema(specValues);
      const sent = sends.find((s) => s.value && (!schemas || (s.computed ? schemas.size > 0 : schemas.has(s.status ?? defaultStatus))));
      // A computed status is not one the body-type check lifts (a `number` status types no declared response).
      if (sent?.computed) return no('sends a value with a status computed at run time, and the docs give a schema: tsc would check the value\'s own type against it, which the migration cannot');
      if (sent) return { ok: false, why: `sends a value to ${sent.status ?? defaultStatus}, whose docs give a schema: tsc would check the value's own type against it, which the migration cannot`, bodyTypes: true };
    }
    for (const s of sends) {
      if (s.computed) continue;
      const status = s.status ?? (s.via === 'json' && !s.headers.length ? defaultStatus : 200);
      if (statuses && !statuses.has(status)) return no(`answers ${status}, which the docs do not list (a typed reply would not compile)`);
    }
    const reqType = annotation(source, fn.params[0]);
    if (keptReq && route.verbGenerics) return no('reads `req` raw, typed by the route\'s express generics, which a typed handler\'s ctx.req does not have');
    const resType = annotation(source, fn.params[1]);
    if (keptReq && reqType && !/^(express\.)?Request$/.test(reqType)) return no(`\`${reqName}\` is typed \`${reqType}\`; the typed handler's ctx.req is express's Request`);
    if (resKept && resType && !/^(express\.)?Response$/.test(resType)) return no(`\`${resName}\` is typed \`${resType}\`; the typed handler's ctx.res is express's Response`);
  }

  // Proven: rewrite in place, as text edits. The tree gets the rewritten function parsed back in, so what reads
  // it afterwards (unused imports: a `Request` annotation gone) and the recast pass see the same change.
  const used = LOCATIONS.filter((l) => parsedReads.some((r) => r.loc === l));
  const found = {
    sends, throws, reads: parsedReads, used, specStatus: specValues.has('status'),
    // `res.json(x)` becomes a bare `return x` only where x is never undefined (a typed return of undefined answers
    // 204); any other value goes out as reply(200, x), which answers res.json(undefined)'s 200 and Content-Type.
    defined: new Set(sends.filter((s) => s.via === 'json' && s.value && neverUndefined(s.value, fn, parents)).map((s) => s.value!)),
    // JS keeps `httpStatus.CREATED` as written (the same module gives the same number at run time). TS gets the
    // number: a reply's status is checked against the declared responses by its literal type, and status packages
    // type their members as `number` (http-status 1.x) or as enum members, which no `responses` key matches.
    statusNames: !ts,
    ctxNames: [keptReq ? reqName : null, resKept ? resName : null] as [string | null, string | null],
    names: (n: string) => introducedName(ctx, n),
    inputName: ['_input', '_input2', '_input3'].find((x) => !names.has(x)) ?? '_',
    // The executor's parameter, named apart from every name the handler mentions (a `resolve` from 'path').
    promise: inCallback ? { tail: tail!, resolve: ['resolve', 'resolveReply', 'resolveReply2'].find((x) => !names.has(x)) ?? '_resolve' } : null,
    annotation: '',
    context: { input: '', ctx: '' },
  };
  if (used.length && route.inputAnnotation) found.annotation = route.inputAnnotation(used);
  // Only where the old parameters were annotated (Request/Response): an unannotated one was `any`, and typing it
  // now could turn code that compiled into errors.
  const ctxAnnotated = ts && (!found.ctxNames[0] || annotation(source, fn.params[0]) !== null) && (!found.ctxNames[1] || annotation(source, fn.params[1]) !== null);
  if ((found.ctxNames[0] || found.ctxNames[1]) && ctxAnnotated && route.contextAnnotation) found.context = route.contextAnnotation();
  const local = new SourceEdits(source, ctx.edits);
  const helpers = spliceTypedHandler(local, fn, found);
  if (ctx.edits) spliceTypedHandler(ctx.edits, fn, found);
  for (const h of helpers) ctx.compat.add(h);
  const out = local.apply();
  const replacement = parseFunctionBack(ctx, fn.type, out.slice(fn.start, fn.end + out.length - source.length));
  if (fn.comments) replacement.comments = fn.comments;
  const parent = ctx.parents.get(fn);
  if (parent) {
    for (const key of Object.keys(parent)) {
      const v = parent[key];
      if (v === fn) parent[key] = replacement;
      else if (Array.isArray(v) && v.includes(fn)) v[v.indexOf(fn)] = replacement;
    }
    ctx.parents.set(replacement, parent);
  }
  ctx.changed = true;
  // How many parameters the typed function declares: what a route forwarding to it passes (scan/delegating-handler.ts).
  return { ok: true, params: typedParamCount(found) };
}

/** The rewritten function's text as a node of the kind it was: controllers' declarations and methods
 *  (rules/definition-site.ts) are not expressions on their own, so each is parsed inside one. */
function parseFunctionBack(ctx: RuleContext, type: string, text: string): Node {
  switch (type) {
    case 'FunctionDeclaration': return Object.assign(ctx.parseExpression(`(${text})`), { type: 'FunctionDeclaration' });
    case 'ClassMethod': return ctx.parseExpression(`(class { ${text} })`).body.body[0];
    case 'ObjectMethod': return ctx.parseExpression(`({ ${text} })`).properties[0];
    default: return ctx.parseExpression(text);
  }
}
