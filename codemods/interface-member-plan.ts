// A handler reached through an interface-typed field (./interface-implementor.ts) gets a typed signature, and the
// route's typed verb sees the handler through the interface: the interface's member must say the same. It is
// planned as `getById: UsersController['getById']` (rules/interface-members.ts), the one implementation's own
// type, rather than a hand-written copy of the input and output types (the output type is inferred from the
// body, and a copy would drift). Planned only when the interface declares that member exactly once, as a plain
// method, and no code other than the routes reads it.
import type { InterfaceMemberPlan } from './plan.js';
import { refersTo, type Decl, type Implementor, type ParsedFile } from './interface-implementor.js';
import type { Resolver } from './scan/resolve.js';
import { walk, type Node } from './rules/ast.js';
import { selfBoundMethod } from './scan/bound-method.js';

export interface MemberPlanInput {
  resolver: Resolver;
  parsed: (file: string) => ParsedFile | null;
  files: () => string[];
  /** The source ranges of the routes' handler arguments, per file: the reads that are allowed. */
  routeRanges: (file: string) => Array<[number, number]>;
  specifier: (from: string, to: string) => string;
  rel: (file: string) => string;
}

export function planInterfaceMember(input: MemberPlanInput, impl: Implementor, member: string): InterfaceMemberPlan | { why: string } {
  const { file, name } = impl.iface;
  const p = input.parsed(file);
  if (!p) return { why: `${input.rel(file)} does not parse` };
  const decl = (p.program.body as Node[]).map((s) => (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration ? s.declaration : s)
    .find((s) => s.type === 'TSInterfaceDeclaration' && s.id.name === name);
  const members = ((decl?.body.body ?? []) as Node[]).filter((m) => !m.computed && (m.key?.name ?? m.key?.value) === member);
  if (members.length !== 1) return { why: `interface ${name} declares \`${member}\` ${members.length} times` };
  const m = members[0]!;
  if (m.type !== 'TSMethodSignature' || m.optional || m.typeParameters || m.kind !== 'method') {
    return { why: `interface ${name} declares \`${member}\` as something other than a plain method` };
  }
  for (const f of input.files().filter((x) => input.parsed(x)?.source.includes(name))) {
    const hit = readThroughInterface(input, f, impl.iface, member);
    if (hit) return { why: `interface ${name}'s \`${member}\` ${hit}` };
  }
  return { iface: name, member, impl: { name: impl.cls, exportedAs: impl.exportedAs, from: input.specifier(file, impl.file) } };
}

/**
 * Where a value of the interface's type is read for `member` outside the routes, or leaves the class that holds
 * it. Such values live only in class fields and constructor parameters (interface-implementor.ts refuses every
 * other use of the type), so each class holding one is walked: `this.ctrl.member` outside a route's handler
 * argument, `this.ctrl` handed on or aliased, a constructor parameter used other than to set such a field.
 */
function readThroughInterface(input: MemberPlanInput, f: string, decl: Decl, member: string): string | null {
  const q = input.parsed(f)!;
  const ctxInput = { resolver: input.resolver, parsed: input.parsed, files: input.files, rel: input.rel };
  const typed = (ann: Node | undefined) => ann?.type === 'TSTypeAnnotation' && ann.typeAnnotation.type === 'TSTypeReference'
    && refersTo(ctxInput, f, ann.typeAnnotation.typeName, decl);
  const allowed = input.routeRanges(f);
  const inRoute = (n: Node) => allowed.some(([s, e]) => n.start >= s && n.end <= e);
  let hit: string | null = null;
  walk(q.program, (k) => {
    if (hit) return false;
    if (k.type !== 'ClassDeclaration' && k.type !== 'ClassExpression') return undefined;
    const fields = new Set<string>();
    const params = new Set<string>();
    let ctorBody: Node | null = null;
    for (const m of k.body.body as Node[]) {
      if (m.type === 'ClassProperty' && !m.computed && m.key.type === 'Identifier' && typed(m.typeAnnotation)) fields.add(m.key.name);
      if (m.type === 'ClassMethod' && m.kind === 'constructor') {
        ctorBody = m.body;
        for (const prm of m.params as Node[]) {
          if (prm.type === 'TSParameterProperty' && typed(prm.parameter.typeAnnotation)) fields.add(prm.parameter.name);
          if (prm.type === 'Identifier' && typed(prm.typeAnnotation)) params.add(prm.name);
        }
      }
    }
    if (fields.size === 0 && params.size === 0) return undefined;
    walk(k.body, (n, parent) => {
      if (hit) return false;
      const line = n.loc?.start.line;
      const viaField = n.type === 'MemberExpression' && n.object.type === 'ThisExpression' && !n.computed && fields.has(n.property.name);
      // The constructor's parameter, inside its body (a nested function's own binding of the name is rare
      // enough to count as a use: failing closed).
      const viaParam = n.type === 'Identifier' && params.has(n.name) && !!ctorBody && n.start >= ctorBody.start && n.end <= ctorBody.end
        && !(parent?.type === 'MemberExpression' && parent.property === n && !parent.computed)
        && !(parent?.type === 'ObjectProperty' && parent.key === n && !parent.computed && !parent.shorthand);
      if (!viaField && !viaParam) return undefined;
      if (parent?.type === 'AssignmentExpression' && parent.left === n) return false;
      if (viaParam && parent?.type === 'AssignmentExpression' && parent.right === n && parent.left.type === 'MemberExpression'
        && parent.left.object.type === 'ThisExpression' && fields.has(parent.left.property.name)) return false;
      if (parent?.type === 'MemberExpression' && parent.object === n && !parent.computed) {
        if (parent.property.name === member && !inRoute(parent)) hit = `is also read at ${input.rel(f)}:${line}, by code that calls it with (req, res)`;
        return false;
      }
      if (inRoute(n) || isSelfBindArgument(q.source, n, parent)) return false;
      hit = `may be called with (req, res) elsewhere: a value of that type is handed on at ${input.rel(f)}:${line}`;
      return false;
    });
    return false;
  });
  return hit;
}

/** `this.ctrl` as the receiver argument of `this.ctrl.other.bind(this.ctrl)`: the read is of `other`, judged above. */
function isSelfBindArgument(source: string, n: Node, parent: Node | null): boolean {
  return parent?.type === 'CallExpression' && parent.arguments[0] === n
    && !!selfBoundMethod(parent as never, (x) => source.slice((x as Node).start, (x as Node).end));
}
