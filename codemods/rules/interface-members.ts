// Before: interface IUsersController { getById(request: Request, response: Response): Promise<void>; }
// After:  import type UsersController from './users-controller.js';
//         interface IUsersController { getById: UsersController['getById']; }
//
// MA003, beside a handler typed where its class defines it (rules/definition-site.ts): the routes reach that
// method through a field typed with this interface, so the interface's member takes the implementation's own
// type, or the route's typed verb would still see (req, res) => Promise<void>. The planner
// (codemods/interface-member-plan.ts) checked that this class is the interface's only implementation and that
// nothing else reads the member. Imports the member no longer uses (`Request`, `Response`) go with the file's
// usual unused-import pass (rules/index.ts).
import { parse as babelParse } from '@babel/parser';
import { parserPlugins } from '../parse.js';
import type { InterfaceMemberPlan } from '../plan.js';
import type { Node } from './ast.js';
import type { RuleContext } from './context.js';
import { topLevelBindings } from './imports.js';

export function rewriteInterfaceMembers(ctx: RuleContext): void {
  const todo = ctx.plan.interfaceMembers ?? [];
  if (todo.length === 0) return;
  const parse = (src: string) => babelParse(src, { sourceType: 'module', plugins: parserPlugins(ctx.file) }).program.body[0] as unknown as Node;
  const locals = new Map<string, string>();
  for (const m of todo) {
    const decl = interfaceDecl(ctx.program, m.iface);
    const member = (decl?.body.body as Node[] | undefined)?.find((x) => x.type === 'TSMethodSignature' && !x.computed && (x.key?.name ?? x.key?.value) === m.member);
    if (!decl || !member) {
      ctx.diagnostics.push({ code: 'unsupported', severity: 'error', rule: 'MA003', message: `interface ${m.iface} was planned to type \`${m.member}\` but has no such method`, at: { file: ctx.file, line: 1 } });
      continue;
    }
    const local = locals.get(key(m)) ?? importImplementation(ctx, m, parse);
    locals.set(key(m), local);
    const key_ = member.key.type === 'Identifier' ? member.key.name : JSON.stringify(member.key.value);
    const text = `${key_}: ${local}[${quote(ctx.source)}${m.member}${quote(ctx.source)}];`;
    const next = (parse(`interface X { ${text} }`) as Node).body.body[0];
    const list = decl.body.body as Node[];
    list[list.indexOf(member)] = next;
    ctx.parents.set(next, decl.body);
    next.leadingComments = member.leadingComments;
    ctx.edits?.replaceNode(member, text);
    ctx.changed = true;
  }
}

const key = (m: InterfaceMemberPlan) => `${m.impl.from}\0${m.impl.exportedAs}`;
const quote = (source: string) => (/^import[^\n]*"/m.test(source) && !/^import[^\n]*'/m.test(source) ? '"' : "'");

function interfaceDecl(program: Node, name: string): Node | null {
  for (const s of program.body as Node[]) {
    const d = (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration ? s.declaration : s;
    if (d.type === 'TSInterfaceDeclaration' && d.id.name === name) return d;
  }
  return null;
}

/** `import type Impl from '<from>'` (or `{ Impl }`) after the file's imports; the local name it is bound to. */
function importImplementation(ctx: RuleContext, m: InterfaceMemberPlan, parse: (src: string) => Node): string {
  const { imports, declared } = topLevelBindings(ctx.program);
  const same = imports.find((b) => b.module === m.impl.from && b.imported === m.impl.exportedAs);
  if (same) return same.name;
  const taken = (n: string) => declared.has(n) || imports.some((b) => b.name === n) || new RegExp(`\\b${n}\\b`).test(ctx.source);
  let local = m.impl.name;
  for (let i = 2; taken(local); i++) local = `${m.impl.name}${i === 2 ? 'Impl' : `Impl${i}`}`;
  const q = quote(ctx.source);
  const clause = m.impl.exportedAs === 'default' ? local : `{ ${m.impl.exportedAs === local ? local : `${m.impl.exportedAs} as ${local}`} }`;
  const text = `import type ${clause} from ${q}${m.impl.from}${q};`;
  const body = ctx.program.body as Node[];
  const lastImport = [...body].reverse().find((s) => s.type === 'ImportDeclaration');
  const stmt = parse(text);
  if (lastImport) {
    body.splice(body.indexOf(lastImport) + 1, 0, stmt);
    // On the line after the imports, not at the end of the last one: that import may be the one the unused-import
    // pass removes, lines and all.
    const nl = ctx.source.indexOf('\n', lastImport.end);
    if (nl < 0) ctx.edits?.insert(ctx.source.length, `\n${text}`);
    else ctx.edits?.insert(nl + 1, `${text}\n`);
  } else {
    body.unshift(stmt);
    ctx.edits?.insert(0, `${text}\n`);
  }
  ctx.parents.set(stmt, ctx.program);
  return local;
}
