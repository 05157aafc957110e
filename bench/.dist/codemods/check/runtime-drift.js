class RuntimeDumpError extends Error {
}
const normalize = (p) => p.replace(/:(\w+)(\([^)]*\))?\??/g, ":$1").replace(/\/+$/, "") || "/";
function runtimeDrift(json, dumpFile, analysis, rel) {
  let dump;
  try {
    dump = JSON.parse(json);
  } catch (err) {
    throw new RuntimeDumpError(`${dumpFile}: not JSON (${err.message})`);
  }
  if (dump?.version !== 1 || !Array.isArray(dump.routes)) {
    throw new RuntimeDumpError(`${dumpFile}: not a migrate-api violations dump (expected "version": 1 and "routes": [...])`);
  }
  const byRoute = new Map(analysis.scan.routes.filter((r) => r.fullPath).map((r) => [`${r.method.toUpperCase()} ${normalize(r.fullPath)}`, r]));
  const out = [];
  for (const r of dump.routes) {
    const route = byRoute.get(`${r.method.toUpperCase()} ${normalize(r.path)}`);
    for (const v of r.violations) {
      const where = v.example?.loc?.join(".") ?? v.location;
      out.push({
        kind: "runtime",
        file: route ? rel(route.file) : dumpFile,
        line: route ? route.at.line : 1,
        route: r.route,
        message: `${v.count}x ${v.kind === "request" ? "request" : `response${v.status ? ` ${v.status}` : ""}`} violation at ${where}: ${v.example?.msg ?? "does not match the schema"}`,
        hint: v.kind === "request" ? "real traffic breaks the documented request contract: fix the docs (or the clients) before switching to enforce" : "the handler sends what the docs do not say: fix the response schema or the handler before switching to enforce"
      });
    }
  }
  return out;
}
export {
  RuntimeDumpError,
  runtimeDrift
};
