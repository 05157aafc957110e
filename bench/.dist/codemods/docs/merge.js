import { isDeepStrictEqual } from "node:util";
import { emptyDocsModel } from "../model.js";
import { isObject, refSites } from "./context.js";
import { SCHEMA_REF_PREFIX } from "./normalize-schema.js";
import { bodyFromParameters, isPending } from "./operation.js";
import { splitPointer } from "./yaml-source.js";
function mergeDocs(models) {
  const model = combine(models);
  resolvePending(model);
  checkSchemaRefs(model);
  return model;
}
function combine(models) {
  if (models.length === 1) return dedupeOperations(models[0]);
  const out = emptyDocsModel();
  for (const m of models) {
    out.diagnostics.push(...m.diagnostics);
    out.operations.push(...m.operations);
    for (const [name, schema] of Object.entries(m.schemas)) {
      if (!(name in out.schemas)) {
        out.schemas[name] = schema;
        if (m.schemaSources[name]) out.schemaSources[name] = m.schemaSources[name];
      } else if (!isDeepStrictEqual(out.schemas[name], schema)) {
        out.diagnostics.push(conflict("schema", name, m.schemaSources[name], out.schemaSources[name]));
      }
    }
    for (const [name, scheme] of Object.entries(m.securitySchemes)) {
      if (!(name in out.securitySchemes)) out.securitySchemes[name] = scheme;
      else if (!isDeepStrictEqual(out.securitySchemes[name], scheme)) out.diagnostics.push(conflict("security scheme", name, void 0, void 0));
    }
    for (const tag of m.tags) {
      const seen = out.tags.find((t) => t.name === tag.name);
      if (!seen) out.tags.push({ ...tag });
      else if (!seen.description && tag.description) seen.description = tag.description;
    }
    if (!out.info && m.info) out.info = m.info;
    for (const [kind, entries] of Object.entries(m.components ?? {})) {
      const store = (out.components ??= {})[kind] ??= {};
      for (const [name, value] of Object.entries(entries)) {
        if (!(name in store)) store[name] = value;
        else if (!isDeepStrictEqual(store[name], value)) out.diagnostics.push(conflict(kind.replace(/s$/, ""), name, void 0, void 0));
      }
    }
  }
  return dedupeOperations(out);
}
function conflict(kind, name, at, first) {
  const where = first ? ` (first defined at ${first.file}:${first.line})` : "";
  return { code: "duplicate-schema", severity: "warning", message: `${kind} '${name}' is defined twice with different content${where}; the first is kept`, ...at ? { at } : {} };
}
function dedupeOperations(model) {
  const seen = /* @__PURE__ */ new Map();
  const kept = [];
  for (const op of model.operations) {
    if (op.style === "flasgger") {
      kept.push(op);
      continue;
    }
    const key = `${op.method} ${op.path}`;
    const first = seen.get(key);
    if (first) {
      model.diagnostics.push({
        code: "duplicate-operation",
        severity: "warning",
        message: `${op.method.toUpperCase()} ${op.path} is documented twice (first at ${first.at.file}:${first.at.line}); this one is ignored`,
        at: op.at,
        route: `${op.method.toUpperCase()} ${op.path}`
      });
      continue;
    }
    seen.set(key, op);
    kept.push(op);
  }
  model.operations = kept;
  return model;
}
function missing(model, ref, fallback, what = "points to nothing") {
  const site = refSites.get(ref);
  model.diagnostics.push({
    code: "ref-missing",
    severity: "error",
    message: `$ref '${String(ref.$ref)}' ${what}`,
    ...site?.at ?? fallback ? { at: site?.at ?? fallback } : {},
    pointer: site?.pointer ?? String(ref.$ref)
  });
}
function lookup(model, ref) {
  const [, kind, name] = splitPointer(ref.slice(1));
  let value = model.components?.[kind]?.[name];
  for (let hops = 0; isPending(value) && hops < 20; hops++) value = lookup(model, value.$ref);
  return isPending(value) ? void 0 : value;
}
function resolveResponse(model, r, at) {
  const res = isPending(r) ? lookup(model, r.$ref) : r;
  if (!res) {
    missing(model, r, at);
    return void 0;
  }
  if (res.headers && Object.values(res.headers).some(isPending)) {
    const headers = {};
    for (const [name, h] of Object.entries(res.headers)) {
      const header = isPending(h) ? lookup(model, h.$ref) : h;
      if (header) headers[name] = header;
      else missing(model, h, at);
    }
    return { ...res, headers };
  }
  return res;
}
function resolvePending(model) {
  for (const doc of model.operations) {
    const op = doc.operation;
    if (op.parameters?.some(isPending)) {
      const params = [];
      const bodies = [];
      for (const p of op.parameters) {
        const param = isPending(p) ? lookup(model, p.$ref) : p;
        if (!param) missing(model, p, doc.at);
        else if (param.in === "body" || param.in === "formData") bodies.push(param);
        else if (!params.some((q) => q.name === param.name && q.in === param.in)) params.push(param);
      }
      if (params.length) op.parameters = params;
      else delete op.parameters;
      if (bodies.length && !op.requestBody) {
        const body = bodyFromParameters(bodies, void 0);
        if (body) op.requestBody = body;
      }
    }
    if (op.requestBody && isPending(op.requestBody)) {
      const body = lookup(model, op.requestBody.$ref);
      if (!body) missing(model, op.requestBody, doc.at);
      if (body) op.requestBody = body;
      else delete op.requestBody;
    }
    if (op.responses) {
      for (const [code, r] of Object.entries(op.responses)) {
        const res = resolveResponse(model, r, doc.at);
        if (res) op.responses[code] = res;
        else delete op.responses[code];
      }
    }
  }
}
const VALUE_KEYWORDS = /* @__PURE__ */ new Set(["example", "examples", "default", "const", "enum"]);
const NAME_MAPS = /* @__PURE__ */ new Set(["properties", "patternProperties", "$defs", "dependentSchemas", "content", "responses", "headers", "parameters", "requestBodies"]);
function checkSchemaRefs(model) {
  const seen = /* @__PURE__ */ new Set();
  const visit = (node, fallback, names = false) => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, fallback);
      return;
    }
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === "string") {
      const ok = node.$ref.startsWith(SCHEMA_REF_PREFIX) && splitPointer(node.$ref.slice(1))[2] in model.schemas;
      if (!ok) {
        missing(model, node, fallback, "names no schema; treated as any value");
        delete node.$ref;
      }
    }
    for (const key in node) {
      if (names || !VALUE_KEYWORDS.has(key) && !key.startsWith("x-")) visit(node[key], fallback, NAME_MAPS.has(key) && !names);
    }
  };
  for (const [name, schema] of Object.entries(model.schemas)) visit(schema, model.schemaSources[name]);
  for (const op of model.operations) visit(op.operation, op.at);
  for (const entries of Object.values(model.components ?? {})) visit(entries, void 0);
}
export {
  combine,
  mergeDocs
};
