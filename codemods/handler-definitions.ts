// MA003 for handlers that are not inline functions, decided for the whole tree before any file is rewritten:
// each route's handler reference is followed to its definition (scan/definition.ts), the routes sharing one
// definition are grouped, and the definition is planned for a typed rewrite where it lives only when
//   - every route using it is documented, in the target, and has the same spec needs (params/query/body/status),
//   - nothing else refers to it (another function, a test, an export some non-route code imports): a typed
//     handler no longer takes (req, res, next), so such a caller would break,
//   - its body passes rewriteTypedHandler (tried here on a throwaway tree, so the route file, rewritten
//     separately, knows the outcome; the rewrite is deterministic on the same source).
// Otherwise each route keeps legacy(handler) with the reason. The result lands in the plans: RoutePlan.handlerDef
// for the routes, FilePlan.definitions for the file that defines the function (which may have no route).
import { parse as babelParse } from '@babel/parser';
import { relative, sep } from 'node:path';
import type { Diagnostic, SourceLocation } from './diagnostics.js';
import { parsedFileReader, type FileReader, type ParsedFile } from './parsed-files.js';
import { parserPlugins, parseSource } from './parse.js';
import type { DefinitionPlan, FilePlan, RoutePlan, RouteRecord } from './plan.js';
import { buildParents, isFunction, isIdent, walk, type Node, type Parents } from './rules/ast.js';
import { locateDefinition, rewriteTypedDefinition } from './rules/definition-site.js';
import { shadowedAt } from './rules/shadowing.js';
import { SourceEdits } from './rules/edits.js';
import { readSpec } from './rules/spec-source.js';
import { fieldImplementor, type Implementor } from './interface-implementor.js';
import { planInterfaceMember } from './interface-member-plan.js';
import { unboundText } from './scan/bound-method.js';
import { forwardingArrow } from './scan/delegating-handler.js';
import { resolveDefinition, WRAPPER_PACKAGES } from './scan/definition.js';
import type { FileScan } from './scan/index.js';
import { Resolver } from './scan/resolve.js';
import type { Val } from './scan/values.js';
import { isWrapperShape } from './wrapper-shape.js';
import { candidateKey, type TypeCheckCandidate } from './tsc-checker.js';

export interface DefinitionsInput {
  root: string;
  scans: ReadonlyMap<string, FileScan>;
  routes: RouteRecord[];
  /** The plans of the files to rewrite; plans for definition files without routes are added through `planFor`. */
  plans: FilePlan[];
  planFor: (file: string) => FilePlan | null;
  /** Test files: not rewritten, but a definition they refer to stays legacy. */
  testFiles: string[];
  inTarget: (file: string) => boolean;
  /** The specifier a file imports the generated schemas module by (a TS definition declares its input schemas). */
  schemasFrom: (file: string) => string;
  /** The specifier `from` imports `to` by, in the app's style (an interface file importing its implementation's type). */
  specifier?: (from: string, to: string) => string;
  /** The send helpers a file calls (codemods/send-helpers.ts): the trial rewrite inlines them as the real one does. */
  sendHelpers?: (file: string) => FilePlan['sendHelpers'];
  /** The planning phase's one reader of followed files (a file parsed once for every planning step). */
  parsed?: FileReader;
  /** TS definitions the rewrite types are collected in `candidates`, for the app's own tsc to judge
   *  (codemods/typed-rewrite-check.ts), and so are those refused only because they send values to statuses whose
   *  docs give a schema (the guard in rules/ma003-typed-handler.ts) that type with the guard off: with `lift` those
   *  are typed. A definition `refused` holds the app's tsc's verdict against stays legacy with it. */
  typeChecks?: { lift: boolean; refused: ReadonlyMap<string, string>; candidates: TypeCheckCandidate[] };
}

type Parsed = ParsedFile;

/** The spec keys rewriteTypedHandler reads: routes sharing a definition must agree on them. */
const NEEDS = ['params', 'query', 'body', 'status'] as const;

