import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import ignore from "ignore";
import { SOURCE_EXTENSIONS } from "../parse.js";
const SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "dist", "build", "coverage", ".git", "out", ".next", ".nuxt"]);
const SOURCE_RE = new RegExp(`(${SOURCE_EXTENSIONS.map((e) => e.replace(".", "\\.")).join("|")})$`);
const DECLARATION_RE = /\.d\.[cm]?ts$/;
function isSourceFile(name) {
  return SOURCE_RE.test(name) && !DECLARATION_RE.test(name);
}
function listSourceFiles(root) {
  root = resolve(root);
  try {
    if (statSync(root).isFile()) return isSourceFile(root) ? [root] : [];
  } catch {
    return [];
  }
  const out = [];
  walk(root, root, [], out);
  return out.sort();
}
function walk(root, dir, rules, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  if (entries.some((e) => e.isFile() && e.name === ".gitignore")) {
    try {
      const ig = ignore().add(readFileSync(join(dir, ".gitignore"), "utf8"));
      rules = [...rules, { base: dir, ig }];
    } catch {
    }
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    const isDir = e.isDirectory();
    if (isDir && SKIPPED_DIRS.has(e.name)) continue;
    if (!isDir && !(e.isFile() && isSourceFile(e.name))) continue;
    if (ignored(full, isDir, rules)) continue;
    if (isDir) walk(root, full, rules, out);
    else out.push(full);
  }
}
function ignored(full, isDir, rules) {
  for (const r of rules) {
    let rel = relative(r.base, full);
    if (sep !== "/") rel = rel.split(sep).join("/");
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
export {
  SKIPPED_DIRS,
  isSourceFile,
  listSourceFiles
};
