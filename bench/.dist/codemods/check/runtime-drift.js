import { z } from "zod";
class RuntimeDumpError extends Error {
}
const Dump = z.object({
  version: z.literal(1),
  routes: z.array(z.object({
    route: z.string(),
    method: z.string(),
    path: z.string(),
    violations: z.array(z.object({
      kind: z.enum(["request", "response"]),
      location: z.string(),
      status: z.number().optional(),
      count: z.number(),
      example: z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string().optional() }).optional()
    }))
  }))
});
const normalize = (p) => p.replace(/:(\w+)(\([^)]*\))?\??/g, ":$1").replace(/\/+$/, "") || "/";
function runtimeDrift(json, dumpFile, analysis, rel) {
  const dump = parseDump(json, dumpFile);
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
function parseDump(json, dumpFile) {
  let raw;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new RuntimeDumpError(`${dumpFile}: not JSON (${err.message})`);
  }
  const parsed = Dump.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuntimeDumpError(`${dumpFile}: not a migrate-api violations dump (expected "version": 1 and "routes": [...]): ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  return parsed.data;
}
export {
  RuntimeDumpError,
  runtimeDrift
};
