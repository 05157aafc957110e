// A class field typed with an interface (`private readonly users: IUsersController`, set from a constructor
// parameter) names no class by itself: the value is whatever the caller passed. When exactly one class in the
// project `implements` that interface, nothing extends the interface or subclasses the class, and the interface
// is used only as the type of class fields and constructor parameters (no object literal, cast or mock can then
// stand for it), that class is what the field holds, and its methods are the routes' handlers. Anything else
// fails closed with the reason. Works on the parsed files (type positions are not in the value scan).
import type { Resolver } from './scan/resolve.js';
import type { FieldInterface } from './scan/definition.js';
import { childKeys, walk, type Node, type Parents } from './rules/ast.js';

// rules/ast.ts walk() skips type positions (rules never rewrite them); the uses of an interface are all there.
const typeKeys = childKeys(new Set(['loc', 'start', 'end', 'range', 'extra', 'tokens', 'errors', 'original', 'comments', 'leadingComments', 'trailingComments', 'innerComments']));
/** Pre-order walk through type positions too, with each node's ancestors (nearest last). */
export function walkTypes(root: Node, visit: (n: Node, ancestors: Node[]) => boolean | void, ancestors: Node[] = []): void {
  if (visit(root, ancestors) === false) return;
  ancestors.push(root);
  for (const key of typeKeys(root)) {
    const v = root[key];
    if (Array.isArray(v)) { for (const c of v) if (c && typeof c.type === 'string') walkTypes(c, visit, ancestors); } else if (v && typeof v.type === 'string') walkTypes(v, visit, ancestors);
  }
  ancestors.pop();
}

export interface ParsedFile { source: string; program: Node; parents: Parents }

export interface Decl { file: string; name: string }

export interface ImplementorInput {
  resolver: Resolver;
  parsed: (file: string) => ParsedFile | null;
  /** Every file whose types may refer to the interface: the project's sources and its tests. */
  files: () => string[];
  /** A file as the report names it (relative to the project). */
  rel: (file: string) => string;
}

export type Implementor = FieldInterface & { exportedAs: 'default' | string };

/** The one class a field's declared interface stands for; null when the field declares no named type. */
export function fieldImplementor(input: ImplementorInput, file: string, cls: string, field: string): Implementor | { why: string } | null {
  const p = input.parsed(file);
  const klass = p && findClass(p.program, cls);
  if (!p || !klass) return null;
  const typeName = declaredType(klass, field);
  if (!typeName) return null;
  const iface = interfaceDecl(input, file, typeName);
  if (!iface) return null;
  if ('why' in iface) return iface;
  const label = `\`this.${field}\` is typed ${typeName}`;
  const implementors: Array<{ file: string; cls: string }> = [];
  for (const f of mentioning(input, iface.name)) {
    const q = input.parsed(f)!;
    let why: string | null = null;
    walk(q.program, (n) => {
      if (why) return false;
      if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && (n.implements ?? []).some((h: Node) => refersTo(input, f, h.expression, iface))) {
        implementors.push({ file: f, cls: n.id?.name ?? '(anonymous class)' });
      }
      if (n.type === 'TSInterfaceDeclaration' && (n.extends ?? []).some((h: Node) => refersTo(input, f, h.expression, iface))) {
        why = `${label}, which interface ${n.id.name} extends (${input.rel(f)}:${n.loc.start.line})`;
      }
      return undefined;
    });
    if (why) return { why };
  }
  if (implementors.length !== 1) {
    return { why: implementors.length === 0 ? `${label}, which no class implements` : `${label}, which ${implementors.length} classes implement (${implementors.map((i) => i.cls).join(', ')})` };
  }
  const impl = implementors[0]!;
  const exportedAs = exportName(input.parsed(impl.file)!.program, impl.cls);
  if (!exportedAs) return { why: `${label}; its implementation ${impl.cls} is not exported, so the interface cannot name its methods' types` };
  const sub = subclass(input, impl);
  if (sub) return { why: `${label}; its implementation ${impl.cls} is extended (${sub})` };
  const other = otherTypeUse(input, iface);
  if (other) return { why: `${label}, which is also used ${other}` };
  const passed = constructedWith(input, file, cls, klass, field, impl);
  if (passed) return { why: `${label}; ${passed}` };
  return { file: impl.file, cls: impl.cls, iface, exportedAs };
}

