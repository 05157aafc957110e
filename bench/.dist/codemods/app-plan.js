import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./analyze.js";
const DEFAULT_DOCS = { openapi: "/openapi.json", swagger: "/docs", redoc: "/redoc" };
const API_DOCS_EXPORT = "apiDocs";
function appFiles(scan) {
  return new Set(scan.routers.filter((r) => r.kind === "app" && !r.created.startsWith("typed")).map((r) => r.file));
}
function docsPathsFor(scan) {
  const taken = (p) => scan.routes.some((r) => r.fullPath === p || r.fullPath?.startsWith(`${p}/`)) || scan.mounts.some((m) => m.prefix === p);
  const out = { ...DEFAULT_DOCS };
  for (const key of Object.keys(out)) if (taken(out[key])) out[key] = `/migrate-api${out[key]}`;
  return out;
}
function packageInfo(root) {
  const dir = packageRoot(root);
  if (!dir) return { usesSwaggerJsdoc: false };
  try {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const deps = { ...pkg.dependencies, ...pkg.devDependencies };
    return { name: pkg.name, version: pkg.version, usesSwaggerJsdoc: "swagger-jsdoc" in deps };
  } catch {
    return { usesSwaggerJsdoc: false };
  }
}
function appReadsDocComments(root) {
  return packageInfo(root).usesSwaggerJsdoc;
}
function refsIn(value, into) {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, into);
    return;
  }
  if (!value || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/")) into.add(v.slice("#/components/schemas/".length));
    else refsIn(v, into);
  }
}
function apiDocsValue(root, docs, variants) {
  const pkg = packageInfo(root);
  const reached = /* @__PURE__ */ new Set();
  refsIn(docs.operations.map((o) => o.operation), reached);
  for (const name of [...reached]) refsIn(docs.schemas[name], reached);
  const extraSchemas = {};
  for (const [name, schema] of Object.entries(docs.schemas)) {
    const v = variants.get(name);
    if (!reached.has(name) || v && v.request !== v.response) extraSchemas[name] = schema;
  }
  const components = {};
  if (Object.keys(docs.securitySchemes).length) components.securitySchemes = docs.securitySchemes;
  for (const [section, entries] of Object.entries(docs.components ?? {})) if (entries && Object.keys(entries).length) components[section] = entries;
  if (Object.keys(extraSchemas).length) components.schemas = extraSchemas;
  const info = { title: docs.info?.title ?? pkg.name ?? "API", version: docs.info?.version ?? pkg.version ?? "1.0.0" };
  if (!Object.keys(components).length && !docs.tags.length && !docs.info?.title) return null;
  return { openapi: "3.1.0", info, ...docs.tags.length ? { tags: docs.tags } : {}, ...Object.keys(components).length ? { components } : {} };
}
function apiDocsExport(value, format) {
  const json = JSON.stringify(value, null, 2);
  const note = "// The legacy docs that are not routes (title, security schemes, shared responses and parameters,\n// schemas no route uses): typed(express(), { legacyDocs: apiDocs }) merges them into /openapi.json.\n";
  return format === "cjs" ? `
${note}module.exports.${API_DOCS_EXPORT} = ${json};
` : `
${note}export const ${API_DOCS_EXPORT} = ${json};
`;
}
function appOptionsSource(opts) {
  const parts = [];
  if (opts.validation === "report") parts.push(`validation: 'report'`);
  const quote = (v) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  parts.push(`title: ${quote(opts.title)}`, `version: ${quote(opts.version)}`);
  const moved = Object.keys(DEFAULT_DOCS).filter((k) => opts.docsPaths[k] !== DEFAULT_DOCS[k]);
  if (moved.length) parts.push(`docs: { ${moved.map((k) => `${k}: '${opts.docsPaths[k]}'`).join(", ")} }`);
  if (opts.apiDocs) parts.push(`legacyDocs: ${API_DOCS_EXPORT}`);
  return `{ ${parts.join(", ")} }`;
}
export {
  API_DOCS_EXPORT,
  apiDocsExport,
  apiDocsValue,
  appFiles,
  appOptionsSource,
  appReadsDocComments,
  docsPathsFor
};
