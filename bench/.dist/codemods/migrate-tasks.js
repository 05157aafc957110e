import { readFileSync } from "node:fs";
import { parseSource } from "./parse.js";
import { DOC_MARKERS } from "./analyze.js";
import { readSourceDocs } from "./docs/index.js";
import { applyFilePlan } from "./rules/index.js";
import { scanFile } from "./scan/index.js";
function analyzeFile(file) {
  let code;
  try {
    code = readFileSync(file, "utf8");
  } catch (err) {
    return { file, diagnostics: [{ code: "read-error", severity: "error", message: err.message, at: { file, line: 1 } }] };
  }
  const parsed = parseSource(code, file);
  if ("diagnostic" in parsed) return { file, diagnostics: [parsed.diagnostic] };
  const scan = scanFile(code, file, parsed.ast);
  const docs = DOC_MARKERS.some((m) => code.includes(m)) ? readSourceDocs(code, file, parsed.ast) : void 0;
  return { file, scan, docs, diagnostics: [] };
}
function rewriteFile(plan) {
  const { file } = plan;
  const source = readFileSync(file, "utf8");
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
  const changed = result.output !== void 0 && result.output !== source;
  return { result, before: changed ? source : void 0, changed };
}
export {
  analyzeFile,
  rewriteFile
};
