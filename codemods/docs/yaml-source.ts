// YAML text (a spec file, or the YAML cut out of a comment) parsed with positions, so that any
// JSON pointer into the parsed value can be mapped back to a line and column of the *source* file.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { jsonPositions } from './json-positions.js';
import { parseFast } from './yaml-fast.js';

/** Maps a 1-based (line, col) inside the YAML text to the same place in the source file. */
export type PositionMap = (line: number, col: number) => { line: number; col: number };

export interface YamlSource {
  file: string;
  /** The parsed value; undefined when the YAML does not parse. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Where a JSON pointer (`/paths/~1users/get`) is written; the nearest existing ancestor when it is not. */
  locate(pointer: string): SourceLocation;
}

export function parseYaml(text: string, file: string, map: PositionMap = (line, col) => ({ line, col })): YamlSource {
  if (/^\s*[{[]/.test(text)) {
    const json = parseJson(text, file, map);
    if (json) return json;
  }
  const fast = parseFast(text);
  if (fast) {
    const at = positionAt(text, file, map);
    let doc: Document | undefined;
    // the nodes js-yaml recorded do not line up (rare): compose this one text with `yaml` for its positions
    const slow = (pointer: string) => offsetOf((doc ??= parseDocument(text, { uniqueKeys: true, merge: true })), pointer);
    return { file, value: fast.value, diagnostics: [], locate: (pointer) => at(fast.offsetOf(pointer) ?? slow(pointer)) };
  }
  const lineCounter = new LineCounter();
  // merge keys (`<<: *base`) are YAML 1.1, but hand-written swagger files use them a lot
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true });
  const at = (offset: number): SourceLocation => {
    const p = lineCounter.linePos(offset);
    return { file, ...map(p.line, p.col) };
  };
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    code: 'yaml-parse',
    severity: 'error',
    message: firstLine(e.message),
    at: at(e.code === 'MISSING_CHAR' && /quote/.test(e.message) ? openingQuote(text, e.pos[0], e.message) : e.pos[0]),
  }));
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (err) {
      diagnostics.push({ code: 'yaml-parse', severity: 'error', message: (err as Error).message, at: at(0) });
    }
  }
  return { file, value, diagnostics, locate: (pointer) => at(offsetOf(doc, pointer)) };
}

/** JSON (most spec files) through JSON.parse and a position scanner; undefined when it is not strict JSON,
 *  so the yaml package reads it (and reports errors with their line). */
function parseJson(text: string, file: string, map: PositionMap): YamlSource | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  let index: Map<string, number> | undefined;
  const at = positionAt(text, file, map);
  const locate = (pointer: string): SourceLocation => {
    index ??= jsonPositions(text);
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const offset = index.get(p);
      if (offset !== undefined || p === '') return at(offset ?? 0);
    }
  };
  return { file, value, diagnostics: [], locate };
}

/** Offset -> source location, as yaml's LineCounter.linePos gives it (1-based line and column). */
function positionAt(text: string, file: string, map: PositionMap): (offset: number) => SourceLocation {
  let lines: number[] | undefined;
  return (offset) => {
    lines ??= lineStarts(text);
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, ...map(lo + 1, offset - lines[lo] + 1) };
  };
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** An unterminated string is reported where the text ends; the line a reader needs is the opening quote's. */
function openingQuote(text: string, end: number, message: string): number {
  const q = text.lastIndexOf(message.includes('"') ? '"' : "'", end - 1);
  return q >= 0 ? q : end;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const segments = pointer.replace(/^#?\//, '').split('/');
  // pointers are built and split for every node read; most segments hold no escape
  return pointer.includes('~') ? segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : segments;
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  let out = base;
  for (const seg of segments) {
    const s = String(seg);
    out += '/' + (s.includes('~') || s.includes('/') ? s.replace(/~/g, '~0').replace(/\//g, '~1') : s);
  }
  return out;
}

/** Offset of the key (for map entries) or item that the pointer names, walking as far as it exists. */
export function offsetOf(doc: Document, pointer: string): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const seg of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
