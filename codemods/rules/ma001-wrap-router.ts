// Before: const router = express.Router();  router.post('/', auth, ctrl.create);
// After:  const router = typed(express.Router(), { validation: 'report' });  router.post('/', spec, auth, legacy(ctrl.create));
import { parseExpression } from '@babel/parser';
import type { RoutePlan, RouteReport } from '../plan.js';
import { b, isFunction, isIdent, isReference, memberName, patternNames, walk, type Node } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import { rewriteTypedHandler } from './ma003-typed-handler.js';
import { typeRouteHandler } from './definition-site.js';
import { isErrorMiddlewareNode } from '../handler-arity.js';
import { chainReplierIndex } from './chain-replier.js';
import { typedOnce } from './typed-copy.js';
import { indentRest } from './edits.js';
import { addTodo, VERBS } from './locate.js';
import { readSpec } from './spec-source.js';

/** Local names the file gives express (`express`, `e`) and its Router (`Router`). */
export interface ExpressNames { express: Set<string>; router: Set<string> }

export function expressNames(program: Node): ExpressNames {
  const names: ExpressNames = { express: new Set(['express']), router: new Set(['Router']) };
  for (const stmt of program.body as Node[]) {
    if (stmt.type === 'ImportDeclaration' && stmt.source.value === 'express') {
      for (const s of stmt.specifiers) {
        if (s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') names.express.add(s.local.name);
        else if (s.type === 'ImportSpecifier' && (s.imported.name ?? s.imported.value) === 'Router') names.router.add(s.local.name);
      }
    }
    if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        if (!isRequireOf(d.init, 'express')) continue;
        if (d.id.type === 'Identifier') names.express.add(d.id.name);
        if (d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties) if (p.key?.name === 'Router' && p.value?.type === 'Identifier') names.router.add(p.value.name);
        }
      }
    }
  }
  return names;
}

export function isRequireOf(n: Node | null | undefined, module: string): boolean {
  return !!n && n.type === 'CallExpression' && isIdent(n.callee, 'require') && n.arguments.length === 1
    && (n.arguments[0].type === 'StringLiteral' || n.arguments[0].type === 'Literal') && n.arguments[0].value === module;
}

/** `express()`, `express.Router()`, `Router()`, `require('express').Router()`, `new Router()`. */
export function isRouterFactory(n: Node | null | undefined, names: ExpressNames): boolean {
  if (!n || (n.type !== 'CallExpression' && n.type !== 'NewExpression')) return false;
  const c = n.callee;
  if (c.type === 'Identifier') return names.express.has(c.name) || names.router.has(c.name);
  if (isRequireOf(c, 'express')) return true;
  if (memberName(c) === 'Router') return (c.object.type === 'Identifier' && names.express.has(c.object.name)) || isRequireOf(c.object, 'express');
  return false;
}

/** `typed(...)`, or a router/app compat creates already typed (`createRouter()`, `createApp()`). */
export function isTypedCall(n: Node | null | undefined, typedName = 'typed'): boolean {
  return !!n && n.type === 'CallExpression' && (isIdent(n.callee, typedName) || isIdent(n.callee, 'createRouter') || isIdent(n.callee, 'createApp'));
}

/** Where the receiver of a route is created: a slot (holder[key]) we can wrap, already typed, or unknown. */
type Creation = { kind: 'slot'; holder: Node; key: string } | { kind: 'typed' } | { kind: 'unknown'; why: string };