export function planHandlerDefinitions(input: DefinitionsInput): Diagnostic[] {
  const resolver = new Resolver(input.scans);
  const parsed = input.parsed ?? parsedFileReader();
  const isWrapper = (file: string, callee: Val): string | null => {
    const r = resolver.asValue(resolver.resolve(file, callee));
    if (r.k === 'external') return WRAPPER_PACKAGES.has(r.source) ? r.source : null;
    if (r.k !== 'fn') return null;
    const p = r.file ? parsed(r.file) : null;
    const def = p && locateDefinition(p, { ...r.at, file: r.file }, 0);
    return def && isWrapperShape(def.fn) ? (def.fn.id?.name ?? 'wrapper') : null;
  };
  const inputSchemasFrom = input.schemasFrom;
  const planByRoute = new Map<string, { plan: RoutePlan; file: FilePlan }>();
  for (const fp of input.plans) for (const rp of fp.routes) planByRoute.set(key(fp.file, rp.at), { plan: rp, file: fp });

  // 1. Each route's handler to its definition.
  const groups = new Map<string, { at: SourceLocation; defWrappers: number; via?: Implementor; routes: Array<{ rec: RouteRecord; routeWrappers: number }> }>();
  const join = (rec: RouteRecord, def: { at: SourceLocation; wrappers: unknown[]; via?: unknown }, routeWrappers: number) => {
    const id = key(def.at.file!, def.at);
    const g = groups.get(id) ?? { at: def.at, defWrappers: def.wrappers.length, routes: [] };
    if (def.via) g.via = def.via as Implementor;
    g.routes.push({ rec, routeWrappers });
    groups.set(id, g);
  };
  const allFiles = () => [...input.scans.keys(), ...input.testFiles];
  const fieldClass = (f: string, cls: string, field: string) => fieldImplementor({ resolver, parsed, files: allFiles, rel: (x) => relative(input.root, x).split(sep).join('/') }, f, cls, field);
  for (const rec of input.routes) {
    if (rec.handler.kind === 'function' && !rec.handler.delegate) continue;
    const local = input.scans.get(rec.file)?.routes.find((r) => r.at.line === rec.at.line && r.at.col === rec.at.col);
    const planned = planByRoute.get(key(rec.file, rec.at));
    if (rec.handler.kind === 'function') {
      // `(req, res) => ctrl.create(req, res)`: the function it calls is the handler (scan/delegating-handler.ts).
      // One not followed leaves the inline function as it always was.
      const def = local?.delegateRef && resolveDefinition(resolver, rec.file, local.delegateRef, isWrapper, false, fieldClass);
      if (def && !('why' in def)) join(rec, def, 0);
      continue;
    }
    let routeWrappers = 0;
    if (local?.handlerCallee) {
      if (!isWrapper(rec.file, local.handlerCallee)) continue;
      routeWrappers = 1;
      if (!local.handlerRef) { if (planned) planned.plan.inlineWrapper = true; continue; }
    }
    if (!local?.handlerRef) continue;
    const def = resolveDefinition(resolver, rec.file, local.handlerRef, isWrapper, false, fieldClass);
    if ('why' in def) {
      if (planned) planned.plan.handlerDef = { typed: false, why: `the handler's definition is not followed: ${def.why}` };
      continue;
    }
    join(rec, def, routeWrappers);
  }

  // 2. Each definition: shared needs, no other reference, a body that types.
  const diagnostics: Diagnostic[] = [];
  const rel = (f: string) => relative(input.root, f).split(sep).join('/');
  const label = (r: RouteRecord) => `${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? '?'}`;
  for (const g of groups.values()) {
    const file = g.at.file!;
    const plans = g.routes.map((r) => planByRoute.get(key(r.rec.file, r.rec.at)));
    // A delegating inline function refused here is tried inline as before (its `why` said if that fails too).
    const refuse = (why: string) => plans.forEach((p, i) => { if (p) p.plan.handlerDef = { typed: false, why, ...(g.routes[i]!.rec.handler.delegate ? { inline: true as const } : {}) }; });
    const outside = g.routes.find((r, i) => !plans[i] || !input.inTarget(r.rec.file));
    if (outside) { refuse(`also the handler of ${label(outside.rec)} (${rel(outside.rec.file)}:${outside.rec.at.line}), which this run does not migrate`); continue; }
    const notTyped = plans.find((p) => !p!.plan.documented || p!.plan.migrated || p!.plan.dynamic || !p!.file.rules.has('MA003') || p!.plan.chainReplier);
    if (notTyped) { refuse(`also the handler of ${notTyped.plan.method.toUpperCase()} ${notTyped.plan.fullPath ?? '?'}, which is ${notTyped.plan.documented ? 'not typed' : 'undocumented'}`); continue; }
    if (!input.inTarget(file)) { refuse(`defined outside the migrated folder (${rel(file)})`); continue; }
    const specs = plans.map((p) => readSpec(p!.plan.specSource));
    if (specs.some((s) => 'error' in s)) continue; // MA001 reports the spec itself
    const p = parsed(file);
    const def = p && locateDefinition(p, g.at, g.defWrappers);
    if (!p || !def) { refuse(`the wrapper around the handler is applied away from its definition (${rel(file)}:${g.at.line})`); continue; }
    // A static member (`UsersController.login`) is kept legacy when it reads `this` (a method's is whatever the
    // caller makes it; the route hands it over unbound) or `super` (a class hierarchy is not followed), and when
    // its class can be reached another way (otherReference: subclassed, reassigned, its member read elsewhere).
    const stat = staticHolder(def.fn, p.parents);
    const classSide = stat && classSideReference(def.fn);
    if (stat && classSide) {
      const why = classSide === 'super' ? ': a class hierarchy is not followed' : def.fn.type === 'ArrowFunctionExpression' ? '' : ', which the route leaves unbound';
      refuse(`static member \`${stat.member}\` of class ${stat.names[0] ?? '(anonymous)'} uses \`${classSide}\`${why}`);
      continue;
    }
    // A delegating function that leaves out a parameter the handler declares (`next`) hands it undefined: typed,
    // the handler would get the runtime's ctx there instead.
    const short = g.routes.find((r) => r.rec.handler.delegate && def.fn.params.length > r.rec.handler.delegate.args);
    if (short) { refuse(`\`${short.rec.handler.delegate!.callee}\` declares ${def.fn.params.length} parameters and the route's function (${rel(short.rec.file)}:${short.rec.at.line}) hands it ${short.rec.handler.delegate!.args}`); continue; }
    const other = otherReference(input, parsed, resolver, file, def.fn, g.routes.map((r) => r.rec), stat?.names);
    if (other) { refuse(`also ${other.how} (${rel(other.file)}:${other.line})`); continue; }
    // Routes whose specs differ in what the body reads can share it only if the rewrite comes out the same for
    // each: tried once per distinct set of needs, the outputs compared.
    const distinct = new Map<string, { values: Map<string, string>; route: RouteRecord }>();
    (specs as Array<Exclude<(typeof specs)[number], { error: string }>>).forEach((s, i) => {
      const k = JSON.stringify(NEEDS.map((n) => s.values.get(n) ?? null));
      if (!distinct.has(k)) distinct.set(k, { values: s.values, route: g.routes[i]!.rec });
    });
    // TypeScript types the handler's input from one spec (rules/definition-site.ts): the routes must agree on it.
    if (distinct.size > 1 && /\.[cm]?tsx?$/.test(file)) {
      refuse(`shared by ${g.routes.length} routes with different input schemas (${g.routes.map((r) => label(r.rec)).join(', ')}); its TypeScript input type comes from one spec`);
      continue;
    }
    // `ctrl.m.bind(ctrl)` and `(req, res) => ctrl.m(req, res)` both call the method with `this` its receiver.
    const thisBound = def.fn.type === 'ClassMethod' && g.routes.every((r) => r.rec.handler.delegate ? r.rec.handler.delegate.callee.includes('.') : unboundText(r.rec.handler.text) !== r.rec.handler.text);
    const id = candidateKey(file, g.at);
    const checks = /\.[cm]?tsx?$/.test(file) ? input.typeChecks : undefined;
    const verdict = checks?.refused.get(id);
    if (verdict) { refuse(verdict); continue; }
    // A delegating route's handler argument, in the typed rewrite the app's tsc reads, is the forwarding arrow.
    const candidate = (params: number, guarded?: true): TypeCheckCandidate => ({
      key: id, file, line: g.at.line, names: [...definitionNames(def.fn, p.parents, g.routes.map((r) => r.rec))],
      routes: g.routes.map((r) => ({ file: r.rec.file, method: r.rec.method, handler: r.rec.handler.delegate ? forwardingArrow(r.rec.handler.delegate.callee, params) : r.rec.handler.text,
        line: r.rec.at.line })), ...(guarded ? { guarded } : {}),
    });
    let tries = [...distinct.values()].map((d) => ({ ...tryTyped(file, p.source, g.at, g.defWrappers, d.values, thisBound, input.sendHelpers?.(file)), route: d.route }));
    let bodyTypesChecked = false;
    const guarded = tries.length === 1 && !tries[0]!.ok && (tries[0] as { bodyTypes?: true }).bodyTypes;
    if (guarded && checks) {
      const lifted = tryTyped(file, p.source, g.at, g.defWrappers, [...distinct.values()][0]!.values, thisBound, input.sendHelpers?.(file), true);
      // Without `lift` it stays legacy, a candidate all the same: the caller then knows a check could type it.
      if (lifted.ok && checks.lift) { tries = [{ ...lifted, route: tries[0]!.route }]; bodyTypesChecked = true; }
      else if (lifted.ok) checks.candidates.push(candidate(lifted.params, true));
      // Past the guard it stays legacy all the same (`answers 200, which the docs do not list`): that reason is the
      // one to give, not the guard's, which says the app's tsc could decide.
      else tries = [{ ...lifted, route: tries[0]!.route }];
    }
    const failed = tries.find((t) => !t.ok) as { why: string; route: RouteRecord } | undefined;
    if (failed) { refuse(distinct.size > 1 ? `shared by ${g.routes.length} routes; for ${label(failed.route)}: ${failed.why}` : failed.why); continue; }
    if (new Set(tries.map((t) => (t as { output: string }).output)).size > 1) {
      refuse(`shared by ${g.routes.length} routes whose specs need different rewrites (${g.routes.map((r) => label(r.rec)).join(', ')})`);
      continue;
    }
    const defPlan = input.planFor(file);
    if (!defPlan) { refuse(`defined outside the migrated folder (${rel(file)})`); continue; }
    if (g.via) {
      // The routes see the handler through an interface: its member takes the implementation's typed signature.
      const member = memberName(def.fn, p.parents);
      const planned = member && input.specifier
        ? planInterfaceMember({ resolver, parsed, files: allFiles, specifier: input.specifier, rel,
          routeRanges: (f) => { const q = parsed(f); return q ? routeHandlerRanges(q, g.routes.map((r) => r.rec).filter((r) => r.file === f)) : []; } }, g.via, member)
        : { why: 'the handler is not a named class member' };
      if ('why' in planned) { refuse(planned.why); continue; }
      const ifacePlan = input.planFor(g.via.iface.file);
      if (!ifacePlan) { refuse(`interface ${g.via.iface.name} is declared outside the migrated folder (${rel(g.via.iface.file)})`); continue; }
      (ifacePlan.interfaceMembers ??= []).push(planned);
    }
    if (/\.[cm]?tsx?$/.test(file)) {
      // rules/definition-site.ts declares the input schemas beside a TS handler: the named ones are imported.
      const values = (specs[0] as Exclude<(typeof specs)[0], { error: string }>).values;
      const input = readSpec(`{ ${['params', 'query', 'body'].filter((k) => values.has(k)).map((k) => `${k}: ${values.get(k)}`).join(', ')} }`);
      const names = 'error' in input ? [] : [...input.identifiers].filter((n) => n !== 'z');
      if (names.length) {
        defPlan.schemaImports = { names: [...new Set([...(defPlan.schemaImports?.names ?? []), ...names])].sort(), from: defPlan.schemaImports?.from ?? inputSchemasFrom(file) };
      }
    }
    (defPlan.definitions ??= []).push({ at: g.at, wrappers: g.defWrappers, specSource: plans[0]!.plan.specSource, route: label(g.routes[0]!.rec), ...(thisBound ? { thisBound: true as const } : {}),
      ...(bodyTypesChecked ? { bodyTypesChecked: true as const } : {}) } satisfies DefinitionPlan);
    const params = (tries[0] as { params: number }).params;
    g.routes.forEach((r, i) => { plans[i]!.plan.handlerDef = { typed: true, wrappers: r.routeWrappers, ...(r.rec.handler.delegate ? { forward: params } : {}) }; });
    checks?.candidates.push(candidate(params, bodyTypesChecked ? true : undefined));
  }
  return diagnostics;
}

