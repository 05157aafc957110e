import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { jsonPositions } from "./json-positions.js";
import { parseFast } from "./yaml-fast.js";
function parseYaml(text, file, map = (line, col) => ({ line, col })) {
  if (/^\s*[{[]/.test(text)) {
    const json = parseJson(text, file, map);
    if (json) return json;
  }
  const fast = parseFast(text);
  if (fast) {
    const at2 = positionAt(text, file, map);
    let doc2;
    const slow = (pointer) => offsetOf(doc2 ??= parseDocument(text, { uniqueKeys: true, merge: true }), pointer);
    return { file, value: fast.value, diagnostics: [], locate: (pointer) => at2(fast.offsetOf(pointer) ?? slow(pointer)) };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true });
  const at = (offset) => {
    const p = lineCounter.linePos(offset);
    return { file, ...map(p.line, p.col) };
  };
  const diagnostics = doc.errors.map((e) => ({
    code: "yaml-parse",
    severity: "error",
    message: firstLine(e.message),
    at: at(e.code === "MISSING_CHAR" && /quote/.test(e.message) ? openingQuote(text, e.pos[0], e.message) : e.pos[0])
  }));
  let value;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1e3 });
    } catch (err) {
      diagnostics.push({ code: "yaml-parse", severity: "error", message: err.message, at: at(0) });
    }
  }
  return { file, value, diagnostics, locate: (pointer) => at(offsetOf(doc, pointer)) };
}
function parseJson(text, file, map) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  let index;
  const at = positionAt(text, file, map);
  const locate = (pointer) => {
    index ??= jsonPositions(text);
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const offset = index.get(p);
      if (offset !== void 0 || p === "") return at(offset ?? 0);
    }
  };
  return { file, value, diagnostics: [], locate };
}
function positionAt(text, file, map) {
  let lines;
  return (offset) => {
    lines ??= lineStarts(text);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (lines[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, ...map(lo + 1, offset - lines[lo] + 1) };
  };
}
function lineStarts(text) {
  const out = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) out.push(i + 1);
  return out;
}
function openingQuote(text, end, message) {
  const q = text.lastIndexOf(message.includes('"') ? '"' : "'", end - 1);
  return q >= 0 ? q : end;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function splitPointer(pointer) {
  if (pointer === "" || pointer === "/") return [];
  const segments = pointer.replace(/^#?\//, "").split("/");
  return pointer.includes("~") ? segments.map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")) : segments;
}
function joinPointer(base, ...segments) {
  let out = base;
  for (const seg of segments) {
    const s = String(seg);
    out += "/" + (s.includes("~") || s.includes("/") ? s.replace(/~/g, "~0").replace(/\//g, "~1") : s);
  }
  return out;
}
function offsetOf(doc, pointer) {
  let node = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const seg of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
export {
  joinPointer,
  offsetOf,
  parseYaml,
  splitPointer
};
