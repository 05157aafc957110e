import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { emptyDocsModel } from "../model.js";
import { isObject } from "./context.js";
import { blockDocument } from "./jsdoc.js";
import { combine, mergeDocs } from "./merge.js";
import { normalizeRaw } from "./normalize.js";
import { parseYaml } from "./yaml-source.js";
async function readSpecFile(path) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return { ...emptyDocsModel(), diagnostics: [{ code: "unsupported", severity: "error", message: `cannot read spec file: ${err.message}`, at: { file: path, line: 1 } }] };
  }
  const root = parseYaml(text, path);
  if (root.diagnostics.length) return { ...emptyDocsModel(), diagnostics: root.diagnostics };
  const model = emptyDocsModel();
  const value = root.value;
  const versioned = isObject(value) && (value.swagger !== void 0 || value.openapi !== void 0);
  const fragment = isObject(value) && !versioned && value.paths === void 0 && Object.keys(value).some((k) => k.startsWith("/") || k === "components" || k === "definitions");
  if (!versioned && !fragment) {
    model.diagnostics.push({ code: "unsupported", severity: "warning", message: "no `swagger` or `openapi` version key: read as OpenAPI 3.1", at: root.locate("") });
  }
  const files = /\$ref['"]?\s*:\s*['"]?[^#'"\s]/.test(text) ? await loadReferencedFiles(path, model) : /* @__PURE__ */ new Map();
  const load = (file) => files.get(resolve(file));
  const doc = fragment ? blockDocument(value, path, root.locate, model.diagnostics) : { file: path, value, locate: root.locate };
  const normalized = normalizeRaw(doc, { style: "spec-file", load, fragment });
  normalized.diagnostics.unshift(...model.diagnostics);
  return fragment ? combine([normalized]) : mergeDocs([normalized]);
}
async function loadReferencedFiles(path, model) {
  const files = /* @__PURE__ */ new Map();
  const base = dirname(path);
  const absBase = resolve(base);
  const yamlPlugin = {
    order: 1,
    canParse: true,
    parse(file) {
      const abs = resolve(file.url);
      const shown = abs === resolve(path) ? path : join(base, relative(absBase, abs));
      const parsed = parseYaml(typeof file.data === "string" ? file.data : file.data.toString("utf8"), shown);
      if (abs !== resolve(path)) {
        files.set(abs, parsed);
        model.diagnostics.push(...parsed.diagnostics);
      }
      return parsed.value ?? {};
    }
  };
  try {
    await SwaggerParser.resolve(resolve(path), {
      continueOnError: true,
      resolve: { http: false, external: true },
      parse: { json: false, yaml: false, text: false, binary: false, positions: yamlPlugin }
    });
  } catch {
  }
  return files;
}
export {
  readSpecFile
};
