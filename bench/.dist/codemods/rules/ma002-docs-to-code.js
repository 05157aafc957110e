import { isRecastTree, walk } from "./ast.js";
const COMMENT_KEYS = ["comments", "leadingComments", "trailingComments", "innerComments"];
const MARKER = /^(@openapi\b|@swagger\b|---\s*$)/;
function cleanLine(line) {
  return line.replace(/^\s*\*?\s?/, "").trim();
}
const normalize = (s) => s.replace(/\\(.)/g, "$1").replace(/\s+/g, " ").trim().toLowerCase();
function keptProse(c, range, specSource) {
  const lines = String(c.value).split("\n");
  const first = c.loc.start.line;
  const whole = first >= range.startLine && c.loc.end.line <= range.endLine;
  let candidates;
  if (whole) {
    const marker = lines.findIndex((l) => MARKER.test(cleanLine(l)));
    candidates = marker >= 0 ? lines.slice(0, marker) : [];
  } else {
    candidates = lines.filter((_, i) => first + i < range.startLine || first + i > range.endLine);
  }
  const spec = normalize(specSource);
  return candidates.map(cleanLine).filter((l) => l && l !== "/" && !spec.includes(normalize(l)));
}
function removeDocComments(ctx, ranges) {
  if (ranges.length === 0) return;
  const rangeOf = (c) => ranges.find((r) => c.loc && c.loc.end.line >= r.startLine && c.loc.start.line <= r.endLine);
  const replaced = /* @__PURE__ */ new Map();
  const keys = isRecastTree(ctx.program) ? ["comments"] : COMMENT_KEYS;
  const first = Math.min(...ranges.map((r) => r.startLine));
  const last = Math.max(...ranges.map((r) => r.endLine));
  walk(ctx.program, (node) => {
    if (node.loc && node.type !== "Program" && (node.loc.end.line < first - 1 || node.loc.start.line > last + 1)) {
      if (!node.comments && !node.leadingComments && !node.trailingComments) return false;
    }
    for (const key of keys) {
      const list = node[key];
      if (!Array.isArray(list) || list.length === 0) continue;
      const next = [];
      for (const c of list) {
        const range = rangeOf(c);
        if (!range) {
          next.push(c);
          continue;
        }
        if (!replaced.has(c)) {
          const prose = keptProse(c, range, range.specSource);
          if (prose.length === 0) replaced.set(c, null);
          else {
            const indent = " ".repeat(c.loc.start.column ?? 0);
            const value = c.type === "CommentLine" ? ` ${prose.join(" ")}` : `*
${prose.map((l) => `${indent} * ${l}`).join("\n")}
${indent} `;
            replaced.set(c, { type: c.type, value, leading: c.leading, trailing: c.trailing });
          }
        }
        const r = replaced.get(c);
        if (r) next.push(r);
      }
      if (next.length !== list.length || next.some((c, i) => c !== list[i])) node[key] = next;
    }
  });
  if (replaced.size) ctx.changed = true;
}
export {
  removeDocComments
};
