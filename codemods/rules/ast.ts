// Small AST helpers shared by the rules. The rules run on the plain @babel/parser tree (splicing text edits)
// and, for the rare file that needs a reprint, on jscodeshift's recast tree. Both trees have Babel's node
// shapes, so these helpers are written against plain objects instead of jscodeshift's Collection API,
// which only the second has.
import * as babelTypes from '@babel/types';

/** A Babel AST node as both trees carry it (recast adds `comments` and `original`). */
export type Node = { type: string; [key: string]: any };

/** Node builders. Babel's (loaded anyway for its visitor keys), so a migration never loads jscodeshift unless
 *  a file needs recast; recast prints the nodes they build like its own. */
export const b = babelTypes as unknown as Record<string, (...args: any[]) => Node>;

const META = new Set([
  'loc', 'start', 'end', 'range', 'extra', 'tokens', 'errors', 'original',
  'comments', 'leadingComments', 'trailingComments', 'innerComments',
  'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments',
]);

export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
}

/** The child keys of a node type, Babel's visitor keys minus `skip` (Object.keys on every node for the rest). */
export function childKeys(skip: ReadonlySet<string>): (node: Node) => readonly string[] {
  const byType = new Map<string, readonly string[]>();
  return (node) => {
    let keys = byType.get(node.type);
    if (!keys) {
      const known = babelTypes.VISITOR_KEYS[node.type];
      if (!known) return Object.keys(node).filter((k) => !skip.has(k));
      keys = known.filter((k) => !skip.has(k));
      byType.set(node.type, keys);
    }
    return keys;
  };
}

const ruleKeys = childKeys(META);

/** Calls fn for each direct child node (types are skipped: rules never rewrite them). */
export function forEachChild(node: Node, fn: (child: Node, key: string, index: number | null) => void): void {
  for (const key of ruleKeys(node)) {
    const v = node[key];
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) if (isNode(v[i])) fn(v[i], key, i);
    } else if (isNode(v)) fn(v, key, null);
  }
}

/** Pre-order walk; return false from visit to skip a subtree. */
export function walk(root: Node, visit: (node: Node, parent: Node | null) => boolean | void, parent: Node | null = null): void {
  if (visit(root, parent) === false) return;
  forEachChild(root, (child) => walk(child, visit, root));
}

export type Parents = Map<Node, Node>;

export function buildParents(root: Node): Parents {
  const parents: Parents = new Map();
  walk(root, (node, parent) => { if (parent) parents.set(node, parent); });
  return parents;
}

/** Replaces `old` by `next` wherever its parent holds it. */
export function replaceNode(parents: Parents, old: Node, next: Node): boolean {
  const parent = parents.get(old);
  if (!parent) return false;
  for (const key of Object.keys(parent)) {
    const v = parent[key];
    if (v === old) { parent[key] = next; parents.set(next, parent); return true; }
    if (Array.isArray(v)) {
      const i = v.indexOf(old);
      if (i >= 0) { v[i] = next; parents.set(next, parent); return true; }
    }
  }
  return false;
}

export function isFunction(n: Node | undefined | null): boolean {
  return !!n && /^(FunctionExpression|ArrowFunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod|ClassPrivateMethod)$/.test(n.type);
}

export function isStringLike(n: Node | undefined): boolean {
  return !!n && (n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string') || n.type === 'TemplateLiteral');
}

/** The property name of a non-computed (or string-literal computed) member access. */
export function memberName(n: Node | undefined): string | null {
  if (!n || n.type !== 'MemberExpression') return null;
  if (!n.computed && n.property.type === 'Identifier') return n.property.name;
  if (n.computed && n.property.type === 'StringLiteral') return n.property.value;
  return null;
}

export function isIdent(n: Node | undefined, name?: string): boolean {
  return !!n && n.type === 'Identifier' && (name === undefined || n.name === name);
}

/** Whether an Identifier node is a reference to a binding (not a property key or member name). */
export function isReference(node: Node, parent: Node | undefined): boolean {
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property' || parent.type === 'ClassProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod')
    && parent.key === node && !parent.computed && !parent.shorthand) return false;
  if ((parent.type === 'ImportSpecifier' && parent.imported === node && parent.local !== node) || parent.type === 'ExportSpecifier') return false;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  return true;
}

/** Names bound by a pattern (`a`, `{ a, b: [c] }`, `...d`, `e = 1`). */
export function patternNames(p: Node | null | undefined, out: string[] = []): string[] {
  if (!p) return out;
  switch (p.type) {
    case 'Identifier': out.push(p.name); break;
    case 'ObjectPattern': for (const prop of p.properties) patternNames(prop.type === 'RestElement' ? prop.argument : prop.value, out); break;
    case 'ArrayPattern': for (const el of p.elements) patternNames(el, out); break;
    case 'RestElement': patternNames(p.argument, out); break;
    case 'AssignmentPattern': patternNames(p.left, out); break;
    case 'TSParameterProperty': patternNames(p.parameter, out); break;
  }
  return out;
}

/** Whether a node comes from recast's tree (which prints `comments`) rather than plain Babel's. */
export function isRecastTree(program: Node): boolean {
  return !!program.loc?.lines;
}
