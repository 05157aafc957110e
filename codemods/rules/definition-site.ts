// Before: exports.list = catchAsync(async (req, res) => { res.json(await db.find(req.query.q)); });
// After:  exports.list = async ({ query }) => { return await db.find(query.q); };
//
// MA003 for a handler defined away from its route (a controller file, a class): the function found where the
// scan says it is (codemods/scan/definition.ts), the wrappers around it that only catch rejections removed (the
// typed runtime does that), and its body handed to rewriteTypedHandler like an inline handler's. The planner
// (codemods/handler-definitions.ts) decided beforehand, on a throwaway tree, that the rewrite succeeds; the
// route keeps referencing the function.
import type { SourceLocation } from '../diagnostics.js';
import type { RoutePlan } from '../plan.js';
import { b, replaceNode, walk, type Node } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import { withAliases } from './ma001-wrap-router.js';
import { rewriteTypedHandler } from './ma003-typed-handler.js';
import { readSpec } from './spec-source.js';
import { delegatedCall, forwardingArrow } from '../scan/delegating-handler.js';

export interface LocatedDefinition {
  fn: Node;
  /** The one-argument wrapper calls around fn, innermost first. */
  wrappers: Node[];
}

const at = (n: Node | undefined, loc: SourceLocation) => !!n?.loc && n.loc.start.line === loc.line && n.loc.start.column + 1 === loc.col;

/** The function the scan recorded at `loc` (scan/file-scan.ts fnAt: a declaration's id, a method's key, an
 *  expression's start), with the wrapper calls that hold it. */
