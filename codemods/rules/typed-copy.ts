// Before: module.exports = function (app) { app.get('/x', h); };
// After:  module.exports = function (app) { const api = typed(app, { validation: 'report' }); api.get('/x', {}, legacy(h)); };
//
// A router or app whose creation is not in the file (a parameter, an import, `createServer()`) cannot be wrapped
// where it is made: it gets one typed copy per file, declared right after its binding, instead of a
// `typed(app)` at every route (and the validation mode goes to that copy, never into a route's spec).
import { b, isFunction, patternNames, walk, type Node } from './ast.js';
import { introducedName, type RuleContext } from './context.js';

/** Per file: the binding of an unknown router/app -> the name of its one typed copy (`const api = typed(app)`). */
const typedCopies = new WeakMap<RuleContext, Map<Node, string>>();

/**
 * A receiver whose creation is unknown (a parameter, an import, `createServer()`) gets one typed copy,
 * declared right after its binding (first in the function for a parameter), and its routes use the copy.
 * Returns the copy's name, or null when the receiver has no binding to declare beside.
 */
export function typedOnce(ctx: RuleContext, receiver: Node, from: Node): string | null {
  if (receiver.type !== 'Identifier') return null;
  const site = bindingSite(ctx, receiver.name, from);
  if (!site) return null;
  const copies = typedCopies.get(ctx) ?? new Map<Node, string>();
  typedCopies.set(ctx, copies);
  const known = copies.get(site.key);
  if (known) return known;
  const name = freshName(ctx, receiver.name === 'app' ? 'api' : `${receiver.name}Api`);
  copies.set(site.key, name);
  const options = ctx.plan.validation === 'report' ? `{ validation: 'report' }` : null;
  const source = `const ${name} = ${introducedName(ctx, 'typed')}(${receiver.name}${options ? `, ${options}` : ''});`;
  const decl = b.variableDeclaration('const', [b.variableDeclarator(b.identifier(name),
    b.callExpression(b.identifier(introducedName(ctx, 'typed')), [b.identifier(receiver.name), ...(options ? [ctx.parseExpression(options)] : [])] as never))] as never);
  site.list.splice(site.index, 0, decl);
  if (ctx.edits) {
    const next = site.list[site.index + 1] as Node | undefined;
    // After an import block: above the code that follows it, so the imports added later stay in the block.
    if (site.after?.type === 'ImportDeclaration' && next) ctx.edits.insert(next.start, `${source}\n${ctx.edits.indentAt(next.start)}`);
    else if (site.after) ctx.edits.insert(ctx.edits.endOfLineAfter(site.after.end), `\n${ctx.edits.indentAt(site.after.start)}${source}`);
    else {
      const first = site.list[1] as Node | undefined;
      const indent = first ? ctx.edits.indentAt(first.start) : `${ctx.edits.indentAt(site.open)}  `;
      ctx.edits.insert(site.open, `\n${indent}${source}`);
    }
  }
  ctx.changed = true;
  return name;
}

/** Where a name is bound: a parameter (the copy opens the function's body) or a statement (the copy follows it). */
function bindingSite(ctx: RuleContext, name: string, from: Node): { key: Node; list: Node[]; index: number; after?: Node; open: number } | null {
  for (let scope: Node | undefined = ctx.parents.get(from); scope; scope = ctx.parents.get(scope)) {
    if (isFunction(scope) && scope.params.some((p: Node) => patternNames(p).includes(name))) {
      if (scope.body.type !== 'BlockStatement') return null;
      const body = scope.body;
      return { key: scope, list: body.body, index: 0, open: body.directives?.at(-1)?.end ?? body.start + 1 };
    }
    const list: Node[] | undefined = scope.type === 'Program' || scope.type === 'BlockStatement' ? scope.body : undefined;
    if (!list) continue;
    const i = list.findIndex((stmt) => {
      const d = (stmt.type === 'ExportNamedDeclaration' && stmt.declaration) || stmt;
      if (d.type === 'VariableDeclaration') return d.declarations.some((x: Node) => patternNames(x.id).includes(name));
      return d.type === 'ImportDeclaration' && d.specifiers.some((x: Node) => x.local.name === name);
    });
    if (i < 0) continue;
    // An import: after the whole import block (imports are hoisted; the block stays together).
    let at = i;
    if (list[i]!.type === 'ImportDeclaration') while (list[at + 1]?.type === 'ImportDeclaration') at++;
    return { key: list[i]!, list, index: at + 1, after: list[at]!, open: 0 };
  }
  return null;
}

/** A name no scope of the file uses yet (it is declared where other names are visible). */
function freshName(ctx: RuleContext, base: string): string {
  const used = usedNames(ctx);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}

const namesByFile = new WeakMap<RuleContext, Set<string>>();
function usedNames(ctx: RuleContext): Set<string> {
  let used = namesByFile.get(ctx);
  if (!used) {
    used = new Set<string>();
    walk(ctx.program, (n) => { if (n.type === 'Identifier') used!.add(n.name); });
    for (const alias of ctx.aliases.values()) used.add(alias);
    namesByFile.set(ctx, used);
  }
  return used;
}

