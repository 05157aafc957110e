import { compileRoute } from "./execute.js";
import { normalizeDeps } from "./deps.js";
import { mountDocs } from "./docs.js";
import { isLegacyHandler } from "./legacy.js";
import { checkMode } from "./modes.js";
import { setAppOptions } from "./options.js";
import { attachRouteTable, HTTP_METHODS } from "./route.js";
const TYPED = Symbol.for("migrate-api.typed");
const SPEC_KEYS = /* @__PURE__ */ new Set([
  "params",
  "query",
  "headers",
  "cookies",
  "body",
  "responses",
  "status",
  "summary",
  "description",
  "tags",
  "operationId",
  "deprecated",
  "security",
  "deps",
  "validation"
]);
const SCHEMA_KEYS = ["params", "query", "headers", "cookies", "body"];
const ALL_METHODS = ["get", "post", "put", "patch", "delete"];
function isApp(target) {
  const t = target;
  return typeof t.set === "function" && typeof t.handle === "function" && typeof t.settings === "object";
}
function isPlainObject(v) {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function routerOptionsOf(opts) {
  const out = {};
  if (opts.tags) out.tags = opts.tags;
  if (opts.validation !== void 0) out.validation = checkMode(opts.validation, "typed()");
  if (opts.security) out.security = opts.security;
  return out;
}
function typed(existing, opts = {}) {
  if (typeof existing !== "function" && typeof existing !== "object") throw new TypeError("typed(existing): expected an express app or router");
  const target = existing;
  if (target[TYPED]) return existing;
  const table = attachRouteTable(existing, routerOptionsOf(opts));
  if (isApp(existing)) {
    setAppOptions(existing, opts);
    mountDocs(existing, opts);
  }
  for (const verb of [...HTTP_METHODS, "all"]) {
    const original = target[verb];
    if (typeof original !== "function") continue;
    const typedVerb = function(path, ...rest) {
      if (rest.length >= 2 && isPlainObject(rest[0])) {
        const descriptors = describe(table, verb, path, rest);
        const handler = compileRoute(descriptors[0], rest[rest.length - 1]);
        table.routes.push(...descriptors);
        return original.call(this ?? existing, path, ...rest.slice(1, -1).map(catchRejections), handler);
      }
      return original.apply(this ?? existing, arguments);
    };
    Object.defineProperty(target, verb, { value: typedVerb, writable: true, configurable: true, enumerable: false });
  }
  const use = target.use;
  if (typeof use === "function") {
    const recordingUse = function(...args) {
      recordMounts(table, args);
      return use.apply(this ?? existing, args);
    };
    Object.defineProperty(target, "use", { value: recordingUse, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(target, TYPED, { value: true });
  return existing;
}
function catchRejections(mw) {
  if (Array.isArray(mw)) return mw.map(catchRejections);
  if (typeof mw !== "function" || mw.length > 3) return mw;
  return function(req, res, next) {
    let out;
    try {
      out = mw(req, res, next);
    } catch (err) {
      return next(err);
    }
    if (out && typeof out.then === "function") {
      out.then(void 0, (err) => next(err || new Error("Rejected promise")));
    }
  };
}
function describe(table, verb, path, rest) {
  const where = `${verb.toUpperCase()} ${String(path)}`;
  if (typeof path !== "string") throw new TypeError(`${where}: a typed route needs a string path (regex paths cannot be documented)`);
  const handler = rest[rest.length - 1];
  if (typeof handler !== "function") throw new TypeError(`${where}: the last argument must be the handler, an async (input, ctx) function or legacy(fn)`);
  const spec = checkSpec(rest[0], where);
  const legacyHandler = isLegacyHandler(handler);
  return (verb === "all" ? ALL_METHODS : [verb]).map((method) => ({
    method,
    path,
    spec,
    id: `${method.toUpperCase()} ${path}`,
    legacyHandler,
    router: table.options
  }));
}
function checkSpec(raw, where) {
  const unknown = Object.keys(raw).filter((k) => !SPEC_KEYS.has(k) && !k.startsWith("x-"));
  if (unknown.length) throw new TypeError(`${where}: unknown spec key${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (expected ${[...SPEC_KEYS].join(", ")})`);
  for (const key of SCHEMA_KEYS) {
    const s = raw[key];
    if (s !== void 0 && (typeof s !== "object" || s === null || !("_zod" in s))) throw new TypeError(`${where}: spec.${key} must be a zod schema`);
  }
  if (raw.status !== void 0 && !(Number.isInteger(raw.status) && raw.status >= 100 && raw.status <= 599)) {
    throw new TypeError(`${where}: spec.status must be an HTTP status code`);
  }
  checkMode(raw.validation, where);
  const spec = { ...raw };
  if (raw.deps !== void 0) {
    if (!isPlainObject(raw.deps)) throw new TypeError(`${where}: spec.deps must be an object of dependencies`);
    spec.deps = normalizeDeps(raw.deps, where);
  }
  return spec;
}
function recordMounts(table, args) {
  let prefixes = ["/"];
  let i = 0;
  const first = args[0];
  if (typeof first === "string") {
    prefixes = [first];
    i = 1;
  } else if (Array.isArray(first) && first.length && first.every((p) => typeof p === "string")) {
    prefixes = first;
    i = 1;
  } else if (first instanceof RegExp || Array.isArray(first) && first.some((p) => p instanceof RegExp)) {
    return;
  }
  for (const arg of args.slice(i).flat(Infinity)) {
    if (typeof arg !== "function") continue;
    const child = arg;
    if (!Array.isArray(child.stack) && typeof child.handle !== "function") continue;
    for (const prefix of prefixes) table.mounts.push({ prefix, child: arg });
  }
}
export {
  typed
};