/** The reference a route hands its handler by, as written: `ctrl.list` for `ctrl.list`, `ctrl.list.bind(ctrl)`
 *  and `(req, res) => ctrl.list(req, res)`. */
function handlerRefText(r: RouteRecord): string {
  return r.handler.delegate?.callee ?? unboundText(r.handler.text);
}

function key(file: string, at: SourceLocation): string {
  return `${file}\0${at.line}:${at.col}`;
}

/** The typed rewrite on a throwaway tree of the definition's file. */
function tryTyped(file: string, source: string, at: SourceLocation, wrappers: number, specValues: Map<string, string>, thisBound: boolean,
  sendHelpers?: FilePlan['sendHelpers'], bodyTypesChecked = false): { ok: true; output: string; params: number } | { ok: false; why: string; bodyTypes?: true } {
  const p = parseSource(source, file);
  if ('diagnostic' in p) return { ok: false, why: 'the file does not parse' };
  const program = p.ast.program as unknown as Node;
  const ctx = {
    file, source, program, parents: buildParents(program), edits: new SourceEdits(source), compat: new Set(), aliases: new Map(), changed: false, plan: { sendHelpers },
    parseExpression: (src: string) => (babelParse(`[\n${src}\n]`, { plugins: parserPlugins(file) }).program.body[0] as unknown as Node).expression.elements[0],
  };
  const def = locateDefinition(ctx, at, wrappers);
  if (!def) return { ok: false, why: `no handler function at ${file}:${at.line}` };
  const done = rewriteTypedDefinition(ctx as never, def.fn, specValues, undefined, thisBound, undefined, bodyTypesChecked);
  return done.ok ? { ok: true, output: ctx.edits.apply(), params: done.params } : done;
}

