import { FAILSAFE_SCHEMA, load, Type } from "js-yaml";
import { splitPointer } from "./yaml-source.js";
const coreNull = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (s) => s === null || /^(?:~|[Nn]ull|NULL)?$/.test(s),
  construct: () => null
});
const coreBool = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (s) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
  construct: (s) => s[0] === "t" || s[0] === "T"
});
const coreInt = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (s) => /^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$/.test(s),
  construct: (s) => s.startsWith("0o") ? parseInt(s.slice(2), 8) : s.startsWith("0x") ? parseInt(s.slice(2), 16) : parseInt(s, 10)
});
const coreFloat = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (s) => /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s),
  construct: (s) => s.slice(-3).toLowerCase() === "nan" ? NaN : s.endsWith("inf") || s.endsWith("Inf") || s.endsWith("INF") ? s[0] === "-" ? -Infinity : Infinity : parseFloat(s)
});
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });
const UNSAFE = [
  // [a character the construct needs, the construct]: the indexOf screen keeps the regexes off most texts
  ["!", /(?:^|[\s,[{])![^\s,\]}]/m],
  // tags
  ["&", /(?:^|[\s,[{])&[^\s,\]}]/m],
  // anchors
  ["*", /(?:^|[\s,[{])\*[^\s,\]}]/m],
  // aliases
  ["<<", /<</],
  // merge keys
  ["?", /^[ \t-]*\?(?:[ \t]|$)/m],
  // explicit keys
  ["	", /\t/],
  // tab indentation rules differ
  ["%", /^%/m]
  // directives (`%YAML 1.1` switches yaml's schema)
];
function parseFast(text) {
  for (const [ch, re] of UNSAFE) if (text.includes(ch) && re.test(text)) return void 0;
  let unsafe = false;
  const top = { start: 0, end: 0, result: void 0, children: [] };
  const stack = [top];
  let value;
  try {
    value = load(text, {
      schema: SCHEMA,
      listener(event, state) {
        if (event === "open") {
          const frame = { start: state.position, end: 0, result: void 0, children: [] };
          stack[stack.length - 1].children.push(frame);
          stack.push(frame);
        } else {
          const frame = stack.pop();
          frame.end = state.position;
          frame.result = state.result;
          if ((frame.result === null || typeof frame.result === "object") && isKey(text, frame)) unsafe = true;
        }
      }
    });
  } catch {
    return void 0;
  }
  if (unsafe) return void 0;
  const root = top.children[0];
  return {
    // `yaml` gives null for an empty document, js-yaml undefined
    value: value === void 0 ? null : value,
    offsetOf: (pointer) => root ? offsetOf(text, root, pointer) : 0
  };
}
function offsetOf(text, root, pointer) {
  let frame = root;
  let offset = nodeStart(text, root);
  if (offset >= text.length) return 0;
  for (const seg of splitPointer(pointer)) {
    frame = innermost(frame);
    const result = frame.result;
    if (Array.isArray(result)) {
      if (frame.children.length !== result.length) return void 0;
      const item = frame.children[Number(seg)];
      if (!item) break;
      offset = nodeStart(text, item);
      frame = item;
    } else if (result !== null && typeof result === "object") {
      const entries = mapEntries(text, frame);
      if (!entries) return void 0;
      const entry = entries.find(([key]) => String(key.result) === seg);
      if (!entry) break;
      offset = nodeStart(text, entry[0]);
      frame = entry[1];
      if (!frame) break;
    } else {
      break;
    }
  }
  return offset;
}
function innermost(frame) {
  while (frame.children.length === 1 && frame.children[0].result === frame.result) frame = frame.children[0];
  return frame;
}
function mapEntries(text, frame) {
  if (frame.entries === void 0) frame.entries = pairUp(text, frame) ?? null;
  return frame.entries ?? void 0;
}
function pairUp(text, frame) {
  const entries = [];
  for (const child of frame.children) {
    if (isKey(text, child)) entries.push([child, void 0]);
    else if (entries.length && !entries[entries.length - 1][1]) entries[entries.length - 1][1] = child;
    else return void 0;
  }
  const obj = frame.result;
  if (entries.length !== Object.keys(obj).length) return void 0;
  for (const [key] of entries) if (!Object.prototype.hasOwnProperty.call(obj, String(key.result))) return void 0;
  return entries;
}
function isKey(text, frame) {
  let i = frame.end;
  while (text[i] === " " || text[i] === "	") i++;
  return text[i] === ":";
}
function nodeStart(text, frame) {
  let i = frame.start;
  for (; ; ) {
    const ch = text[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "	") i++;
    else if (ch === "#") while (i < text.length && text[i] !== "\n") i++;
    else return i;
  }
}
export {
  parseFast
};
