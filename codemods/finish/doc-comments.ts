// Before: /** @openapi\n * /users:\n *   get: ... */  router.get('/users', { summary: 'List users', responses: {...} }, legacy(list));
// After:  router.get('/users', { summary: 'List users', responses: {...} }, legacy(list));
//
// A YAML doc comment duplicates code once the route under it carries its spec object (MA002 wrote it from that
// very comment) or, for a components block, once the schemas module defines every schema it names. The migration
// kept such comments while swagger-jsdoc still read them at run time; once nothing does, they go.
import { openapiSections, unwrapComment } from '../docs/comments.js';
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { parseProgram } from './source.js';
import { parse as parseYaml } from 'yaml';

/** Every named component a components block defines; a block that does not parse names none (so it stays). */
function componentNames(text: string): string[] {
  let doc: Record<string, any>;
  try { doc = parseYaml(text) ?? {}; } catch { return []; }
  const sections = { ...(doc.components ?? {}), ...(doc.definitions ? { schemas: doc.definitions } : {}) } as Record<string, object>;
  return Object.values(sections).flatMap((v) => (v && typeof v === 'object' ? Object.keys(v) : []));
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

/** A statement `x.<verb>('/path', { ...spec }, ...)` whose spec says something. */
function specRouteStart(program: Node): Map<number, boolean> {
  const out = new Map<number, boolean>();
  walk(program, (n) => {
    if (n.type !== 'ExpressionStatement' || n.expression.type !== 'CallExpression') return;
    const call = n.expression;
    if (call.callee.type !== 'MemberExpression' || !VERBS.has(call.callee.property?.name)) return;
    const spec = call.arguments[1];
    out.set(n.start, spec?.type === 'ObjectExpression' && spec.properties.length > 0);
  });
  return out;
}

export interface CommentRemoval { output?: string; removed: string[]; kept: string[] }

/** `schemaDefined(name)`: the schemas module exports that named schema. */
export function removeDuplicateDocComments(source: string, file: string, schemaDefined: (name: string) => boolean): CommentRemoval {
  const removed: string[] = [];
  const kept: string[] = [];
  const parsed = parseProgram(source, file);
  if (!parsed) return { removed, kept };
  const file_ = parsed;
  const routes = specRouteStart(file_);
  const comments = ((file_ as unknown as { comments?: Node[] }).comments ?? []) as Node[];
  // Babel keeps comments on the File, not the Program: read them from the statements' leading comments.
  const seen = new Set<Node>();
  const all: Array<{ c: Node; next: Node | null }> = [];
  // Leading comments first: the same comment is also the trailing comment of the statement before it.
  walk(file_, (n) => {
    for (const c of (n.leadingComments ?? []) as Node[]) if (!seen.has(c)) { seen.add(c); all.push({ c, next: n }); }
  });
  walk(file_, (n) => {
    for (const c of [...(n.trailingComments ?? []), ...(n.innerComments ?? [])] as Node[]) if (!seen.has(c)) { seen.add(c); all.push({ c, next: null }); }
  });
  for (const c of comments) if (!seen.has(c)) all.push({ c, next: null });
  const edits = new SourceEdits(source);
  for (const { c, next } of all) {
    if (c.type !== 'CommentBlock' || !c.value.startsWith('*')) continue;
    const sections = openapiSections(unwrapComment(c as never));
    if (!sections.length) continue;
    const at = `${file}:${c.loc.start.line}`;
    const text = sections.map((s) => s.lines.map((l) => (l as { text: string }).text).join('\n')).join('\n');
    const isComponents = /^\s*(components|definitions)\s*:/m.test(text) && !/^\s*\/\S*\s*:/m.test(text);
    if (isComponents) {
      const names = componentNames(text);
      const missing = names.filter((n) => !schemaDefined(n));
      if (names.length && !missing.length) { edits.removeLines(c.start, c.end); removed.push(`${at}: components block (${names.join(', ')})`); }
      else kept.push(`${at}: components block: ${missing.length ? `the schemas module does not define ${missing.join(', ')}` : 'no named schema found in it'}`);
      continue;
    }
    if (next && routes.get(next.start)) { edits.removeLines(c.start, c.end); removed.push(`${at}: route doc block`); }
    else kept.push(`${at}: doc block not above a route with a spec object: it documents something the code does not carry yet`);
  }
  const output = edits.apply();
  return { output: output === source ? undefined : output, removed, kept };
}