/** The names the definition goes by: its own binding and the member/export names routes reach it through. */
function definitionNames(fn: Node, parents: Parents, routes: RouteRecord[]): Set<string> {
  const names = new Set<string>();
  if (fn.id?.name) names.add(fn.id.name);
  if ((fn.type === 'ClassMethod' || fn.type === 'ObjectMethod') && fn.key?.type === 'Identifier') names.add(fn.key.name);
  let cur: Node = fn;
  for (let p = parents.get(cur); p && p.type === 'CallExpression'; p = parents.get(cur)) cur = p;
  const holder = parents.get(cur);
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') names.add(holder.id.name);
  if ((holder?.type === 'ClassProperty' || holder?.type === 'ObjectProperty') && holder.key.type === 'Identifier') names.add(holder.key.name);
  if (holder?.type === 'AssignmentExpression' && holder.left.type === 'MemberExpression' && holder.left.property.type === 'Identifier') names.add(holder.left.property.name);
  for (const r of routes) {
    const last = /([A-Za-z_$][\w$]*)\s*\)?\s*$/.exec(handlerRefText(r));
    if (last) names.add(last[1]!);
  }
  return names;
}

/** The scanned files a file imports or requires (any form), resolved; cached per file. */
const importCache = new WeakMap<Resolver, Map<string, string[]>>();
function importsOfFile(resolver: Resolver, parsed: (f: string) => Parsed | null, file: string): string[] {
  let cache = importCache.get(resolver);
  if (!cache) importCache.set(resolver, (cache = new Map()));
  const hit = cache.get(file);
  if (hit) return hit;
  const out: string[] = [];
  const p = parsed(file);
  if (p) {
    walk(p.program, (n) => {
      const src = n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || (n.type === 'ExportNamedDeclaration' && n.source) ? n.source.value
        : (n.type === 'CallExpression' && (isIdent(n.callee, 'require') || n.callee.type === 'Import') && n.arguments[0]?.type === 'StringLiteral') ? n.arguments[0].value
          : n.type === 'ImportExpression' && n.source?.type === 'StringLiteral' ? n.source.value : null;
      if (typeof src === 'string') { const m = resolver.resolveModule(file, src); if (m) out.push(m); }
    });
  }
  cache.set(file, out);
  return out;
}

