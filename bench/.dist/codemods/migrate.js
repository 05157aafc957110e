import { existsSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { analyzeProject, packageRoot } from "./analyze.js";
import { emitSchemasModule } from "./zod/module.js";
import { operationSpecSource } from "./zod/operation-spec.js";
import { applyFilePlan, RULES } from "./rules/index.js";
import { summarize } from "./report.js";
async function migrateProject(rootArg, opts = {}) {
  const started = Date.now();
  const root = resolve(rootArg);
  const rel = (f) => relative(root, f).split(sep).join("/") || f;
  const rules = enabledRules(opts);
  const validation = opts.validation ?? "report";
  const diagnostics = [];
  const { scan, docs, match, diagnostics: found } = await analyzeProject(root, { specs: opts.specs });
  diagnostics.push(...found);
  const format = projectFormat(scan.routes.map((r) => r.file));
  const schemasFile = opts.schemasPath ? resolve(opts.schemasPath) : join(root, `api-schemas.${format === "ts" ? "ts" : format === "cjs" ? "cjs" : "js"}`);
  const writes = [];
  let exportsByRef = /* @__PURE__ */ new Map();
  const usesSchemas = rules.has("MA002") && Object.keys(docs.schemas).length > 0;
  if (usesSchemas) {
    const emitted = emitSchemasModule(docs.schemas, { format, sourceFile: schemasFile });
    diagnostics.push(...emitted.diagnostics.map((d) => ({ ...d, rule: d.rule ?? "MA002" })));
    exportsByRef = new Map(Object.entries(emitted.exports).map(([name, ids]) => [`#/components/schemas/${name}`, ids]));
    const before = existsSync(schemasFile) ? readFileSync(schemasFile, "utf8") : null;
    if (before !== emitted.code) writes.push({ file: schemasFile, before, after: emitted.code });
  }
  const byFile = /* @__PURE__ */ new Map();
  for (const m of match.matched) byFile.set(m.route.file, [...byFile.get(m.route.file) ?? [], m]);
  const reportFiles = [];
  const routes = [];
  const files = [...byFile.keys()].sort();
  let done = 0;
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const plan = planFile(file, byFile.get(file), { validation, rules, schemasFile, format, exportsByRef, diagnostics });
    let result;
    try {
      result = applyFilePlan(source, plan);
    } catch (err) {
      const message = err.message;
      result = {
        file,
        output: void 0,
        routes: plan.routes.map((r) => ({ file, line: r.at.line, method: r.method, path: r.fullPath, status: "skipped", reason: `internal error: ${message}` })),
        diagnostics: [{ code: "unsupported", severity: "error", message: `rewrite failed, file left unchanged: ${message}`, at: { file, line: 1 } }]
      };
    }
    diagnostics.push(...result.diagnostics);
    routes.push(...result.routes.map((r) => ({ ...r, file: rel(r.file) })));
    const skipped = result.diagnostics.find((d) => d.severity === "error" && d.code === "parse-error");
    reportFiles.push({ file: rel(file), changed: result.output !== void 0 && result.output !== source, routes: plan.routes.length, skipped: skipped?.message });
    if (result.output !== void 0 && result.output !== source) writes.push({ file, before: source, after: result.output });
    opts.onProgress?.(++done, files.length);
  }
  for (const f of scan.files) if (!byFile.has(f)) reportFiles.push({ file: rel(f), changed: false, routes: 0 });
  reportFiles.sort((a, b) => a.file.localeCompare(b.file));
  if (writes.length > 0) {
    const pkg = packageJsonChange(root);
    if (pkg) writes.push(pkg);
  }
  const base = {
    tool: "migrate-api",
    root,
    date: (/* @__PURE__ */ new Date()).toISOString(),
    durationMs: Date.now() - started,
    dry: false,
    validation,
    schemasModule: usesSchemas ? rel(schemasFile) : null,
    files: reportFiles,
    routes,
    docsWithoutRoute: match.unmatchedDocs.map((d) => ({ method: d.method, path: d.path, file: rel(d.at.file), line: d.at.line })),
    diagnostics: diagnostics.map((d) => d.at ? { ...d, at: { ...d.at, file: rel(d.at.file) } } : d)
  };
  return { report: { ...base, summary: summarize(base) }, writes };
}
function enabledRules(opts) {
  const all = RULES.map((r) => r.id);
  const only = opts.only?.length ? new Set(opts.only) : null;
  return new Set(all.filter((id) => (!only || only.has(id)) && !opts.disable?.includes(id)));
}
function planFile(file, matched, ctx) {
  const used = /* @__PURE__ */ new Set();
  const routes = matched.map(({ route, doc }) => {
    let specSource = "{}";
    if (doc && ctx.rules.has("MA002")) {
      const spec = operationSpecSource(doc.operation, {
        format: ctx.format,
        refName: (ref, variant) => ctx.exportsByRef.get(ref)?.[variant]
      });
      for (const d of spec.diagnostics) ctx.diagnostics.push({ ...d, at: d.at ?? doc.at, route: `${route.method.toUpperCase()} ${route.fullPath ?? route.path ?? "?"}` });
      for (const id of spec.usedRefs) used.add(id);
      specSource = spec.source;
    }
    return {
      at: route.at,
      method: route.method,
      fullPath: route.fullPath,
      specSource,
      documented: !!doc,
      docComment: doc?.comment && doc.at.file === file && ctx.rules.has("MA002") ? { startLine: doc.comment.startLine, endLine: doc.comment.endLine } : void 0
    };
  });
  return {
    file,
    routes,
    schemaImports: used.size ? { names: [...used].sort(), from: importSpecifier(file, ctx.schemasFile, ctx.format) } : null,
    validation: ctx.validation,
    rules: ctx.rules
  };
}
function importSpecifier(fromFile, toFile, format) {
  let spec = relative(dirname(fromFile), toFile).split(sep).join("/");
  if (!spec.startsWith(".")) spec = `./${spec}`;
  if (format === "ts") spec = spec.replace(/\.ts$/, ".js");
  return spec;
}
function projectFormat(files) {
  if (files.some((f) => /\.[cm]?tsx?$/.test(f))) return "ts";
  let cjs = 0;
  let esm = 0;
  for (const f of new Set(files)) {
    const ext = extname(f);
    if (ext === ".cjs") cjs++;
    else if (ext === ".mjs") esm++;
    else {
      const code = readFileSync(f, "utf8");
      if (/^\s*import\s[^(]/m.test(code) || /^\s*export\s/m.test(code)) esm++;
      else cjs++;
    }
  }
  return esm > cjs ? "js" : "cjs";
}
function packageJsonChange(root) {
  const dir = packageRoot(root);
  if (!dir) return null;
  const file = join(dir, "package.json");
  const before = readFileSync(file, "utf8");
  let pkg;
  try {
    pkg = JSON.parse(before);
  } catch {
    return null;
  }
  if (pkg.name === "migrate-api") return null;
  const has = (name) => !!(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? pkg.peerDependencies?.[name]);
  const missing = ["migrate-api", "zod"].filter((n) => !has(n));
  if (missing.length === 0) return null;
  const versions = { "migrate-api": `^${ownVersion()}`, zod: "^4.1.0" };
  pkg.dependencies = { ...pkg.dependencies };
  for (const n of missing) pkg.dependencies[n] = versions[n];
  const indent = /^\{\n(\s+)"/.exec(before)?.[1] ?? "  ";
  return { file, before, after: JSON.stringify(pkg, null, indent) + (before.endsWith("\n") ? "\n" : "") };
}
function ownVersion() {
  const url = new URL("../package.json", import.meta.url);
  for (const candidate of [url, new URL("../../package.json", import.meta.url)]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, "utf8"));
      if (pkg.name === "migrate-api") return pkg.version;
    } catch {
    }
  }
  return "0.1.0";
}
export {
  migrateProject
};
