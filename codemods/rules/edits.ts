// Before: router.get('/x', auth, (req, res) => res.json(find(req.params.id)));
// After:  router.get('/x', { params: ... }, auth, legacy((req, res) => res.json(find(req.params.id))));  (3 insertions)
//
// The rules record these text edits at Babel's offsets beside their tree edits, and only those ranges change:
// no recast reprint of the whole file (which cost ~6 ms a file, most of a migration).
// Why our own and not magic-string: the rules need "this node's original text, with the edits inside it
// applied" as a building block (a send rewritten to `return reply(201, <value>)` whose value also had
// `req.body` -> `body`), which is a dozen lines here and a move/overwrite dance with magic-string.
import type { Node } from './ast.js';

/** A replacement is built of literal text and slices of the original source (rendered with their own edits). */
export type Part = string | { start: number; end: number };

interface Edit { start: number; end: number; parts: Part[]; seq: number }

export class SourceEdits {
  private edits: Edit[] = [];
  /** Replacements by range, so finding "the same range" is not a search of every edit (quadratic on big files). */
  private byRange = new Map<string, Edit>();
  private seq = 0;
  /** Set when a rule made a change these edits cannot express; the caller then reprints with recast. */
  unsupported: string | null = null;

  /** The file's own line ending and indent: inserted lines use them (a CRLF file must not come out mixed). */
  private readonly crlf: boolean;
  private readonly tabs: boolean;

  /** `layoutOf`: edits of the same source whose layout is already known (a function rewritten on its own copy). */
  constructor(readonly source: string, layoutOf?: SourceEdits) {
    if (layoutOf) {
      this.crlf = layoutOf.crlf;
      this.tabs = layoutOf.tabs;
      return;
    }
    const lf = source.match(/\n/g)?.length ?? 0;
    const crlfCount = source.match(/\r\n/g)?.length ?? 0;
    this.crlf = crlfCount > 0 && crlfCount * 2 >= lf;
    this.tabs = (source.match(/^\t/gm)?.length ?? 0) > (source.match(/^ /gm)?.length ?? 0);
  }

  /** Generated text (specs, imports) is written with `\n` and two-space indents: made the file's own. */
  private local(text: string): string {
    let out = text;
    if (this.tabs) out = out.replace(/\n(\t*)((?: {2})+)/g, (_, tabs: string, spaces: string) => `\n${tabs}${'\t'.repeat(spaces.length / 2)}`);
    if (this.crlf) out = out.replace(/\r?\n/g, '\r\n');
    return out;
  }

  slice(node: Node): Part {
    return { start: node.start as number, end: node.end as number };
  }

  /** Replaces [start, end); a second replacement of the same range wins over the first. */
  replace(start: number, end: number, ...parts: Part[]): void {
    parts = parts.map((p) => (typeof p === 'string' ? this.local(p) : p));
    const same = start < end ? this.byRange.get(`${start}:${end}`) : undefined;
    if (same) { same.parts = parts; return; }
    const edit = { start, end, parts, seq: this.seq++ };
    this.edits.push(edit);
    if (start < end) this.byRange.set(`${start}:${end}`, edit);
  }

  replaceNode(node: Node, ...parts: Part[]): void {
    this.replace(node.start, node.end, ...parts);
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  /** Wraps a node: `before<node>after`. */
  wrap(node: Node, before: string, after: string): void {
    this.insert(node.start, before);
    this.insert(node.end, after);
  }

  /** Removes [start, end) and, when nothing else is on those lines, the lines themselves. */
  removeLines(start: number, end: number): void {
    const src = this.source;
    let s = start;
    while (s > 0 && (src[s - 1] === ' ' || src[s - 1] === '\t')) s--;
    let e = end;
    while (e < src.length && (src[e] === ' ' || src[e] === '\t')) e++;
    const ownLines = (s === 0 || src[s - 1] === '\n') && (e === src.length || src[e] === '\n' || src[e] === '\r');
    if (!ownLines) { this.replace(start, end); return; }
    if (src[e] === '\r') e++;
    if (src[e] === '\n') e++;
    // Between two blank lines, one of them goes too.
    // Sticky, not `src.slice(e)`: a copy of the rest of the file per removed comment was quadratic on big files.
    const blankLine = /[ \t]*\r?\n/y;
    blankLine.lastIndex = e;
    const blank = blankLine.exec(src);
    if (blank && /\n[ \t]*\r?\n$/.test(src.slice(Math.max(0, s - 8), s))) e += blank[0].length;
    this.replace(s, e);
  }

  /** Whether only whitespace precedes `pos` on its line. */
  startsLine(pos: number): boolean {
    return /^[ \t]*$/.test(this.source.slice(this.source.lastIndexOf('\n', pos - 1) + 1, pos));
  }

  /** The whitespace that starts the line holding `pos`. */
  indentAt(pos: number): string {
    const lineStart = this.source.lastIndexOf('\n', pos - 1) + 1;
    return /^[ \t]*/.exec(this.source.slice(lineStart, pos))![0];
  }

  /** Where text can go after a statement without splitting it from a comment on the same line. */
  endOfLineAfter(pos: number): number {
    const nl = this.source.indexOf('\n', pos);
    const lineEnd = nl < 0 ? this.source.length : this.source[nl - 1] === '\r' ? nl - 1 : nl;
    return /^\s*(\/\/.*|\/\*.*\*\/\s*)?$/.test(this.source.slice(pos, lineEnd)) ? lineEnd : pos;
  }

  /** The source with every edit applied. */
  apply(): string {
    // By start; at one offset, insertions before the replacement that begins there, each in the order made.
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || (a.end - a.start) - (b.end - b.start) || a.seq - b.seq);
    const used = new Set<Edit>();
    // The first edit starting at or after an offset (binary search): a nested render looks at its own range only.
    const firstFrom = (offset: number): number => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]!.start < offset) lo = mid + 1; else hi = mid; }
      return lo;
    };
    const render = (start: number, end: number): string => {
      let out = '';
      let pos = start;
      for (let k = firstFrom(start); k < sorted.length && sorted[k]!.start <= end; k++) {
        const e = sorted[k]!;
        if (used.has(e) || e.start < pos || e.end > end) continue;
        used.add(e);
        out += this.source.slice(pos, e.start) + e.parts.map((p) => (typeof p === 'string' ? p : render(p.start, p.end))).join('');
        pos = e.end;
      }
      return out + this.source.slice(pos, end);
    };
    return render(0, this.source.length);
  }
}

/** Indents every line after the first (the first continues a line that already has its indent). */
export function indentRest(text: string, indent: string): string {
  return indent ? text.replace(/\n(?=[^\n])/g, `\n${indent}`) : text;
}
