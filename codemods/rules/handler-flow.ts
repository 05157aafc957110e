// Control flow of a handler body, as far as MA003 needs it: which statements end the function, whether every
// path ends in a send or a throw, and which statuses a typed reply may use.
import { parseExpression } from '@babel/parser';
import { isFunction, walk, type Node } from './ast.js';

/** Statements after which control leaves the function: the last one of the body, recursively. */
export function tailStatements(body: Node[], out = new Set<Node>()): Set<Node> {
  const last = body[body.length - 1];
  if (!last) return out;
  const mark = (s: Node | null | undefined): void => {
    if (!s) return;
    out.add(s);
    if (s.type === 'BlockStatement') tailStatements(s.body, out);
    if (s.type === 'IfStatement') { mark(s.consequent); mark(s.alternate); }
    if (s.type === 'TryStatement' && !s.finalizer) { tailStatements(s.block.body, out); if (s.handler) tailStatements(s.handler.body.body, out); }
  };
  mark(last);
  return out;
}

/** Whether every path through the statement ends by throwing or at one of `exits` (a send, a return of one, or
 *  any statement the caller counts as leaving: a Set, or a test). */
export function endsAfter(s: Node | null | undefined, exits: ReadonlySet<Node> | ((s: Node) => boolean)): boolean {
  if (!s) return false;
  if (typeof exits === 'function' ? exits(s) : exits.has(s)) return true;
  switch (s.type) {
    case 'ThrowStatement': return true;
    case 'BlockStatement': return s.body.length > 0 && endsAfter(s.body[s.body.length - 1], exits);
    case 'IfStatement': return endsAfter(s.consequent, exits) && endsAfter(s.alternate, exits);
    case 'TryStatement': return !s.finalizer && endsAfter(s.block, exits) && !!s.handler && endsAfter(s.handler.body, exits);
    default: return false;
  }
}

/** Whether a `return` of the body (not of a function inside it) is not one of `exits`: a path that leaves
 *  without sending, which the typed rewrite would answer differently. */
export function returnsElsewhere(body: Node, exits: ReadonlySet<Node>): boolean {
  let found = false;
  walk(body, (n) => {
    if (isFunction(n)) return false;
    if (n.type === 'ReturnStatement' && !exits.has(n)) found = true;
  });
  return found;
}

/**
 * The statuses the spec's `responses` lists, or null when any status compiles (no responses, a `2XX` or
 * `default` entry, or a responses value that is not an object literal).
 */
export function declaredStatuses(specValues: Map<string, string>): Set<number> | null {
  const entries = responseEntries(specValues);
  if (!entries) return null;
  const out = new Set<number>();
  for (const p of entries) {
    if (!/^\d{3}$/.test(p.key)) return null;
    out.add(Number(p.key));
  }
  return out;
}

/**
 * The entries of the spec's `responses` as written (`200: User` -> key '200', value node); undefined when the
 * spec has none, null when they are not an object literal of plain keys (nothing can be said of them).
 */
export function responseEntries(specValues: Map<string, string>): Array<{ key: string; value: Node }> | null | undefined {
  const text = specValues.get('responses');
  if (!text) return undefined;
  let expr: Node;
  try {
    expr = parseExpression(text, { plugins: ['typescript'] }) as unknown as Node;
  } catch {
    return null;
  }
  if (expr.type !== 'ObjectExpression') return null;
  const out: Array<{ key: string; value: Node }> = [];
  for (const p of expr.properties as Node[]) {
    if (p.type !== 'ObjectProperty' || p.computed) return null;
    out.push({ key: String(p.key.type === 'Identifier' ? p.key.name : p.key.value), value: p.value });
  }
  return out;
}
