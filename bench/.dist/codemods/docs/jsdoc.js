import { emptyDocsModel } from "../model.js";
import { isObject } from "./context.js";
import { openapiSections, unwrapComment, yamlText } from "./comments.js";
import { normalizeRaw } from "./normalize.js";
import { joinPointer, parseYaml } from "./yaml-source.js";
const BLOCK_KEYS = /* @__PURE__ */ new Set([
  "paths",
  "components",
  "definitions",
  "parameters",
  "responses",
  "tags",
  "securityDefinitions",
  "consumes",
  "produces",
  "openapi",
  "swagger",
  "info",
  "servers",
  "host",
  "basePath",
  "schemes",
  "security",
  "externalDocs",
  "webhooks",
  "x-webhooks"
]);
const COMPONENT_KEYS = /* @__PURE__ */ new Set(["schemas", "securitySchemes", "requestBodies", "headers", "examples", "links", "callbacks"]);
function commentRange(c) {
  return { start: c.start ?? 0, end: c.end ?? 0, startLine: c.loc?.start.line ?? 1, endLine: c.loc?.end.line ?? 1 };
}
function hasOpenapiTag(c) {
  return /@(openapi|swagger)\b/.test(c.value);
}
function readJsdocComment(c, file, load) {
  const models = [];
  for (const section of openapiSections(unwrapComment(c))) {
    if (!section.lines.length) continue;
    const { text, map } = yamlText(section.lines);
    const yaml = parseYaml(text, file, map);
    if (yaml.diagnostics.length || yaml.value == null) {
      models.push({ ...emptyDocsModel(), diagnostics: yaml.diagnostics });
      continue;
    }
    const model = emptyDocsModel();
    if (!isObject(yaml.value)) {
      model.diagnostics.push({ code: "unsupported", severity: "error", message: `@${section.tag} block must be a YAML mapping of paths or components`, at: yaml.locate("") });
      models.push(model);
      continue;
    }
    const root = blockDocument(yaml.value, file, yaml.locate, model.diagnostics);
    const normalized = normalizeRaw(root, { style: "jsdoc", fragment: true, load });
    for (const op of normalized.operations) op.comment = commentRange(c);
    normalized.diagnostics.unshift(...model.diagnostics);
    models.push(normalized);
  }
  return models;
}
function blockDocument(value, file, locate, diagnostics) {
  const doc = {};
  const moved = [];
  for (const [key, entry] of Object.entries(value)) {
    if (key.startsWith("/")) {
      (doc.paths ??= {})[key] = entry;
      moved.push([joinPointer("/paths", key), joinPointer("", key)]);
    } else if (key === "paths" && isObject(entry)) {
      Object.assign(doc.paths ??= {}, entry);
    } else if (COMPONENT_KEYS.has(key) && isObject(entry)) {
      Object.assign((doc.components ??= {})[key] ??= {}, entry);
      moved.push([joinPointer("/components", key), joinPointer("", key)]);
    } else if (key === "components" && isObject(entry)) {
      for (const [kind, entries] of Object.entries(entry)) {
        doc.components ??= {};
        doc.components[kind] = isObject(entries) && isObject(doc.components[kind]) ? { ...doc.components[kind], ...entries } : entries;
      }
    } else if (key === "tags") {
      doc.tags = Array.isArray(entry) ? entry : [entry];
    } else if (BLOCK_KEYS.has(key) || key.startsWith("x-")) {
      doc[key] = entry;
    } else {
      diagnostics.push({
        code: "unknown-keyword",
        severity: "warning",
        message: `\`${key}\` is neither a path (paths start with /) nor a components key; ignored`,
        at: locate(joinPointer("", key))
      });
    }
  }
  return {
    file,
    value: doc,
    locate: (pointer) => {
      const hit = moved.find(([from]) => pointer === from || pointer.startsWith(`${from}/`));
      return locate(hit ? hit[1] + pointer.slice(hit[0].length) : pointer);
    }
  };
}
export {
  blockDocument,
  commentRange,
  hasOpenapiTag,
  readJsdocComment
};
