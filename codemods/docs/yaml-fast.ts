// The fast path of parseYaml. Composing a document with the `yaml` package costs ~1 ms per doc block (15x
// js-yaml), which made reading 1,000 blocks blow the 1 s budget. So plain hand-written YAML is read with
// js-yaml, with a schema equal to `yaml`'s default YAML 1.2 core schema, and the offset of every node is
// recorded through js-yaml's `listener` hook (js-yaml keeps no positions), so locate() needs no second parse.
// Whatever the two libraries could read differently (tags, anchors/aliases, merge keys, complex or explicit
// keys, tabs, directives) or js-yaml rejects returns undefined, and the caller composes with `yaml` as before.
import { FAILSAFE_SCHEMA, load, Type, type State } from 'js-yaml';
import { splitPointer } from './yaml-source.js';

/** js-yaml's CORE_SCHEMA is close to YAML 1.2 core but also reads `1_000` and `0b101` as numbers; these types
 *  carry the tests of `yaml`'s core schema (yaml/dist/schema/{common/null,core/bool,core/int,core/float}.js),
 *  so both libraries give the same values. */
const coreNull = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string | null) => s === null || s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL',
  construct: () => null,
});
const coreBool = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => s === 'true' || s === 'True' || s === 'TRUE' || s === 'false' || s === 'False' || s === 'FALSE',
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
});
const coreInt = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => numberStart(s) && /^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$/.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : parseInt(s, 10)),
});
const coreFloat = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => numberStart(s) && /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s),
  construct: (s: string) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s.endsWith('inf') || s.endsWith('Inf') || s.endsWith('INF') ? (s[0] === '-' ? -Infinity : Infinity) : parseFloat(s)),
});
/** Every plain scalar goes through each implicit type: keep the regexes off words like `type` and `string`. */
function numberStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
}
const SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [coreNull, coreBool, coreInt, coreFloat] });

/** Constructs the two libraries may read differently; a text with any of them goes to `yaml`. Conservative: a
 *  false hit (a `*bold*` word in a description) only costs the slow path. */
const UNSAFE: Array<[string, RegExp]> = [
  // [a character the construct needs, the construct]: the indexOf screen keeps the regexes off most texts
  ['!', /(?:^|[\s,[{])![^\s,\]}]/m], // tags
  ['&', /(?:^|[\s,[{])&[^\s,\]}]/m], // anchors
  ['*', /(?:^|[\s,[{])\*[^\s,\]}]/m], // aliases
  ['<<', /<</], // merge keys
  ['?', /^[ \t-]*\?(?:[ \t]|$)/m], // explicit keys
  ['\t', /\t/], // tab indentation rules differ
  ['%', /^%/m], // directives (`%YAML 1.1` switches yaml's schema)
];

interface Frame {
  start: number;
  end: number;
  result: unknown;
  children: Frame[];
  /** mapEntries, once per mapping. */
  entries?: Array<[Frame, Frame | undefined]> | null;
}

export interface FastYaml {
  value: unknown;
  /** Offset of the key or item the pointer names (as far as it exists); undefined when the recorded nodes do not
   *  line up with the value, so the caller asks `yaml`. */
  offsetOf(pointer: string): number | undefined;
}

export function parseFast(text: string): FastYaml | undefined {
  for (const [ch, re] of UNSAFE) if (text.includes(ch) && re.test(text)) return undefined;
  // collection keys (`[a, b]: c`) and null keys (`~: x`) are read differently too (js-yaml names them 'a,b' and
  // 'null', yaml '[ a, b ]' and ''): a node that is followed by `:` is a key, and must be a string or number
  let unsafe = false;
  const top: Frame = { start: 0, end: 0, result: undefined, children: [] };
  const stack: Frame[] = [top];
  let value: unknown;
  try {
    value = load(text, {
      schema: SCHEMA,
      listener(event: 'open' | 'close', state: State) {
        if (event === 'open') {
          const frame: Frame = { start: state.position, end: 0, result: undefined, children: [] };
          stack[stack.length - 1].children.push(frame);
          stack.push(frame);
        } else {
          const frame = stack.pop()!;
          frame.end = state.position;
          frame.result = state.result;
          if ((frame.result === null || typeof frame.result === 'object') && isKey(text, frame)) unsafe = true;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (unsafe) return undefined;
  const root = top.children[0] as Frame | undefined;
  return {
    // `yaml` gives null for an empty document, js-yaml undefined
    value: value === undefined ? null : value,
    offsetOf: (pointer) => (root ? offsetOf(text, root, pointer) : 0),
  };
}

function offsetOf(text: string, root: Frame, pointer: string): number | undefined {
  let frame: Frame | undefined = root;
  let offset = nodeStart(text, root);
  if (offset >= text.length) return 0; // `yaml` has no contents node for a document of only comments
  for (const seg of splitPointer(pointer)) {
    frame = innermost(frame);
    const result = frame.result;
    if (Array.isArray(result)) {
      if (frame.children.length !== result.length) return undefined;
      const item: Frame | undefined = frame.children[Number(seg)];
      if (!item) break;
      offset = nodeStart(text, item);
      frame = item;
    } else if (result !== null && typeof result === 'object') {
      const entries = mapEntries(text, frame);
      if (!entries) return undefined;
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

/** js-yaml composes a value by first trying to read it as a mapping key, so one value can be several nested
 *  frames with the same result; the innermost one holds the children. */
function innermost(frame: Frame): Frame {
  while (frame.children.length === 1 && frame.children[0].result === frame.result) frame = frame.children[0];
  return frame;
}

/** A mapping frame's children as [key, value?] pairs: a key is a child followed by `:` on its line; an empty
 *  value has no frame. Undefined when they do not match the object's own keys one to one. */
function mapEntries(text: string, frame: Frame): Array<[Frame, Frame | undefined]> | undefined {
  if (frame.entries === undefined) frame.entries = pairUp(text, frame) ?? null;
  return frame.entries ?? undefined;
}

function pairUp(text: string, frame: Frame): Array<[Frame, Frame | undefined]> | undefined {
  const entries: Array<[Frame, Frame | undefined]> = [];
  for (const child of frame.children) {
    if (isKey(text, child)) entries.push([child, undefined]);
    else if (entries.length && !entries[entries.length - 1][1]) entries[entries.length - 1][1] = child;
    else return undefined;
  }
  const obj = frame.result as Record<string, unknown>;
  if (entries.length !== Object.keys(obj).length) return undefined;
  for (const [key] of entries) if (!Object.prototype.hasOwnProperty.call(obj, String(key.result))) return undefined;
  return entries;
}

function isKey(text: string, frame: Frame): boolean {
  let i = frame.end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':';
}

/** Where the node's own text starts: js-yaml opens a node before the blanks and comments that precede it. */
function nodeStart(text: string, frame: Frame): number {
  let i = frame.start;
  for (;;) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') i++;
    else if (ch === '#') while (i < text.length && text[i] !== '\n') i++;
    else return i;
  }
}