function findClass(program: Node, name: string): Node | null {
  let found: Node | null = null;
  walk(program, (n) => {
    if (found) return false;
    if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.id?.name === name) { found = n; return false; }
    return undefined;
  });
  return found;
}

/** `field: IX` as a class property, or `constructor(private field: IX)`. */
function declaredType(klass: Node, field: string): string | null {
  const named = (ann: Node | undefined) => ann?.type === 'TSTypeAnnotation' && ann.typeAnnotation.type === 'TSTypeReference'
    && ann.typeAnnotation.typeName.type === 'Identifier' && !ann.typeAnnotation.typeParameters ? ann.typeAnnotation.typeName.name as string : null;
  for (const m of klass.body.body as Node[]) {
    if (m.type === 'ClassProperty' && !m.computed && m.key.type === 'Identifier' && m.key.name === field) return named(m.typeAnnotation);
    if (m.type === 'ClassMethod' && m.kind === 'constructor') {
      for (const prm of m.params as Node[]) {
        if (prm.type === 'TSParameterProperty' && prm.parameter.type === 'Identifier' && prm.parameter.name === field) return named(prm.parameter.typeAnnotation);
      }
    }
  }
  return null;
}

/** Where the type `name`, as seen from `file`, is declared as an interface; null for a class or an unknown type. */
function interfaceDecl(input: ImplementorInput, file: string, name: string, depth = 0): Decl | { why: string } | null {
  const p = input.parsed(file);
  if (!p || depth > 5) return null;
  const local = (p.program.body as Node[]).map((s) => (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration ? s.declaration : s)
    .filter((s) => s.type === 'TSInterfaceDeclaration' && s.id.name === name);
  if (local.length > 1) return { why: `interface ${name} is declared ${local.length} times (merged declarations) in ${input.rel(file)}` };
  if (local.length === 1) return { file, name };
  for (const s of p.program.body as Node[]) {
    if (s.type !== 'ImportDeclaration') continue;
    const spec = (s.specifiers as Node[]).find((x) => x.local.name === name);
    if (!spec || spec.type !== 'ImportSpecifier') continue;
    const target = input.resolver.resolveModule(file, s.source.value);
    const imported = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value;
    return target ? interfaceDecl(input, target, imported, depth + 1) : null;
  }
  return null;
}

/** Whether the type expression `expr` in `file` names `decl`. */
export function refersTo(input: ImplementorInput, file: string, expr: Node, decl: Decl): boolean {
  if (expr?.type !== 'Identifier') return false;
  const d = interfaceDecl(input, file, expr.name);
  return !!d && !('why' in d) && d.file === decl.file && d.name === decl.name;
}

/** The files whose text mentions `name` (only they can refer to it). */
function mentioning(input: ImplementorInput, name: string): string[] {
  return input.files().filter((f) => input.parsed(f)?.source.includes(name));
}

function exportName(program: Node, cls: string): 'default' | string | null {
  for (const s of program.body as Node[]) {
    if (s.type === 'ExportDefaultDeclaration' && (s.declaration?.id?.name === cls || (s.declaration?.type === 'Identifier' && s.declaration.name === cls))) return 'default';
    if (s.type === 'ExportNamedDeclaration' && s.declaration?.type === 'ClassDeclaration' && s.declaration.id?.name === cls) return cls;
    if (s.type === 'ExportNamedDeclaration' && !s.source) {
      const spec = (s.specifiers as Node[]).find((x) => x.local?.name === cls);
      if (spec) return spec.exported.type === 'Identifier' ? spec.exported.name : spec.exported.value;
    }
  }
  return null;
}

/** A class whose `extends` names the implementation (by its own name or an import of it), as "Name (file:line)". */
function subclass(input: ImplementorInput, impl: { file: string; cls: string }): string | null {
  for (const f of mentioning(input, 'extends')) {
    let hit: string | null = null;
    walk(input.parsed(f)!.program, (n) => {
      if (hit) return false;
      if ((n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.superClass?.type === 'Identifier') {
        const p = input.parsed(f)!;
        const imp = (p.program.body as Node[]).find((s) => s.type === 'ImportDeclaration' && (s.specifiers as Node[]).some((x) => x.local.name === n.superClass.name));
        const same = imp ? input.resolver.resolveModule(f, imp.source.value) === impl.file : f === impl.file && n.superClass.name === impl.cls;
        if (same) hit = `${n.id?.name ?? 'a class'} (${input.rel(f)}:${n.loc.start.line})`;
      }
      return undefined;
    });
    if (hit) return hit;
  }
  return null;
}

/**
 * A use of the interface other than `implements`, a class property's type or a constructor parameter's type:
 * a variable, a cast, a function parameter, a generic argument, an indexed access... Each is code that may
 * build or call the interface's methods with (req, res), which a changed signature would break.
 */
function otherTypeUse(input: ImplementorInput, decl: Decl): string | null {
  for (const f of mentioning(input, decl.name)) {
    const p = input.parsed(f)!;
    let hit: string | null = null;
    walkTypes(p.program, (n, up) => {
      if (hit) return false;
      if (n.type === 'ImportDeclaration' || n.type === 'ExportNamedDeclaration' && !n.declaration) return false;
      if (n.type !== 'Identifier' || !refersTo(input, f, n, decl)) return undefined;
      const at = (i: number) => up[up.length - i];
      const parent = at(1);
      if (parent?.type === 'TSInterfaceDeclaration' && parent.id === n) return undefined;
      if (parent?.type === 'TSExpressionWithTypeArguments' || parent?.type === 'TSClassImplements' || parent?.type === 'TSInterfaceHeritage') return undefined;
      if (parent?.type === 'TSTypeReference' && !parent.typeParameters && at(2)?.type === 'TSTypeAnnotation') {
        const holder = at(3);
        if (holder?.type === 'ClassProperty') return undefined;
        const owner = at(4);
        const ctor = owner?.type === 'TSParameterProperty' ? at(5) : owner;
        if (holder?.type === 'Identifier' && ctor?.type === 'ClassMethod' && ctor.kind === 'constructor' && ctor.params.includes(owner?.type === 'TSParameterProperty' ? owner : holder)) return undefined;
      }
      hit = `at ${input.rel(f)}:${n.loc.start.line}`;
      return false;
    });
    if (hit) return hit;
  }
  return null;
}

/**
 * The declared type is a promise the compiler keeps only loosely (`as any`, a mock): every `new Cls(...)` in the
 * project must pass an instance of the implementation for the field's constructor parameter, and no test may
 * construct the class itself. Returns what breaks that, or null.
 */
function constructedWith(input: ImplementorInput, file: string, cls: string, klass: Node, field: string, impl: { file: string; cls: string }): string | null {
  const ctor = (klass.body.body as Node[]).find((m) => m.type === 'ClassMethod' && m.kind === 'constructor');
  if (!ctor) return `class ${cls} has no constructor that sets it`;
  let index = (ctor.params as Node[]).findIndex((prm) => prm.type === 'TSParameterProperty' && prm.parameter.name === field);
  if (index < 0) {
    // `this.field = param` directly in the constructor body.
    for (const st of ctor.body.body as Node[]) {
      const e = st.type === 'ExpressionStatement' ? st.expression : null;
      if (e?.type === 'AssignmentExpression' && e.operator === '=' && e.left.type === 'MemberExpression' && e.left.object.type === 'ThisExpression'
        && !e.left.computed && e.left.property.name === field && e.right.type === 'Identifier') {
        index = (ctor.params as Node[]).findIndex((prm) => prm.type === 'Identifier' && prm.name === e.right.name);
      }
    }
  }
  if (index < 0) return `the constructor of ${cls} does not set it from a parameter`;
  let seen = 0;
  for (const f of input.files()) {
    const scan = input.resolver.scan(f);
    if (!scan) {
      // A test file: not scanned; constructing the class there could pass anything.
      if (input.parsed(f)?.source.includes(`new ${cls}(`)) return `a test constructs ${cls} (${input.rel(f)})`;
      continue;
    }
    for (const n of scan.news) {
      const c = input.resolver.asValue(input.resolver.resolve(f, n.cls));
      if (c.k !== 'class' || c.file !== file || c.name !== cls) continue;
      seen++;
      const arg = n.args[index];
      const v = arg && input.resolver.asValue(input.resolver.resolve(f, arg));
      if (v?.k !== 'instance' || v.file !== impl.file || v.cls !== impl.cls) return `${input.rel(f)} constructs ${cls} with something not known to be a ${impl.cls}`;
    }
  }
  return seen ? null : `nothing in the project constructs ${cls}, so what it holds is not known`;
}
