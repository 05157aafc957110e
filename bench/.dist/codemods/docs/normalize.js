import { emptyDocsModel } from "../model.js";
import { isObject, locate, missingRef, report, resolveRef, splitRef } from "./context.js";
import { mergeDocs } from "./merge.js";
import { normalizeSchema } from "./normalize-schema.js";
import { isPending, normalizeHeader, normalizeOperation, normalizeParameter, normalizeRequestBody, normalizeResponse, resolveComponent } from "./operation.js";
import { joinPointer } from "./yaml-source.js";
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PATH_ITEM_KEYS = /* @__PURE__ */ new Set(["$ref", "summary", "description", "servers", "parameters", ...HTTP_METHODS]);
function normalizeRaw(root, options) {
  const ctx = {
    root,
    style: options.style,
    load: options.load,
    fragment: options.fragment ?? false,
    model: emptyDocsModel(),
    hoisted: /* @__PURE__ */ new Map(),
    inlining: /* @__PURE__ */ new Set()
  };
  const doc = root.value;
  const file = root.file;
  if (!isObject(doc)) {
    report(ctx, { code: "unsupported", severity: "error", message: "the document is not an object", file, pointer: "" });
    return ctx.model;
  }
  const model = ctx.model;
  if (Array.isArray(doc.produces)) ctx.produces = doc.produces.map(String);
  if (Array.isArray(doc.consumes)) ctx.consumes = doc.consumes.map(String);
  if (isObject(doc.info)) {
    const { title, version, description } = doc.info;
    model.info = {
      ...typeof title === "string" ? { title } : {},
      ...version !== void 0 ? { version: String(version) } : {},
      ...typeof description === "string" ? { description } : {}
    };
  }
  if (Array.isArray(doc.tags)) {
    for (const t of doc.tags) {
      if (isObject(t) && typeof t.name === "string") {
        model.tags.push({ name: t.name, ...typeof t.description === "string" ? { description: t.description } : {} });
      }
    }
  }
  const components = isObject(doc.components) ? doc.components : {};
  readSchemas(ctx, components.schemas, "/components/schemas");
  readSchemas(ctx, doc.definitions, "/definitions");
  readSecuritySchemes(ctx, components.securitySchemes, "/components/securitySchemes");
  readSecuritySchemes(ctx, doc.securityDefinitions, "/securityDefinitions");
  readComponents(ctx, "parameters", doc.parameters, "/parameters");
  readComponents(ctx, "responses", doc.responses, "/responses");
  for (const kind of ["parameters", "requestBodies", "responses", "headers"]) {
    readComponents(ctx, kind, components[kind], `/components/${kind}`);
  }
  if (doc.paths !== void 0 && !isObject(doc.paths)) {
    report(ctx, { code: "unsupported", severity: "error", message: "`paths` must be an object", file, pointer: "/paths" });
  }
  for (const [path, rawItem] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (path.startsWith("x-")) continue;
    let item = { value: rawItem, file, pointer: joinPointer("/paths", path) };
    if (isObject(rawItem) && typeof rawItem.$ref === "string") {
      const target = resolveRef(ctx, rawItem.$ref, file);
      if (!target || !isObject(target.value)) {
        report(ctx, { code: "ref-missing", severity: "error", message: missingRef(rawItem.$ref), file, pointer: joinPointer(item.pointer, "$ref") });
        continue;
      }
      item = target;
    }
    if (!isObject(item.value)) {
      report(ctx, { code: "unsupported", severity: "error", message: `path item '${path}' must be an object`, file: item.file, pointer: item.pointer });
      continue;
    }
    const pathItem = item.value;
    const shared = Array.isArray(pathItem.parameters) ? pathItem.parameters.map((p, i) => ({ raw: p, file: item.file, ptr: joinPointer(item.pointer, "parameters", i) })) : [];
    for (const [key, raw] of Object.entries(pathItem)) {
      const ptr = joinPointer(item.pointer, key);
      if (!PATH_ITEM_KEYS.has(key) && !key.startsWith("x-")) {
        report(ctx, { code: "unknown-keyword", severity: "warning", message: `\`${key}\` is not an HTTP method or path item keyword; ignored`, file: item.file, pointer: ptr });
        continue;
      }
      if (!HTTP_METHODS.includes(key)) continue;
      if (!isObject(raw)) {
        report(ctx, { code: "unsupported", severity: "error", message: `operation ${key.toUpperCase()} ${path} must be an object`, file: item.file, pointer: ptr });
        continue;
      }
      const operation = normalizeOperation({ raw, file: item.file, ptr, shared, globalSecurity: doc.security }, ctx);
      const at = options.operationAt?.(path, key, ptr) ?? locate(ctx, item.file, ptr) ?? { file: item.file, line: 1 };
      const op = { method: key, path, operation, style: ctx.style, at };
      model.operations.push(op);
    }
  }
  return model;
}
function readSchemas(ctx, raw, base) {
  if (!isObject(raw)) return;
  const file = ctx.root.file;
  for (const [name, schema] of Object.entries(raw)) {
    const ptr = joinPointer(base, name);
    if (name in ctx.model.schemas) {
      report(ctx, { code: "duplicate-schema", severity: "warning", message: `schema '${name}' is defined twice (definitions and components); the first is kept`, file, pointer: ptr });
      continue;
    }
    if (isObject(schema) && Object.keys(schema).length === 1 && typeof schema.$ref === "string" && splitRef(schema.$ref).filePart) {
      const target = resolveRef(ctx, schema.$ref, file);
      if (target) {
        ctx.hoisted.set(`${target.file}#${target.pointer}`, name);
        ctx.model.schemas[name] = {};
        ctx.model.schemaSources[name] = locate(ctx, target.file, target.pointer) ?? { file: target.file, line: 1 };
        ctx.model.schemas[name] = normalizeSchema(target.value, target.file, target.pointer, ctx);
        continue;
      }
    }
    ctx.model.schemaSources[name] = locate(ctx, file, ptr) ?? { file, line: 1 };
    ctx.model.schemas[name] = normalizeSchema(schema, file, ptr, ctx);
  }
}
function readComponents(ctx, kind, raw, base) {
  if (!isObject(raw)) return;
  const file = ctx.root.file;
  const store = (ctx.model.components ??= {})[kind] ??= {};
  for (const [name, value] of Object.entries(raw)) {
    const ptr = joinPointer(base, name);
    let out;
    if (kind === "parameters") {
      const target = isObject(value) ? resolveComponent("parameters", value, file, ptr, ctx) : void 0;
      out = target && !isPending(target) ? normalizeParameter(target.value, target.file, target.pointer, ctx) : target;
    } else if (kind === "responses") {
      out = normalizeResponse(value, file, ptr, ctx, ctx.produces ?? ["application/json"]);
    } else if (kind === "requestBodies") {
      out = normalizeRequestBody(value, file, ptr, ctx);
    } else {
      out = normalizeHeader(value, file, ptr, ctx);
    }
    if (out !== void 0) store[name] = out;
  }
}
function readSecuritySchemes(ctx, raw, base) {
  if (!isObject(raw)) return;
  const flowNames = { implicit: "implicit", password: "password", application: "clientCredentials", accessCode: "authorizationCode" };
  for (const [name, scheme] of Object.entries(raw)) {
    if (!isObject(scheme)) {
      report(ctx, { code: "unsupported", severity: "warning", message: `security scheme '${name}' must be an object`, file: ctx.root.file, pointer: joinPointer(base, name) });
      continue;
    }
    let out = scheme;
    if (scheme.type === "basic") {
      out = { type: "http", scheme: "basic", ...scheme.description ? { description: scheme.description } : {} };
    } else if (scheme.type === "oauth2" && typeof scheme.flow === "string") {
      const { flow, authorizationUrl, tokenUrl, scopes, ...rest } = scheme;
      out = { ...rest, flows: { [flowNames[flow] ?? flow]: { ...authorizationUrl ? { authorizationUrl } : {}, ...tokenUrl ? { tokenUrl } : {}, scopes: scopes ?? {} } } };
    }
    ctx.model.securitySchemes[name] = out;
  }
}
function normalizeDocument(doc, source) {
  const root = {
    file: source.file,
    value: doc,
    locate: (pointer) => ({ file: source.file, line: nearestLine(source.lineOf, pointer) ?? 1 })
  };
  return mergeDocs([normalizeRaw(root, { style: "spec-file" })]);
}
function nearestLine(lineOf, pointer) {
  if (!lineOf) return void 0;
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const line = lineOf(p);
    if (line !== void 0 || p === "") return line;
  }
}
export {
  HTTP_METHODS,
  normalizeDocument,
  normalizeRaw
};
