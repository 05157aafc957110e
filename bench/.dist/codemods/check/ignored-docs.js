import { isMap, isScalar, parseDocument } from "yaml";
const METHODS = /* @__PURE__ */ new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const PATH_KEY = /^\s*\/[^\s:]*:\s*$/m;
function ignoredDocBlocks(code, file) {
  const out = [];
  for (const m of code.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const startLine = code.slice(0, m.index).split("\n").length;
    const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
    const tagAt = lines.findIndex((l) => /@(openapi|swagger)\b/.test(l));
    if (tagAt < 0) {
      const body = lines.join("\n");
      if (PATH_KEY.test(body) && /^\s+(get|post|put|patch|delete):\s*$/m.test(body)) {
        out.push({
          kind: "doc-ignored",
          file,
          line: startLine,
          message: "this comment holds OpenAPI paths but has no @openapi or @swagger tag, so swagger-jsdoc ignores it",
          hint: "add a line `@openapi` at the top of the comment"
        });
      }
      continue;
    }
    out.push(...misplacedOperations(lines.slice(tagAt + 1).join("\n"), file, startLine + tagAt + 1));
  }
  return out;
}
function misplacedOperations(yamlText, file, firstLine) {
  const doc = parseDocument(yamlText);
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const lineOf = (offset) => firstLine + yamlText.slice(0, offset).split("\n").length - 1;
  const out = [];
  let emptyPath = null;
  const flushEmptyPath = () => {
    if (emptyPath) out.push({
      kind: "doc-ignored",
      file,
      line: emptyPath.line,
      message: `path "${emptyPath.key}" has no operations under it, so swagger-jsdoc documents nothing for it`,
      hint: "indent the operations (get:, post:, ...) under the path"
    });
    emptyPath = null;
  };
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    if (key.startsWith("/") && (value === null || isScalar(value))) {
      flushEmptyPath();
      emptyPath = { key, line: lineOf(pair.key.range?.[0] ?? 0) };
      continue;
    }
    if (!METHODS.has(key)) {
      flushEmptyPath();
      continue;
    }
    const path = emptyPath?.key;
    out.push({
      kind: "doc-ignored",
      file,
      line: lineOf(pair.key.range?.[0] ?? 0),
      message: `"${key}:" sits at the top level of the block, not under a path${path ? ` (${path} is left with no operations)` : ""}, so swagger-jsdoc drops the operation`,
      hint: `indent "${key}:" under ${path ? `"${path}:"` : "its path key"}`
    });
    emptyPath = null;
  }
  flushEmptyPath();
  return out;
}
export {
  ignoredDocBlocks
};
