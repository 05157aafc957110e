import { VISITOR_KEYS } from "@babel/types";
import { emptyDocsModel } from "../model.js";
import { flasggerParts, isDocComment, unwrapComment, yamlText } from "./comments.js";
import { isObject } from "./context.js";
import { commentRange, hasOpenapiTag } from "./jsdoc.js";
import { normalizeRaw } from "./normalize.js";
import { toOpenapiPath } from "./route-path.js";
import { joinPointer, parseYaml } from "./yaml-source.js";
const VERBS = /* @__PURE__ */ new Set(["get", "post", "put", "patch", "delete", "del", "head", "options", "all"]);
function verbOf(callee) {
  if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") return void 0;
  const p = callee.property;
  const name = !callee.computed && p.type === "Identifier" ? p.name : p.type === "StringLiteral" ? p.value : void 0;
  return name && VERBS.has(name) ? name === "del" ? "delete" : name : void 0;
}
function literalPath(node, code) {
  if (!node) return void 0;
  if (node.type === "StringLiteral") return { path: node.value, dynamic: false };
  if (node.type === "TemplateLiteral") {
    if (!node.expressions.length) return { path: node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(""), dynamic: false };
    return { path: code.slice((node.start ?? 0) + 1, (node.end ?? 0) - 1), dynamic: true };
  }
  return void 0;
}
function routeCall(expr, code, file) {
  if (expr.type !== "CallExpression") return void 0;
  const at = { file, line: expr.loc?.start.line ?? 1, col: (expr.loc?.start.column ?? 0) + 1 };
  const verbs = [];
  let call = expr;
  while (call.type === "CallExpression" && call.callee.type === "MemberExpression") {
    const verb = verbOf(call.callee);
    const object = call.callee.object;
    if (verb && object.type === "CallExpression" && object.callee.type === "MemberExpression" && (verbOf(object.callee) || object.callee.property.type === "Identifier" && object.callee.property.name === "route")) {
      verbs.unshift(verb);
      call = object;
      continue;
    }
    if (call.callee.property.type === "Identifier" && call.callee.property.name === "route" && verbs.length) {
      const path = literalPath(call.arguments[0], code);
      return path ? { method: verbs[0], ...path, at, extraVerbs: verbs.slice(1) } : void 0;
    }
    if (verb && !verbs.length && call.arguments.length >= 2) {
      const path = literalPath(call.arguments[0], code);
      return path ? { method: verb, ...path, at, extraVerbs: [] } : void 0;
    }
    return void 0;
  }
  return void 0;
}
function readFlasggerBlocks(ast, code, file, load) {
  const models = [];
  const used = /* @__PURE__ */ new Set();
  const visit = (node) => {
    if (node.type === "ExpressionStatement" && node.leadingComments?.length) {
      const route = routeCall(node.expression, code, file);
      const comment = route && [...node.leadingComments].reverse().find((c) => isDocComment(c) && !hasOpenapiTag(c));
      if (route && comment) {
        const model = readBlock(comment, route, file, load);
        if (model) {
          used.add(comment);
          models.push(model);
        }
      }
    }
    for (const key of VISITOR_KEYS[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === "object" && typeof c.type === "string") visit(c);
      } else if (child && typeof child === "object" && typeof child.type === "string") {
        visit(child);
      }
    }
  };
  visit(ast.program);
  for (const c of ast.comments ?? []) {
    if (used.has(c) || !isDocComment(c) || !c.value.includes("---") || hasOpenapiTag(c)) continue;
    if (!flasggerParts(unwrapComment(c))) continue;
    const orphan = emptyDocsModel();
    orphan.diagnostics.push({
      code: "orphan-doc",
      severity: "warning",
      message: "a `---` doc block with no route call right under it; it documents nothing",
      at: { file, line: c.loc?.start.line ?? 1, col: (c.loc?.start.column ?? 0) + 1 }
    });
    models.push(orphan);
  }
  return models;
}
function readBlock(comment, route, file, load) {
  const parts = flasggerParts(unwrapComment(comment));
  if (!parts) return void 0;
  const commentAt = { file, line: comment.loc?.start.line ?? 1, col: (comment.loc?.start.column ?? 0) + 1 };
  const { text, map } = yamlText(parts.yaml);
  const yaml = parseYaml(text, file, map);
  if (yaml.diagnostics.length) return { ...emptyDocsModel(), diagnostics: yaml.diagnostics };
  if (!isObject(yaml.value)) {
    return { ...emptyDocsModel(), diagnostics: [{ code: "unsupported", severity: "error", message: "the YAML after `---` must be a mapping", at: yaml.locate("") }] };
  }
  const { path, optional, regex } = toOpenapiPath(route.path);
  const { definitions, components, ...operation } = yaml.value;
  if (parts.summary && operation.summary === void 0) operation.summary = parts.summary;
  if (parts.description && operation.description === void 0) operation.description = parts.description;
  const opPointer = joinPointer("/paths", path, route.method);
  const doc = { ...definitions ? { definitions } : {}, ...components ? { components } : {}, paths: { [path]: { [route.method]: operation } } };
  const root = {
    file,
    value: doc,
    locate: (pointer) => yaml.locate(pointer.startsWith(opPointer) ? pointer.slice(opPointer.length) : pointer)
  };
  const model = normalizeRaw(root, { style: "flasgger", fragment: true, load, operationAt: () => commentAt });
  const routeName = `${route.method.toUpperCase()} ${route.path}`;
  for (const op of model.operations) {
    op.comment = commentRange(comment);
    op.routeAt = route.at;
  }
  if (route.dynamic) {
    model.diagnostics.push({ code: "dynamic-route", severity: "info", message: "the route path is computed; its documented path is resolved through routeAt by the scan", at: route.at, route: routeName });
  }
  if (optional.length) {
    model.diagnostics.push({ code: "optional-param", severity: "info", message: `optional path parameter(s) ${optional.join(", ")} documented as {${optional.join("}, {")}}: OpenAPI path parameters are always required`, at: route.at, route: routeName });
  }
  if (regex.length) {
    model.diagnostics.push({ code: "regex-param", severity: "info", message: `regex constraint on ${regex.join(", ")} dropped from the documented path`, at: route.at, route: routeName });
  }
  if (route.extraVerbs.length) {
    model.diagnostics.push({ code: "unsupported", severity: "warning", message: `one doc block above a route chain with ${[route.method, ...route.extraVerbs].join(", ")}: it documents ${route.method.toUpperCase()} only`, at: commentAt, route: routeName });
  }
  return model;
}
export {
  readFlasggerBlocks,
  routeCall
};
