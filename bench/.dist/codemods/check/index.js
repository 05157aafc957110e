import { readFileSync } from "node:fs";
import { relative, sep } from "node:path";
import { analyzeProject } from "../analyze.js";
import { parseSource } from "../parse.js";
import { sortFindings } from "./findings.js";
import { staticDrift } from "./static-drift.js";
import { runtimeDrift } from "./runtime-drift.js";
import { ignoredDocBlocks } from "./ignored-docs.js";
async function checkProject(root, opts = {}) {
  const sources = /* @__PURE__ */ new Map();
  const analysis = await analyzeProject(root, { specs: opts.specs, onParsed: (file, code) => sources.set(file, code) });
  const rel = (f) => relative(analysis.root, f).split(sep).join("/") || f;
  const asts = /* @__PURE__ */ new Map();
  const astOf = (file) => {
    if (!asts.has(file)) {
      let code = sources.get(file);
      if (code === void 0) {
        try {
          code = readFileSync(file, "utf8");
        } catch {
          code = void 0;
        }
      }
      const parsed = code === void 0 ? null : parseSource(code, file);
      asts.set(file, parsed && "ast" in parsed ? parsed.ast : null);
    }
    return asts.get(file);
  };
  let findings = staticDrift({ match: analysis.match, docs: analysis.docs, astOf, rel, headersReadAnywhere: headersRead(sources.values()) });
  for (const [file, code] of sources) findings.push(...ignoredDocBlocks(code, rel(file)));
  if (opts.runtime) findings.push(...runtimeDrift(readFileSync(opts.runtime, "utf8"), opts.runtime, analysis, rel));
  if (opts.ignore?.length) findings = findings.filter((f) => !opts.ignore.includes(f.kind));
  const absolute = analysis.root + sep;
  findings = findings.map((f) => ({ ...f, message: f.message.split(absolute).join("") }));
  return { analysis, findings: sortFindings(dedupe(findings)) };
}
function headersRead(sources) {
  const names = /* @__PURE__ */ new Set();
  for (const code of sources) {
    for (const m of code.matchAll(/\.(?:get|header)\(\s*['"`]([\w-]+)['"`]\s*\)|\.headers\[\s*['"`]([\w-]+)['"`]\s*\]|\.headers\.(\w+)/g)) {
      names.add((m[1] ?? m[2] ?? m[3]).toLowerCase());
    }
  }
  return names;
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.file}|${f.line}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
export {
  checkProject
};
