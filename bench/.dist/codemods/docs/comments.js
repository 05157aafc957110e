function isDocComment(c) {
  return c.type === "CommentBlock" && c.value.startsWith("*");
}
function unwrapComment(c) {
  const startLine = c.loc?.start.line ?? 1;
  const startCol = (c.loc?.start.column ?? 0) + 2;
  const raw = c.value.split("\n").map((t) => t.replace(/\r$/, ""));
  raw[0] = raw[0].replace(/^\*/, "");
  const starred = raw.some((t, i) => i > 0 && /^[ \t]*\*/.test(t));
  const indent = starred ? 0 : Math.min(...raw.slice(1).filter((t) => t.trim()).map((t) => t.length - t.trimStart().length), Infinity);
  return raw.map((t, i) => {
    const base = i === 0 ? startCol + 1 : 0;
    let j = 0;
    if (starred || i === 0) {
      while (j < t.length && (t[j] === " " || t[j] === "	")) j++;
      if (t[j] === "*") {
        j++;
        if (t[j] === " " || t[j] === "	") j++;
      }
    } else if (Number.isFinite(indent)) {
      j = Math.min(indent, t.length);
    }
    return { text: t.slice(j), line: startLine + i, col: base + j + 1 };
  });
}
function trimBlank(lines) {
  let a = 0;
  let b = lines.length;
  while (a < b && !lines[a].text.trim()) a++;
  while (b > a && !lines[b - 1].text.trim()) b--;
  return lines.slice(a, b);
}
const TAG_LINE = /^\s*@\w/;
function openapiSections(lines) {
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)@(openapi|swagger)(?=\s|$)/.exec(lines[i].text);
    if (!m) continue;
    const rest = lines[i].text.slice(m[0].length);
    const body = [];
    if (rest.trim()) {
      const lead = rest.length - rest.trimStart().length;
      body.push({ text: rest.slice(lead), line: lines[i].line, col: lines[i].col + m[0].length + lead });
    }
    let j = i + 1;
    for (; j < lines.length && !TAG_LINE.test(lines[j].text); j++) body.push(lines[j]);
    out.push({ tag: m[2], lines: trimBlank(body) });
    i = j - 1;
  }
  return out;
}
const FLASGGER_KEY = /^(responses|parameters|tags|summary|description|operationId|requestBody|definitions|consumes|produces|security|deprecated)\s*:/;
function flasggerParts(lines) {
  const sep = lines.findIndex((l) => l.text.trim() === "---");
  if (sep < 0) return void 0;
  const yaml = trimBlank(lines.slice(sep + 1));
  if (!yaml.some((l) => FLASGGER_KEY.test(l.text))) return void 0;
  const prose = trimBlank(lines.slice(0, sep)).map((l) => l.text.trim());
  const blank = prose.indexOf("");
  const summaryLines = blank < 0 ? prose : prose.slice(0, blank);
  const descLines = blank < 0 ? [] : prose.slice(blank + 1);
  const summary = summaryLines.join(" ").trim();
  const description = descLines.join("\n").trim();
  return {
    ...summary ? { summary } : {},
    ...description ? { description } : {},
    yaml,
    separatorLine: lines[sep].line
  };
}
function yamlText(lines) {
  return {
    text: lines.map((l) => l.text).join("\n"),
    map: (line, col) => {
      const l = lines[Math.min(Math.max(line - 1, 0), lines.length - 1)];
      return l ? { line: l.line, col: l.col + col - 1 } : { line, col };
    }
  };
}
export {
  flasggerParts,
  isDocComment,
  openapiSections,
  unwrapComment,
  yamlText
};
