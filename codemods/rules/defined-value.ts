// Whether the value a handler sends with `res.json(x)` can be undefined at run time. MA003 writes a bare `return x`
// only where it cannot: a typed return of undefined answers 204 with no Content-Type, where res.json(undefined)
// answered 200 with a JSON Content-Type and no bytes. Anything it cannot prove goes out as `reply(200, x)`, which
// the runtime answers as res.json(x) was, undefined included (compat/reply.ts). Kept small and conservative:
// literals and expressions whose value is never undefined, and a name the handler binds once to such a value or
// guards on every path before the send (`if (!x) return ...;`, `if (!x) throw ...;`, `if (x) { ...send... }`).
import { isFunction, patternNames, walk, type Node, type Parents } from './ast.js';
import { endsAfter } from './handler-flow.js';

/** Whether `value` (a node inside the handler `fn`, whose parents are `parents`) is never undefined when sent. */
export function neverUndefined(value: Node, fn: Node, parents: Parents, depth = 0): boolean {
  if (depth > 4) return false;
  const again = (n: Node): boolean => neverUndefined(n, fn, parents, depth + 1);
  switch (value.type) {
    case 'ObjectExpression': case 'ArrayExpression': case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral':
    case 'NullLiteral': case 'TemplateLiteral': case 'NewExpression':
    // Arithmetic, concatenation and comparisons give a number, a string or a boolean.
    case 'BinaryExpression':
      return true;
    case 'UnaryExpression': return value.operator !== 'void' && value.operator !== 'delete';
    case 'ConditionalExpression': return again(value.consequent) && again(value.alternate);
    case 'LogicalExpression': return value.operator === '&&' ? again(value.left) && again(value.right) : again(value.right);
    case 'TSAsExpression': case 'TSSatisfiesExpression': case 'TSTypeAssertion': case 'TSNonNullExpression': case 'ParenthesizedExpression':
      return again(value.expression);
    case 'Identifier': return definedName(value, fn, parents, again);
    default: return false;
  }
}

/** The name is bound once in the handler, never written, and either bound to a value that is never undefined or
 *  guarded on every path from its binding to `ref`. */
function definedName(ref: Node, fn: Node, parents: Parents, defined: (n: Node) => boolean): boolean {
  const name = ref.name as string;
  // `ref` must be the handler's own code (not a send helper's body, whose names are its own).
  const chain: Node[] = [];
  for (let p: Node | undefined = ref; p && p !== fn; p = parents.get(p)) chain.push(p);
  if (!parents.has(ref) || !chain.length || parents.get(chain[chain.length - 1]!) !== fn) return false;
  let decl: Node | null = null;
  let bindings = 0;
  let writes = false;
  walk(fn, (n) => {
    if (n.type === 'VariableDeclarator' && patternNames(n.id).includes(name)) { bindings++; decl = n; }
    if (isFunction(n) && ((n.params as Node[]).some((p) => patternNames(p).includes(name)) || (n !== fn && n.id?.name === name))) bindings++;
    if (n.type === 'CatchClause' && patternNames(n.param).includes(name)) bindings++;
    if (n.type === 'ClassDeclaration' && n.id?.name === name) bindings++;
    if (n.type === 'AssignmentExpression' && patternNames(n.left).includes(name)) writes = true;
    if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier' && n.argument.name === name) writes = true;
    if ((n.type === 'ForInStatement' || n.type === 'ForOfStatement') && patternNames(n.left).includes(name)) writes = true;
  });
  const d = decl as Node | null;
  if (bindings !== 1 || writes || !d || d.id.type !== 'Identifier' || d.end > ref.start) return false;
  // The binding's scope holds the send: its statement's block (or the function, for `var`) is an ancestor of ref.
  const statement = parents.get(d);
  const scope = statement && parents.get(statement);
  if (!statement || statement.type !== 'VariableDeclaration' || !scope || !chain.includes(scope)) return false;
  for (let p: Node | undefined = scope; p && p !== fn; p = parents.get(p)) if (isFunction(p)) return false;
  if (d.init && defined(d.init)) return true;
  return guarded(name, d.end, ref, fn, parents);
}

/** Every path from the binding (ending at `after`) to `ref` passes a test that leaves `name` neither undefined nor
 *  falsy: an earlier `if (<falsy>) <exits>` in an enclosing block, or an enclosing `if (<truthy>)` branch. */
function guarded(name: string, after: number, ref: Node, fn: Node, parents: Parents): boolean {
  let cur: Node = ref;
  for (let p = parents.get(cur); p && cur !== fn.body; cur = p, p = parents.get(p)) {
    if (isFunction(p)) return false;
    if (p.type === 'IfStatement' && ((p.consequent === cur && truthy(p.test, name)) || (p.alternate === cur && falsy(p.test, name)))) return true;
    if (p.type === 'BlockStatement') {
      const list = p.body as Node[];
      for (const s of list.slice(0, list.indexOf(cur))) {
        if (s.start > after && s.type === 'IfStatement' && !s.alternate && falsy(s.test, name) && endsAfter(s.consequent, isReturn)) return true;
      }
    }
  }
  return false;
}

/** A test that is true whenever `name` is undefined (or falsy): `!x`, `x == null`, `x === undefined`, `!x || ...`. */
function falsy(test: Node, name: string): boolean {
  if (test.type === 'UnaryExpression' && test.operator === '!') return truthy(test.argument, name);
  if (test.type === 'LogicalExpression' && test.operator === '||') return falsy(test.left, name) || falsy(test.right, name);
  if (test.type === 'BinaryExpression' && (test.operator === '==' || test.operator === '===')) return comparesToUndefined(test, name, test.operator === '==');
  return false;
}

/** A test that is false whenever `name` is undefined: `x`, `x != null`, `x !== undefined`, `x && ...`. */
function truthy(test: Node, name: string): boolean {
  if (test.type === 'Identifier') return test.name === name;
  if (test.type === 'UnaryExpression' && test.operator === '!') return falsy(test.argument, name);
  if (test.type === 'LogicalExpression' && test.operator === '&&') return truthy(test.left, name) || truthy(test.right, name);
  if (test.type === 'BinaryExpression' && (test.operator === '!=' || test.operator === '!==')) return comparesToUndefined(test, name, test.operator === '!=');
  return false;
}

/** `x === undefined`, `typeof x === 'undefined'`, and with loose equality `x == null` (both either way round). */
function comparesToUndefined(test: Node, name: string, loose: boolean): boolean {
  const isName = (n: Node) => n.type === 'Identifier' && n.name === name;
  const isTypeofName = (n: Node) => n.type === 'UnaryExpression' && n.operator === 'typeof' && isName(n.argument);
  const isUndefined = (n: Node) => (n.type === 'Identifier' && n.name === 'undefined') || (loose && n.type === 'NullLiteral');
  const isUndefinedText = (n: Node) => n.type === 'StringLiteral' && n.value === 'undefined';
  const [l, r] = [test.left as Node, test.right as Node];
  return (isName(l) && isUndefined(r)) || (isName(r) && isUndefined(l)) || (isTypeofName(l) && isUndefinedText(r)) || (isTypeofName(r) && isUndefinedText(l));
}

const isReturn = (s: Node): boolean => s.type === 'ReturnStatement';
