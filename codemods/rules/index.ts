// Before: const router = express.Router();  /** @openapi ... */ router.get('/users/:id', (req, res) => res.json(find(req.params.id)));
// After:  const router = typed(express.Router(), { validation: 'report' });  router.get('/users/:id', { params: ... }, async ({ params }) => find(params.id));
//
// Applies one FilePlan to one file's source: MA001 (typed router + spec + legacy handler), MA002 (doc
// comment out, schemas imported), MA003 (provably safe handlers made typed), then the imports.
// The rules run on the plain Babel tree and record, beside each tree edit, the text edit that stands for it
// (rules/edits.ts): the output is the source with those spliced in, one parse and no print. The one change
// text edits do not express (a `.route()` chain becoming several statements) sends the file through
// jscodeshift (recast) instead, where the same rules edit a recast tree that is printed.
import { parse as babelParse } from '@babel/parser';
import { createRequire } from 'node:module';
import type { JSCodeshift } from 'jscodeshift';
import type { RuleId } from '../diagnostics.js';
import { parserPlugins, parseSource } from '../parse.js';
import type { FilePlan, FileResult, RoutePlan } from '../plan.js';
import { buildParents, isIdent, isReference, isStringLike, memberName, walk, type Node } from './ast.js';
import { introducedName, type RuleContext } from './context.js';
import { ensureImports, moduleStyle, referenceCounts, removeUnused, topLevelBindings, type ImportNeed } from './imports.js';
import { enclosingStatement, locateRouteCall, statementAt, VERBS } from './locate.js';
import { expressNames, isAppFactory, isRouterFactory, isTypedCall, rewriteRoute, routeChain, skipRoute, wrapWithTyped, type RouteSite } from './ma001-wrap-router.js';
import { removeDocComments } from './ma002-docs-to-code.js';
import { SourceEdits } from './edits.js';
import { MA004 } from './ma004-validators-to-spec.js';
import { ROUTE_HELPER_NAMES } from '../zod/route-helpers.js';
import { rewriteDefinitions } from './definition-site.js';
import { rewriteInterfaceMembers } from './interface-members.js';

export interface RuleInfo { id: RuleId; name: string; description: string }

export const RULES: readonly RuleInfo[] = [
  {
    id: 'MA001', name: 'wrap-router',
    description: 'Wrap the router/app with typed(...) where it is created (or once per file, `const api = typed(app)`, when that is unknown), '
      + 'put the route\'s spec object as its second argument, keep route middleware in place and wrap the handler in legacy(...). '
      + 'Undocumented routes get an empty spec; `.route(path).get().put()` chains become one statement per verb.',
  },
  {
    id: 'MA002', name: 'docs-to-code',
    description: 'Remove the YAML doc comment (swagger-jsdoc @openapi/@swagger block or flasgger `---` block) that became the spec, '
      + 'keeping prose the spec does not carry, and import the named schemas from the generated schemas module.',
  },
  {
    id: 'MA003', name: 'typed-handler',
    description: 'Rewrite an inline handler to a typed async handler when provably safe: only req.params.X / req.query.X / req.body reads '
      + '(with a schema for each), one JSON send per path (res.json, res.status(n).json, res.sendStatus(204)) -> return / reply(n, x), '
      + 'next(err) in a catch -> throw err. Anything else stays legacy(...).',
  },
  MA004,
];

const COMPAT_MODULE = 'migrate-api/compat';
/** The runtime values a rewritten file may import, in the order its import lists them. */
const COMPAT_VALUES = ['typed', 'legacy', 'reply', 'replyEnd', 'replyEmptyJson', 'replySend', 'replyStatus', 'replyWith', 'replySendWith', 'replyStatusWith', 'rawHeader'] as const;
const COMPAT_NAMES: readonly string[] = [...COMPAT_VALUES, 'Typed', 'InputOf', 'RouteContext', ...ROUTE_HELPER_NAMES];

