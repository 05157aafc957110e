import { readFileSync } from "node:fs";
import { emptyDocsModel } from "../model.js";
import { parseSource } from "../parse.js";
import { isDocComment } from "./comments.js";
import { readFlasggerBlocks } from "./flasgger.js";
import { hasOpenapiTag, readJsdocComment } from "./jsdoc.js";
import { combine } from "./merge.js";
import { parseYaml } from "./yaml-source.js";
function fileLoader() {
  const cache = /* @__PURE__ */ new Map();
  return (file) => {
    if (!cache.has(file)) {
      let doc;
      try {
        const parsed = parseYaml(readFileSync(file, "utf8"), file);
        doc = parsed.diagnostics.length ? void 0 : parsed;
      } catch {
        doc = void 0;
      }
      cache.set(file, doc);
    }
    return cache.get(file);
  };
}
function readSourceDocs(code, file, ast) {
  if (!ast && !/@openapi|@swagger|---/.test(code)) return emptyDocsModel();
  let tree = ast;
  if (!tree) {
    const parsed = parseSource(code, file);
    if ("diagnostic" in parsed) return { ...emptyDocsModel(), diagnostics: [parsed.diagnostic] };
    tree = parsed.ast;
  }
  const models = [];
  const load = fileLoader();
  for (const c of tree.comments ?? []) {
    if (isDocComment(c) && hasOpenapiTag(c)) models.push(...readJsdocComment(c, file, load));
  }
  if (code.includes("---")) models.push(...readFlasggerBlocks(tree, code, file, load));
  if (!models.length) return emptyDocsModel();
  const model = combine(models);
  model.operations.sort((a, b) => a.at.line - b.at.line || (a.at.col ?? 0) - (b.at.col ?? 0));
  model.diagnostics.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  return model;
}
export {
  readSourceDocs
};