/**
 * The first reference to the definition that is not a route using it, its own declaration, an export or an
 * import: in its own file and in every file that imports it, directly or through others (tests included). Member reads count only on an object that can be the controller (`exports`,
 * `this`, a name bound to the import, the routes' own receiver text), so `User.create(...)` inside `create`'s
 * controller is not one.
 */
function otherReference(input: DefinitionsInput, parsed: (f: string) => Parsed | null, resolver: Resolver, defFile: string, fn: Node, routes: RouteRecord[],
  classNames?: readonly string[]): { file: string; line: number; how: string } | null {
  const defParsed = parsed(defFile)!;
  const names = definitionNames(fn, defParsed.parents, routes);
  // Every file that imports the definition's file, directly or through others (an index re-export, a route
  // file an app or a test loads): only there can a name be bound to it.
  const importsOf = (file: string) => importsOfFile(resolver, parsed, file);
  const related = new Set([defFile]);
  const all = [...input.scans.keys(), ...input.testFiles];
  for (let grew = true; grew;) {
    grew = false;
    for (const file of all) if (!related.has(file) && importsOf(file).some((m) => related.has(m))) { related.add(file); grew = true; }
  }
  const files = related;
  const routeArgs = new Map<string, Array<[number, number]>>();
  for (const file of files) {
    const p = parsed(file);
    if (!p) continue;
    const ranges = routeHandlerRanges(p, routes.filter((r) => r.file === file));
    routeArgs.set(file, ranges);
    const importsRelated = (name: string) => boundToImport(p, name, (src) => { const m = resolver.resolveModule(file, src); return !!m && related.has(m); });
    const found = referenceIn(p, file === defFile, names, fn, ranges, importsRelated, routes.map((r) => handlerRefText(r).replace(/\.[A-Za-z_$][\w$]*\s*\)?\s*$/, '').replace(/^[\w$]+\(/, '')),
      classNames && (file === defFile ? classNames : []));
    if (found) return { file, line: found.line, how: found.how };
  }
  return null;
}

