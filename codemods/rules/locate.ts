// Finds the route call a RoutePlan points at (`at` = where `router.get(` begins, as the scan records it)
// and the statement that holds it, and writes TODO markers above statements a rule leaves alone.
import type { RoutePlan } from '../plan.js';
import { memberName, walk, type Node, type Parents } from './ast.js';
import type { RuleContext } from './context.js';

export const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

/** Every `x.<method>(...)` call starting at the plan's line (and column, when given). `program` may be one
 *  top-level statement, found by `statementAt`, so a file of thousands of routes is not walked once per route. */
export function locateRouteCall(program: Node, plan: RoutePlan): Node | null {
  let found: Node | null = null;
  walk(program, (node) => {
    if (found) return false;
    const loc = node.loc;
    if (loc && (loc.start.line > plan.at.line || loc.end.line < plan.at.line)) return false;
    // A later verb of a chain (`router.route('/x').get(h).put(h)`) starts where the chain does, so the
    // scan records it at the verb's own name (scan/file-scan.ts, `callee.property`): match either.
    const verbLoc = node.type === 'CallExpression' ? node.callee?.property?.loc : undefined;
    const startsAt = (l: { start: { line: number; column: number } } | undefined) => !!l && l.start.line === plan.at.line
      && (plan.at.col === undefined || l.start.column + 1 === plan.at.col);
    if (node.type === 'CallExpression' && (startsAt(loc) || startsAt(verbLoc))
      && memberName(node.callee) === plan.method) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

/** The statement (in a block or program body) that contains node. */
export function enclosingStatement(parents: Parents, node: Node): Node | null {
  let cur: Node | undefined = node;
  while (cur) {
    const parent = parents.get(cur);
    if (!parent) return null;
    // A block's children are its statements (and directives), a case's its test and statements: no search of the
    // list (`includes` per route was O(routes x statements) on a file of thousands of routes).
    if ((parent.type === 'BlockStatement' || parent.type === 'Program' || parent.type === 'StaticBlock') && Array.isArray(parent.body) && cur.type !== 'Directive') return cur;
    if (parent.type === 'SwitchCase' && cur !== parent.test) return cur;
    cur = parent;
  }
  return null;
}

/** The comments recast (`comments`) or Babel (`leadingComments`) put before a node. */
export function leadingComments(node: Node): Node[] {
  const recast = (node.comments as Node[] | undefined)?.filter((c) => c.leading);
  return recast ?? (node.leadingComments as Node[] | undefined) ?? [];
}

export const TODO_PREFIX = 'TODO(migrate-api ';

/** Puts `// TODO(migrate-api MA0xx): why` above the statement once per rule; returns whether it added it. */
export function addTodo(ctx: RuleContext, stmt: Node, rule: string, why: string): boolean {
  if (leadingComments(stmt).some((c) => String(c.value).includes(`${TODO_PREFIX}${rule})`))) return false;
  const comment = { type: 'CommentLine', value: ` ${TODO_PREFIX}${rule}): ${why}`, leading: true, trailing: false };
  ctx.edits?.insert(stmt.start, `//${comment.value}\n${ctx.edits.indentAt(stmt.start)}`);
  if (stmt.loc?.lines || stmt.comments) {
    stmt.comments ??= [];
    // recast prints `comments`; a TODO goes after the doc comments, right above the code.
    const lead = stmt.comments.filter((c: Node) => c.leading);
    stmt.comments.splice(lead.length ? stmt.comments.indexOf(lead[lead.length - 1]) + 1 : 0, 0, comment);
  } else {
    stmt.leadingComments = [...(stmt.leadingComments ?? []), comment];
  }
  return true;
}

/** The top-level statements of a program, for a binary search by line (they are in source order). */
export function statementAt(program: Node, line: number): Node | null {
  const body = program.body as Node[];
  let lo = 0;
  let hi = body.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const loc = body[mid]!.loc;
    if (!loc) return null;
    if (loc.end.line < line) lo = mid + 1;
    else if (loc.start.line > line) hi = mid - 1;
    else return body[mid]!;
  }
  return null;
}
