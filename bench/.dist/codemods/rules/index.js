import { parse as babelParse } from "@babel/parser";
import jscodeshift from "jscodeshift";
import { parserPlugins, parseSource } from "../parse.js";
import { buildParents, isIdent, isStringLike, memberName, walk } from "./ast.js";
import { ensureImports, moduleStyle, referenceCounts, removeUnused, topLevelBindings } from "./imports.js";
import { enclosingStatement, locateRouteCall, VERBS } from "./locate.js";
import { expressNames, isAppFactory, rewriteRoute, routeChain, skipRoute, wrapWithTyped } from "./ma001-wrap-router.js";
import { removeDocComments } from "./ma002-docs-to-code.js";
const RULES = [
  {
    id: "MA001",
    name: "wrap-router",
    description: "Wrap the router/app with typed(...) where it is created (or at the call site when that is unknown), put the route's spec object as its second argument, keep route middleware in place and wrap the handler in legacy(...). Undocumented routes get an empty spec; `.route(path).get().put()` chains become one statement per verb."
  },
  {
    id: "MA002",
    name: "docs-to-code",
    description: "Remove the YAML doc comment (swagger-jsdoc @openapi/@swagger block or flasgger `---` block) that became the spec, keeping prose the spec does not carry, and import the named schemas from the generated schemas module."
  },
  {
    id: "MA003",
    name: "typed-handler",
    description: "Rewrite an inline handler to a typed async handler when provably safe: only req.params.X / req.query.X / req.body reads (with a schema for each), one JSON send per path (res.json, res.status(n).json, res.sendStatus(204)) -> return / reply(n, x), next(err) in a catch -> throw err. Anything else stays legacy(...)."
  }
];
const COMPAT_MODULE = "migrate-api/compat";
function quoteStyle(source) {
  const single = source.match(/(^|[\s(,=:[])'/g)?.length ?? 0;
  const double = source.match(/(^|[\s(,=:[])"/g)?.length ?? 0;
  return double > single ? "double" : "single";
}
function specAliases(program, plan) {
  const aliases = /* @__PURE__ */ new Map();
  const { imports, declared } = topLevelBindings(program);
  const wanted = [["z", "zod"], ...(plan.schemaImports?.names ?? []).map((n) => [n, plan.schemaImports.from])];
  const clashes = wanted.filter(([name, module]) => {
    const bound = imports.find((x) => x.name === name);
    return bound ? bound.module !== module : declared.has(name);
  });
  if (clashes.length === 0) return aliases;
  const used = /* @__PURE__ */ new Set([...imports.map((x) => x.name), ...declared]);
  walk(program, (n) => {
    if (n.type === "Identifier") used.add(n.name);
  });
  for (const [name] of clashes) {
    const base = name === "z" ? "zod" : `${name}Schema`;
    let alias = base;
    for (let i = 2; used.has(alias); i++) alias = `${base}${i}`;
    used.add(alias);
    aliases.set(name, alias);
  }
  return aliases;
}
function outermostChainCall(ctx, call) {
  let cur = call;
  for (; ; ) {
    const m = ctx.parents.get(cur);
    const c = m && ctx.parents.get(m);
    if (m?.type === "MemberExpression" && m.object === cur && c?.type === "CallExpression" && c.callee === m && VERBS.has(memberName(m) ?? "")) cur = c;
    else return cur;
  }
}
function runRules(program, source, plan, parseExpression, parseStatements, checkOnly = false) {
  const ctx = {
    file: plan.file,
    plan,
    program,
    parents: buildParents(program),
    parseExpression,
    changed: false,
    compat: /* @__PURE__ */ new Set(),
    specIdentifiers: /* @__PURE__ */ new Set(),
    wrapped: /* @__PURE__ */ new Set(),
    docRanges: [],
    aliases: specAliases(program, plan),
    reports: [],
    diagnostics: [],
    enabled: (rule) => plan.rules.has(rule)
  };
  const before = checkOnly ? /* @__PURE__ */ new Map() : referenceCounts(program);
  const names = expressNames(program);
  const located = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const route of plan.routes) {
    const call = locateRouteCall(program, route);
    if (!call) {
      ctx.reports.push({ file: plan.file, line: route.at.line, method: route.method, path: route.fullPath, status: "skipped", rule: "MA001", reason: "route call not found at this position" });
      ctx.diagnostics.push({ code: "unsupported", severity: "error", rule: "MA001", message: `no \`.${route.method}(\` call starts here; route left unchanged`, at: { ...route.at, file: plan.file } });
      continue;
    }
    if (seen.has(call)) {
      skipRoute(ctx, { plan: route, stmt: null }, "another plan already points at this route call");
      continue;
    }
    seen.add(call);
    located.set(route, call);
  }
  const chainsDone = /* @__PURE__ */ new Set();
  for (const [route, call] of located) {
    if (checkOnly && ctx.changed) return { ctx, printNeeded: true };
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
  if (plan.app && ctx.enabled("MA001")) wrapAppCreations(ctx, names);
  if (ctx.enabled("MA002")) for (const range of plan.removeComments ?? []) ctx.docRanges.push({ ...range, specSource: "" });
  removeDocComments(ctx, ctx.docRanges);
  if (!ctx.changed) return { ctx, printNeeded: false };
  const style = moduleStyle(plan.file, program);
  const needs = [];
  const compat = ["typed", "legacy", "reply"].filter((n) => ctx.compat.has(n));
  if (ctx.compat.has("Typed")) compat.push("type Typed");
  if (compat.length) needs.push({ module: COMPAT_MODULE, names: compat });
  const named = (n) => ctx.aliases.has(n) ? `${n} as ${ctx.aliases.get(n)}` : n;
  if (ctx.specIdentifiers.has("z")) needs.push({ module: "zod", names: [named("z")] });
  const schemas = plan.schemaImports?.names.filter((n) => ctx.specIdentifiers.has(n)).map(named) ?? [];
  if (schemas.length && plan.schemaImports && ctx.enabled("MA002")) needs.push({ module: plan.schemaImports.from, names: schemas });
  for (const conflict of ensureImports(program, style, quoteStyle(source), needs, parseStatements)) {
    ctx.diagnostics.push({ code: "unsupported", severity: "warning", message: conflict, at: { file: plan.file, line: 1 } });
  }
  removeUnused(program, before);
  return { ctx, printNeeded: true };
}
function wrapAppCreations(ctx, names) {
  walk(ctx.program, (n) => {
    for (const key of ["init", "right", "value"]) {
      const init = n[key];
      if (init && isAppFactory(init, names)) n[key] = wrapWithTyped(ctx, init, names);
    }
  });
}
function rewriteChain(ctx, chain, outer, stmt, located, names) {
  const plans = chain.calls.map((c) => [...located].find(([, call]) => call === c)?.[0]);
  const mine = [...located].filter(([, call]) => chain.calls.includes(call)).map(([p]) => p);
  const skipAll = (why) => mine.forEach((p, i) => skipRoute(ctx, { plan: p, stmt: i === 0 ? stmt : null }, why));
  if (chain.calls.every((c) => c.arguments[1]?.type === "ObjectExpression")) {
    for (const p of mine) ctx.reports.push({ file: ctx.plan.file, line: p.at.line, method: p.method, path: p.fullPath, status: "unchanged", reason: "already migrated" });
    return;
  }
  if (!ctx.enabled("MA001")) {
    for (const p of mine) ctx.reports.push({ file: ctx.plan.file, line: p.at.line, method: p.method, path: p.fullPath, status: "unchanged", reason: "MA001 disabled" });
    return;
  }
  const container = stmt && ctx.parents.get(stmt);
  if (!stmt || stmt.type !== "ExpressionStatement" || stmt.expression !== outer || !container) return skipAll("`.route()` chain is part of a larger expression");
  const plainReceiver = isIdent(chain.receiver) || chain.receiver.type === "MemberExpression" && chain.receiver.object.type === "ThisExpression" && memberName(chain.receiver);
  if (!plainReceiver) return skipAll("`.route()` chain on a computed receiver");
  if (!isStringLike(chain.path) && !isIdent(chain.path)) return skipAll("`.route()` path is computed");
  if (plans.some((p) => !p)) return skipAll("`.route()` chain has verbs with no plan");
  const list = container.body ?? container.consequent;
  const index = list.indexOf(stmt);
  const sites = chain.calls.map((c, i) => {
    const call = jscodeshift.types.builders.callExpression(
      jscodeshift.types.builders.memberExpression(chain.receiver, c.callee.property),
      [chain.path, ...c.arguments]
    );
    const statement = jscodeshift.types.builders.expressionStatement(call);
    ctx.parents.set(call, statement);
    ctx.parents.set(statement, container);
    for (const a of c.arguments) ctx.parents.set(a, call);
    if (i === 0) statement.comments = stmt.comments;
    return { plan: plans[i], call, stmt: statement };
  });
  list.splice(index, 1, ...sites.map((s) => s.stmt));
  ctx.changed = true;
  for (const site of sites) rewriteRoute(ctx, site, names);
}
function applyFilePlan(source, plan) {
  const parsed = parseSource(source, plan.file);
  if ("diagnostic" in parsed) {
    return {
      file: plan.file,
      output: void 0,
      diagnostics: [parsed.diagnostic],
      routes: plan.routes.map((r) => ({ file: plan.file, line: r.at.line, method: r.method, path: r.fullPath, status: "skipped", reason: "the file does not parse" }))
    };
  }
  const plainExpr = (src) => babelParse(`[
${src}
]`, { plugins: parserPlugins(plan.file) }).program.body[0];
  const plainStmt = (src) => babelParse(src, { sourceType: "module", plugins: parserPlugins(plan.file) }).program.body;
  const first = runRules(parsed.ast.program, source, plan, (src) => plainExpr(src).expression.elements[0], plainStmt, true);
  if (!first.printNeeded) return { file: plan.file, output: void 0, routes: first.ctx.reports, diagnostics: first.ctx.diagnostics };
  const parser = {
    parse: (code) => babelParse(code, {
      sourceType: "unambiguous",
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      tokens: true,
      plugins: parserPlugins(plan.file)
    })
  };
  const j = jscodeshift.withParser(parser);
  const root = j(source);
  const program = root.get().node.program;
  const recastExpr = (src) => j(`[
${src}
]`).get().node.program.body[0].expression.elements[0];
  const recastStmt = (src) => j(src).get().node.program.body;
  const second = runRules(program, source, plan, recastExpr, recastStmt);
  program.directives = (program.directives ?? []).map((d) => j.directive(j.directiveLiteral(d.value.value)));
  const output = root.toSource({ quote: quoteStyle(source), reuseWhitespace: true });
  return {
    file: plan.file,
    output: output === source ? void 0 : output,
    routes: second.ctx.reports,
    diagnostics: second.ctx.diagnostics
  };
}
function transform(file, _api, options) {
  if (!options.plan) return void 0;
  return applyFilePlan(file.source, { ...options.plan, file: file.path }).output;
}
export {
  RULES,
  applyFilePlan,
  transform as default
};