/** Source ranges of the handler arguments of the given routes in this file. */
function routeHandlerRanges(p: Parsed, routes: RouteRecord[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (routes.length === 0) return out;
  walk(p.program, (n) => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression') return;
    const starts = (x: Node | undefined) => routes.some((r) => x?.loc && x.loc.start.line === r.at.line && x.loc.start.column + 1 === r.at.col);
    if (!starts(n.callee.object) && !starts(n.callee.property) && !starts(n)) return;
    const last = n.arguments[n.arguments.length - 1];
    if (last) out.push([last.start, last.end]);
  });
  return out;
}

function referenceIn(p: Parsed, isDefFile: boolean, names: Set<string>, fn: Node, allowed: Array<[number, number]>,
  importsRelated: (name: string) => boolean, receivers: string[], classNames?: readonly string[]):
  { line: number; how: string } | null {
  let found: { line: number; how: string } | null = null;
  const inside = (n: Node) => allowed.some(([s, e]) => n.start >= s && n.end <= e);
  const ownKeys = new Set<Node>([fn.id, fn.key].filter(Boolean));
  /** For a static member: an expression that can be its class (its own name here, a receiver, an import). */
  const isClass = (x: Node) => !!classNames && (receivers.includes(p.source.slice(x.start, x.end))
    || (x.type === 'Identifier' && (classNames.includes(x.name) || importsRelated(x.name))));
  /** An expression that can be the object holding the definition. */
  const controllerLike = (x: Node) => {
    const text = p.source.slice(x.start, x.end);
    return isIdent(x, 'exports') || text === 'module.exports' || x.type === 'ThisExpression' || receivers.includes(text)
      || (x.type === 'Identifier' && importsRelated(x.name)) || isClass(x);
  };
  walk(p.program, (n, parent) => {
    if (found) return false;
    if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' && !n.declaration || n.type === 'ExportAllDeclaration') return false;
    if (n === fn) { walkInside(n); return false; }
    // The class of a static member, subclassed (its statics are inherited: `Sub.login(req, res)`) or reassigned.
    if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.superClass && isClass(n.superClass)) {
      found = { line: n.loc.start.line, how: `extended by class ${n.id?.name ?? '(anonymous)'}` };
      return false;
    }
    if (n.type === 'AssignmentExpression' && isClass(n.left)) { found = { line: n.loc.start.line, how: 'reassigned' }; return false; }
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && names.has(n.property.name)) {
      if (inside(n)) return false;
      // `exports.list = ...` is an export; `UsersController.login = ...` replaces a static member.
      const target = isExportTarget(n, parent, p.parents);
      if (target && !classNames) return false;
      if (controllerLike(n.object)) { found = { line: n.loc.start.line, how: target ? 'reassigned' : 'called' }; return false; }
      if (target) return false;
      return;
    }
    // By its name as a string, beside the object holding it: `jest.spyOn(controller, 'handle')`, `sinon.stub(ctrl,
    // 'list')`, `ctrl['list']`. A stub put there is what a route that looks the method up at each request calls,
    // with the typed handler's (input, ctx) where the stub expects (req, res).
    if (n.type === 'StringLiteral' && names.has(n.value) && !inside(n)) {
      const byName = parent?.type === 'CallExpression' && parent.arguments.includes(n) && parent.arguments.some((a: Node) => a !== n && controllerLike(a))
        || (parent?.type === 'MemberExpression' && parent.computed && parent.property === n && controllerLike(parent.object));
      if (byName) { found = { line: n.loc.start.line, how: 'named as a string' }; return false; }
    }
    if (n.type === 'Identifier' && names.has(n.name) && !ownKeys.has(n)) {
      if (inside(n) || !parent) return;
      if (parent.type === 'MemberExpression' && parent.property === n && !parent.computed) return;
      if (shadowedAt(n, n.name, p.parents, fn)) return;
      if ((parent.type === 'ObjectProperty' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') && parent.key === n && !parent.computed && !(parent.shorthand)) return;
      if (parent.type === 'VariableDeclarator' && parent.id === n) return;
      if (isRequirePattern(n, p.parents)) return;
      if (isExportValue(n, p.parents)) return;
      if (!isDefFile && !importsRelated(n.name)) return;
      found = { line: n.loc.start.line, how: 'referenced' };
      return false;
    }
    return;
  });
  return found;

  function walkInside(f: Node): void {
    // A recursive call of the function by its own name.
    walk(f.body, (n, parent) => {
      if (found) return false;
      if (n.type === 'Identifier' && names.has(n.name) && !(parent?.type === 'MemberExpression' && parent.property === n && !parent.computed)
        && !(parent?.type === 'ObjectProperty' && parent.key === n && !parent.shorthand) && !shadowedAt(n, n.name, p.parents, fn)) found = { line: n.loc.start.line, how: 'referenced inside the function itself' };
      return undefined;
    });
  }
}

