import { joinPointer } from "./yaml-source.js";
function jsonPositions(text) {
  const index = /* @__PURE__ */ new Map([["", skip(text, 0)]]);
  let pos = 0;
  const ws = () => {
    pos = skip(text, pos);
  };
  const str = () => {
    const start = pos;
    pos++;
    let escaped = false;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === "\\") {
        escaped = true;
        pos++;
      }
      pos++;
    }
    pos++;
    const raw = text.slice(start, pos);
    return escaped ? JSON.parse(raw) : raw.slice(1, -1);
  };
  const value = (ptr) => {
    ws();
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      for (; ; ) {
        ws();
        if (text[pos] === "}") {
          pos++;
          return;
        }
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        const at = pos;
        const key = str();
        const child = joinPointer(ptr, key);
        index.set(child, at);
        ws();
        pos++;
        value(child);
      }
    } else if (ch === "[") {
      pos++;
      for (let i = 0; ; ) {
        ws();
        if (text[pos] === "]") {
          pos++;
          return;
        }
        if (text[pos] === ",") {
          pos++;
          continue;
        }
        const child = joinPointer(ptr, i++);
        index.set(child, pos);
        value(child);
      }
    } else if (ch === '"') {
      str();
    } else {
      while (pos < text.length && !/[\s,\]}]/.test(text[pos])) pos++;
    }
  };
  value("");
  return index;
}
function skip(text, pos) {
  while (pos < text.length && (text[pos] === " " || text[pos] === "\n" || text[pos] === "\r" || text[pos] === "	")) pos++;
  return pos;
}
export {
  jsonPositions
};
