import { b, isFunction, isIdent, isReference, memberName, patternNames, walk } from "./ast.js";
import { rewriteTypedHandler } from "./ma003-typed-handler.js";
import { addTodo, VERBS } from "./locate.js";
import { readSpec } from "./spec-source.js";
function expressNames(program) {
  const names = { express: /* @__PURE__ */ new Set(["express"]), router: /* @__PURE__ */ new Set(["Router"]) };
  for (const stmt of program.body) {
    if (stmt.type === "ImportDeclaration" && stmt.source.value === "express") {
      for (const s of stmt.specifiers) {
        if (s.type === "ImportDefaultSpecifier" || s.type === "ImportNamespaceSpecifier") names.express.add(s.local.name);
        else if (s.type === "ImportSpecifier" && (s.imported.name ?? s.imported.value) === "Router") names.router.add(s.local.name);
      }
    }
    if (stmt.type === "VariableDeclaration") {
      for (const d of stmt.declarations) {
        if (!isRequireOf(d.init, "express")) continue;
        if (d.id.type === "Identifier") names.express.add(d.id.name);
        if (d.id.type === "ObjectPattern") {
          for (const p of d.id.properties) if (p.key?.name === "Router" && p.value?.type === "Identifier") names.router.add(p.value.name);
        }
      }
    }
  }
  return names;
}
function isRequireOf(n, module) {
  return !!n && n.type === "CallExpression" && isIdent(n.callee, "require") && n.arguments.length === 1 && (n.arguments[0].type === "StringLiteral" || n.arguments[0].type === "Literal") && n.arguments[0].value === module;
}
function isRouterFactory(n, names) {
  if (!n || n.type !== "CallExpression" && n.type !== "NewExpression") return false;
  const c = n.callee;
  if (c.type === "Identifier") return names.express.has(c.name) || names.router.has(c.name);
  if (isRequireOf(c, "express")) return true;
  if (memberName(c) === "Router") return c.object.type === "Identifier" && names.express.has(c.object.name) || isRequireOf(c.object, "express");
  return false;
}
function isTypedCall(n) {
  return !!n && n.type === "CallExpression" && (isIdent(n.callee, "typed") || isIdent(n.callee, "createRouter") || isIdent(n.callee, "createApp"));
}
function findCreation(ctx, receiver, from, names) {
  const classify = (holder, key, what) => {
    const init = holder[key];
    if (isTypedCall(init)) return { kind: "typed" };
    if (isRouterFactory(init, names)) return { kind: "slot", holder, key };
    return { kind: "unknown", why: `${what} is not created by express() or Router() here` };
  };
  if (receiver.type === "Identifier") {
    const name = receiver.name;
    for (let scope = ctx.parents.get(from); scope; scope = ctx.parents.get(scope)) {
      if (isFunction(scope) && scope.params.some((p) => patternNames(p).includes(name))) {
        return { kind: "unknown", why: `\`${name}\` is a parameter` };
      }
      const body = scope.type === "Program" || scope.type === "BlockStatement" || scope.type === "StaticBlock" ? scope.body : void 0;
      if (!body) continue;
      for (let stmt of body) {
        if ((stmt.type === "ExportNamedDeclaration" || stmt.type === "ExportDefaultDeclaration") && stmt.declaration) stmt = stmt.declaration;
        if (stmt.type === "VariableDeclaration") {
          for (const d of stmt.declarations) {
            if (d.id.type === "Identifier" && d.id.name === name) return classify(d, "init", `\`${name}\``);
            if (patternNames(d.id).includes(name)) return { kind: "unknown", why: `\`${name}\` is destructured` };
          }
        }
        if (stmt.type === "ImportDeclaration" && stmt.specifiers.some((s) => s.local.name === name)) {
          return { kind: "unknown", why: `\`${name}\` is imported from ${stmt.source.value}` };
        }
      }
    }
    return { kind: "unknown", why: `\`${name}\` is not declared in this file` };
  }
  const prop = memberName(receiver);
  if (receiver.type === "MemberExpression" && receiver.object.type === "ThisExpression" && prop) {
    let cls = ctx.parents.get(from);
    while (cls && cls.type !== "ClassBody") cls = ctx.parents.get(cls);
    if (!cls) return { kind: "unknown", why: `\`this.${prop}\` is used outside a class` };
    for (const m of cls.body) {
      if ((m.type === "ClassProperty" || m.type === "PropertyDefinition") && !m.static && !m.computed && m.key.name === prop && m.value) {
        return classify(m, "value", `\`this.${prop}\``);
      }
    }
    const assigns = [];
    const visit = (n) => {
      if (n.type === "AssignmentExpression" && n.operator === "=" && n.left.type === "MemberExpression" && n.left.object.type === "ThisExpression" && memberName(n.left) === prop) assigns.push(n);
      for (const key of Object.keys(n)) {
        if (key === "loc" || key === "comments" || key === "leadingComments" || key === "trailingComments" || key === "original") continue;
        const v = n[key];
        if (Array.isArray(v)) {
          for (const c of v) if (c && typeof c.type === "string") visit(c);
        } else if (v && typeof v.type === "string") visit(v);
      }
    };
    visit(cls);
    if (assigns.length === 1) return classify(assigns[0], "right", `\`this.${prop}\``);
    return { kind: "unknown", why: assigns.length ? `\`this.${prop}\` is assigned more than once` : `\`this.${prop}\` is not assigned in its class` };
  }
  return { kind: "unknown", why: "the receiver is an expression" };
}
function widenAnnotation(ctx, c, from) {
  let annotated;
  if (c.holder.type === "VariableDeclarator") annotated = c.holder.id;
  else if (c.holder.type === "ClassProperty" || c.holder.type === "PropertyDefinition") annotated = c.holder;
  else if (c.holder.type === "AssignmentExpression") {
    const prop = memberName(c.holder.left);
    let cls = ctx.parents.get(from);
    while (cls && cls.type !== "ClassBody") cls = ctx.parents.get(cls);
    annotated = cls?.body?.find((m) => (m.type === "ClassProperty" || m.type === "PropertyDefinition") && !m.static && m.key?.name === prop);
  }
  const ann = annotated?.typeAnnotation;
  if (!ann || ann.type !== "TSTypeAnnotation") return;
  const t = ann.typeAnnotation;
  if (t.type === "TSTypeReference" && isIdent(t.typeName, "Typed")) return;
  ann.typeAnnotation = b.tsTypeReference(b.identifier("Typed"), b.tsTypeParameterInstantiation([t]));
  ctx.compat.add("Typed");
}
function wrapCreation(ctx, receiver, call, names) {
  if (isTypedCall(receiver)) return { at: "typed" };
  const c = findCreation(ctx, receiver, call, names);
  if (c.kind === "typed") return { at: "typed" };
  if (c.kind === "unknown") return { at: "call-site", why: c.why };
  const init = c.holder[c.key];
  if (!ctx.wrapped.has(init)) {
    c.holder[c.key] = wrapWithTyped(ctx, init, names);
    widenAnnotation(ctx, c, call);
  }
  return { at: "creation" };
}
function wrapWithTyped(ctx, init, names) {
  const args = [init];
  const app = ctx.plan.app && isAppFactory(init, names) ? ctx.plan.app : void 0;
  if (app) {
    args.push(ctx.parseExpression(app.optionsSource));
    for (const name of app.uses) ctx.specIdentifiers.add(name);
  } else if (ctx.plan.validation === "report") {
    args.push(ctx.parseExpression(`{ validation: 'report' }`));
  }
  const wrapped = b.callExpression(b.identifier("typed"), args);
  ctx.wrapped.add(wrapped);
  ctx.changed = true;
  ctx.compat.add("typed");
  return wrapped;
}
function isAppFactory(n, names) {
  if (!n || n.type !== "CallExpression" || n.arguments.length > 0) return false;
  return n.callee.type === "Identifier" && names.express.has(n.callee.name) || isRequireOf(n.callee, "express");
}
function report(ctx, plan, r) {
  const rec = { file: ctx.plan.file, line: plan.at.line, method: plan.method, path: plan.fullPath, ...r };
  ctx.reports.push(rec);
  return rec;
}
function skipRoute(ctx, site, why) {
  if (site.stmt && addTodo(site.stmt, "MA001", why)) ctx.changed = true;
  report(ctx, site.plan, { status: "skipped", rule: "MA001", reason: why });
  ctx.diagnostics.push({
    code: "unsupported",
    severity: "warning",
    rule: "MA001",
    message: `route left unchanged: ${why}`,
    at: { file: ctx.plan.file, line: site.plan.at.line, col: site.plan.at.col },
    route: `${site.plan.method.toUpperCase()} ${site.plan.fullPath ?? "?"}`
  });
}
function rewriteRoute(ctx, site, names) {
  const { plan, call } = site;
  const args = call.arguments;
  if (args.length >= 2 && args[1].type === "ObjectExpression") {
    const handler2 = args[args.length - 1];
    const kind = handler2.type === "CallExpression" && isIdent(handler2.callee, "legacy") ? "legacy handler" : "typed handler";
    report(ctx, plan, { status: "unchanged", reason: `already migrated (${kind})` });
    return;
  }
  if (!ctx.enabled("MA001")) {
    report(ctx, plan, { status: "unchanged", reason: "MA001 disabled" });
    return;
  }
  if (args.length < 2) return skipRoute(ctx, site, "the route has no handler");
  if (args.some((a) => a.type === "SpreadElement")) return skipRoute(ctx, site, "spread arguments");
  const path = args[0];
  if (path.type === "RegExpLiteral" || path.type === "ArrayExpression" || path.type === "Literal" && path.regex) {
    return skipRoute(ctx, site, "the path is a regular expression or an array; typed routes need a string path");
  }
  const handler = args[args.length - 1];
  if (handler.type === "ArrayExpression") return skipRoute(ctx, site, "the handler is an array of functions");
  if (!/^(ArrowFunctionExpression|FunctionExpression|Identifier|MemberExpression|CallExpression|TSAsExpression)$/.test(handler.type)) {
    return skipRoute(ctx, site, `the handler is a ${handler.type}`);
  }
  const checked = readSpec(plan.specSource);
  if ("error" in checked) {
    ctx.diagnostics.push({ code: "unsupported", severity: "error", rule: "MA001", message: checked.error, at: { file: ctx.plan.file, line: plan.at.line } });
    return skipRoute(ctx, site, "the spec could not be built");
  }
  const receiver = call.callee.object;
  const wrap = wrapCreation(ctx, receiver, call, names);
  const spec = wrap.at === "call-site" && ctx.plan.validation === "report" ? readSpec(plan.specSource, [`validation: 'report'`]) : checked;
  if (wrap.at === "call-site") {
    call.callee.object = b.callExpression(b.identifier("typed"), [receiver]);
    ctx.compat.add("typed");
  }
  for (const id of spec.identifiers) ctx.specIdentifiers.add(id);
  const specNode = ctx.parseExpression(spec.source);
  if (ctx.aliases.size) {
    walk(specNode, (n, parent) => {
      if (n.type === "Identifier" && ctx.aliases.has(n.name) && isReference(n, parent ?? void 0)) n.name = ctx.aliases.get(n.name);
    });
  }
  args.splice(1, 0, specNode);
  ctx.changed = true;
  let typed = { ok: false, why: "MA003 disabled" };
  if (!plan.documented) typed = { ok: false, why: "undocumented" };
  else if (ctx.enabled("MA003")) typed = rewriteTypedHandler(ctx, handler, spec.values);
  if (!typed.ok) {
    if (!(handler.type === "CallExpression" && isIdent(handler.callee, "legacy"))) {
      const wrapped = b.callExpression(b.identifier("legacy"), [handler]);
      if (handler.comments?.length) {
        wrapped.comments = handler.comments;
        handler.comments = [];
      }
      args[args.length - 1] = wrapped;
    }
    ctx.compat.add("legacy");
  }
  if (plan.docComment && ctx.enabled("MA002")) ctx.docRanges.push({ ...plan.docComment, specSource: plan.specSource });
  const where = wrap.at === "call-site" ? `router wrapped at the call site (${wrap.why})` : void 0;
  const reasons = [where, !typed.ok && plan.documented && typed.why !== "MA003 disabled" ? `legacy handler: ${typed.why}` : void 0].filter(Boolean);
  report(ctx, plan, {
    status: typed.ok ? "typed" : plan.documented ? "legacy" : "undocumented",
    rule: typed.ok ? "MA003" : "MA001",
    ...reasons.length ? { reason: reasons.join("; ") } : {}
  });
}
function routeChain(call) {
  const calls = [];
  let cur = call;
  while (cur.type === "CallExpression" && VERBS.has(memberName(cur.callee) ?? "")) {
    calls.unshift(cur);
    cur = cur.callee.object;
  }
  if (cur.type !== "CallExpression" || memberName(cur.callee) !== "route" || cur.arguments.length !== 1 || calls.length === 0) return null;
  return { receiver: cur.callee.object, path: cur.arguments[0], calls };
}
export {
  expressNames,
  isAppFactory,
  isRequireOf,
  isRouterFactory,
  isTypedCall,
  rewriteRoute,
  routeChain,
  skipRoute,
  wrapWithTyped
};
