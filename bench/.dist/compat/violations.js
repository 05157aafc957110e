import { writeFileSync } from "node:fs";
import { log } from "./log.js";
const REGISTRY = Symbol.for("migrate-api.violations");
const globals = globalThis;
const routes = globals[REGISTRY] ??= /* @__PURE__ */ new Map();
function recordViolation(method, path, kind, location, example, status) {
  const route = `${method} ${path}`;
  let r = routes.get(route);
  if (!r) {
    r = { method, path, total: 0, entries: /* @__PURE__ */ new Map() };
    routes.set(route, r);
    log().warn(`[migrate-api] report: ${route} violates its ${kind} contract at ${example.loc.join(".")}: ${example.msg} (further violations of this route are counted, not logged)`);
  }
  r.total++;
  const key = status === void 0 ? `${kind}|${location}` : `${kind}|${location}|${status}`;
  const entry = r.entries.get(key);
  if (entry) entry.count++;
  else r.entries.set(key, status === void 0 ? { kind, location, count: 1, example } : { kind, location, status, count: 1, example });
}
function getViolations() {
  let total = 0;
  const list = [];
  for (const [route, r] of routes) {
    total += r.total;
    list.push({ route, method: r.method, path: r.path, total: r.total, violations: [...r.entries.values()].map((e) => ({ ...e })) });
  }
  list.sort((a, b) => a.route < b.route ? -1 : a.route > b.route ? 1 : 0);
  return { version: 1, generatedAt: (/* @__PURE__ */ new Date()).toISOString(), total, routes: list };
}
function resetViolations() {
  routes.clear();
}
function writeViolations(file = process.env.MIGRATE_API_VIOLATIONS_FILE) {
  if (!file) throw new Error("writeViolations: no file given and MIGRATE_API_VIOLATIONS_FILE is not set");
  writeFileSync(file, JSON.stringify(getViolations(), null, 2) + "\n");
  return file;
}
const EXIT_HOOK = Symbol.for("migrate-api.violationsExitHook");
if (process.env.MIGRATE_API_VIOLATIONS_FILE && !globalThis[EXIT_HOOK]) {
  globalThis[EXIT_HOOK] = true;
  process.once("exit", () => {
    try {
      writeViolations();
    } catch (err) {
      log().error("[migrate-api] could not write the violations file", err);
    }
  });
}
export {
  getViolations,
  recordViolation,
  resetViolations,
  writeViolations
};
