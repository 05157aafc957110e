// Before: /** @openapi\n * /users/{id}:\n *   get: ... */ router.get('/users/:id', h)
// After:  router.get('/users/:id', { summary: ..., params: ..., responses: ... }, legacy(h))  (the YAML comment is gone)
import { isRecastTree, walk, type Node } from './ast.js';
import type { RuleContext } from './context.js';

const COMMENT_KEYS = ['comments', 'leadingComments', 'trailingComments', 'innerComments'] as const;
const MARKER = /^(@openapi\b|@swagger\b|---\s*$)/;

function cleanLine(line: string): string {
  return line.replace(/^\s*\*?\s?/, '').trim();
}

const normalize = (s: string) => s.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The prose of a doc comment that is not YAML and that the spec does not already carry: for a comment
 * wholly inside the range, the lines before `@openapi` / `---`; for one that only overlaps it, the lines
 * outside the range.
 */
function keptProse(c: Node, range: { startLine: number; endLine: number }, specSource: string): string[] {
  const lines = String(c.value).split('\n');
  const first = c.loc.start.line as number;
  const whole = first >= range.startLine && c.loc.end.line <= range.endLine;
  let candidates: string[];
  if (whole) {
    const marker = lines.findIndex((l) => MARKER.test(cleanLine(l)));
    candidates = marker >= 0 ? lines.slice(0, marker) : [];
  } else {
    candidates = lines.filter((_, i) => first + i < range.startLine || first + i > range.endLine);
  }
  const prose = candidates.map(cleanLine).filter((l) => l && l !== '/');
  // Most doc comments keep no prose: the spec is normalized only for those that do.
  if (prose.length === 0) return prose;
  const spec = normalize(specSource);
  return prose.filter((l) => !spec.includes(normalize(l)));
}

export interface DocRange { startLine: number; endLine: number; specSource: string }

/**
 * Removes (or reduces to its prose) every comment inside or overlapping one of the line ranges, in one
 * walk for the whole file (a walk per route made this the slowest step on large files).
 */
export function removeDocComments(ctx: RuleContext, ranges: DocRange[]): void {
  if (ranges.length === 0) return;
  // The range each line is in (the first listed, as a search of the list would find): a lookup per comment line
  // instead of a search of every range per comment, which was O(routes^2) on a file of thousands of routes.
  const byLine = new Map<number, number>();
  ranges.forEach((r, i) => { for (let l = r.startLine; l <= r.endLine; l++) if (!byLine.has(l)) byLine.set(l, i); });
  const rangeOf = (c: Node): DocRange | undefined => {
    if (!c.loc) return undefined;
    let found = Infinity;
    for (let l = c.loc.start.line as number; l <= c.loc.end.line; l++) found = Math.min(found, byLine.get(l) ?? Infinity);
    return ranges[found];
  };
  if (ctx.edits) {
    for (const c of ctx.comments ?? []) {
      const range = rangeOf(c);
      if (!range) continue;
      const prose = keptProse(c, range, range.specSource);
      if (prose.length === 0) ctx.edits.removeLines(c.start, c.end);
      else ctx.edits.replaceNode(c, c.type === 'CommentLine' ? `// ${prose.join(' ')}` : `/**\n${prose.map((l) => `${ctx.edits!.indentAt(c.start)} * ${l}`).join('\n')}\n${ctx.edits.indentAt(c.start)} */`);
      ctx.changed = true;
    }
    return;
  }
  const replaced = new Map<Node, Node | null>();
  // recast prints only `comments`; touching Babel's copies there makes its patcher reprint inconsistently.
  const keys = isRecastTree(ctx.program) ? ['comments'] : COMMENT_KEYS;
  const first = Math.min(...ranges.map((r) => r.startLine));
  const last = Math.max(...ranges.map((r) => r.endLine));
  walk(ctx.program, (node) => {
    // Comments attach to the nodes around them, so a subtree wholly outside every range can be skipped.
    if (node.loc && node.type !== 'Program' && (node.loc.end.line < first - 1 || node.loc.start.line > last + 1)) {
      if (!node.comments && !node.leadingComments && !node.trailingComments) return false;
    }
    for (const key of keys) {
      const list = node[key] as Node[] | undefined;
      if (!Array.isArray(list) || list.length === 0) continue;
      const next: Node[] = [];
      for (const c of list) {
        const range = rangeOf(c);
        if (!range) { next.push(c); continue; }
        if (!replaced.has(c)) {
          const prose = keptProse(c, range, range.specSource);
          if (prose.length === 0) replaced.set(c, null);
          else {
            const indent = ' '.repeat(c.loc.start.column ?? 0);
            const value = c.type === 'CommentLine'
              ? ` ${prose.join(' ')}`
              : `*\n${prose.map((l) => `${indent} * ${l}`).join('\n')}\n${indent} `;
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
