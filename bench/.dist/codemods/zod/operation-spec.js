import { STATUS_CODES } from "node:http";
import { chain, json, lit, obj, trailingCall, zc } from "./ast.js";
import { withMeta } from "./convert/meta.js";
import { printZod } from "./printer.js";
import { schemaToZod } from "./schema-to-zod.js";
const GROUPS = [["path", "params"], ["query", "query"], ["header", "headers"], ["cookie", "cookies"]];
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
function operationSpecSource(op, opts) {
  const diagnostics = [];
  const used = /* @__PURE__ */ new Set();
  const ctxFor = (variant, location, pointer, extra = {}) => ({
    refName: (ref) => {
      const n = opts.refName(ref, variant);
      if (n) used.add(n);
      return n;
    },
    variant,
    location,
    pointer,
    diagnostics,
    ...extra
  });
  const props = [];
  const plain = (key) => {
    if (op[key] !== void 0) props.push({ key, value: json(op[key]) });
  };
  ["summary", "description", "tags", "operationId", "deprecated", "security"].forEach(plain);
  const params = op.parameters ?? [];
  for (const [where, key] of GROUPS) {
    const shape = [];
    params.forEach((p, i) => {
      if (p.in !== where) return;
      const pctx = ctxFor("request", where, `#/parameters/${i}/schema`, { style: p.style, explode: p.explode });
      if (p.style === "deepObject") {
        diagnostics.push({ code: "unsupported", severity: "info", pointer: `#/parameters/${i}`, message: `query object "${p.name}" (deepObject) needs an extended query parser (qs, Express 4's default) to arrive as an object` });
      }
      const spread = spreadObject(p);
      if (spread) {
        for (const [name, prop] of Object.entries(spread.properties)) {
          let v = schemaToZod(prop, { ...pctx, pointer: `#/parameters/${i}/schema/properties/${esc(name)}`, style: "nested" });
          if (!(p.required && spread.required.includes(name)) && trailingCall(v)?.method !== "default") v = chain(v, "optional");
          shape.push({ key: name, value: v });
        }
        return;
      }
      let value = schemaToZod(p.schema ?? {}, pctx);
      const meta = [];
      if (p.description !== void 0) meta.push({ key: "description", value: lit(p.description) });
      if (p.deprecated) meta.push({ key: "deprecated", value: lit(true) });
      if (p.example !== void 0) meta.push({ key: "example", value: json(p.example) });
      const hasDefault = trailingCall(value)?.method === "default";
      value = withMeta(value, meta);
      if (where !== "path" && !p.required && !hasDefault) value = chain(value, "optional");
      shape.push({ key: where === "header" ? p.name.toLowerCase() : p.name, value });
    });
    if (shape.length) props.push({ key, value: zc("object", obj(shape)) });
  }
  for (const p of params) {
    if (!GROUPS.some(([w]) => w === p.in)) diagnostics.push({ code: "unsupported", severity: "warning", message: `parameter "${p.name}" in "${String(p.in)}" is not a path/query/header/cookie parameter; left out` });
  }
  if (op.requestBody) {
    const picked = pickContent(op.requestBody.content, diagnostics, "#/requestBody");
    if (picked) {
      const location = FORM_TYPES.includes(picked.type) ? "query" : "body";
      let body = schemaToZod(picked.media.schema, ctxFor("request", location, `#/requestBody/content/${esc(picked.type)}/schema`));
      if (!op.requestBody.required) body = chain(body, "optional");
      props.push({ key: "body", value: body });
    }
  }
  const responses = [];
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const picked = res.content ? pickContent(res.content, diagnostics, `#/responses/${status}`) : void 0;
    const schema = picked ? schemaToZod(picked.media.schema, ctxFor("response", "response", `#/responses/${status}/content/${esc(picked.type)}/schema`)) : void 0;
    const entry = [];
    if (res.description !== void 0 && (!schema || !isStock(status, res.description))) entry.push({ key: "description", value: lit(res.description) });
    if (schema) entry.push({ key: "schema", value: schema });
    if (res.headers && Object.keys(res.headers).length) {
      const headers = Object.entries(res.headers).map(([name, h]) => {
        let v = withMeta(
          schemaToZod(h.schema ?? {}, ctxFor("response", "response", `#/responses/${status}/headers/${esc(name)}/schema`)),
          h.description !== void 0 ? [{ key: "description", value: lit(h.description) }] : []
        );
        if (!h.required) v = chain(v, "optional");
        return { key: name.toLowerCase(), value: v };
      });
      entry.push({ key: "headers", value: zc("object", obj(headers)) });
    }
    const value = schema && entry.length === 1 ? schema : obj(entry.length ? entry : [{ key: "description", value: lit(STATUS_CODES[status] ?? "") }]);
    responses.push({ key: status, value });
  }
  const success = Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s));
  if (success.length === 1 && success[0] !== "200") props.push({ key: "status", value: lit(Number(success[0])) });
  if (responses.length) props.push({ key: "responses", value: obj(responses) });
  return { source: printZod(obj(props)), usedRefs: [...used], diagnostics };
}
function spreadObject(p) {
  const s = p.schema;
  if (p.in !== "query" || (p.style ?? "form") !== "form" || p.explode === false || typeof s !== "object") return void 0;
  if (s.type !== "object" || !s.properties || s.$ref || s.allOf || s.oneOf || s.anyOf || s.additionalProperties !== void 0) return void 0;
  return { properties: s.properties, required: s.required ?? [] };
}
const esc = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");
const isStock = (status, description) => description.trim().toLowerCase() === (STATUS_CODES[status] ?? "").toLowerCase();
function pickContent(content, diagnostics, pointer) {
  const types = Object.keys(content).filter((t) => content[t]?.schema !== void 0);
  const type = types.find((t) => t.split(";")[0].trim() === "application/json") ?? types.find((t) => /[/+]json\b/.test(t) || t === "*/*") ?? types.find((t) => FORM_TYPES.includes(t));
  if (types.length > 1 || !type && types.length) {
    diagnostics.push({ code: "unsupported", severity: "info", pointer, message: `only ${type ?? "no"} content is validated (also documented: ${types.filter((t) => t !== type).join(", ")})` });
  }
  return type ? { type, media: content[type] } : void 0;
}
export {
  operationSpecSource
};