function findCreation(ctx: RuleContext, receiver: Node, from: Node, names: ExpressNames): Creation {
  const classify = (holder: Node, key: string, what: string): Creation => {
    // `var app = module.exports = express()`, `module.exports = app = express()`: the value is the last right side.
    while (holder[key]?.type === 'AssignmentExpression' && holder[key].operator === '=') { holder = holder[key]; key = 'right'; }
    const init = holder[key];
    if (isTypedCall(init, introducedName(ctx, 'typed'))) return { kind: 'typed' };
    if (isRouterFactory(init, names)) return { kind: 'slot', holder, key };
    return { kind: 'unknown', why: `${what} is not created by express() or Router() here` };
  };
  if (receiver.type === 'Identifier') {
    const name = receiver.name;
    for (let scope: Node | undefined = ctx.parents.get(from); scope; scope = ctx.parents.get(scope)) {
      if (isFunction(scope) && scope.params.some((p: Node) => patternNames(p).includes(name))) {
        return { kind: 'unknown', why: `\`${name}\` is a parameter` };
      }
      const body: Node[] | undefined = scope.type === 'Program' || scope.type === 'BlockStatement' || scope.type === 'StaticBlock' ? scope.body : undefined;
      if (!body) continue;
      for (let stmt of body) {
        if ((stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration) stmt = stmt.declaration;
        if (stmt.type === 'VariableDeclaration') {
          for (const d of stmt.declarations) {
            if (d.id.type === 'Identifier' && d.id.name === name) {
              if (d.init) return classify(d, 'init', `\`${name}\``);
              // `let app; ... module.exports = app = express();`
              const set = assignmentsTo(scope, (left) => isIdent(left, name));
              return set.length === 1 ? classify(set[0]!, 'right', `\`${name}\``) : { kind: 'unknown', why: `\`${name}\` is assigned ${set.length ? 'more than once' : 'nowhere'}` };
            }
            if (patternNames(d.id).includes(name)) return { kind: 'unknown', why: `\`${name}\` is destructured` };
          }
        }
        if (stmt.type === 'ImportDeclaration' && stmt.specifiers.some((s: Node) => s.local.name === name)) {
          return { kind: 'unknown', why: `\`${name}\` is imported from ${stmt.source.value}` };
        }
      }
    }
    return { kind: 'unknown', why: `\`${name}\` is not declared in this file` };
  }
  // `exports.app = express(); exports.app.get(...)`: the one top-level assignment of that export.
  const exported = exportsMember(receiver);
  if (exported) {
    const set = assignmentsTo(ctx.program, (left) => exportsMember(left) === exported, false);
    if (set.length === 1) return classify(set[0]!, 'right', `\`exports.${exported}\``);
  }
  // `this.router`: a class field `router = Router()` or `this.router = express.Router()` in the class.
  const prop = memberName(receiver);
  if (receiver.type === 'MemberExpression' && receiver.object.type === 'ThisExpression' && prop) {
    let cls: Node | undefined = ctx.parents.get(from);
    while (cls && cls.type !== 'ClassBody') cls = ctx.parents.get(cls);
    if (!cls) return { kind: 'unknown', why: `\`this.${prop}\` is used outside a class` };
    for (const m of cls.body as Node[]) {
      if ((m.type === 'ClassProperty' || m.type === 'PropertyDefinition') && !m.static && !m.computed && m.key.name === prop && m.value) {
        return classify(m, 'value', `\`this.${prop}\``);
      }
    }
    const assigns: Node[] = [];
    const visit = (n: Node): void => {
      if (n.type === 'AssignmentExpression' && n.operator === '=' && n.left.type === 'MemberExpression'
        && n.left.object.type === 'ThisExpression' && memberName(n.left) === prop) assigns.push(n);
      for (const key of Object.keys(n)) {
        if (key === 'loc' || key === 'comments' || key === 'leadingComments' || key === 'trailingComments' || key === 'original') continue;
        const v = n[key];
        if (Array.isArray(v)) { for (const c of v) if (c && typeof c.type === 'string') visit(c); } else if (v && typeof v.type === 'string') visit(v);
      }
    };
    visit(cls);
    if (assigns.length === 1) return classify(assigns[0]!, 'right', `\`this.${prop}\``);
    return { kind: 'unknown', why: assigns.length ? `\`this.${prop}\` is assigned more than once` : `\`this.${prop}\` is not assigned in its class` };
  }
  // `express.Router().post(...).get(...)`: created at the head of the chain itself (every verb returns the
  // router), wrapped right there; the later verbs of the chain then find it typed.
  let head = receiver;
  while (head.type === 'CallExpression' && head.callee.type === 'MemberExpression' && head.arguments.length >= 2
    && (VERBS.has(memberName(head.callee) ?? '') || memberName(head.callee) === 'use')) head = head.callee.object;
  if (isTypedCall(head, introducedName(ctx, 'typed'))) return { kind: 'typed' };
  const holder = ctx.parents.get(head);
  if (isRouterFactory(head, names) && holder?.type === 'MemberExpression' && holder.object === head) return { kind: 'slot', holder, key: 'object' };
  return { kind: 'unknown', why: 'the receiver is an expression' };
}

/** `exports.x` / `module.exports.x` -> `x`. */
function exportsMember(n: Node): string | null {
  if (n.type !== 'MemberExpression' || n.computed) return null;
  const o = n.object;
  const isExports = isIdent(o, 'exports') || (o.type === 'MemberExpression' && !o.computed && isIdent(o.object, 'module') && isIdent(o.property, 'exports'));
  return isExports ? memberName(n) : null;
}

/** `<left> = ...` assignments in a scope (not in nested functions unless `deep`). */
function assignmentsTo(scope: Node, matches: (left: Node) => boolean, deep = true): Node[] {
  const out: Node[] = [];
  walk(scope, (n) => {
    if (!deep && n !== scope && isFunction(n)) return false;
    if (n.type === 'AssignmentExpression' && n.operator === '=' && matches(n.left)) out.push(n);
  });
  return out;
}

/**
 * TS: `router: Router = Router()` (or a `router: Router;` field assigned in the constructor) would hide
 * the typed verbs behind its annotation, so the annotation becomes `Typed<Router>`.
 */
function widenAnnotation(ctx: RuleContext, c: { holder: Node; key: string }, from: Node): void {
  let annotated: Node | undefined;
  if (c.holder.type === 'VariableDeclarator') annotated = c.holder.id;
  else if (c.holder.type === 'ClassProperty' || c.holder.type === 'PropertyDefinition') annotated = c.holder;
  else if (c.holder.type === 'AssignmentExpression') {
    const prop = memberName(c.holder.left);
    let cls: Node | undefined = ctx.parents.get(from);
    while (cls && cls.type !== 'ClassBody') cls = ctx.parents.get(cls);
    annotated = (cls?.body as Node[] | undefined)?.find((m) => (m.type === 'ClassProperty' || m.type === 'PropertyDefinition') && !m.static && m.key?.name === prop);
  }
  const ann = annotated?.typeAnnotation as Node | undefined;
  if (!ann || ann.type !== 'TSTypeAnnotation') return;
  const t = ann.typeAnnotation as Node;
  const typedType = introducedName(ctx, 'Typed');
  if (t.type === 'TSTypeReference' && isIdent(t.typeName, typedType)) return;
  ann.typeAnnotation = b.tsTypeReference(b.identifier(typedType), b.tsTypeParameterInstantiation([t as never]));
  ctx.edits?.wrap(t, `${typedType}<`, '>');
  ctx.compat.add('Typed');
}

/** Wraps the router where it is created, or returns the reason it wraps at the call site instead. */
function wrapCreation(ctx: RuleContext, receiver: Node, call: Node, names: ExpressNames): { at: 'creation' | 'typed' } | { at: 'call-site'; why: string } {
  if (isTypedCall(receiver, introducedName(ctx, 'typed'))) return { at: 'typed' };
  const c = findCreation(ctx, receiver, call, names);
  if (c.kind === 'typed') return { at: 'typed' };
  if (c.kind === 'unknown') return { at: 'call-site', why: c.why };
  const init = c.holder[c.key] as Node;
  if (!ctx.wrapped.has(init)) {
    c.holder[c.key] = wrapWithTyped(ctx, init, names);
    widenAnnotation(ctx, c, call);
  }
  return { at: 'creation' };
}

/** `express()` -> `typed(express(), appOptions)`; a router gets `{ validation: 'report' }` in report mode. */
export function wrapWithTyped(ctx: RuleContext, init: Node, names: ExpressNames): Node {
  const args = [init];
  const app = ctx.plan.app && isAppFactory(init, names) ? ctx.plan.app : undefined;
  // The app's options name `apiDocs`, aliased like any name the rewrite introduces.
  const options = app ? (ctx.aliases.size ? withAliases(app.optionsSource, ctx.aliases) : app.optionsSource)
    : ctx.plan.validation === 'report' ? `{ validation: 'report' }` : null;
  if (options) args.push(ctx.parseExpression(options));
  for (const name of app?.uses ?? []) ctx.specIdentifiers.add(name);
  const typedName = introducedName(ctx, 'typed');
  ctx.edits?.wrap(init, `${typedName}(`, options ? `, ${indentRest(options, ctx.edits.indentAt(init.start))})` : ')');
  const wrapped = b.callExpression(b.identifier(typedName), args as never);
  ctx.wrapped.add(wrapped);
  ctx.changed = true;
  ctx.compat.add('typed');
  return wrapped as unknown as Node;
}

/** `express()` / `require('express')()`: an app, not a router. */
export function isAppFactory(n: Node | null | undefined, names: ExpressNames): boolean {
  if (!n || n.type !== 'CallExpression' || n.arguments.length > 0) return false;
  return (n.callee.type === 'Identifier' && names.express.has(n.callee.name)) || isRequireOf(n.callee, 'express');
}

export interface RouteSite {
  plan: RoutePlan;
  /** `recv.<verb>(path, ...middleware, handler)` */
  call: Node;
  /** The statement holding it: TODO markers go above it. */
  stmt: Node;
}

function report(ctx: RuleContext, plan: RoutePlan, r: Omit<RouteReport, 'file' | 'line' | 'method' | 'path'>): RouteReport {
  const rec: RouteReport = { file: ctx.plan.file, line: plan.at.line, method: plan.method, path: plan.fullPath, ...r };
  ctx.reports.push(rec);
  return rec;
}

export function skipRoute(ctx: RuleContext, site: { plan: RoutePlan; stmt: Node | null }, why: string): void {
  if (site.stmt && addTodo(ctx, site.stmt, 'MA001', why)) ctx.changed = true;
  report(ctx, site.plan, { status: 'skipped', rule: 'MA001', reason: why });
  ctx.diagnostics.push({
    code: 'unsupported', severity: 'warning', rule: 'MA001', message: `route left unchanged: ${why}`,
    at: { file: ctx.plan.file, line: site.plan.at.line, col: site.plan.at.col },
    route: `${site.plan.method.toUpperCase()} ${site.plan.fullPath ?? '?'}`,
  });
}

/** MA001 (+ MA002 and MA003 for the same route): spec in, handler wrapped, router typed. */
export function rewriteRoute(ctx: RuleContext, site: RouteSite, names: ExpressNames): void {
  const { plan, call } = site;
  const args = call.arguments as Node[];
  if (args.length >= 2 && args[1]!.type === 'ObjectExpression') {
    // legacy() need not be last: a chain function that replies and calls next() is the one wrapped.
    const kind = args.some((a) => a.type === 'CallExpression' && isIdent(a.callee, introducedName(ctx, 'legacy'))) ? 'legacy handler' : 'typed handler';
    report(ctx, plan, { status: 'unchanged', reason: `already migrated (${kind})` });
    return;
  }
  if (!ctx.enabled('MA001')) { report(ctx, plan, { status: 'unchanged', reason: 'MA001 disabled' }); return; }
  // A typed route's path is documented as written: `*`, `/files/*file` or a regex would show up as `/{0}`.
  // The scan already warned (dynamic-route), so only the TODO and the report record.
  if (plan.dynamic) {
    const why = `${plan.dynamic}; left a plain express route (not validated, not in the generated docs)`;
    if (site.stmt && addTodo(ctx, site.stmt, 'MA001', why)) ctx.changed = true;
    report(ctx, plan, { status: 'skipped', rule: 'MA001', reason: why });
    return;
  }
  if (args.length < 2) return skipRoute(ctx, site, 'the route has no handler');
  if (args.some((a) => a.type === 'SpreadElement')) return skipRoute(ctx, site, 'spread arguments');
  const path = args[0]!;
  if (path.type === 'RegExpLiteral' || path.type === 'ArrayExpression' || (path.type === 'Literal' && path.regex)) {
    return skipRoute(ctx, site, 'the path is a regular expression or an array; typed routes need a string path');
  }
  // Error-handling middleware `(err, req, res, next)` after the handler stays after it, untouched: Express
  // passes it errors only because it has four parameters, which a legacy() wrapper would hide.
  const tail = plan.errorMiddlewareLast || isErrorMiddlewareNode(args[args.length - 1]) ? 1 : 0;
  if (args.length - tail < 2) return skipRoute(ctx, site, 'the route\'s only function is error-handling middleware');
  // A chain function that replies and then calls next() is the one wrapped (chain-replier.ts); else the last.
  // One defined in another file was found before the rewrite (codemods/chain-repliers.ts): the first one wins.
  const inFile = tail ? null : chainReplierIndex(ctx.program, args);
  const planned = !tail && plan.chainReplier && 'index' in plan.chainReplier ? plan.chainReplier.index + 1 : null;
  if (inFile === null && plan.chainReplier && 'skip' in plan.chainReplier) return skipRoute(ctx, site, plan.chainReplier.skip);
  const replier = inFile !== null && planned !== null ? Math.min(inFile, planned) : inFile ?? planned;
  const handler = args[replier ?? args.length - 1 - tail]!;
  if (handler.type === 'ArrayExpression') return skipRoute(ctx, site, 'the handler is an array of functions');
  if (!/^(ArrowFunctionExpression|FunctionExpression|Identifier|MemberExpression|CallExpression|TSAsExpression)$/.test(handler.type)) {
    return skipRoute(ctx, site, `the handler is a ${handler.type}`);
  }
  const checked = readSpec(plan.specSource);
  if ('error' in checked) {
    ctx.diagnostics.push({ code: 'unsupported', severity: 'error', rule: 'MA001', message: checked.error, at: { file: ctx.plan.file, line: plan.at.line } });
    return skipRoute(ctx, site, 'the spec could not be built');
  }
  const receiver = call.callee.object as Node;
  const wrap = wrapCreation(ctx, receiver, call, names);
  // The validation mode goes to typed(...), never into a route's spec (where the runtime reads it per route).
  const spec = checked;
  let where: string | undefined;
  if (wrap.at === 'call-site') {
    const declared = typedOnce(ctx, receiver, call);
    if (declared) {
      call.callee.object = b.identifier(declared);
      ctx.edits?.replaceNode(receiver, declared);
      where = `typed once in this file as \`${declared}\` (${wrap.why})`;
    } else {
      // No binding to declare a typed copy beside (`this.router` set twice, a global): typed where it is used.
      const options = ctx.plan.validation === 'report' ? `{ validation: 'report' }` : null;
      call.callee.object = b.callExpression(b.identifier(introducedName(ctx, 'typed')), [receiver as never, ...(options ? [ctx.parseExpression(options)] : [])] as never);
      ctx.edits?.wrap(receiver, `${introducedName(ctx, 'typed')}(`, options ? `, ${options})` : ')');
      where = `router wrapped at the call site (${wrap.why})`;
    }
    ctx.compat.add('typed');
  }
  for (const id of spec.identifiers) ctx.specIdentifiers.add(id);
  const specSource = ctx.aliases.size ? withAliases(spec.source, ctx.aliases) : spec.source;
  // The splice pass never prints the tree, so the spec parsed by readSpec stands in for it there.
  args.splice(1, 0, ctx.edits && specSource === spec.source ? spec.node : ctx.parseExpression(specSource));
  if (ctx.edits) {
    // Arguments laid out one per line get the spec on a line of its own.
    const indent = ctx.edits.indentAt(path.start);
    ctx.edits.insert(path.end, `,${ctx.edits.startsLine(path.start) ? `\n${indent}` : ' '}${indentRest(specSource, indent)}`);
  }
  ctx.changed = true;
  // Express's verb generics (`router.get<{ id: string }, Res>(...)`) select express's own overload, which a
  // spec in second place does not fit: they move onto legacy<...>(handler), or go when the handler is typed.
  const typeArgs: Node | undefined = call.typeParameters ?? call.typeArguments;
  if (typeArgs) {
    ctx.edits?.replaceNode(typeArgs, '');
    delete call.typeParameters;
    delete call.typeArguments;
  }

  let typed: { ok: true } | { ok: false; why: string } = { ok: false, why: 'MA003 disabled' };
  if (!plan.documented) typed = { ok: false, why: 'undocumented' };
  else if (tail) typed = { ok: false, why: 'error-handling middleware follows the handler' };
  else if (replier !== null) typed = { ok: false, why: 'a function of the chain replies and then calls next() for the functions after it' };
  else if (plan.typesRefused && ctx.enabled('MA003')) typed = { ok: false, why: plan.typesRefused };
  else if (ctx.enabled('MA003')) typed = typeRouteHandler(ctx, plan, args, spec.values) ?? rewriteTypedHandler(ctx, handler, spec.values, { verbGenerics: !!typeArgs });
  if (!typed.ok) {
    const legacyName = introducedName(ctx, 'legacy');
    if (!(handler.type === 'CallExpression' && isIdent(handler.callee, legacyName))) {
      const wrapped = b.callExpression(b.identifier(legacyName), [handler as never]) as unknown as Node;
      if (typeArgs) wrapped.typeParameters = typeArgs;
      // A comment before the handler stays before the wrapped handler, not inside `legacy(`.
      if (handler.comments?.length) { wrapped.comments = handler.comments; handler.comments = []; }
      args[args.indexOf(handler)] = wrapped;
      ctx.edits?.wrap(handler, `${legacyName}${typeArgs && ctx.edits ? ctx.edits.source.slice(typeArgs.start, typeArgs.end) : ''}(`, ')');
    }
    ctx.compat.add('legacy');
  }
  if (plan.docComment && ctx.enabled('MA002')) {
    for (const range of [plan.docComment, ...plan.moreDocComments ?? []]) ctx.docRanges.push({ ...range, specSource: plan.specSource });
  }
  if (plan.todo && site.stmt) addTodo(ctx, site.stmt, plan.todo.rule, plan.todo.why);
  // What is left to type is marked where it is, with the reason (the report groups routes by it).
  if (!typed.ok && plan.documented && typed.why !== 'MA003 disabled' && site.stmt) addTodo(ctx, site.stmt, 'MA003', typed.why);
  const reasons = [where, !typed.ok && plan.documented && typed.why !== 'MA003 disabled' ? `legacy handler: ${typed.why}` : undefined].filter(Boolean);
  report(ctx, plan, {
    status: typed.ok ? 'typed' : plan.documented ? 'legacy' : 'undocumented',
    rule: typed.ok ? 'MA003' : 'MA001',
    ...(reasons.length ? { reason: reasons.join('; ') } : {}),
  });
}

/** The spec's references to names the file binds otherwise, renamed to the aliases imported instead. */
export function withAliases(source: string, aliases: Map<string, string>): string {
  const expr = parseExpression(source, { plugins: ['typescript'] }) as unknown as Node;
  const renames: Node[] = [];
  walk(expr, (n, parent) => {
    if (n.type === 'Identifier' && aliases.has(n.name) && isReference(n, parent ?? undefined)) renames.push(n);
  });
  let out = source;
  for (const n of renames.reverse()) out = out.slice(0, n.start) + aliases.get(n.name) + out.slice(n.end);
  return out;
}

/** `router.route('/x').get(h).put(h2)`: the calls of the chain, innermost first, or why it is not plain. */
export function routeChain(call: Node): { receiver: Node; path: Node; calls: Node[] } | null {
  const calls: Node[] = [];
  let cur: Node = call;
  while (cur.type === 'CallExpression' && VERBS.has(memberName(cur.callee) ?? '')) {
    calls.unshift(cur);
    cur = cur.callee.object;
  }
  if (cur.type !== 'CallExpression' || memberName(cur.callee) !== 'route' || cur.arguments.length !== 1 || calls.length === 0) return null;
  return { receiver: cur.callee.object, path: cur.arguments[0], calls };
}
