import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { findSpecFiles, packageRoot } from "./analyze.js";
import { mergeDocs, readSpecFile } from "./docs/index.js";
import { matchRoutes } from "./match.js";
import { linkProject, listSourceFiles } from "./scan/index.js";
import { emitSchemasModule } from "./zod/module.js";
import { operationSpecSource } from "./zod/operation-spec.js";
import { RULES } from "./rules/index.js";
import { API_DOCS_EXPORT, apiDocsExport, apiDocsValue, appFiles, appOptionsSource, appReadsDocComments, docsPathsFor } from "./app-plan.js";
import { summarize } from "./report.js";
import { analyzeFile, rewriteFile } from "./migrate-tasks.js";
import { WorkerPool } from "./worker-pool.js";
const PARALLEL_MIN_FILES = 200;
function workerEntry() {
  return new URL(`./migrate-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
}
function makeRunner(size) {
  if (size <= 0) {
    return {
      runner: { analyze: async (file) => analyzeFile(file), rewrite: async (plan) => rewriteFile(plan) },
      close: async () => {
      }
    };
  }
  const pool = new WorkerPool(workerEntry(), size);
  return {
    runner: {
      analyze: (file) => pool.run({ kind: "analyze", file }),
      rewrite: (plan) => pool.run({ kind: "rewrite", plan })
    },
    close: () => pool.close()
  };
}
async function migrateProject(rootArg, opts = {}) {
  const started = Date.now();
  const root = resolve(rootArg);
  const sourceFiles = listSourceFiles(root);
  const size = opts.workers ?? envWorkers() ?? (sourceFiles.length >= PARALLEL_MIN_FILES ? Math.min(availableParallelism(), 4) : 0);
  const { runner, close } = makeRunner(size);
  try {
    return await migrateWith(root, sourceFiles, runner, opts, started);
  } finally {
    await close();
  }
}
async function analyze(rootArg, files, runner, specs) {
  const given = resolve(rootArg);
  const root = isFile(given) ? dirname(given) : given;
  const analyzed = await Promise.all(files.map((f) => runner.analyze(f)));
  const scans = /* @__PURE__ */ new Map();
  const perFile = [];
  const sourceDocs = [];
  for (const a of analyzed) {
    perFile.push(...a.diagnostics);
    if (!a.scan) continue;
    scans.set(a.file, a.scan);
    perFile.push(...a.scan.diagnostics);
    if (a.docs) sourceDocs.push(a.docs);
  }
  const scan = linkProject(root, files, scans, perFile);
  const specFiles = [.../* @__PURE__ */ new Set([...(specs ?? []).map((s) => resolve(s)), ...findSpecFiles(given)])];
  const specDocs = await Promise.all(specFiles.map((f) => readSpecFile(f)));
  const docs = mergeDocs([...sourceDocs, ...specDocs]);
  const match = matchRoutes(scan, docs.operations);
  return { root: given, scan, docs, match, specFiles, diagnostics: [...scan.diagnostics, ...docs.diagnostics, ...match.diagnostics] };
}
function envWorkers() {
  const v = process.env.MIGRATE_API_WORKERS;
  return v !== void 0 && /^\d+$/.test(v) ? Number(v) : void 0;
}
function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
async function migrateWith(root, sourceFiles, runner, opts, started) {
  const rel = (f) => relative(root, f).split(sep).join("/") || f;
  const rules = enabledRules(opts);
  const validation = opts.validation ?? "report";
  const diagnostics = [];
  const { scan, docs, match, diagnostics: found } = await analyze(root, sourceFiles, runner, opts.specs);
  diagnostics.push(...found);
  const format = projectFormat(scan.routes.map((r) => r.file));
  const schemasDir = commonDir([...scan.routes.map((r) => r.file), ...scan.routers.map((r) => r.file)]) ?? root;
  const schemasFile = opts.schemasPath ? resolve(opts.schemasPath) : join(schemasDir, `api-schemas.${format === "ts" ? "ts" : format === "cjs" ? "cjs" : "js"}`);
  const writes = [];
  let exportsByRef = /* @__PURE__ */ new Map();
  const apps = rules.has("MA001") ? appFiles(scan) : /* @__PURE__ */ new Set();
  let apiDocs = null;
  let usesSchemas = false;
  if (rules.has("MA002") && (Object.keys(docs.schemas).length > 0 || docs.operations.length > 0)) {
    const emitted = emitSchemasModule(docs.schemas, { format, sourceFile: schemasFile });
    diagnostics.push(...emitted.diagnostics.map((d) => ({ ...d, rule: d.rule ?? "MA002" })));
    exportsByRef = new Map(Object.entries(emitted.exports).map(([name, ids]) => [`#/components/schemas/${name}`, ids]));
    apiDocs = apps.size ? apiDocsValue(root, docs, new Map(Object.entries(emitted.exports))) : null;
    usesSchemas = Object.keys(docs.schemas).length > 0 || apiDocs !== null;
    const code = emitted.code + (apiDocs ? apiDocsExport(apiDocs, format) : "");
    const before = existsSync(schemasFile) ? readFileSync(schemasFile, "utf8") : null;
    if (usesSchemas && before !== code) writes.push({ file: schemasFile, before, after: code });
  }
  const docsPaths = docsPathsFor(scan);
  const keepDocComments = appReadsDocComments(root);
  if (keepDocComments && docs.operations.some((o) => o.comment)) {
    diagnostics.push({ code: "docs-kept", severity: "info", rule: "MA002", message: "doc comments kept: the app builds docs from them with swagger-jsdoc; remove them once it serves the generated /openapi.json" });
  }
  const appOptions = {
    optionsSource: appOptionsSource({
      validation,
      docsPaths,
      apiDocs: apiDocs !== null,
      title: String(apiDocs?.info?.title ?? docs.info?.title ?? "API"),
      version: String(apiDocs?.info?.version ?? docs.info?.version ?? "1.0.0")
    }),
    uses: apiDocs ? [API_DOCS_EXPORT] : []
  };
  const byFile = /* @__PURE__ */ new Map();
  for (const m of match.matched) byFile.set(m.route.file, [...byFile.get(m.route.file) ?? [], m]);
  const reportFiles = [];
  const routes = [];
  const files = [.../* @__PURE__ */ new Set([...byFile.keys(), ...apps])].sort();
  let done = 0;
  const planDiagnostics = files.map(() => []);
  const plans = files.map((file, i) => planFile(file, byFile.get(file) ?? [], {
    validation,
    rules,
    schemasFile,
    format,
    exportsByRef,
    keepDocComments,
    diagnostics: planDiagnostics[i],
    app: apps.has(file) ? appOptions : void 0
  }));
  const rewritten = await Promise.all(plans.map((plan) => runner.rewrite(plan).then((r) => {
    opts.onProgress?.(++done, files.length);
    return r;
  })));
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const { result, before, changed } = rewritten[i];
    diagnostics.push(...planDiagnostics[i], ...result.diagnostics);
    routes.push(...result.routes.map((r) => ({ ...r, file: rel(r.file) })));
    const skipped = result.diagnostics.find((d) => d.severity === "error" && d.code === "parse-error");
    reportFiles.push({ file: rel(file), changed, routes: plans[i].routes.length, skipped: skipped?.message });
    if (changed) writes.push({ file, before, after: result.output });
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
    docsPaths: apps.size ? docsPaths : void 0,
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
      docComment: doc?.comment && doc.at.file === file && ctx.rules.has("MA002") && !ctx.keepDocComments ? { startLine: doc.comment.startLine, endLine: doc.comment.endLine } : void 0
    };
  });
  for (const name of ctx.app?.uses ?? []) used.add(name);
  return {
    file,
    routes,
    app: ctx.app,
    schemaImports: used.size ? { names: [...used].sort(), from: importSpecifier(file, ctx.schemasFile, ctx.format) } : null,
    validation: ctx.validation,
    rules: ctx.rules
  };
}
function commonDir(files) {
  if (files.length === 0) return null;
  let dir = dirname(files[0]);
  for (const f of files) while (!f.startsWith(dir + sep) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
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
  PARALLEL_MIN_FILES,
  migrateProject
};
