// Whether a use of a name is bound by something nearer than the declaration being looked for: a handler named
// `post` is not referred to by `posts.filter((post) => post.ok)` or `catch (post)`, whose `post` is another binding
// (MuniBoard's controllers: an arrow parameter named like the handler kept that handler legacy, "also referenced").
// Only the binding forms that are certain are counted, so a real reference is never taken for a shadowed one: a
// `var` declared in an inner block (hoisted to its function) is not read as binding that block.
import { patternNames } from '../docs/local-binding.js';
import type { Node, Parents } from './ast.js';

/** True when, between `use` and the top level, a function parameter, a catch clause, a named function
 *  expression, a loop's declaration or a block's declaration binds `name`, and that binding is not `own` (the
 *  function or class being looked for, or its declarator). */
export function shadowedAt(use: Node, name: string, parents: Parents, own: Node): boolean {
  let child: Node = use;
  for (let n = parents.get(use); n; child = n, n = parents.get(n)) {
    if (n === own) continue;
    if (bindsHere(n, child, name, own)) return true;
  }
  return false;
}

function bindsHere(n: Node, child: Node, name: string, own: Node): boolean {
  switch (n.type) {
    case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
    case 'ObjectMethod': case 'ClassMethod': case 'ClassPrivateMethod':
      // A parameter's default or a body: both see the parameters. A function expression's own name is bound inside it.
      if (child === n.id) return false;
      if ((n.params as Node[]).some((p) => patternNames(p).includes(name))) return true;
      return n.type === 'FunctionExpression' && n.id?.name === name;
    case 'CatchClause':
      return !!n.param && patternNames(n.param).includes(name);
    case 'BlockStatement': case 'StaticBlock':
      return (n.body as Node[]).some((stmt) => declares(stmt, name, own));
    case 'SwitchStatement':
      return (n.cases as Node[]).some((c) => (c.consequent as Node[]).some((stmt) => declares(stmt, name, own)));
    case 'ForStatement':
      return !!n.init && n.init.type === 'VariableDeclaration' && n.init.kind !== 'var' && declares(n.init, name, own);
    case 'ForInStatement': case 'ForOfStatement':
      return n.left.type === 'VariableDeclaration' && n.left.kind !== 'var' && declares(n.left, name, own);
    default:
      return false;
  }
}

/** A statement of a block that declares `name` as something other than `own`: `let`/`const` (a `var` may be the
 *  function's), a function or a class declaration. */
function declares(stmt: Node, name: string, own: Node): boolean {
  if (stmt === own) return false;
  if (stmt.type === 'VariableDeclaration') {
    if (stmt.kind === 'var') return false;
    // The declarator holding `own` (`const post = wrap(async (req, res) => ...)`) is its own binding.
    return (stmt.declarations as Node[]).some((d) => !(d.start <= own.start && own.end <= d.end) && patternNames(d.id).includes(name));
  }
  if (stmt.type === 'FunctionDeclaration' || stmt.type === 'ClassDeclaration') return stmt.id?.name === name;
  return false;
}
