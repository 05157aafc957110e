import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { scanProject } from "./scan/index.js";
import { matchRoutes } from "./match.js";
import { mergeDocs, readSourceDocs, readSpecFile } from "./docs/index.js";
const SPEC_FILE = /^(swagger|openapi)(\.[\w-]+)?\.(ya?ml|json)$/i;
const DOC_MARKERS = ["@openapi", "@swagger", "---"];
async function analyzeProject(rootArg, opts = {}) {
  const root = resolve(rootArg);
  const sourceDocs = [];
  const scan = scanProject(root, {
    onFile: (file, code, ast) => {
      if (DOC_MARKERS.some((m) => code.includes(m))) sourceDocs.push(readSourceDocs(code, file, ast));
      opts.onParsed?.(file, code, ast);
    }
  });
  const specFiles = [.../* @__PURE__ */ new Set([...(opts.specs ?? []).map((s) => resolve(s)), ...findSpecFiles(root)])];
  const specDocs = await Promise.all(specFiles.map((f) => readSpecFile(f)));
  const docs = mergeDocs([...sourceDocs, ...specDocs]);
  const match = matchRoutes(scan, docs.operations);
  return { root, scan, docs, match, specFiles, diagnostics: [...scan.diagnostics, ...docs.diagnostics, ...match.diagnostics] };
}
function findSpecFiles(root) {
  const found = [];
  for (const dir of /* @__PURE__ */ new Set([root, packageRoot(root) ?? root])) {
    for (const sub of ["", "docs", "api", "spec"]) {
      for (const name of plainFiles(join(dir, sub))) if (SPEC_FILE.test(name)) found.push(join(dir, sub, name));
    }
  }
  return found;
}
function plainFiles(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}
function packageRoot(from) {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return null;
  }
}
export {
  DOC_MARKERS,
  analyzeProject,
  findSpecFiles,
  packageRoot
};