export function locateDefinition(ctx: Pick<RuleContext, 'program' | 'parents'>, loc: SourceLocation, wrappers: number): LocatedDefinition | null {
  let fn: Node | null = null;
  walk(ctx.program, (n) => {
    if (fn) return false;
    if (n.loc && (n.loc.start.line > loc.line || n.loc.end.line < loc.line)) return false;
    const hit = n.type === 'FunctionDeclaration' ? at(n.id, loc)
      : n.type === 'ClassMethod' || n.type === 'ObjectMethod' ? at(n.key, loc)
        : (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') && (at(n, loc) || at(n.id, loc));
    if (hit) { fn = n; return false; }
    return true;
  });
  if (!fn) return null;
  const found: Node[] = [];
  let cur: Node = fn;
  for (let i = 0; i < wrappers; i++) {
    const call = ctx.parents.get(cur);
    if (!call || call.type !== 'CallExpression' || call.arguments.length !== 1 || call.arguments[0] !== cur) return null;
    found.push(call);
    cur = call;
  }
  return { fn, wrappers: found };
}

/** Replaces each wrapper call by the function it wraps (tree and text). */
export function unwrap(ctx: RuleContext, def: LocatedDefinition): void {
  const outer = def.wrappers[def.wrappers.length - 1];
  if (!outer) return;
  replaceNode(ctx.parents, outer, def.fn);
  ctx.edits?.replaceNode(outer, ctx.edits.slice(def.fn));
  ctx.changed = true;
}

/** The planned rewrite of one definition; false (with a diagnostic) if it does not go as planned. */
export function rewriteDefinition(ctx: RuleContext, loc: SourceLocation, wrappers: number, specValues: Map<string, string>, thisBound = false,
  bodyTypesChecked = false): { ok: true } | { ok: false; why: string } {
  const def = locateDefinition(ctx, loc, wrappers);
  if (!def) return { ok: false, why: `no handler function at ${ctx.file}:${loc.line}` };
  const ts = /\.[cm]?tsx?$/.test(ctx.file);
  const typed = rewriteTypedDefinition(ctx, def.fn, specValues, ts ? (used) => annotateInput(ctx, def.fn, specValues, used) : undefined, thisBound,
    ts ? () => annotateContext(ctx) : undefined, bodyTypesChecked);
  if (!typed.ok) return typed;
  unwrap(ctx, def);
  return typed;
}

/**
 * TypeScript: a handler outside the route call gets no contextual type, so its destructured input is annotated
 * from the spec: the input schemas it reads are declared beside it (`const getUserInput = { params: z.object(...) }`)
 * and the parameter typed `InputOf<typeof getUserInput>`, the same type the typed verb infers. The route's own spec
 * stays the one that validates and documents; if the two drift apart, the route call no longer type-checks (its
 * InputOf must be assignable to the handler's), so the copy cannot silently lie. Returns the annotation MA003
 * writes after the input pattern; the declaration goes in here.
 */
function annotateInput(ctx: RuleContext, fn: Node, specValues: Map<string, string>, read: readonly string[]): string {
  const used = read.filter((k) => specValues.has(k));
  if (used.length === 0) return '';
  const taken = new Set<string>();
  walk(ctx.program, (n) => { if (n.type === 'Identifier') taken.add(n.name); });
  const base = `${handlerName(ctx, fn) ?? 'handler'}Input`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  const objectSource = `{ ${used.map((k) => `${k}: ${specValues.get(k)}`).join(', ')} }`;
  const spec = readSpec(objectSource);
  if ('error' in spec) return '';
  for (const id of spec.identifiers) ctx.specIdentifiers.add(id);
  const source = ctx.aliases.size ? withAliases(spec.source, ctx.aliases) : spec.source;
  const inputOf = introducedName(ctx, 'InputOf');
  ctx.compat.add('InputOf');
  const stmt = topLevelStatement(ctx, fn);
  if (ctx.edits) {
    const at = Math.min(stmt.start, ...((stmt.leadingComments ?? []) as Node[]).map((c) => c.start as number));
    ctx.edits.insert(at, `const ${name} = ${source};\n\n`);
  }
  const decl = b.variableDeclaration('const', [b.variableDeclarator(b.identifier(name), ctx.parseExpression(source) as never)]);
  const body = ctx.program.body as Node[];
  body.splice(body.indexOf(stmt), 0, decl);
  ctx.changed = true;
  return `: ${inputOf}<typeof ${name}>`;
}

/** TS: a handler that keeps ctx takes it as `RouteContext` (what the typed verb passes); an input it does not
 *  read is `unknown`, which any route's input is assignable to. */
function annotateContext(ctx: RuleContext): { input: string; ctx: string } {
  ctx.compat.add('RouteContext');
  return { input: ': unknown', ctx: `: ${introducedName(ctx, 'RouteContext')}` };
}

function topLevelStatement(ctx: RuleContext, n: Node): Node {
  let cur = n;
  for (let p = ctx.parents.get(cur); p && p.type !== 'Program'; p = ctx.parents.get(cur)) cur = p;
  return cur;
}

/** The name a handler goes by: its declaration's, its method's, or what it is assigned to. */
function handlerName(ctx: RuleContext, fn: Node): string | null {
  if (fn.id?.name) return fn.id.name;
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && fn.key?.type === 'Identifier') return fn.key.name;
  const holder = ctx.parents.get(fn);
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name;
  if ((holder?.type === 'ClassProperty' || holder?.type === 'ObjectProperty') && holder.key.type === 'Identifier') return holder.key.name;
  if (holder?.type === 'AssignmentExpression' && holder.left.type === 'MemberExpression' && holder.left.property.type === 'Identifier') return holder.left.property.name;
  return null;
}

/**
 * MA003 at the route for a handler that is not an inline function: the planner's verdict for a definition
 * elsewhere (the route drops its wrapper calls and keeps the reference), or an inline function inside a wrapper
 * (`asyncHandler(async (req, res) => ...)`) typed like any inline one, the wrapper dropped. null: not such a route.
 */
export function typeRouteHandler(ctx: RuleContext, plan: RoutePlan, args: Node[], specValues: Map<string, string>): { ok: true } | { ok: false; why: string } | null {
  const handler = args[args.length - 1]!;
  const dropWrappers = (times: number, original?: Node) => {
    let inner = handler;
    for (let i = 0; i < times && inner.type === 'CallExpression' && inner.arguments.length === 1; i++) inner = inner.arguments[0];
    if (inner === handler) return;
    args[args.length - 1] = inner;
    ctx.parents.set(inner, ctx.parents.get(handler)!);
    // The text takes the original node's range (MA003's edits live inside it): the node MA003 parsed back in
    // carries the positions of its own snippet.
    ctx.edits?.replaceNode(handler, ctx.edits.slice(original ?? inner));
  };
  if (plan.handlerDef?.typed && plan.handlerDef.forward !== undefined) return forwardToDefinition(ctx, args, plan.handlerDef.forward);
  if (plan.handlerDef?.typed) { dropWrappers(plan.handlerDef.wrappers); ctx.changed = true; return { ok: true }; }
  if (plan.handlerDef?.typed === false && plan.handlerDef.inline) {
    // A delegating function whose callee stays legacy: typed inline if it can be, as before; else the callee's reason.
    const inline = rewriteTypedHandler(ctx, handler, specValues);
    return inline.ok ? inline : { ok: false, why: plan.handlerDef.why };
  }
  if (plan.handlerDef) return { ok: false, why: plan.handlerDef.why };
  if (plan.inlineWrapper && handler.type === 'CallExpression' && /^(ArrowFunctionExpression|FunctionExpression)$/.test(handler.arguments[0]?.type)) {
    const original = handler.arguments[0];
    const typed = rewriteTypedHandler(ctx, original, specValues);
    if (typed.ok) dropWrappers(1, original);
    return typed;
  }
  return null;
}

