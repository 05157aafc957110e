// Positions of every key and item of a JSON text, by JSON pointer. JSON.parse gives none, and composing a
// large JSON spec through the yaml package costs ~60x JSON.parse (600 ms for a 16,000-line spec), so JSON
// files get this single-pass scanner instead; it only runs on text JSON.parse has already accepted.
import { joinPointer } from './yaml-source.js';

export function jsonPositions(text: string): Map<string, number> {
  const index = new Map<string, number>([['', skip(text, 0)]]);
  let pos = 0;
  const ws = () => {
    pos = skip(text, pos);
  };
  const str = (): string => {
    const start = pos;
    pos++;
    let escaped = false;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') {
        escaped = true;
        pos++;
      }
      pos++;
    }
    pos++;
    const raw = text.slice(start, pos);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  const value = (ptr: string): void => {
    ws();
    const ch = text[pos];
    if (ch === '{') {
      pos++;
      for (;;) {
        ws();
        if (text[pos] === '}') { pos++; return; }
        if (text[pos] === ',') { pos++; continue; }
        const at = pos;
        const key = str();
        const child = joinPointer(ptr, key);
        index.set(child, at);
        ws();
        pos++; // ':'
        value(child);
      }
    } else if (ch === '[') {
      pos++;
      for (let i = 0; ; ) {
        ws();
        if (text[pos] === ']') { pos++; return; }
        if (text[pos] === ',') { pos++; continue; }
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
  value('');
  return index;
}

function skip(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\n' || text[pos] === '\r' || text[pos] === '\t')) pos++;
  return pos;
}
