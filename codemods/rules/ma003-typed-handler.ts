// Before: (req, res) => { const u = find(req.params.id, req.user); res.status(201).json(u); }
// After:  async ({ params }, { req }) => { const u = find(params.id, req.user); return reply(201, u); }
//
// Only when provably the same: every send is a send express's own helpers reproduce (handler-sends.ts) on a path
// that then ends, every next(x) ends its path (thrown: the runtime hands the same object to next()), and every
// input value the handler reads parsed is the one it read raw (handler-values.ts); other reads stay on ctx.req
// (`req.user` set by auth middleware that already ran: the same object, not a second run of the middleware).
import { buildParents, type Node, type Parents } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import { SourceEdits } from './edits.js';
import { foldableHeaderStatement, isInert } from './handler-sends.js';
import { keyValueOf, locationKeepsRawValues, readLocationSchema, type LocationSchema } from './handler-values.js';
import { endsAfter, returnsElsewhere } from './handler-flow.js';
import { neverUndefined } from './defined-value.js';
import { callbackAlwaysSends, callbackTail, type CallbackTail } from './callback-send.js';
import { collectHandlerUses, LOCATIONS, type HandlerUses } from './handler-uses.js';
import { annotation, contextTypeRefusal, replyTypeRefusal, requestSentAsResponse } from './typed-compiles.js';
import { spliceTypedHandler, typedParamCount, type Location, type Read, type Send, type Throw, type TypedRewrite } from './typed-splice.js';

/** `bodyTypes`: refused only by the bodyTypesUnseen guard (RouteFacts), which the app's own tsc may lift
 *  (codemods/typed-rewrite-check.ts). */
type Result = { ok: true; params: 0 | 1 | 2 } | { ok: false; why: string; bodyTypes?: true };
const no = (why: string): Result => ({ ok: false, why });

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
  const shape = shapeRefusal(fn);
  if (shape) return no(shape);
  const parents: Parents = buildParents(fn);
  const ts = /\.[cm]?tsx?$/.test(ctx.file);
  /** The handler's last call, when it passes a node-style callback: sends in it may be typed (rules/callback-send.ts). */
  const tail = callbackTail(fn);
  const uses = collectHandlerUses(ctx, fn, parents, tail, route.thisBound);
  if ('why' in uses) return no(uses.why);
  const { sends, throws } = uses;
  if (sends.length === 0) return no('sends no response');
  // Every send in the callback, and the callback sends once on every path (rules/callback-send.ts).
  const inCallback = sends.some((s) => s.inCallback);
  if (inCallback && (route.noContextualType || !sends.every((s) => s.inCallback) || !callbackAlwaysSends(tail!, new Set(sends.flatMap(sendExits))))) return no('sends in a callback');
  const callback = inCallback ? tail! : null;

  const parsedReads = parsedReadsOf(uses, specValues);
  // A read left raw reads the request as before, through ctx.req.
  const keptReq = uses.keptReq || parsedReads.length < uses.reads.length;
  if (ts) {
    const sentRequest = requestSentAsResponse(sends, uses.reads);
    if (sentRequest) return no(sentRequest);
  }
  if (headerOrderChanges(sends)) return no('a header value and the body are both computed (their order would change)');
  const pathWhy = pathRefusal(fn, sends, throws, callback);
  if (pathWhy) return no(pathWhy);

  foldHeaderStatements(sends, parents, fn.params[1].name);
  const resKept = keepsRes(uses.keptRes, sends, parents);
  // TypeScript: the typed rewrite must compile where the handler did (rules/typed-compiles.ts).
  if (ts) {
    const replyWhy = replyTypeRefusal(specValues, sends, route.bodyTypesUnseen);
    if (replyWhy) return { ok: false, ...replyWhy };
    const contextWhy = contextTypeRefusal(ctx.source, fn, { req: keptReq, res: resKept }, route.verbGenerics);
    if (contextWhy) return no(contextWhy);
  }

  // Proven: rewrite in place.
  const used = LOCATIONS.filter((l) => parsedReads.some((r) => r.loc === l));
  const rewrite: TypedRewrite = {
    sends, throws, reads: parsedReads, used, specStatus: specValues.has('status'),
    // `res.json(x)` becomes a bare `return x` only where x is never undefined (a typed return of undefined answers
    // 204); any other value goes out as reply(200, x), which answers res.json(undefined)'s 200 and Content-Type.
    defined: new Set(sends.filter((s) => s.via === 'json' && s.value && neverUndefined(s.value, fn, parents)).map((s) => s.value!)),
    // JS keeps `httpStatus.CREATED` as written (the same module gives the same number at run time). TS gets the
    // number: a reply's status is checked against the declared responses by its literal type, and status packages
    // type their members as `number` (http-status 1.x) or as enum members, which no `responses` key matches.
    statusNames: !ts,
    names: (n: string) => introducedName(ctx, n),
    // The executor's parameter, named apart from every name the handler mentions (a `resolve` from 'path').
    promise: callback ? { tail: callback, resolve: ['resolve', 'resolveReply', 'resolveReply2'].find((x) => !uses.names.has(x)) ?? '_resolve' } : null,
    ...typedParameters(ctx.source, fn, route, ts, used, { req: keptReq, res: resKept }, uses.names),
  };
  applyTypedRewrite(ctx, fn, rewrite);
  // How many parameters the typed function declares: what a route forwarding to it passes (scan/delegating-handler.ts).
  return { ok: true, params: typedParamCount(rewrite) };
}