/** jscodeshift (recast, ast-types, babel presets: ~0.1 s to load) only for the files that need a reprint. */
let jscodeshiftModule: JSCodeshift | undefined;
function jscodeshift(): JSCodeshift {
  return (jscodeshiftModule ??= loadJscodeshift());
}

/** The published CLI is a bundle with jscodeshift in a file of its own beside it (scripts/build.mjs), so
 *  jscodeshift is not an install-time dependency; from the sources it is the installed package. */
function loadJscodeshift(): JSCodeshift {
  const load = createRequire(import.meta.url);
  try {
    return load('./jscodeshift.cjs') as JSCodeshift;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    return load('jscodeshift') as JSCodeshift;
  }
}

function quoteStyle(source: string): 'single' | 'double' {
  const single = source.match(/(^|[\s(,=:[])'/g)?.length ?? 0;
  const double = source.match(/(^|[\s(,=:[])"/g)?.length ?? 0;
  return double > single ? 'double' : 'single';
}

/**
 * Every name the rewrite introduces (`typed`, `legacy`, `reply`, `Typed`, `z`, the schemas, `apiDocs`) is
 * checked against every scope of the file: where the file uses it for something else (`import { type Category }`
 * at the top, `const apiDocs = YAML.load(...)` inside the setup function), the rewrite imports and uses an alias
 * (`CategorySchema`, `apiDocsSchema`). An import of the same export from the same module, under whatever name,
 * is reused (a second run finds the alias the first one chose).
 */
function introducedAliases(program: Node, plan: FilePlan): Map<string, string> {
  const aliases = new Map<string, string>();
  const { imports } = topLevelBindings(program);
  const wanted: Array<[string, string]> = [
    ...COMPAT_NAMES.map((n): [string, string] => [n, COMPAT_MODULE]), ['z', plan.zodModule ?? 'zod'],
    ...(plan.schemaImports?.names ?? []).map((n): [string, string] => [n, plan.schemaImports!.from]),
  ];
  let used: Set<string> | undefined;
  const clashes: string[] = [];
  for (const [name, module] of wanted) {
    const same = imports.find((x) => x.module === module && x.imported === name) ?? imports.find((x) => x.module === module && x.name === name);
    if (same) { if (same.name !== name) aliases.set(name, same.name); continue; }
    if (!used) {
      used = new Set<string>();
      walk(program, (n, parent) => { if (n.type === 'Identifier' && isReference(n, parent ?? undefined)) used!.add(n.name); });
      for (const x of imports) used.add(x.name);
    }
    if (used.has(name)) clashes.push(name);
  }
  if (clashes.length === 0) return aliases;
  const taken = new Set<string>();
  walk(program, (n) => { if (n.type === 'Identifier') taken.add(n.name); });
  for (const name of clashes) {
    const base = name === 'z' ? 'zod' : COMPAT_NAMES.includes(name) ? `migrate${name[0]!.toUpperCase()}${name.slice(1)}` : `${name}Schema`;
    let alias = base;
    for (let i = 2; taken.has(alias); i++) alias = `${base}${i}`;
    taken.add(alias);
    aliases.set(name, alias);
  }
  return aliases;
}

/** The route call a plan points at: the `.get()` of a chain, a plain route call, or null. */
function outermostChainCall(ctx: RuleContext, call: Node): Node {
  let cur = call;
  for (;;) {
    const m = ctx.parents.get(cur);
    const c = m && ctx.parents.get(m);
    if (m?.type === 'MemberExpression' && m.object === cur && c?.type === 'CallExpression' && c.callee === m && VERBS.has(memberName(m) ?? '')) cur = c;
    else return cur;
  }
}

/** The splice pass: text edits recorded beside the tree edits, and the file's comments. */
interface Splice { edits: SourceEdits; comments: Node[] }

function runRules(program: Node, source: string, plan: FilePlan, parseExpression: (src: string) => Node,
  parseStatements: (src: string) => Node[], splice?: Splice): RuleContext {
  const ctx: RuleContext = {
    file: plan.file, source, plan, program, parents: buildParents(program), parseExpression,
    changed: false, compat: new Set(), specIdentifiers: new Set(), wrapped: new Set(), docRanges: [], aliases: introducedAliases(program, plan),
    reports: [], diagnostics: [], ...splice,
    enabled: (rule) => plan.rules.has(rule),
  };
  const before = referenceCounts(program);
  const names = expressNames(program);
  const located = new Map<RoutePlan, Node>();
  const seen = new Set<Node>();
  for (const route of plan.routes) {
    // Most routes are top-level statements: search that one statement first, the whole program otherwise.
    const top = statementAt(program, route.at.line);
    const call = (top && locateRouteCall(top, route)) ?? locateRouteCall(program, route);
    if (!call) {
      ctx.reports.push({ file: plan.file, line: route.at.line, method: route.method, path: route.fullPath, status: 'skipped', rule: 'MA001', reason: 'route call not found at this position' });
      ctx.diagnostics.push({ code: 'unsupported', severity: 'error', rule: 'MA001', message: `no \`.${route.method}(\` call starts here; route left unchanged`, at: { ...route.at, file: plan.file } });
      continue;
    }
    if (seen.has(call)) {
      skipRoute(ctx, { plan: route, stmt: null }, 'another plan already points at this route call');
      continue;
    }
    seen.add(call);
    located.set(route, call);
  }
  const chainsDone = new Set<Node>();
  for (const [route, call] of located) {
    // A change the splice pass cannot express: recast redoes the whole file.
    if (ctx.edits?.unsupported) return ctx;
    const outer = outermostChainCall(ctx, call);
    const chain = routeChain(outer);
    const stmt = enclosingStatement(ctx.parents, outer);
    if (!chain) {
      rewriteRoute(ctx, { plan: route, call, stmt: stmt ?? call }, names);
      continue;
    }
    if (chainsDone.has(outer)) continue;
    chainsDone.add(outer);
    rewriteChain(ctx, chain, outer, stmt, located, names);
  }
  if (ctx.enabled('MA003')) { rewriteDefinitions(ctx); rewriteInterfaceMembers(ctx); }
  if (plan.app && ctx.enabled('MA001')) wrapAppCreations(ctx, names);
  if (plan.mountingRouters?.length && ctx.enabled('MA001')) wrapMountingRouters(ctx, names, plan.mountingRouters);
  if (ctx.enabled('MA002')) for (const range of plan.removeComments ?? []) ctx.docRanges.push({ ...range, specSource: '' });
  removeDocComments(ctx, ctx.docRanges);
  if (!ctx.changed || ctx.edits?.unsupported) return ctx;

  const style = moduleStyle(plan.file, program);
  const needs: ImportNeed[] = [];
  const named = (n: string) => (ctx.aliases.has(n) ? `${n} as ${ctx.aliases.get(n)}` : n);
  const compat = COMPAT_VALUES.filter((n) => ctx.compat.has(n)).map(named);
  if (ctx.compat.has('Typed')) compat.push(`type ${named('Typed')}`);
  // MA004 in enforce: the app's options name the hook that keeps the old validator's error body.
  for (const hook of ['joiValidationError', 'celebrateValidationError']) if (ctx.compat.has('typed') && plan.app?.optionsSource.includes(`${hook}(`)) compat.push(hook);
  if (ctx.compat.has('InputOf')) compat.push(`type ${named('InputOf')}`);
  if (ctx.compat.has('RouteContext')) compat.push(`type ${named('RouteContext')}`);
  // The schema helpers an inserted spec calls (`dateTime()`, `readOnlyChecked(...)`).
  for (const helper of ROUTE_HELPER_NAMES) if (ctx.specIdentifiers.has(helper)) compat.push(named(helper));
  if (compat.length) needs.push({ module: COMPAT_MODULE, names: compat });
  // An app on zod 3.25 gets `zod/v4`: its `import { z } from 'zod'` is zod 3, which the runtime cannot read, so
  // an inserted spec never uses it (the z above is then a clash, aliased: `import { z as zod } from 'zod/v4'`).
  if (ctx.specIdentifiers.has('z')) needs.push({ module: plan.zodModule ?? 'zod', names: [named('z')] });
  const schemas = plan.schemaImports?.names.filter((n) => ctx.specIdentifiers.has(n)).map(named) ?? [];
  if (schemas.length && plan.schemaImports && ctx.enabled('MA002')) needs.push({ module: plan.schemaImports.from, names: schemas });
  // Two scans of the whole file: once is enough.
  const quote = quoteStyle(source);
  removeUnused(program, before, ctx.edits, quote);
  for (const conflict of ensureImports(program, style, quote, needs, parseStatements, ctx.edits)) {
    ctx.diagnostics.push({ code: 'unsupported', severity: 'warning', message: conflict, at: { file: plan.file, line: 1 } });
  }
  return ctx;
}

/** The app a file creates gets typed(...) even when no route is registered on it: its `use(prefix, router)`
 *  mounts are then recorded, so the generated /openapi.json has every path. */
function wrapAppCreations(ctx: RuleContext, names: ReturnType<typeof expressNames>): void {
  walk(ctx.program, (n) => {
    for (const key of ['init', 'right', 'value'] as const) {
      // An app already wrapped (by a route of this file, or by an earlier run) is a typed(...) call here.
      const init = n[key] as Node | undefined;
      if (init && isAppFactory(init, names)) n[key] = wrapWithTyped(ctx, init, names);
    }
    // `setup(express(), db)`: an app created as it is handed to the function that gives it its routes.
    // Not inside the typed(...) call just made: its argument is the app it wraps.
    if ((n.type === 'CallExpression' || n.type === 'NewExpression') && !ctx.wrapped.has(n) && !isTypedCall(n, introducedName(ctx, 'typed'))) {
      n.arguments.forEach((a: Node, i: number) => { if (isAppFactory(a, names)) n.arguments[i] = wrapWithTyped(ctx, a, names); });
    }
  });
}

/** A router that only mounts others (`const api = express.Router(); api.use('/owners', owners)`) gets typed(...)
 *  where it is created, so the runtime records its mounts; found by the binding the scan recorded it at. */
function wrapMountingRouters(ctx: RuleContext, names: ReturnType<typeof expressNames>, at: NonNullable<FilePlan['mountingRouters']>): void {
  const wanted = (n: Node | undefined) => !!n?.loc && at.some((a) => a.line === n.loc.start.line && a.col === n.loc.start.column + 1);
  walk(ctx.program, (n) => {
    const slot = n.type === 'VariableDeclarator' ? { holder: n.id, key: 'init' as const }
      : n.type === 'AssignmentExpression' ? { holder: n.left, key: 'right' as const }
      : n.type === 'ClassProperty' || n.type === 'PropertyDefinition' ? { holder: n.key, key: 'value' as const } : undefined;
    if (!slot || !wanted(slot.holder)) return;
    const init = n[slot.key] as Node | undefined;
    if (init && isRouterFactory(init, names) && !isAppFactory(init, names)) n[slot.key] = wrapWithTyped(ctx, init, names);
  });
}

/**
 * `router.route('/x').get(h).put(h2)`: `.route()` returns an express Route, which has no typed verbs, so a
 * chain whose verbs all have a plan becomes one `router.<verb>('/x', spec, ...)` statement per verb, in
 * order (same registration order, same behaviour). Anything less plain is left alone with a TODO.
 */
function rewriteChain(ctx: RuleContext, chain: NonNullable<ReturnType<typeof routeChain>>, outer: Node, stmt: Node | null,
  located: Map<RoutePlan, Node>, names: ReturnType<typeof expressNames>): void {
  const plans = chain.calls.map((c) => [...located].find(([, call]) => call === c)?.[0]);
  const mine = [...located].filter(([, call]) => chain.calls.includes(call)).map(([p]) => p);
  const skipAll = (why: string) => mine.forEach((p, i) => skipRoute(ctx, { plan: p, stmt: i === 0 ? stmt : null }, why));
  if (chain.calls.every((c) => c.arguments[1]?.type === 'ObjectExpression')) {
    for (const p of mine) ctx.reports.push({ file: ctx.plan.file, line: p.at.line, method: p.method, path: p.fullPath, status: 'unchanged', reason: 'already migrated' });
    return;
  }
  if (!ctx.enabled('MA001')) {
    for (const p of mine) ctx.reports.push({ file: ctx.plan.file, line: p.at.line, method: p.method, path: p.fullPath, status: 'unchanged', reason: 'MA001 disabled' });
    return;
  }
  const container = stmt && ctx.parents.get(stmt);
  if (!stmt || stmt.type !== 'ExpressionStatement' || stmt.expression !== outer || !container) return skipAll('`.route()` chain is part of a larger expression');
  const plainReceiver = isIdent(chain.receiver) || (chain.receiver.type === 'MemberExpression' && chain.receiver.object.type === 'ThisExpression' && memberName(chain.receiver));
  if (!plainReceiver) return skipAll('`.route()` chain on a computed receiver');
  if (!isStringLike(chain.path) && !isIdent(chain.path)) return skipAll('`.route()` path is computed');
  if (plans.some((p) => !p)) return skipAll('`.route()` chain has verbs with no plan');
  const dynamic = mine.find((p) => p.dynamic)?.dynamic;
  if (dynamic) return skipAll(dynamic);
  // One statement becoming several is beyond in-place text edits; recast prints this file.
  if (ctx.edits) { ctx.edits.unsupported = '`.route()` chain'; ctx.changed = true; return; }
  const list: Node[] = container.body ?? container.consequent;
  const index = list.indexOf(stmt);
  const sites: RouteSite[] = chain.calls.map((c, i) => {
    const call = jscodeshift().types.builders.callExpression(
      jscodeshift().types.builders.memberExpression(chain.receiver as never, c.callee.property),
      [chain.path, ...c.arguments]) as unknown as Node;
    const statement = jscodeshift().types.builders.expressionStatement(call as never) as unknown as Node;
    ctx.parents.set(call, statement);
    ctx.parents.set(statement, container);
    for (const a of c.arguments) ctx.parents.set(a, call);
    if (i === 0) statement.comments = stmt.comments;
    return { plan: plans[i]!, call, stmt: statement };
  });
  list.splice(index, 1, ...sites.map((s) => s.stmt));
  ctx.changed = true;
  for (const site of sites) rewriteRoute(ctx, site, names);
}

/** Applies the plan; `output` is undefined when nothing changed. Never throws on bad input. */
export function applyFilePlan(source: string, plan: FilePlan): FileResult {
  const parsed = parseSource(source, plan.file);
  if ('diagnostic' in parsed) {
    return {
      file: plan.file, output: undefined, diagnostics: [parsed.diagnostic],
      routes: plan.routes.map((r) => ({ file: plan.file, line: r.at.line, method: r.method, path: r.fullPath, status: 'skipped', reason: 'the file does not parse' })),
    };
  }
  const plainExpr = (src: string) => babelParse(`[\n${src}\n]`, { plugins: parserPlugins(plan.file) }).program.body[0] as unknown as Node;
  const plainStmt = (src: string) => babelParse(src, { sourceType: 'module', plugins: parserPlugins(plan.file) }).program.body as unknown as Node[];
  const edits = new SourceEdits(source);
  const first = runRules(parsed.ast.program as unknown as Node, source, plan, (src) => (plainExpr(src) as Node).expression.elements[0], plainStmt,
    { edits, comments: (parsed.ast.comments ?? []) as unknown as Node[] });
  if (!first.changed || !edits.unsupported) {
    const output = first.changed ? edits.apply() : source;
    return { file: plan.file, output: output === source ? undefined : output, routes: first.reports, diagnostics: first.diagnostics };
  }

  // Same parser configuration as the scan (positions agree), with tokens for recast.
  const parser = {
    parse: (code: string) => babelParse(code, {
      sourceType: 'unambiguous', allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true,
      tokens: true, plugins: parserPlugins(plan.file),
    }),
  };
  const j = jscodeshift().withParser(parser);
  // The file's own line ending for what recast prints; tabs are put back below.
  const layout = { lineTerminator: /\r\n/.test(source) ? '\r\n' : '\n', tabWidth: RECAST_TAB };
  const root = j(source, { tabWidth: RECAST_TAB });
  const program = root.get().node.program as Node;
  // Spec text parsed by recast too, so its own layout is reused when printed.
  const recastExpr = (src: string) => (j(`[\n${src}\n]`).get().node.program.body[0] as Node).expression.elements[0] as Node;
  const recastStmt = (src: string) => j(src).get().node.program.body as Node[];
  const second = runRules(program, source, recastPlan(source, plan), recastExpr, recastStmt);
  // recast reprints a reused directive with a second `;` once the program body changes; fresh ones print clean.
  program.directives = (program.directives ?? []).map((d: Node) => j.directive(j.directiveLiteral(d.value.value)));
  const output = withTabs(source, root.toSource({ quote: quoteStyle(source), reuseWhitespace: true, ...layout }));
  return {
    file: plan.file,
    output: output === source ? undefined : output,
    routes: second.reports,
    diagnostics: second.diagnostics,
  };
}

/** Recast's columns per indent level (and per tab): the two spaces generated specs indent by. */
const RECAST_TAB = 2;

/**
 * A tab-indented file gets tabs on the lines recast printed (their indent is in spaces, RECAST_TAB a level);
 * lines that were in the file already stay as they were.
 */
function withTabs(source: string, output: string): string {
  if ((source.match(/^\t/gm)?.length ?? 0) <= (source.match(/^ /gm)?.length ?? 0)) return output;
  const original = new Set(source.split(/\r?\n/));
  return output.split('\n').map((line) => {
    if (original.has(line.replace(/\r$/, ''))) return line;
    return line.replace(/^[ \t]+/, (ws) => {
      let cols = 0;
      for (const c of ws) cols = c === '\t' ? (Math.floor(cols / RECAST_TAB) + 1) * RECAST_TAB : cols + 1;
      return '\t'.repeat(Math.floor(cols / RECAST_TAB)) + ' '.repeat(cols % RECAST_TAB);
    });
  }).join('\n');
}

/**
 * The plan with its columns as recast counts them: a tab in a line's indentation moves to the next multiple
 * of RECAST_TAB, where Babel counts it as one column.
 */
function recastPlan(source: string, plan: FilePlan): FilePlan {
  if (!source.includes('\t')) return plan;
  const lines = source.split(/\r?\n/);
  const column = (line: number, col: number): number => {
    const text = lines[line - 1] ?? '';
    let visual = 0;
    let i = 0;
    for (; i < col - 1 && (text[i] === ' ' || text[i] === '\t'); i++) visual = text[i] === '\t' ? (Math.floor(visual / RECAST_TAB) + 1) * RECAST_TAB : visual + 1;
    return visual + (col - 1 - i) + 1;
  };
  return {
    ...plan, routes: plan.routes.map((r) => (r.at.col === undefined ? r : { ...r, at: { ...r.at, col: column(r.at.line, r.at.col) } })),
    ...(plan.definitions ? { definitions: plan.definitions.map((d) => (d.at.col === undefined ? d : { ...d, at: { ...d.at, col: column(d.at.line, d.at.col) } })) } : {}),
  };
}

/** jscodeshift entry point (`jscodeshift -t codemods/rules/index.ts`): the FilePlan comes in `options.plan`. */
export default function transform(file: { path: string; source: string }, _api: unknown, options: { plan?: FilePlan }): string | undefined {
  if (!options.plan) return undefined;
  return applyFilePlan(file.source, { ...options.plan, file: file.path }).output;
}
