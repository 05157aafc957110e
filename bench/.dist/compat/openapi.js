import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { routeTableOf } from "./route.js";
import { appOptionsOf } from "./options.js";
import { joinPaths, toOpenApiPaths } from "./express-path.js";
import { mergeLegacyDocs } from "./openapi-legacy.js";
const METHODS_IN_DOC = /* @__PURE__ */ new Set(["get", "post", "put", "patch", "delete", "head", "options"]);
function collectRoutes(target, prefix = "", stack = []) {
  const table = routeTableOf(target);
  if (!table || stack.includes(target)) return [];
  const inner = [...stack, target];
  return [
    ...table.routes.map((route) => ({ route, fullPath: joinPaths(prefix, route.path) })),
    ...table.mounts.flatMap((m) => collectRoutes(m.child, joinPaths(prefix, m.prefix), inner))
  ];
}
function shapeOf(schema) {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === "object") return def.shape;
    s = def.type === "pipe" ? def.in : def.innerType;
  }
  return void 0;
}
function isOptionalInput(schema) {
  return schema._zod.optin !== void 0;
}
function isStringBool(schema) {
  let s = schema;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === "pipe") return def.in?._zod.def.type === "string" && def.out?._zod.def.type === "boolean";
    s = def.innerType;
  }
  return false;
}
function stripNull(schema) {
  if (!schema || typeof schema !== "object" || "$ref" in schema) return;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    schema.type = types.length === 1 ? types[0] : types;
  }
  for (const key of ["anyOf", "oneOf"]) {
    if (!Array.isArray(schema[key])) continue;
    schema[key] = schema[key].filter((s) => !(s && s.type === "null"));
    if (schema[key].length === 1) {
      Object.assign(schema, schema[key][0]);
      delete schema[key];
    }
  }
  if (Array.isArray(schema.enum)) schema.enum = schema.enum.filter((v) => v !== null);
  stripNull(schema.items);
}
function defaultDescription(status) {
  const n = Number(status);
  if (n >= 200 && n < 300) return "Successful response";
  if (n >= 300 && n < 400) return "Redirect";
  if (n === 404) return "Not found";
  if (n === 422) return "Validation error";
  if (n >= 400 && n < 500) return "Client error";
  if (n >= 500) return "Server error";
  return "Response";
}
function isZod(x) {
  return typeof x === "object" && x !== null && "_zod" in x;
}
function responsesOf(spec, validated) {
  const out = {};
  for (const [status, entry] of Object.entries(spec.responses ?? {})) {
    const r = isZod(entry) ? { schema: entry } : entry;
    const config = { description: r.description ?? defaultDescription(status) };
    if (r.schema) config.content = { "application/json": { schema: r.schema } };
    if (r.headers && Object.keys(r.headers).length) config.headers = z.object(r.headers);
    out[status] = config;
  }
  if (Object.keys(out).length === 0) {
    const status = String(spec.status ?? 200);
    out[status] = { description: defaultDescription(status) };
  }
  if (validated && !out["422"]) {
    out["422"] = {
      description: "Validation error",
      content: { "application/json": { schema: HTTPValidationError } }
    };
  }
  return out;
}
const ValidationErrorItem = z.object({
  loc: z.array(z.union([z.string(), z.number().int()])),
  msg: z.string(),
  type: z.string()
}).meta({ id: "ValidationError" });
const HTTPValidationError = z.object({ detail: z.array(ValidationErrorItem) }).meta({ id: "HTTPValidationError" });
function effectiveMode(route, info) {
  const env = process.env.MIGRATE_API_VALIDATION;
  if (env === "enforce" || env === "report" || env === "off") return env;
  return route.spec.validation ?? route.router.validation ?? info.validation ?? "enforce";
}
function dedupe(xs) {
  return [...new Set(xs)];
}
function defaultOperationId(method, path) {
  const words = path.split("/").filter(Boolean).map((seg) => seg.startsWith("{") ? `by ${seg.slice(1, -1)}` : seg).join(" ").split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + (words.length ? words.map((w) => w[0].toUpperCase() + w.slice(1)).join("") : "Root");
}
function plan(collected, info) {
  const out = [];
  const taken = /* @__PURE__ */ new Set();
  const operationIds = /* @__PURE__ */ new Set();
  for (const { route, fullPath } of collected) {
    if (!METHODS_IN_DOC.has(route.method)) continue;
    const spec = route.spec;
    const router = route.router ?? {};
    const hasInput = Boolean(spec.params || spec.query || spec.headers || spec.cookies || spec.body);
    const validated = hasInput && effectiveMode(route, info) === "enforce";
    for (const variant of toOpenApiPaths(fullPath)) {
      const key = `${route.method} ${variant.path}`;
      if (taken.has(key)) continue;
      taken.add(key);
      let operationId = spec.operationId ?? defaultOperationId(route.method, variant.path);
      for (let n = 2; operationIds.has(operationId); n++) operationId = `${spec.operationId ?? defaultOperationId(route.method, variant.path)}_${n}`;
      operationIds.add(operationId);
      const tags = dedupe([...router.tags ?? [], ...spec.tags ?? []]);
      const security = spec.security ?? router.security;
      const request = {};
      const shapeParams = shapeOf(spec.params);
      if (shapeParams) {
        const keep = Object.fromEntries(Object.entries(shapeParams).filter(([k]) => variant.params.some((p) => p.name === k)));
        if (Object.keys(keep).length) request.params = z.object(keep);
      }
      if (spec.query && shapeOf(spec.query)) request.query = spec.query;
      if (spec.headers && shapeOf(spec.headers)) request.headers = spec.headers;
      if (spec.cookies && shapeOf(spec.cookies)) request.cookies = spec.cookies;
      if (spec.body) {
        request.body = { required: !isOptionalInput(spec.body), content: { "application/json": { schema: spec.body } } };
      }
      const config = {
        method: route.method,
        path: variant.path,
        operationId,
        responses: responsesOf(spec, validated)
      };
      if (Object.keys(request).length) config.request = request;
      if (spec.summary) config.summary = spec.summary;
      if (spec.description) config.description = spec.description;
      if (tags.length) config.tags = tags;
      if (spec.deprecated) config.deprecated = true;
      if (security) config.security = security;
      for (const [k, v] of Object.entries(spec)) if (k.startsWith("x-")) config[k] = v;
      out.push({ method: route.method, path: variant.path, pathParams: variant.params, route, config });
    }
  }
  return out;
}
function fixParameters(op, p) {
  const params = Array.isArray(op.parameters) ? op.parameters : [];
  const shapes = {
    path: shapeOf(p.route.spec.params),
    query: shapeOf(p.route.spec.query),
    header: shapeOf(p.route.spec.headers),
    cookie: shapeOf(p.route.spec.cookies)
  };
  for (const param of params) {
    if ("$ref" in param) continue;
    const field = shapes[param.in]?.[param.name];
    stripNull(param.schema);
    if (field && isStringBool(field)) {
      const { type: _t, format: _f, pattern: _p, ...rest } = param.schema ?? {};
      param.schema = { ...rest, type: "boolean" };
    }
    if (param.in === "path") param.required = true;
    else if (field) param.required = !isOptionalInput(field);
  }
  for (const pp of p.pathParams) {
    if (params.some((x) => x.in === "path" && x.name === pp.name)) continue;
    const schema = { type: "string" };
    if (pp.pattern) schema.pattern = `^(?:${pp.pattern})$`;
    params.push({ name: pp.name, in: "path", required: true, schema });
  }
  const order = (x) => x.in === "path" ? p.pathParams.findIndex((pp) => pp.name === x.name) : p.pathParams.length;
  params.sort((a, b) => order(a) - order(b));
  if (params.length) op.parameters = params;
}
function generate(planned, info) {
  const registry = new OpenAPIRegistry();
  for (const p of planned) registry.registerPath(p.config);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: info.title ?? "API",
      version: info.version ?? "1.0.0",
      ...info.description ? { description: info.description } : {}
    },
    ...info.servers ? { servers: info.servers } : {}
  });
}
function renders(config, info) {
  try {
    generate([{ config }], info);
    return void 0;
  } catch (err) {
    return err.message;
  }
}
function degrade(p, info, problems) {
  const where = `${p.method.toUpperCase()} ${p.path}`;
  const base = { method: p.config.method, path: p.config.path, responses: { 200: { description: "probe" } } };
  const config = { ...p.config, responses: { ...p.config.responses } };
  const request = { ...config.request ?? {} };
  for (const key of ["params", "query", "headers", "cookies"]) {
    if (!request[key]) continue;
    const msg = renders({ ...base, request: { [key]: request[key] } }, info);
    if (msg) {
      delete request[key];
      problems.push(`${where} ${key}: ${msg}`);
    }
  }
  const bodySchema = request.body?.content["application/json"]?.schema;
  if (request.body && bodySchema) {
    const msg = renders({ ...base, request: { body: request.body } }, info);
    if (msg) {
      request.body = { ...request.body, content: { "application/json": { schema: {} } } };
      problems.push(`${where} body: ${msg}`);
    }
  }
  config.request = request;
  for (const [status, r] of Object.entries(config.responses)) {
    const msg = renders({ ...base, responses: { [status]: r } }, info);
    if (!msg) continue;
    const { headers: _h, content: _c, ...rest } = r;
    config.responses[status] = { ...rest, content: { "application/json": { schema: {} } } };
    problems.push(`${where} responses.${status}: ${msg}`);
  }
  return { ...p, config };
}
function generateSafely(planned, info) {
  try {
    return { doc: generate(planned, info), problems: [] };
  } catch {
    const problems = [];
    const fixed = planned.map((p) => renders(p.config, info) ? degrade(p, info, problems) : p);
    for (const msg of problems) console.warn(`migrate-api: schema left out of the OpenAPI document: ${msg}`);
    return { doc: generate(fixed, info), problems };
  }
}
function buildOpenApiDocumentUncached(app, info = {}) {
  const planned = plan(collectRoutes(app), info);
  const { doc, problems } = generateSafely(planned, info);
  const paths = doc.paths ??= {};
  for (const p of planned) {
    const op = paths[p.path]?.[p.method];
    if (op) fixParameters(op, p);
  }
  const components = doc.components ??= {};
  if (info.securitySchemes) components.securitySchemes = { ...info.securitySchemes, ...components.securitySchemes };
  if (doc.webhooks && Object.keys(doc.webhooks).length === 0) delete doc.webhooks;
  if (info.legacyDocs) mergeLegacyDocs(doc, info.legacyDocs);
  const tags = collectTags(doc);
  if (tags.length) doc.tags = tags;
  for (const [section, entries] of Object.entries(components)) if (entries && Object.keys(entries).length === 0) delete components[section];
  if (Object.keys(components).length === 0) delete doc.components;
  if (problems.length) doc["x-migrate-api-unrendered"] = problems;
  return doc;
}
function collectTags(doc) {
  const declared = Array.isArray(doc.tags) ? doc.tags : [];
  const names = new Set(declared.map((t) => t.name));
  const out = [...declared];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS_IN_DOC.has(method) || !Array.isArray(op?.tags)) continue;
      for (const t of op.tags) if (!names.has(t)) {
        names.add(t);
        out.push({ name: t });
      }
    }
  }
  return out;
}
function signature(target, stack = []) {
  const table = routeTableOf(target);
  if (!table || stack.includes(target)) return "";
  const inner = [...stack, target];
  return `${table.routes.length}.${table.mounts.length}[${table.mounts.map((m) => signature(m.child, inner)).join(",")}]`;
}
const cache = /* @__PURE__ */ new WeakMap();
function buildOpenApiDocument(app, info = appOptionsOf(app) ?? {}) {
  const sig = signature(app);
  const hit = cache.get(app);
  if (hit && hit.info === info && hit.signature === sig) return hit.doc;
  const doc = buildOpenApiDocumentUncached(app, info);
  cache.set(app, { info, signature: sig, doc });
  return doc;
}
export {
  buildOpenApiDocument,
  buildOpenApiDocumentUncached,
  collectRoutes
};