/** Why the function cannot be a typed handler whatever it does (its kind, its parameters), or null. */
function shapeRefusal(fn: Node): string | null {
  // Declarations and methods come from a controller (rules/definition-site.ts); getters are not handlers. A static
  // method is one only once the planner has checked it (codemods/handler-definitions.ts: no `this`/`super`).
  if (!/^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod)$/.test(fn.type)) return 'the handler is not an inline function';
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && (fn.kind !== 'method' || fn.computed)) return 'the handler is a getter, setter or computed method';
  if (fn.generator) return 'generator handler';
  if (fn.id && fn.type === 'FunctionExpression') return 'named function expression';
  if (fn.typeParameters) return 'generic handler';
  if (fn.params.length < 2 || fn.params.length > 3 || !fn.params.every((p: Node) => p.type === 'Identifier')) return 'parameters are not (req, res[, next])';
  return null;
}

/** Where a send leaves its function: its statement, and the bare `return;` after it. */
function sendExits(s: Send): Node[] {
  return [s.target, ...(s.trailingReturn ? [s.trailingReturn] : [])];
}

/** The reads that may be parsed: in a location the spec has, that the handler does not write or hand on as `req`,
 *  whose name no other binding takes, and whose value parsed is the one it read raw (handler-values.ts). */
function parsedReadsOf(uses: HandlerUses, specValues: Map<string, string>): Read[] {
  const schemas = new Map<Location, LocationSchema>(LOCATIONS.map((l) => [l, readLocationSchema(specValues.get(l))]));
  return uses.reads.filter((r) => {
    if (!specValues.has(r.loc) || uses.rawOnly.has(r.loc) || uses.reqEscapes || uses.names.has(r.loc)) return false;
    const schema = schemas.get(r.loc)!;
    if (r.keys === null) return r.loc === 'body' && locationKeepsRawValues(schema);
    return r.keys.every((k) => { const v = keyValueOf(schema, k); return v === 'same' || (v === 'number' && r.numberOnly); });
  });
}

/** Headers in the chain are evaluated before the body today; in reply(status, body, headers) after it. A computed
 *  status keeps its chain as it is written (replyWith(res.set(...).status(code), body)): nothing moves. */
function headerOrderChanges(sends: readonly Send[]): boolean {
  return sends.some((s) => !s.computed && s.headers.length > 0 && !isInert(s.value) && !s.headers.every((h) => isInert(h.value)));
}

/** Why not every path of the handler ends at a send or a next(x) (which throws), or null. With a callback's sends
 *  (`callback`), the handler's own path ends at the call (the Promise it returns). */
function pathRefusal(fn: Node, sends: readonly Send[], throws: readonly Throw[], callback: CallbackTail | null): string | null {
  const body = fn.body as Node;
  const exits = new Set<Node>([...(callback ? [callback.holder] : sends.flatMap(sendExits)), ...throws.map((t) => t.stmt)]);
  if (body.type === 'BlockStatement') {
    if (returnsElsewhere(body, exits)) return 'a path returns without sending';
    if (!endsAfter(body, exits)) return 'a path ends without sending a response';
  } else if (callback ? callback.holder !== fn : sends[0]!.target !== body) return 'the arrow body is not a send';
  return null;
}

/** `res.set('X', v);` right before a send: folded into the reply's headers (the send's `folded` and `headers`).
 *  Not into a computed status's send: those statements run in place, before res.status(code) as before (an
 *  Express 5 status error then reaches the error handler with the headers already set). */
function foldHeaderStatements(sends: readonly Send[], parents: Parents, resName: string): void {
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
}

/** Whether the typed handler keeps ctx.res: a `res` use outside the folded header statements (which go), or a
 *  computed status's send (its chain stays the app's own res.status(code) call). */
function keepsRes(keptRes: readonly Node[], sends: readonly Send[], parents: Parents): boolean {
  const folded = new Set(sends.flatMap((s) => s.folded));
  const outside = keptRes.filter((r) => { for (let p = parents.get(r); p; p = parents.get(p)) if (folded.has(p)) return false; return true; });
  return outside.length > 0 || sends.some((s) => s.computed);
}

/** The (input, ctx) parameters: ctx's `{ req, res }` for what stays raw, the input's name when only ctx is read,
 *  and the annotations a handler defined away from its route needs (RouteFacts: each called only when used). */
function typedParameters(source: string, fn: Node, route: RouteFacts, ts: boolean, used: readonly Location[], kept: { req: boolean; res: boolean },
  names: ReadonlySet<string>): Pick<TypedRewrite, 'ctxNames' | 'inputName' | 'annotation' | 'context'> {
  const [reqParam, resParam] = fn.params as [Node, Node];
  const ctxNames: TypedRewrite['ctxNames'] = [kept.req ? reqParam.name : null, kept.res ? resParam.name : null];
  const inputName = ['_input', '_input2', '_input3'].find((x) => !names.has(x)) ?? '_';
  const inputAnnotation = used.length && route.inputAnnotation ? route.inputAnnotation(used) : '';
  // Only where the old parameters were annotated (Request/Response): an unannotated one was `any`, and typing it
  // now could turn code that compiled into errors.
  const ctxAnnotated = ts && (!ctxNames[0] || annotation(source, reqParam) !== null) && (!ctxNames[1] || annotation(source, resParam) !== null);
  const context = (ctxNames[0] || ctxNames[1]) && ctxAnnotated && route.contextAnnotation ? route.contextAnnotation() : { input: '', ctx: '' };
  return { ctxNames, inputName, annotation: inputAnnotation, context };
}

/** Splices the rewrite into the file's text (and into the print pass's edits), then gives the tree the rewritten
 *  function parsed back in, so what reads it afterwards (unused imports: a `Request` annotation gone) and the
 *  recast pass see the same change. */
function applyTypedRewrite(ctx: RuleContext, fn: Node, found: TypedRewrite): void {
  const source = ctx.source;
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