/** `(req, res) => ctrl.create(req, res)` whose callee the planner typed: `(input, ctx) => ctrl.create(input, ctx)`,
 *  forwarding as many arguments as the typed function declares, the callee still looked up at each request
 *  (scan/delegating-handler.ts). The one-line arrow replaces the function; the scan took none with a comment. */
function forwardToDefinition(ctx: RuleContext, args: Node[], params: number): { ok: true } | { ok: false; why: string } {
  const handler = args[args.length - 1]!;
  const call = delegatedCall(handler as never, (n) => ctx.source.slice(n.start!, n.end!));
  if (!call) return { ok: false, why: 'the route\'s function no longer only calls its handler (planned typed: a bug)' };
  const text = forwardingArrow(ctx.source.slice(call.callee.start!, call.callee.end!).replace(/\s+/g, ''), params);
  const arrow = ctx.parseExpression(text);
  if (handler.comments) arrow.comments = handler.comments;
  args[args.length - 1] = arrow;
  ctx.parents.set(arrow, ctx.parents.get(handler)!);
  ctx.edits?.replaceNode(handler, text);
  ctx.changed = true;
  return { ok: true };
}

/** The definitions the planner found typable in this file, rewritten. */
export function rewriteDefinitions(ctx: RuleContext): void {
  for (const d of ctx.plan.definitions ?? []) {
    const spec = readSpec(d.specSource);
    const done = 'error' in spec ? { ok: false as const, why: spec.error } : rewriteDefinition(ctx, d.at, d.wrappers, spec.values, d.thisBound === true, d.bodyTypesChecked === true);
    if (!done.ok) {
      // The planner tried the same rewrite on the same source: this is a bug, said loudly.
      ctx.diagnostics.push({ code: 'unsupported', severity: 'error', rule: 'MA003', message: `handler of ${d.route} was planned typed but is not: ${done.why}`, at: { file: ctx.file, line: d.at.line } });
    }
  }
}

/**
 * rewriteTypedHandler on a definition. A named function expression (`exports.login = function login(req, res)`)
 * is refused inline, where its name may call it back with (req, res); here the planner has already refused any
 * reference to the name other than the routes' (codemods/handler-definitions.ts), so the name is only a label.
 * `bodyTypesChecked`: the app's own tsc judges the values this TS handler sends (codemods/typed-rewrite-check.ts),
 * so the guard that keeps it legacy otherwise is off.
 */
export function rewriteTypedDefinition(ctx: RuleContext, fn: Node, specValues: Map<string, string>,
  inputAnnotation?: (used: readonly string[]) => string, thisBound = false, contextAnnotation?: () => { input: string; ctx: string },
  bodyTypesChecked = false): { ok: true; params: 0 | 1 | 2 } | { ok: false; why: string; bodyTypes?: true } {
  const id = fn.type === 'FunctionExpression' ? fn.id : undefined;
  if (id) fn.id = null;
  try {
    const ts = /\.[cm]?tsx?$/.test(ctx.file);
    return rewriteTypedHandler(ctx, fn, specValues, {
      ...(inputAnnotation ? { inputAnnotation } : {}), ...(thisBound ? { thisBound } : {}), ...(contextAnnotation ? { contextAnnotation } : {}),
      ...(ts && !bodyTypesChecked ? { bodyTypesUnseen: true } : {}), ...(ts ? { noContextualType: true } : {}),
    });
  } finally {
    if (id) fn.id = id;
  }
}
