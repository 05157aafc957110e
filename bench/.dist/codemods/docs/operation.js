import { isObject, missingRef, refSite, refSites, report, resolveRef, splitRef } from "./context.js";
import { normalizeSchema } from "./normalize-schema.js";
import { joinPointer } from "./yaml-source.js";
const isPending = (v) => isObject(v) && typeof v.$ref === "string";
const LOCATIONS = /* @__PURE__ */ new Set(["path", "query", "header", "cookie", "body", "formData"]);
const V2_SCHEMA_KEYS = [
  "type",
  "format",
  "items",
  "enum",
  "default",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "multipleOf",
  "x-nullable"
];
const PARAM_KEYS = /* @__PURE__ */ new Set([
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "allowEmptyValue",
  "style",
  "explode",
  "allowReserved",
  "schema",
  "example",
  "examples",
  "content",
  "collectionFormat",
  ...V2_SCHEMA_KEYS
]);
const OPERATION_KEYS = /* @__PURE__ */ new Set([
  "operationId",
  "summary",
  "description",
  "tags",
  "deprecated",
  "security",
  "parameters",
  "requestBody",
  "responses",
  "consumes",
  "produces",
  "schemes",
  "externalDocs",
  "callbacks",
  "servers"
]);
const RESPONSE_KEYS = /* @__PURE__ */ new Set(["description", "headers", "content", "links", "schema", "examples"]);
function resolveComponent(kind, raw, file, ptr, ctx) {
  let current = { value: raw, file, pointer: ptr };
  for (let hops = 0; isObject(current.value) && typeof current.value.$ref === "string"; hops++) {
    const ref = current.value.$ref;
    const next = hops < 20 ? resolveRef(ctx, ref, current.file) : void 0;
    if (!next) {
      const canonical = canonicalRef(kind, ref);
      if (ctx.fragment && canonical && !splitRef(ref).filePart) {
        const pending = { $ref: canonical };
        const at = joinPointer(current.pointer, "$ref");
        refSites.set(pending, refSite(ctx, current.file, at));
        return pending;
      }
      report(ctx, { code: "ref-missing", severity: "error", message: missingRef(ref), file: current.file, pointer: joinPointer(current.pointer, "$ref") });
      return void 0;
    }
    current = next;
  }
  return current;
}
function canonicalRef(kind, ref) {
  const { filePart, fragment } = splitRef(ref);
  if (filePart) return void 0;
  const m = /^\/(?:components\/)?(parameters|requestBodies|responses|headers)\/([^/]+)$/.exec(fragment);
  return m && m[1] === kind ? `#/components/${kind}/${m[2]}` : void 0;
}
function normalizeParameter(raw, file, ptr, ctx) {
  if (!isObject(raw)) {
    report(ctx, { code: "unknown-keyword", severity: "error", message: "a parameter must be an object; ignored", file, pointer: ptr });
    return void 0;
  }
  const where = raw.in;
  if (typeof where !== "string" || !LOCATIONS.has(where) || typeof raw.name !== "string") {
    report(ctx, { code: "unknown-keyword", severity: "error", message: `parameter needs a name and \`in\` one of path, query, header, cookie, body, formData (got in: ${JSON.stringify(where)}); ignored`, file, pointer: ptr });
    return void 0;
  }
  for (const key of Object.keys(raw)) {
    if (!PARAM_KEYS.has(key) && !key.startsWith("x-")) {
      report(ctx, { code: "unknown-keyword", severity: "warning", message: `unknown parameter keyword \`${key}\` ignored`, file, pointer: joinPointer(ptr, key) });
    }
  }
  const schema = parameterSchema(raw, file, ptr, ctx);
  if (where === "body" || where === "formData") {
    return {
      in: where,
      name: raw.name,
      ...typeof raw.required === "boolean" ? { required: raw.required } : {},
      ...typeof raw.description === "string" ? { description: raw.description } : {},
      schema
    };
  }
  const out = { name: raw.name, in: where };
  if (typeof raw.description === "string") out.description = raw.description;
  if (where === "path") out.required = true;
  else if (typeof raw.required === "boolean") out.required = raw.required;
  if (typeof raw.deprecated === "boolean") out.deprecated = raw.deprecated;
  if (typeof raw.style === "string") out.style = raw.style;
  if (typeof raw.explode === "boolean") out.explode = raw.explode;
  if (raw.schema === void 0 && raw.content === void 0 && raw.type === "array") Object.assign(out, collectionStyle(raw, where, file, ptr, ctx));
  out.schema = schema;
  if (raw.example !== void 0) out.example = raw.example;
  return out;
}
function parameterSchema(raw, file, ptr, ctx) {
  if (raw.schema !== void 0) return normalizeSchema(raw.schema, file, joinPointer(ptr, "schema"), ctx);
  if (isObject(raw.content)) {
    const [mediaType, media] = Object.entries(raw.content)[0] ?? [];
    if (mediaType && isObject(media) && media.schema !== void 0) {
      return normalizeSchema(media.schema, file, joinPointer(ptr, "content", mediaType, "schema"), ctx);
    }
    return {};
  }
  return v2Schema(raw, file, ptr, ctx);
}
function v2Schema(raw, file, ptr, ctx) {
  const picked = {};
  for (const key of V2_SCHEMA_KEYS) if (raw[key] !== void 0) picked[key] = raw[key];
  if (isObject(raw.items)) picked.items = v2Schema(raw.items, file, joinPointer(ptr, "items"), ctx);
  if (raw.allowEmptyValue === true && raw.type === "string" && raw.minLength === void 0) delete picked.minLength;
  return normalizeSchema(picked, file, ptr, ctx);
}
function collectionStyle(raw, where, file, ptr, ctx) {
  const format = typeof raw.collectionFormat === "string" ? raw.collectionFormat : "csv";
  if (where !== "query") return { style: "simple", explode: false };
  switch (format) {
    case "multi":
      return { style: "form", explode: true };
    case "ssv":
      return { style: "spaceDelimited", explode: false };
    case "pipes":
      return { style: "pipeDelimited", explode: false };
    case "csv":
      return { style: "form", explode: false };
    default:
      report(ctx, { code: "unsupported", severity: "warning", message: `collectionFormat '${format}' has no OpenAPI 3 style; read as csv`, file, pointer: joinPointer(ptr, "collectionFormat") });
      return { style: "form", explode: false };
  }
}
function normalizeContent(raw, file, ptr, ctx) {
  const out = {};
  if (!isObject(raw)) return out;
  for (const [mediaType, media] of Object.entries(raw)) {
    if (!isObject(media)) {
      out[mediaType] = {};
      continue;
    }
    const m = {};
    if (media.schema !== void 0) m.schema = normalizeSchema(media.schema, file, joinPointer(ptr, mediaType, "schema"), ctx);
    if (media.example !== void 0) m.example = media.example;
    if (isObject(media.examples)) m.examples = media.examples;
    out[mediaType] = m;
  }
  return out;
}
function normalizeRequestBody(raw, file, ptr, ctx) {
  if (!isObject(raw)) return void 0;
  const target = resolveComponent("requestBodies", raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const body = target.value;
  return {
    ...typeof body.description === "string" ? { description: body.description } : {},
    ...typeof body.required === "boolean" ? { required: body.required } : {},
    content: normalizeContent(body.content, target.file, joinPointer(target.pointer, "content"), ctx)
  };
}
function normalizeHeader(raw, file, ptr, ctx) {
  if (!isObject(raw)) return void 0;
  const target = resolveComponent("headers", raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const h = target.value;
  const out = {};
  if (typeof h.description === "string") out.description = h.description;
  if (typeof h.required === "boolean") out.required = h.required;
  out.schema = parameterSchema(h, target.file, target.pointer, ctx);
  return out;
}
function normalizeResponse(raw, file, ptr, ctx, produces) {
  if (!isObject(raw)) {
    report(ctx, { code: "unknown-keyword", severity: "warning", message: "a response must be an object; ignored", file, pointer: ptr });
    return void 0;
  }
  const target = resolveComponent("responses", raw, file, ptr, ctx);
  if (!target || isPending(target)) return target;
  const r = target.value;
  const at = target.pointer;
  for (const key of Object.keys(r)) {
    if (!RESPONSE_KEYS.has(key) && !key.startsWith("x-")) {
      report(ctx, { code: "unknown-keyword", severity: "warning", message: `unknown response keyword \`${key}\` ignored`, file: target.file, pointer: joinPointer(at, key) });
    }
  }
  const out = {};
  if (typeof r.description === "string") out.description = r.description;
  if (isObject(r.headers)) {
    const headers = {};
    for (const [name, h] of Object.entries(r.headers)) {
      const header = normalizeHeader(h, target.file, joinPointer(at, "headers", name), ctx);
      if (header) headers[name] = header;
    }
    out.headers = headers;
  }
  if (r.content !== void 0) {
    out.content = normalizeContent(r.content, target.file, joinPointer(at, "content"), ctx);
  } else if (r.schema !== void 0) {
    const schema = normalizeSchema(r.schema, target.file, joinPointer(at, "schema"), ctx);
    out.content = Object.fromEntries(produces.map((mt) => [mt, { schema }]));
  }
  if (isObject(r.examples) && r.content === void 0) {
    out.content ??= {};
    for (const [mt, example] of Object.entries(r.examples)) out.content[mt] = { ...out.content[mt], example };
  }
  return out;
}
const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];
function bodyFromParameters(params, consumes) {
  const body = params.find((p) => p.in === "body");
  if (body) {
    const types2 = consumes?.length ? consumes : ["application/json"];
    return {
      ...body.description ? { description: body.description } : {},
      ...body.required !== void 0 ? { required: body.required } : {},
      content: Object.fromEntries(types2.map((t) => [t, { schema: body.schema }]))
    };
  }
  const fields = params.filter((p) => p.in === "formData");
  if (!fields.length) return void 0;
  const hasFile = fields.some((f) => typeof f.schema === "object" && f.schema.format === "binary");
  const declared = (consumes ?? []).filter((t) => FORM_TYPES.includes(t));
  const types = declared.length ? declared : [hasFile ? "multipart/form-data" : "application/x-www-form-urlencoded"];
  const properties = {};
  for (const f of fields) {
    properties[f.name] = f.description && typeof f.schema === "object" ? { ...f.schema, description: f.description } : f.schema;
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const schema = { type: "object", properties, ...required.length ? { required } : {} };
  return { ...required.length ? { required: true } : {}, content: Object.fromEntries(types.map((t) => [t, { schema }])) };
}
function normalizeOperation(input, ctx) {
  const { raw, file, ptr } = input;
  for (const key of Object.keys(raw)) {
    if (!OPERATION_KEYS.has(key) && !key.startsWith("x-")) {
      report(ctx, { code: "unknown-keyword", severity: "warning", message: `unknown operation keyword \`${key}\` ignored`, file, pointer: joinPointer(ptr, key) });
    }
  }
  const op = {};
  if (typeof raw.operationId === "string") op.operationId = raw.operationId;
  if (typeof raw.summary === "string") op.summary = raw.summary;
  if (typeof raw.description === "string") op.description = raw.description;
  if (Array.isArray(raw.tags)) op.tags = raw.tags.map(String);
  if (typeof raw.deprecated === "boolean") op.deprecated = raw.deprecated;
  const security = raw.security ?? input.globalSecurity;
  if (Array.isArray(security)) op.security = security;
  const params = [];
  const add = (list) => {
    for (const p of list) {
      const target = isObject(p.raw) ? resolveComponent("parameters", p.raw, p.file, p.ptr, ctx) : void 0;
      if (!isObject(p.raw)) report(ctx, { code: "unknown-keyword", severity: "error", message: "a parameter must be an object; ignored", file: p.file, pointer: p.ptr });
      if (!target) continue;
      if (isPending(target)) {
        params.push(target);
        continue;
      }
      const param = normalizeParameter(target.value, target.file, target.pointer, ctx);
      if (!param) continue;
      const same = params.findIndex((q) => !isPending(q) && q.name === param.name && q.in === param.in);
      if (same >= 0) params[same] = param;
      else params.push(param);
    }
  };
  add(input.shared);
  if (Array.isArray(raw.parameters)) add(raw.parameters.map((p, i) => ({ raw: p, file, ptr: joinPointer(ptr, "parameters", i) })));
  else if (raw.parameters !== void 0) report(ctx, { code: "unknown-keyword", severity: "error", message: "`parameters` must be a list; ignored", file, pointer: joinPointer(ptr, "parameters") });
  const consumes = Array.isArray(raw.consumes) ? raw.consumes.map(String) : ctx.consumes;
  const produces = Array.isArray(raw.produces) ? raw.produces.map(String) : ctx.produces ?? ["application/json"];
  const plain = params.filter((p) => isPending(p) || p.in !== "body" && p.in !== "formData");
  const bodyParams = params.filter((p) => !isPending(p) && (p.in === "body" || p.in === "formData"));
  if (plain.length) op.parameters = plain;
  const requestBody = raw.requestBody !== void 0 ? normalizeRequestBody(raw.requestBody, file, joinPointer(ptr, "requestBody"), ctx) : bodyFromParameters(bodyParams, consumes);
  if (requestBody) op.requestBody = requestBody;
  if (isObject(raw.responses)) {
    const responses = {};
    for (const [code, r] of Object.entries(raw.responses)) {
      if (code.startsWith("x-")) continue;
      const res = normalizeResponse(r, file, joinPointer(ptr, "responses", code), ctx, produces);
      if (res) responses[code] = res;
    }
    op.responses = responses;
  } else if (raw.responses !== void 0) {
    report(ctx, { code: "unknown-keyword", severity: "error", message: "`responses` must be a mapping of status codes; ignored", file, pointer: joinPointer(ptr, "responses") });
  }
  for (const [key, value] of Object.entries(raw)) if (key.startsWith("x-")) op[key] = value;
  return op;
}
export {
  bodyFromParameters,
  canonicalRef,
  isPending,
  normalizeHeader,
  normalizeOperation,
  normalizeParameter,
  normalizeRequestBody,
  normalizeResponse,
  resolveComponent
};
