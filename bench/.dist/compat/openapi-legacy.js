const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const templateKey = (path) => path.replace(/\{[^}]*\}/g, "{}").replace(/\/+$/, "") || "/";
const templateNames = (path) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
function upgradeSchemas30(node) {
  if (Array.isArray(node)) return node.forEach(upgradeSchemas30);
  if (!node || typeof node !== "object") return;
  const o = node;
  if (typeof o.nullable === "boolean") {
    if (o.nullable) {
      if (typeof o.type === "string") o.type = [o.type, "null"];
      else if (Array.isArray(o.type)) o.type = [.../* @__PURE__ */ new Set([...o.type, "null"])];
      else if (o.$ref) {
        const ref = o.$ref;
        delete o.$ref;
        o.anyOf = [{ $ref: ref }, { type: "null" }];
      }
      if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    }
    delete o.nullable;
  }
  for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]]) {
    if (typeof o[flag] !== "boolean") continue;
    if (o[flag] && typeof o[bound] === "number") {
      o[flag] = o[bound];
      delete o[bound];
    } else delete o[flag];
  }
  for (const v of Object.values(o)) upgradeSchemas30(v);
}
function renamePathParams(op, from, to) {
  if (!Array.isArray(op.parameters)) return;
  op.parameters = op.parameters.map((p) => {
    const i = p && p.in === "path" ? from.indexOf(p.name) : -1;
    return i >= 0 && to[i] ? { ...p, name: to[i] } : p;
  });
}
function mergeLegacyDocs(doc, legacyInput) {
  if (!legacyInput || typeof legacyInput !== "object") {
    throw new TypeError("migrate-api: legacyDocs must be an OpenAPI 3.x document object");
  }
  if ("swagger" in legacyInput) {
    throw new TypeError(
      `migrate-api: legacyDocs is Swagger ${String(legacyInput.swagger)}; pass an OpenAPI 3.x document (swagger-jsdoc with definition.openapi = '3.0.0' gives one)`
    );
  }
  const legacy = structuredClone(legacyInput);
  if (String(legacy.openapi ?? "").startsWith("3.0")) upgradeSchemas30(legacy);
  const paths = doc.paths ??= {};
  const operationIds = /* @__PURE__ */ new Set();
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item ?? {})) if (op?.operationId) operationIds.add(op.operationId);
  }
  const byTemplate = new Map(Object.keys(paths).map((p) => [templateKey(p), p]));
  for (const [legacyPath, item] of Object.entries(legacy.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    const target = byTemplate.get(templateKey(legacyPath)) ?? legacyPath;
    byTemplate.set(templateKey(legacyPath), target);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== "object" || paths[target]?.[method]) continue;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const inherited = shared.filter((s) => !own.some((p) => p.name === s.name && p.in === s.in));
      if (inherited.length) op.parameters = [...inherited, ...own];
      if (target !== legacyPath) renamePathParams(op, templateNames(legacyPath), templateNames(target));
      if (!op.security && legacy.security) op.security = legacy.security;
      if (typeof op.operationId === "string") {
        let id = op.operationId;
        for (let n = 2; operationIds.has(id); n++) id = `${op.operationId}_${n}`;
        op.operationId = id;
        operationIds.add(id);
      }
      (paths[target] ??= {})[method] = op;
    }
  }
  const components = doc.components ??= {};
  for (const [section, entries] of Object.entries(legacy.components ?? {})) {
    if (!entries || typeof entries !== "object") continue;
    const into = components[section] ??= {};
    for (const [name, value] of Object.entries(entries)) if (!(name in into)) into[name] = value;
  }
  if (Array.isArray(legacy.tags)) {
    const have = new Set((doc.tags ?? []).map((t) => t.name));
    doc.tags = [...doc.tags ?? [], ...legacy.tags.filter((t) => t && !have.has(t.name))];
  }
}
export {
  mergeLegacyDocs
};