/** `exports.list = ...`, `module.exports.list = ...`: the export's own target. */
function isExportTarget(m: Node, parent: Node | null, _parents: Parents): boolean {
  return parent?.type === 'AssignmentExpression' && parent.left === m;
}

/** `module.exports = { list }` / `export default { list }` / `export { list }`: the export of the value. */
function isExportValue(n: Node, parents: Parents): boolean {
  let cur: Node = n;
  for (let p = parents.get(cur); p; cur = p, p = parents.get(cur)) {
    if (p.type === 'ObjectProperty' || p.type === 'ObjectExpression') continue;
    if (p.type === 'ExportSpecifier' || p.type === 'ExportDefaultDeclaration') return true;
    if (p.type === 'AssignmentExpression' && p.right === cur) {
      const left = p.left;
      return left.type === 'MemberExpression' && (isIdent(left.object, 'module') || isIdent(left.object, 'exports')
        || (left.object.type === 'MemberExpression' && isIdent(left.object.object, 'module')));
    }
    return false;
  }
  return false;
}

/** `const { list } = require('./ctrl')`. */
function isRequirePattern(n: Node, parents: Parents): boolean {
  let cur: Node = n;
  for (let p = parents.get(cur); p; cur = p, p = parents.get(cur)) {
    if (p.type === 'ObjectProperty' || p.type === 'ObjectPattern') continue;
    return p.type === 'VariableDeclarator' && p.id === cur && p.init?.type === 'CallExpression' && isIdent(p.init.callee, 'require');
  }
  return false;
}

