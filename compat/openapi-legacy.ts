// Merges the hand-written docs of routes not migrated yet (AppOptions.legacyDocs, e.g. swagger-jsdoc
// output) into the generated document, so a half-migrated app's docs stay complete. A typed route
// always wins over the legacy operation for the same method and path.
type JsonObject = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/users/{userId}` and `/users/{id}` are the same route: compare templates without names. */
const templateKey = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
const templateNames = (path: string) => [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);

/**
 * OpenAPI 3.0 schema keywords that 3.1 dropped (`nullable`, boolean `exclusiveMinimum`): rewritten
 * in place so the merged document means the same under 3.1. Only schema objects carry them.
 */
function upgradeSchemas30(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(upgradeSchemas30);
  if (!node || typeof node !== 'object') return;
  const o = node as JsonObject;
  if (typeof o.nullable === 'boolean') {
    if (o.nullable) {
      if (typeof o.type === 'string') o.type = [o.type, 'null'];
      else if (Array.isArray(o.type)) o.type = [...new Set([...o.type, 'null'])];
      else if (o.$ref) {
        const ref = o.$ref;
        delete o.$ref;
        o.anyOf = [{ $ref: ref }, { type: 'null' }];
      }
      if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    }
    delete o.nullable;
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof o[flag] !== 'boolean') continue;
    if (o[flag] && typeof o[bound] === 'number') {
      o[flag] = o[bound];
      delete o[bound];
    } else delete o[flag];
  }
  for (const v of Object.values(o)) upgradeSchemas30(v);
}

function renamePathParams(op: JsonObject, from: string[], to: string[]): void {
  if (!Array.isArray(op.parameters)) return;
  op.parameters = op.parameters.map((p: JsonObject) => {
    const i = p && p.in === 'path' ? from.indexOf(p.name) : -1;
    return i >= 0 && to[i] ? { ...p, name: to[i] } : p;
  });
}

export function mergeLegacyDocs(doc: JsonObject, legacyInput: JsonObject): void {
  if (!legacyInput || typeof legacyInput !== 'object') {
    throw new TypeError('migrate-api: legacyDocs must be an OpenAPI 3.x document object');
  }
  if ('swagger' in legacyInput) {
    throw new TypeError(
      `migrate-api: legacyDocs is Swagger ${String(legacyInput.swagger)}; pass an OpenAPI 3.x document (swagger-jsdoc with definition.openapi = '3.0.0' gives one)`,
    );
  }
  const legacy: JsonObject = structuredClone(legacyInput);
  if (String(legacy.openapi ?? '').startsWith('3.0')) upgradeSchemas30(legacy);

  const paths: JsonObject = (doc.paths ??= {});
  const operationIds = new Set<string>();
  for (const item of Object.values<JsonObject>(paths)) {
    for (const op of Object.values<JsonObject>(item ?? {})) if (op?.operationId) operationIds.add(op.operationId);
  }
  const byTemplate = new Map(Object.keys(paths).map((p) => [templateKey(p), p]));
  for (const [legacyPath, item] of Object.entries<JsonObject>(legacy.paths ?? {})) {
    if (!item || typeof item !== 'object') continue;
    const target = byTemplate.get(templateKey(legacyPath)) ?? legacyPath;
    byTemplate.set(templateKey(legacyPath), target);
    const shared: JsonObject[] = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op || typeof op !== 'object' || paths[target]?.[method]) continue;
      const own: JsonObject[] = Array.isArray(op.parameters) ? op.parameters : [];
      const inherited = shared.filter((s) => !own.some((p) => p.name === s.name && p.in === s.in));
      if (inherited.length) op.parameters = [...inherited, ...own];
      if (target !== legacyPath) renamePathParams(op, templateNames(legacyPath), templateNames(target));
      if (!op.security && legacy.security) op.security = legacy.security;
      // operationIds must be unique across the document; a clash gets a suffix, never a silent overwrite.
      if (typeof op.operationId === 'string') {
        let id = op.operationId;
        for (let n = 2; operationIds.has(id); n++) id = `${op.operationId}_${n}`;
        op.operationId = id;
        operationIds.add(id);
      }
      (paths[target] ??= {})[method] = op;
    }
  }

  const components: JsonObject = (doc.components ??= {});
  for (const [section, entries] of Object.entries<JsonObject>(legacy.components ?? {})) {
    if (!entries || typeof entries !== 'object') continue;
    const into: JsonObject = (components[section] ??= {});
    for (const [name, value] of Object.entries(entries)) if (!(name in into)) into[name] = value;
  }

  // The document's identity: what the app's own options say wins; the legacy docs fill in the rest.
  const info: JsonObject = (doc.info ??= {});
  if (legacy.info && typeof legacy.info === 'object') {
    for (const key of ['description', 'termsOfService', 'contact', 'license', 'summary']) {
      if (info[key] === undefined && legacy.info[key] !== undefined) info[key] = legacy.info[key];
    }
  }
  if (!doc.servers && Array.isArray(legacy.servers) && legacy.servers.length) doc.servers = legacy.servers;
  if (!doc.security && Array.isArray(legacy.security)) doc.security = legacy.security;

  if (Array.isArray(legacy.tags)) {
    const have = new Set((doc.tags ?? []).map((t: JsonObject) => t.name));
    doc.tags = [...(doc.tags ?? []), ...legacy.tags.filter((t: JsonObject) => t && !have.has(t.name))];
  }
}
