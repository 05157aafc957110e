// The declaration a name has inside the functions and blocks around a use of it: the static evaluator's file
// bindings are top-level only, and apps configure swagger-jsdoc in a method (`initializeSwagger() { const options
// = {...}; swaggerJSDoc(options) }`, ts-express-starter), so its info/title was lost to "not a constant".
// A name bound by a parameter or a catch clause, or a `let`/`var` assigned again in its scope, is not a known
// value: the caller reports it rather than reading an outer binding of the same name.

// Babel nodes walked generically, as static-value.ts does.
type AnyNode = Record<string, any>;

/** What a name is at `offset` of a parsed file: the init of its innermost local declaration, `null` when a
 *  local binding makes it unknowable, `undefined` when nothing local binds it (the top-level bindings apply). */
export function localBinding(program: AnyNode, name: string, offset: number): AnyNode | null | undefined {
  let found: AnyNode | null | undefined;
  const visit = (n: AnyNode): void => {
    if (typeof n.start !== 'number' || n.start > offset || n.end < offset) return;
    if (isFunction(n) && (n.params as AnyNode[]).some((p) => patternNames(p).includes(name))) found = null;
    if (n.type === 'CatchClause' && n.param && patternNames(n.param).includes(name)) found = null;
    if (n.type === 'BlockStatement' || n.type === 'StaticBlock') {
      for (const stmt of n.body as AnyNode[]) {
        const decl = stmt.type === 'VariableDeclaration' ? stmt : undefined;
        for (const d of (decl?.declarations ?? []) as AnyNode[]) {
          const init = declaredInit(d, name);
          if (init === undefined) continue;
          found = init && (decl!.kind === 'const' || !assignedNames(n).has(name)) ? init : null;
        }
        if (stmt.type === 'FunctionDeclaration' && stmt.id?.name === name) found = null;
      }
    }
    for (const k of Object.keys(n)) {
      if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments') continue;
      const v = n[k];
      if (Array.isArray(v)) { for (const c of v) if (c && typeof c.type === 'string') visit(c); } else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(program);
  return found;
}

/** The init a declarator gives `name` (a destructured `{ name }` reads as `init.name`), null when it binds
 *  `name` some other way, undefined when it does not bind it. */
function declaredInit(d: AnyNode, name: string): AnyNode | null | undefined {
  if (d.id.type === 'Identifier') return d.id.name === name ? d.init ?? null : undefined;
  if (!patternNames(d.id).includes(name)) return undefined;
  if (d.id.type !== 'ObjectPattern' || !d.init) return null;
  for (const p of d.id.properties as AnyNode[]) {
    if (p.type === 'ObjectProperty' && p.value.type === 'Identifier' && p.value.name === name && !p.computed) {
      const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
      return { type: 'MemberExpression', object: d.init, property: { type: 'Identifier', name: key }, computed: false, loc: p.loc };
    }
  }
  return null;
}

function isFunction(n: AnyNode): boolean {
  return n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression'
    || n.type === 'ObjectMethod' || n.type === 'ClassMethod' || n.type === 'ClassPrivateMethod';
}

/** Every name a binding pattern (a parameter, a destructuring) introduces. */
export function patternNames(p: AnyNode): string[] {
  switch (p.type) {
    case 'Identifier': return [p.name];
    case 'AssignmentPattern': return patternNames(p.left);
    case 'RestElement': return patternNames(p.argument);
    case 'TSParameterProperty': return patternNames(p.parameter);
    case 'ArrayPattern': return (p.elements as AnyNode[]).filter(Boolean).flatMap(patternNames);
    case 'ObjectPattern': return (p.properties as AnyNode[]).flatMap((q) => (q.type === 'RestElement' ? patternNames(q) : patternNames(q.value)));
    default: return [];
  }
}

/** Every name assigned (or ++/--) anywhere inside `scope`: a `let`/`var` among them may change value. */
export function assignedNames(scope: AnyNode): Set<string> {
  const names = new Set<string>();
  const visit = (n: AnyNode): void => {
    if (n.type === 'AssignmentExpression') for (const name of patternNames(n.left)) names.add(name);
    if (n.type === 'UpdateExpression' && n.argument.type === 'Identifier') names.add(n.argument.name);
    for (const k of Object.keys(n)) {
      if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments') continue;
      const v = n[k];
      if (Array.isArray(v)) { for (const c of v) if (c && typeof c.type === 'string') visit(c); } else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
    }
  };
  visit(scope);
  return names;
}

/** A function a call can name: an arrow, a function expression or declaration (not a method). */
export function isFunctionNode(n: AnyNode): boolean {
  return n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration';
}

/** What a call of `fn` returns when its body says so without running anything else: an arrow's expression, or a
 *  body of const declarations and one `return`. Async functions and generators return something else. */
export function returnedExpression(fn: AnyNode): AnyNode | undefined {
  if (fn.async || fn.generator) return undefined;
  if (fn.body.type !== 'BlockStatement') return fn.body;
  const body = fn.body.body as AnyNode[];
  const last = body[body.length - 1];
  if (last?.type !== 'ReturnStatement' || !last.argument) return undefined;
  return body.slice(0, -1).every((s) => s.type === 'VariableDeclaration' && s.kind === 'const') ? last.argument : undefined;
}