/** Whether the file binds `name` at its top level by an import or a require of a module `wanted` accepts. */
function boundToImport(p: Parsed, name: string, wanted: (source: string) => boolean): boolean {
  for (const s of p.program.body as Node[]) {
    if (s.type === 'ImportDeclaration' && wanted(s.source.value) && s.specifiers.some((x: Node) => x.local.name === name)) return true;
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations) {
        const init = d.init?.type === 'MemberExpression' ? d.init.object : d.init;
        if (init?.type === 'CallExpression' && isIdent(init.callee, 'require') && init.arguments[0]?.type === 'StringLiteral' && wanted(init.arguments[0].value)
          && patternIds(d.id).includes(name)) return true;
      }
    }
  }
  return false;
}

function patternIds(id: Node): string[] {
  if (id.type === 'Identifier') return [id.name];
  if (id.type === 'ObjectPattern') return id.properties.flatMap((p: Node) => patternIds(p.type === 'RestElement' ? p.argument : p.value));
  return [];
}

/** The static member holding fn (`static login(req, res) {}`, `static login = wrap(async (req, res) => ...)`):
 *  its name and the names its class goes by in its file (`class X`, `const X = class`). */
function staticHolder(fn: Node, parents: Parents): { member: string; names: string[] } | null {
  let holder: Node | undefined = fn.type === 'ClassMethod' ? fn : undefined;
  if (!holder) {
    let cur: Node = fn;
    for (let q = parents.get(cur); q && q.type === 'CallExpression'; q = parents.get(cur)) cur = q;
    const h = parents.get(cur);
    if (h?.type === 'ClassProperty' && h.value === cur) holder = h;
  }
  if (!holder?.static || holder.computed || holder.key?.type !== 'Identifier') return null;
  const cls = parents.get(parents.get(holder)!);
  const bound = cls && parents.get(cls);
  const names = [cls?.id?.name, bound?.type === 'VariableDeclarator' && bound.id.type === 'Identifier' ? bound.id.name : undefined].filter((x): x is string => !!x);
  return { member: holder.key.name, names };
}

/** `this` or `super` in the function itself (not in a nested function with its own). */
function classSideReference(fn: Node): 'this' | 'super' | null {
  let found: 'this' | 'super' | null = null;
  for (const part of [...fn.params, fn.body] as Node[]) {
    walk(part, (n) => {
      if (found || (n.type !== 'ArrowFunctionExpression' && isFunction(n))) return false;
      if (n.type === 'ThisExpression') found = 'this';
      else if (n.type === 'Super') found = 'super';
      return undefined;
    });
  }
  return found;
}

/** The key of a class method or property holding the function. */
function memberName(fn: Node, parents: Parents): string | null {
  if ((fn.type === 'ClassMethod' || fn.type === 'ClassPrivateMethod') && !fn.computed && fn.key?.type === 'Identifier') return fn.key.name;
  const holder = parents.get(fn);
  return holder?.type === 'ClassProperty' && !holder.computed && holder.key.type === 'Identifier' ? holder.key.name : null;
}
