// The per-file half of the scan: one walk over one file's AST that writes down routers created, route
// registrations, `use` mounts, classes, bindings, imports and exports, as symbolic values (./values.ts).
// Nothing here looks at other files; codemods/scan/project.ts joins the facts of all files.
//
// The walk is a small hand-written recursion over @babel/types' VISITOR_KEYS rather than @babel/traverse:
// traverse builds a NodePath and scope tracking for every node, which costs several times the parse itself,
// while the scan only needs a handful of node types and a lexical context (enclosing class, loop variable).
import type * as t from '@babel/types';
import { VISITOR_KEYS } from '@babel/types';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { parseSource } from '../parse.js';
import type { RouteMethod, RouteRecord, RouterRecord } from '../plan.js';
import { selfBoundMethod } from './bound-method.js';
import { delegatedCall } from './delegating-handler.js';
import type { Val } from './values.js';

export const ROUTE_METHODS: ReadonlySet<string> = new Set<RouteMethod>(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all']);

export interface LocalRoute {
  at: SourceLocation;
  method: RouteMethod;
  /** The path argument as a value; a regex or array path is `unknown` with pathDynamic set. */
  path: Val;
  pathText: string;
  pathDynamic?: string;
  receiver: Val;
  receiverText: string;
  handler: RouteRecord['handler'];
  /** What to resolve handler.definedAt from (the handler, or the single argument of a wrapper call). */
  handlerRef?: Val;
  /** The callee of an inline handler that only delegates to it (`(req, res) => ctrl.create(req, res)`). */
  delegateRef?: Val;
  /** The callee when the handler is a one-argument call (`asyncHandler(...)`), to recognise wrappers. */
  handlerCallee?: Val;
  middleware: string[];
  /** The functions between the path and the last one, as values (null: an inline function, which MA001 reads
   *  itself), for codemods/chain-repliers.ts to find one defined elsewhere that replies and then calls next(). */
  chain?: Array<Val | null>;
  /** Set when the call already carries a spec object (a run of ours, or hand-migrated). */
  migrated?: RouteRecord['migrated'];
  /** The spec object is `{}`: a route the migration found no docs for. */
  emptySpec?: true;
}

export interface LocalMount {
  at: SourceLocation;
  parent: Val;
  parentText: string;
  /** null: no prefix argument (mounted at the parent's root). */
  prefix: Val | null;
  /** The first argument was a name, which may be a prefix constant or a middleware; decided when resolved. */
  prefixUncertain?: boolean;
  child: Val;
  childText: string;
}

export interface ClassInfo {
  name: string;
  at: SourceLocation;
  fields: Record<string, Val>;
  /** Instance methods and function-valued properties, for handler definedAt. */
  members: Record<string, SourceLocation>;
  /** Static members read through the class itself (`UsersController.login`): a method's or property's value
   *  (`static login(req, res) {}`, `static login = async (req, res) => {}`), or why one is not followed. Only plain
   *  names: a computed key or a private `#name` is never recorded, so reading it is "no such member". */
  statics: Record<string, Val | { why: string }>;
}

/** A class's static member `prop` (ClassInfo.statics), or why `cls.prop` is not followed: the one lookup the
 *  resolver (./resolve.ts) and the definition finder (./definition.ts) share. */
export function staticMember(info: ClassInfo, prop: string): Val | { why: string } {
  const s = Object.hasOwn(info.statics, prop) ? info.statics[prop] : undefined;
  if (s) return s;
  if (Object.hasOwn(info.members, prop) || Object.hasOwn(info.fields, prop)) {
    return { why: `\`${prop}\` is an instance member of class ${info.name}, read through the class (it is not a static member)` };
  }
  return { why: `class ${info.name} has no static member \`${prop}\`` };
}

export interface FileRouter extends RouterRecord {
  key: string;
}

/** Per-file facts. Values that depend on other files stay symbolic until scanProject resolves them. */
export interface FileScan {
  file: string;
  bindings: Map<string, Val>;
  /** `default` for `module.exports =` / `export default`; names for named exports. */
  exports: Map<string, Val>;
  starExports: string[];
  classes: Map<string, ClassInfo>;
  routers: FileRouter[];
  routes: LocalRoute[];
  mounts: LocalMount[];
  /** `new X(...)` calls, so an app class that mounts the route objects it is given can be resolved. */
  news: Array<{ cls: Val; args: Val[] }>;
  /** Calls passing a name that may be a router (`require('./routes')(app)`, `setup(router)`), so a function
   *  that registers routes on its parameter learns which router that is. */
  calls: Array<{ callee: Val; args: Val[] }>;
  /** Callees of calls handing a bare name to a function (send-helpers.ts), set by the analysis from the same tree. */
  helperCalls?: string[];
  diagnostics: Diagnostic[];
}

interface Ctx {
  cls?: string;
  loop?: { name: string; coll: Val };
  depth: number;
  /** Parameters of the enclosing functions: `module.exports = (app) => { app.get(...) }`. */
  params?: ReadonlyMap<string, Extract<Val, { k: 'param' }>>;
}

const enum K { Walk, Skip, Declarator, FunctionDecl, Function, Class, Assignment, ExportNamed, ExportDefault, ExportAll, Call, New, ForOf, TsImportEquals, TsExportAssign }

const KIND = new Map<string, K>([
  // Nodes that never contain routes: types are skipped wholesale (which keeps TS files cheap), leaves early.
  ...['TSTypeAnnotation', 'TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSTypeParameterInstantiation',
    'TSTypeParameterDeclaration', 'TypeAnnotation', 'TSEnumDeclaration', 'TSModuleDeclaration', 'ImportDeclaration',
    'Identifier', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'NullLiteral', 'RegExpLiteral', 'BigIntLiteral',
    'TemplateElement', 'ThisExpression', 'Super', 'Directive', 'DirectiveLiteral', 'EmptyStatement', 'PrivateName',
    'JSXText', 'JSXIdentifier'].map((t) => [t, K.Skip] as const),
  ['VariableDeclarator', K.Declarator],
  ['FunctionDeclaration', K.FunctionDecl],
  ['FunctionExpression', K.Function], ['ArrowFunctionExpression', K.Function], ['ObjectMethod', K.Function],
  ['ClassDeclaration', K.Class], ['ClassExpression', K.Class],
  ['AssignmentExpression', K.Assignment],
  ['ExportNamedDeclaration', K.ExportNamed], ['ExportDefaultDeclaration', K.ExportDefault], ['ExportAllDeclaration', K.ExportAll],
  ['CallExpression', K.Call], ['NewExpression', K.New], ['ForOfStatement', K.ForOf],
  ['TSImportEqualsDeclaration', K.TsImportEquals], ['TSExportAssignment', K.TsExportAssign],
]);

const NODE_INFO = new Map<string, { kind: K; keys: readonly string[] }>(
  Object.entries(VISITOR_KEYS).map(([type, keys]) => [type, { kind: KIND.get(type) ?? K.Walk, keys }]),
);

const ROUTER_NAME = /(app|router|routes?|api|server)$/i;
/** migrate-api/compat's exports that serve the generated docs (compat/docs-handlers.ts). */
const DOCS_HANDLERS = new Set(['serveOpenApi', 'serveSwaggerUi']);

/** Packages whose default export is a drop-in `Router()` (express-promise-router, ...). */
const ROUTER_PACKAGE = /^(express-[\w-]*router|[\w@/-]*\/router)$/;

/** Whether an unresolved receiver name reads like an Express app/router (`app`, `userRouter`, `api`). */
export function looksLikeRouterName(text: string): boolean {
  const last = text.split('.').pop() ?? text;
  return ROUTER_NAME.test(last);
}

export function scanFile(code: string, file: string, ast?: t.File): FileScan {
  const scan: FileScan = {
    file, bindings: new Map(), exports: new Map(), starExports: [], classes: new Map(), routers: [], routes: [], mounts: [], news: [], calls: [], diagnostics: [],
  };
  if (!ast) {
    const parsed = parseSource(code, file);
    if ('diagnostic' in parsed) {
      scan.diagnostics.push(parsed.diagnostic);
      return scan;
    }
    ast = parsed.ast;
  }
  new FileWalker(code, scan).run(ast);
  return scan;
}

class FileWalker {
  private bindingDepth = new Map<string, number>();
  /** Local names that create an app (`express`) or a router (`Router`) when called. */
  private appFactories = new Set(['express', 'createApp']);
  private routerFactories = new Set(['Router', 'createRouter']);
  /** Local names bound to the express module itself (`import * as express`), for `express.Router()`. */
  private expressModules = new Set(['express']);

  constructor(private code: string, private scan: FileScan) {}

  run(ast: t.File): void {
    for (const stmt of ast.program.body) if (stmt.type === 'ImportDeclaration') this.importDecl(stmt);
    this.walk(ast.program, { depth: 0 });
  }

  private loc(node: t.Node): SourceLocation {
    const s = node.loc!.start;
    return { file: this.scan.file, line: s.line, col: s.column + 1 };
  }

  private text(node: t.Node): string {
    return this.code.slice(node.start!, node.end!);
  }

  // ---- walking -----------------------------------------------------------------------------------

  private walk(node: t.Node | null | undefined, ctx: Ctx): void {
    if (!node) return;
    // One Map lookup per node (kind and child keys together) instead of a string switch and a lookup in
    // VISITOR_KEYS' 250-key object: this runs for every node of every file.
    const info = NODE_INFO.get(node.type);
    if (!info) return;
    const kind = info.kind;
    if (kind !== K.Walk) {
      switch (kind) {
        case K.Skip: return;
        case K.Declarator: this.declarator(node as t.VariableDeclarator, ctx); return;
        case K.FunctionDecl: {
          const fn = node as t.FunctionDeclaration;
          if (fn.id) this.bind(fn.id.name, this.fnVal(fn, ctx), fn.id, ctx);
          this.walk(fn.body, this.enterFunction(fn, ctx));
          return;
        }
        case K.Function: {
          const fn = node as t.FunctionExpression | t.ArrowFunctionExpression | t.ObjectMethod;
          this.walk(fn.body, this.enterFunction(fn, ctx));
          return;
        }
        case K.Class: {
          const c = node as t.ClassDeclaration | t.ClassExpression;
          this.classNode(c, c.id?.name ?? 'default', ctx);
          return;
        }
        case K.Assignment: this.assignment(node as t.AssignmentExpression, ctx); return;
        case K.ExportNamed: this.exportNamed(node as t.ExportNamedDeclaration, ctx); return;
        case K.ExportDefault: this.exportDefault(node as t.ExportDefaultDeclaration, ctx); return;
        case K.ExportAll: this.scan.starExports.push((node as t.ExportAllDeclaration).source.value); return;
        case K.Call: {
          const call = node as t.CallExpression;
          if (this.call(call, ctx)) return;
          this.noteCall(call, ctx);
          break;
        }
        case K.New: {
          const n = node as t.NewExpression;
          this.scan.news.push({ cls: this.val(n.callee, ctx), args: n.arguments.map((a) => this.val(a, ctx)) });
          break;
        }
        case K.TsImportEquals: { // import users = require('./users');
          const d = node as t.TSImportEqualsDeclaration;
          if (d.moduleReference.type === 'TSExternalModuleReference') {
            const source = d.moduleReference.expression.value;
            this.noteExpressName(d.id.name, source, 'default');
            this.bind(d.id.name, { k: 'import', source, name: '*' }, d.id, ctx);
          }
          return;
        }
        case K.TsExportAssign: // export = router;
          this.scan.exports.set('default', this.val((node as t.TSExportAssignment).expression, ctx));
          break;
        case K.ForOf: {
          const f = node as t.ForOfStatement;
          if (f.left.type === 'VariableDeclaration' && f.left.declarations[0]?.id.type === 'Identifier') {
            this.walk(f.right, ctx);
            this.walk(f.body, { ...ctx, loop: { name: f.left.declarations[0].id.name, coll: this.val(f.right, ctx) } });
            return;
          }
          break;
        }
      }
    }
    const keys = info.keys;
    for (let i = 0; i < keys.length; i++) {
      const child = (node as unknown as Record<string, unknown>)[keys[i]];
      if (Array.isArray(child)) for (let j = 0; j < child.length; j++) this.walk(child[j] as t.Node, ctx);
      else if (child && typeof child === 'object') this.walk(child as t.Node, ctx);
    }
  }

  // ---- bindings, imports, exports -----------------------------------------------------------------

  private importDecl(node: t.ImportDeclaration): void {
    const source = node.source.value;
    for (const s of node.specifiers) {
      const name = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*'
        : s.imported.type === 'Identifier' ? s.imported.name : s.imported.value;
      this.noteExpressName(s.local.name, source, name);
      this.bind(s.local.name, { k: 'import', source, name }, s.local, { depth: 0 });
    }
  }

  private noteExpressName(local: string, source: string, name: string): void {
    if (source === 'express') {
      if (name === 'default' || name === '*') { this.appFactories.add(local); this.expressModules.add(local); }
      else if (name === 'Router') this.routerFactories.add(local);
    } else if (source === 'migrate-api/compat') {
      if (name === 'createApp') this.appFactories.add(local);
      if (name === 'createRouter') this.routerFactories.add(local);
      // `typed` imported under an alias (the file binds `typed` otherwise): still the wrapper.
      if (name === 'typed') this.typedNames.add(local);
      if (DOCS_HANDLERS.has(name)) this.docsHandlerNames.add(local);
    } else if (ROUTER_PACKAGE.test(source) && (name === 'default' || name === '*')) {
      this.routerFactories.add(local); // express-promise-router and friends: a drop-in Router()
    }
  }

  private bind(name: string, val: Val, idNode: t.Node, ctx: Ctx): void {
    const prev = this.bindingDepth.get(name);
    if (prev !== undefined && prev < ctx.depth) return; // name-based, not scoped: the outermost binding wins
    if (val.k === 'create') val = this.newRouter(name, name, val, idNode);
    this.bindingDepth.set(name, ctx.depth);
    this.scan.bindings.set(name, val);
  }

  /** Routers created where they are used, unnamed (`express.Router().post(...).get(...)`, `setup(express())`), one per node. */
  private readonly inlineRouters = new WeakMap<t.Node, Val>();

  /** The router a chain of route registrations hangs off when it is created right there, unnamed: every verb
   *  of the chain returns it, so the chain's value (what is exported or mounted) is that router too. */
  private inlineRouter(node: t.Node): Val | undefined {
    let base = node;
    while (base.type === 'CallExpression' && base.callee.type === 'MemberExpression' && base.arguments.length >= 2) {
      const p = propName(base.callee);
      if (!p || !(ROUTE_METHODS.has(p) || p === 'use' || p === 'del')) break;
      base = base.callee.object;
    }
    if (base.type !== 'CallExpression' && base.type !== 'NewExpression') return undefined;
    // A migrated chain starts `typed(express.Router(), ...)`: the same router, found again by the second run.
    const wrapped = base.type === 'CallExpression' && base.callee.type === 'Identifier'
      && this.isTypedName(base.callee.name) ? base.arguments[0] : undefined;
    const head = wrapped ?? base;
    if (head.type !== 'CallExpression' && head.type !== 'NewExpression') return undefined;
    const f = this.factory(head.callee);
    if (!f) return undefined;
    return this.unnamedRouter(base, wrapped ? { ...f, created: 'typed(...)' } : head.type === 'NewExpression' ? { ...f, created: `new ${f.created}` } : f);
  }

  private newRouter(key: string, name: string, create: Extract<Val, { k: 'create' }>, at: t.Node): Val {
    let k = key;
    for (let n = 2; this.scan.routers.some((r) => r.key === k); n++) k = `${key}#${n}`;
    this.scan.routers.push({ file: this.scan.file, at: this.loc(at), name, kind: create.kind, created: create.created, key: k });
    return { k: 'router', key: k };
  }

  private declarator(node: t.VariableDeclarator, ctx: Ctx): void {
    const init = node.init;
    if (node.id.type === 'Identifier') {
      if (init && (init.type === 'ClassExpression')) {
        this.classNode(init, node.id.name, ctx);
        this.bind(node.id.name, { k: 'class', name: node.id.name }, node.id, ctx);
        return;
      }
      if (init) {
        const v = this.val(init, ctx);
        if (v.k === 'import' && v.name === '*') this.noteExpressName(node.id.name, v.source, 'default');
        this.bind(node.id.name, v, node.id, ctx);
      }
    } else if (node.id.type === 'ObjectPattern' && init) {
      const base = this.val(init, ctx);
      for (const p of node.id.properties) {
        if (p.type !== 'ObjectProperty' || p.value.type !== 'Identifier') continue;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
        if (!key) continue;
        if (base.k === 'import' && base.name === '*') {
          this.noteExpressName(p.value.name, base.source, key);
          this.bind(p.value.name, { k: 'import', source: base.source, name: key }, p.value, ctx);
        } else this.bind(p.value.name, { k: 'member', obj: base, prop: key }, p.value, ctx);
      }
    }
    // `const b = exports.b = Router()` is one router, named `b` (set below), not a second one for `exports.b`.
    if (node.id.type === 'Identifier' && init?.type === 'AssignmentExpression') this.namedAssignments.add(init);
    this.walk(init, ctx);
    // `const router = module.exports = express.Router()`: the export is the named router, not a second one.
    if (node.id.type === 'Identifier' && init?.type === 'AssignmentExpression' && init.left.type === 'MemberExpression') {
      const prop = propName(init.left);
      const named: Val = { k: 'local', name: node.id.name };
      if (isModuleExports(init.left)) this.scan.exports.set('default', named);
      else if (prop && (isModuleExports(init.left.object) || (init.left.object.type === 'Identifier' && init.left.object.name === 'exports'))) {
        this.scan.exports.set(prop, named);
      }
    }
  }

  private readonly namedAssignments = new WeakSet<t.Node>();
  private readonly typedNames = new Set<string>();
  /** `typed`, or the name the file imports it under. */
  private isTypedName(name: string): boolean {
    return name === 'typed' || this.typedNames.has(name);
  }
  /** migrate-api/compat's docs handlers as this file names them (`serveOpenApi`): the routes finish wrote. */
  private readonly docsHandlerNames = new Set<string>();

  private assignment(node: t.AssignmentExpression, ctx: Ctx): void {
    const left = node.left;
    if (node.operator === '=') {
      if (left.type === 'Identifier') this.bind(left.name, this.val(node.right, ctx), left, ctx);
      else if (left.type === 'MemberExpression') {
        const prop = propName(left);
        if (prop) {
          if (left.object.type === 'ThisExpression' && ctx.cls) this.field(ctx.cls, prop, this.val(node.right, ctx), left);
          else if (isModuleExports(left)) this.scan.exports.set('default', this.assignedVal(node.right, ctx));
          else if (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports')) {
            // `exports.app = express()`: an app of its own, reached later as `exports.app`.
            const val = this.assignedVal(node.right, ctx);
            this.scan.exports.set(prop, val.k === 'create' && !this.namedAssignments.has(node) ? this.newRouter(`exports.${prop}`, `exports.${prop}`, val, left) : val);
          }
        }
      }
    }
    this.walk(node.right, ctx);
  }

  /** `module.exports = router = express.Router()`: the value is the name it was also given. */
  private assignedVal(right: t.Expression, ctx: Ctx): Val {
    return right.type === 'AssignmentExpression' && right.left.type === 'Identifier' ? { k: 'local', name: right.left.name } : this.val(right, ctx);
  }

  private exportNamed(node: t.ExportNamedDeclaration, ctx: Ctx): void {
    const d = node.declaration;
    if (d) {
      this.walk(d, ctx);
      if (d.type === 'VariableDeclaration') {
        for (const decl of d.declarations) if (decl.id.type === 'Identifier') this.scan.exports.set(decl.id.name, { k: 'local', name: decl.id.name });
      } else if ((d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id) {
        this.scan.exports.set(d.id.name, { k: 'local', name: d.id.name });
      }
    }
    const source = node.source?.value;
    for (const s of node.specifiers) {
      const exported = s.exported.type === 'Identifier' ? s.exported.name : s.exported.value;
      if (s.type === 'ExportSpecifier') {
        this.scan.exports.set(exported, source ? { k: 'import', source, name: s.local.name } : { k: 'local', name: s.local.name });
      } else if (s.type === 'ExportNamespaceSpecifier' && source) {
        this.scan.exports.set(exported, { k: 'import', source, name: '*' });
      } else if (s.type === 'ExportDefaultSpecifier' && source) {
        this.scan.exports.set(exported, { k: 'import', source, name: 'default' });
      }
    }
  }

  private exportDefault(node: t.ExportDefaultDeclaration, ctx: Ctx): void {
    const d = node.declaration;
    if (d.type === 'ClassDeclaration') {
      const name = d.id?.name ?? 'default';
      this.classNode(d, name, ctx);
      this.scan.exports.set('default', { k: 'class', name });
      return;
    }
    if (d.type === 'FunctionDeclaration') {
      this.walk(d, ctx);
      this.scan.exports.set('default', d.id ? { k: 'local', name: d.id.name } : this.fnVal(d, ctx));
      return;
    }
    if (d.type === 'TSDeclareFunction') return;
    this.scan.exports.set('default', this.val(d, ctx));
    this.walk(d, ctx);
  }

  // ---- classes ------------------------------------------------------------------------------------

  private classNode(node: t.ClassDeclaration | t.ClassExpression, name: string, ctx: Ctx): void {
    const info: ClassInfo = { name, at: this.loc(node.id ?? node), fields: {}, members: {}, statics: {} };
    this.scan.classes.set(name, info);
    if (node.type === 'ClassDeclaration' && node.id) this.bind(node.id.name, { k: 'class', name }, node.id, ctx);
    const inner: Ctx = { cls: name, depth: ctx.depth + 1 };
    // In a static member `this` is the class, not an instance: no `this.<field>` values there.
    const classSide: Ctx = { depth: ctx.depth + 1 };
    for (const m of node.body.body) {
      if ((m.type === 'ClassProperty' || m.type === 'ClassMethod') && m.static && !m.computed && m.key.type === 'Identifier') {
        info.statics[m.key.name] = m.type === 'ClassProperty' ? (m.value ? this.val(m.value, classSide) : { why: `static property \`${m.key.name}\` of class ${name} has no value` })
          : m.kind === 'method' ? this.fnVal(m, classSide) : { why: `\`${m.key.name}\` is a static ${m.kind === 'get' ? 'getter' : 'setter'} of class ${name}` };
      }
      if (m.type === 'ClassProperty' && !m.static && m.key.type === 'Identifier') {
        if (m.value) {
          if (m.value.type === 'ArrowFunctionExpression' || m.value.type === 'FunctionExpression') info.members[m.key.name] = this.loc(m.key);
          this.field(name, m.key.name, this.val(m.value, inner), m.key);
        }
        this.walk(m.value, inner);
      } else if (m.type === 'ClassMethod' && m.key.type === 'Identifier') {
        if (m.kind === 'method' && !m.static) info.members[m.key.name] = this.loc(m.key);
        if (m.kind === 'constructor') this.parameterProperties(m, info);
        this.walk(m.body, this.enterFunction(m, inner));
      }
    }
  }

  /** `constructor(private users: UsersService)`: the field is an instance of its declared type, which is how
   *  dependency-injected controllers (`this.users.list`) are found. */
  private parameterProperties(m: t.ClassMethod, info: ClassInfo): void {
    for (const p of m.params) {
      if (p.type !== 'TSParameterProperty' || p.parameter.type !== 'Identifier') continue;
      const ann = p.parameter.typeAnnotation;
      if (ann?.type === 'TSTypeAnnotation' && ann.typeAnnotation.type === 'TSTypeReference' && ann.typeAnnotation.typeName.type === 'Identifier') {
        info.fields[p.parameter.name] = { k: 'new', cls: { k: 'local', name: ann.typeAnnotation.typeName.name } };
      }
    }
  }

  private field(cls: string, name: string, val: Val, at: t.Node): void {
    const info = this.scan.classes.get(cls);
    if (!info) return;
    if (val.k === 'create') val = this.newRouter(`${cls}#${name}`, `this.${name}`, val, at);
    if (!(name in info.fields) || info.fields[name].k === 'unknown') info.fields[name] = val;
  }

  // ---- calls: routes, mounts, loops ---------------------------------------------------------------

  /** Returns true when it walked the node's children itself. */
  private call(node: t.CallExpression, ctx: Ctx): boolean {
    const callee = node.callee;
    if (callee.type !== 'MemberExpression') return false;
    const prop = propName(callee);
    if (prop && ROUTE_METHODS.has(prop)) this.route(node, callee, prop as RouteMethod, ctx);
    else if (prop === 'del') this.route(node, callee, 'delete', ctx); // Express 3/4's deprecated alias
    else if (prop === 'use') this.mount(node, callee, ctx);
    else if ((prop === 'forEach' || prop === 'map') && node.arguments.length >= 1) {
      const fn = node.arguments[0];
      if ((fn.type === 'ArrowFunctionExpression' || fn.type === 'FunctionExpression') && fn.params[0]?.type === 'Identifier') {
        this.walk(callee.object, ctx);
        const coll = this.val(callee.object as t.Expression, ctx);
        this.walk(fn.body, { ...this.enterFunction(fn, ctx), loop: { name: fn.params[0].name, coll } });
        return true;
      }
    } else if (!prop && callee.computed && node.arguments.length >= 2 && looksLikeRouterName(this.text(callee.object))
      && isPathLike(node.arguments[0])) {
      this.scan.diagnostics.push({
        code: 'dynamic-route', severity: 'warning', at: this.loc(callee.object),
        message: `route method is computed (\`${this.text(callee)}\`); not migrated`,
      });
    }
    return false;
  }

  private route(node: t.CallExpression, callee: t.MemberExpression, method: RouteMethod, ctx: Ctx): void {
    const args = node.arguments;
    // `router.route('/x').get(h).put(h)` and `app.get('/a', h).post('/b', h)`: find what the chain hangs off.
    let obj = callee.object;
    let routeCall: t.CallExpression | undefined;
    let chained = false;
    while (obj.type === 'CallExpression' && obj.callee.type === 'MemberExpression') {
      const p = propName(obj.callee);
      if (p === 'route' && obj.arguments.length === 1) { routeCall = obj; break; }
      if (!p || !ROUTE_METHODS.has(p)) break;
      chained = true;
      obj = obj.callee.object;
    }
    let pathNode: t.Node;
    let receiverNode: t.Node;
    let rest: t.Node[];
    if (routeCall) {
      if (args.length < 1) return;
      pathNode = routeCall.arguments[0];
      receiverNode = (routeCall.callee as t.MemberExpression).object;
      rest = args;
    } else {
      if (args.length < 2 || !isPathLike(args[0])) return;
      pathNode = args[0];
      receiverNode = obj;
      rest = args.slice(1);
    }
    // `app.get('/api-docs.json', serveOpenApi())`, as finish (MA006) writes it: the runtime's docs endpoint, not
    // one of the app's routes to migrate (a run after finish would wrap it as an undocumented route).
    const last = rest[rest.length - 1];
    if (rest.length === 1 && last?.type === 'CallExpression' && last.callee.type === 'Identifier' && this.docsHandlerNames.has(last.callee.name)) return;
    // The location rules and flasgger blocks key on: the receiver's start; within a chain every later
    // verb starts at the same place, so those use the verb itself to stay unique.
    const firstInChain = routeCall ? callee.object === routeCall : !chained;
    const at = this.loc(firstInChain ? receiverNode : callee.property);
    const handlerNode = rest[rest.length - 1];
    let pathDynamic: string | undefined;
    let path: Val;
    if (pathNode.type === 'RegExpLiteral') { pathDynamic = `regex path ${this.text(pathNode)}`; path = { k: 'unknown', text: this.text(pathNode) }; }
    else if (pathNode.type === 'ArrayExpression') { pathDynamic = `several paths ${this.text(pathNode)}`; path = { k: 'unknown', text: this.text(pathNode) }; }
    else path = this.val(pathNode as t.Expression, ctx);
    const delegate = delegatedCall(handlerNode, (n) => this.text(n));
    this.scan.routes.push({
      at, method, path, pathText: this.text(pathNode), pathDynamic,
      receiver: this.inlineRouter(receiverNode) ?? this.val(receiverNode as t.Expression, ctx), receiverText: this.text(receiverNode),
      handler: { ...this.handler(handlerNode), ...(delegate ? { delegate: { callee: this.text(delegate.callee).replace(/\s+/g, ''), args: delegate.args } } : {}) },
      handlerRef: this.handlerRef(handlerNode, ctx),
      ...(delegate ? { delegateRef: this.val(delegate.callee, ctx) } : {}),
      ...(handlerNode.type === 'CallExpression' && handlerNode.arguments.length === 1 && !selfBoundMethod(handlerNode, (n) => this.text(n)) ? { handlerCallee: this.val(handlerNode.callee, ctx) } : {}),
      middleware: rest.slice(0, -1).map((m) => this.text(m)),
      // A migrated route's chain (its spec object first) is never followed (chain-repliers.ts skips migrated routes):
      // not modelled, as it was most of what a migrated route costs in the cached analysis.
      ...(!routeCall && rest.length > 1 && args[1]?.type !== 'ObjectExpression' ? { chain: rest.slice(0, -1).map((m) => (m.type === 'ArrowFunctionExpression' || m.type === 'FunctionExpression' ? null : this.val(m as t.Expression, ctx))) } : {}),
      ...(!routeCall && args[1]?.type === 'ObjectExpression'
        // legacy() need not be last (a chain function that replies, then next() for the rest).
        ? {
          migrated: rest.some((h) => h.type === 'CallExpression' && h.callee.type === 'Identifier' && h.callee.name === 'legacy') ? 'legacy handler' : 'typed handler',
          ...(args[1].properties.length === 0 ? { emptySpec: true } : {}),
        }
        : {}),
    });
  }

  private handler(node: t.Node): RouteRecord['handler'] {
    const kind = node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' ? 'function'
      : node.type === 'Identifier' ? 'identifier' : node.type === 'MemberExpression' ? 'member'
        : node.type === 'CallExpression' ? 'call' : 'other';
    // Inline function bodies are elided: the text is for messages and the report, rules work on the AST.
    const text = kind === 'function'
      ? `${this.code.slice(node.start!, (node as t.ArrowFunctionExpression).body.start!)}${(node as t.ArrowFunctionExpression).body.type === 'BlockStatement' ? '{…}' : '…'}`
      : this.text(node);
    return { kind, text };
  }

  private handlerRef(node: t.Node, ctx: Ctx): Val | undefined {
    if (node.type === 'Identifier' || node.type === 'MemberExpression') return this.val(node, ctx);
    const bound = selfBoundMethod(node, (n) => this.text(n));
    if (bound) return this.val(bound, ctx); // this.ctrl.list.bind(this.ctrl)
    if (node.type === 'CallExpression' && node.arguments.length === 1) {
      const a = node.arguments[0];
      if (a.type === 'Identifier' || a.type === 'MemberExpression') return this.val(a, ctx); // asyncHandler(ctrl.list)
    }
    return undefined;
  }

  private mount(node: t.CallExpression, callee: t.MemberExpression, ctx: Ctx): void {
    const args = node.arguments;
    if (args.length === 0) return;
    const first = args[0];
    let prefix: Val | null = null;
    let prefixUncertain = false;
    let children: t.Node[] = args;
    if (first.type === 'StringLiteral' || first.type === 'TemplateLiteral' || first.type === 'BinaryExpression' || first.type === 'RegExpLiteral'
      || (first.type === 'ArrayExpression' && first.elements.every((e) => e?.type === 'StringLiteral'))) {
      prefix = first.type === 'RegExpLiteral' ? { k: 'unknown', text: this.text(first) } : this.val(first, ctx);
      children = args.slice(1);
    } else if (args.length >= 2 && (first.type === 'Identifier' || first.type === 'MemberExpression' || first.type === 'CallExpression')) {
      prefix = this.val(first, ctx);
      prefixUncertain = true;
      children = args.slice(1);
    }
    const parent = this.val(callee.object, ctx);
    const parentText = this.text(callee.object);
    const at = this.loc(callee.object);
    const flat: t.Node[] = children.flatMap((c): t.Node[] => (c.type === 'ArrayExpression' ? c.elements.filter((e): e is t.Expression => !!e && e.type !== 'SpreadElement') : [c]));
    for (const c of flat) {
      if (c.type === 'ArrowFunctionExpression' || c.type === 'FunctionExpression') continue; // inline middleware
      this.scan.mounts.push({ at, parent, parentText, prefix, prefixUncertain: prefixUncertain || undefined, child: this.val(c as t.Expression, ctx), childText: this.text(c) });
    }
    if (prefixUncertain) {
      // The "prefix" may have been a middleware that is itself a router: `app.use(usersRouter, postsRouter)`.
      this.scan.mounts.push({ at, parent, parentText, prefix: null, child: prefix!, childText: this.text(first), prefixUncertain: true });
    }
  }

  // ---- values -------------------------------------------------------------------------------------

  private fnAt(node: t.Function): SourceLocation {
    return this.loc(node.type === 'ClassMethod' || node.type === 'ObjectMethod' ? node.key : ('id' in node && node.id) || node);
  }

  private enterFunction(node: t.Function, ctx: Ctx): Ctx {
    const inner: Ctx = { ...ctx, depth: ctx.depth + 1 };
    if (node.params.length === 0 && !ctx.params) return inner;
    const params = new Map(ctx.params);
    const at = this.fnAt(node);
    const fn = `${at.line}:${at.col}`;
    node.params.forEach((p, index) => {
      const id = p.type === 'Identifier' ? p : p.type === 'AssignmentPattern' && p.left.type === 'Identifier' ? p.left : undefined;
      if (id) params.set(id.name, { k: 'param', fn, index, name: id.name });
    });
    inner.params = params;
    return inner;
  }

  /** Only calls that hand over a plain name or `this.x`, since only those can pass a router along. */
  private noteCall(node: t.CallExpression, ctx: Ctx): void {
    const c = node.callee;
    if (node.arguments.length === 0 || node.arguments.length > 4) return;
    if (c.type !== 'Identifier' && c.type !== 'CallExpression' && c.type !== 'MemberExpression') return;
    // typed(express.Router()) is the router itself (val() reads it so), not a call handed a new one.
    const wrapper = c.type === 'Identifier' && this.isTypedName(c.name);
    const createdHere = (a: t.Node) => !wrapper && !!this.createdIn(a);
    if (!node.arguments.some((a) => a.type === 'Identifier' || (a.type === 'MemberExpression' && a.object.type === 'ThisExpression') || createdHere(a))) return;
    if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && (c.object.name === 'res' || c.object.name === 'req' || c.object.name === 'console')) return;
    // Only what can carry a router is kept (the values ScanProject.passRouter reads); any other argument keeps its
    // place, as a placeholder, and its value is not modelled: a route call's spec object, modelled here, was a
    // quarter of a migrated file's cached analysis and of what a run holds per file.
    const args = node.arguments.map((a): Val => {
      // `setup(express(), db)`: an app created right in the call is that parameter's router (MuniBoard's server.ts).
      if (createdHere(a)) return this.unnamedRouter(a, this.createdIn(a)!);
      if (!CAN_NAME_A_ROUTER.has(a.type)) return NOT_A_ROUTER;
      const v = this.val(a, ctx);
      return v.k === 'local' || v.k === 'this' || v.k === 'param' ? v : NOT_A_ROUTER;
    });
    if (args.every((a) => a === NOT_A_ROUTER)) return;
    this.scan.calls.push({ callee: this.val(c, ctx), args });
  }

  /** `express()`, or `typed(express(), ...)` as a migration leaves it: what the call creates. */
  private createdIn(a: t.Node): Extract<Val, { k: 'create' }> | undefined {
    if (a.type !== 'CallExpression') return undefined;
    const f = this.factory(a.callee);
    if (f) return f;
    const c = a.callee;
    const inner = c.type === 'Identifier' && this.isTypedName(c.name) ? a.arguments[0] : undefined;
    const g = inner?.type === 'CallExpression' ? this.factory(inner.callee) : undefined;
    return g && { ...g, created: 'typed(...)' };
  }

  /** A router or app created where it is used, unnamed (at the head of a route chain, as a call's argument):
   *  registered once per node. */
  private unnamedRouter(node: t.Node, created: Extract<Val, { k: 'create' }>): Val {
    const known = this.inlineRouters.get(node);
    if (known) return known;
    const name = this.text(node).replace(/\s+/g, '');
    const val = this.newRouter(name, name, created, node);
    this.inlineRouters.set(node, val);
    return val;
  }

  private fnVal(node: t.Function, ctx: Ctx): Val {
    let returns: Val | undefined;
    if (node.body.type === 'BlockStatement') {
      for (const s of node.body.body) if (s.type === 'ReturnStatement' && s.argument) { returns = this.val(s.argument, ctx); break; }
    } else returns = this.val(node.body, ctx);
    return { k: 'fn', at: this.fnAt(node), returns };
  }

  private factory(callee: t.Node): Extract<Val, { k: 'create' }> | undefined {
    if (callee.type === 'Identifier') {
      if (this.appFactories.has(callee.name)) return { k: 'create', kind: 'app', created: `${callee.name}()` };
      if (this.routerFactories.has(callee.name)) return { k: 'create', kind: 'router', created: `${callee.name}()` };
    } else if (isRequireOf(callee, 'express')) {
      return { k: 'create', kind: 'app', created: `${this.text(callee)}()` };
    } else if (callee.type === 'CallExpression' && isRequireOf(callee, ROUTER_PACKAGE)) {
      return { k: 'create', kind: 'router', created: `${this.text(callee)}()` };
    } else if (callee.type === 'MemberExpression' && propName(callee) === 'Router') {
      const o = callee.object;
      if ((o.type === 'Identifier' && this.expressModules.has(o.name)) || isRequireOf(o, 'express')) {
        return { k: 'create', kind: 'router', created: `${this.text(callee)}()` };
      }
    }
    return undefined;
  }

  val(node: t.Node, ctx: Ctx): Val {
    switch (node.type) {
      case 'StringLiteral': return { k: 'str', value: node.value };
      case 'TemplateLiteral':
        return { k: 'tpl', quasis: node.quasis.map((q) => q.value.cooked ?? q.value.raw), exprs: node.expressions.map((e) => this.val(e, ctx)) };
      case 'BinaryExpression': {
        if (node.operator !== '+' || node.left.type === 'PrivateName') break;
        return concat(this.val(node.left, ctx), this.val(node.right, ctx));
      }
      case 'Identifier':
        if (ctx.loop && node.name === ctx.loop.name) return { k: 'loopvar', coll: ctx.loop.coll };
        return ctx.params?.get(node.name) ?? { k: 'local', name: node.name };
      case 'MemberExpression': {
        const prop = propName(node);
        if (!prop) break;
        if (node.object.type === 'ThisExpression') return ctx.cls ? { k: 'this', cls: ctx.cls, name: prop } : { k: 'unknown', text: this.text(node) };
        return { k: 'member', obj: this.val(node.object, ctx), prop };
      }
      case 'CallExpression': {
        const c = node.callee;
        if (c.type === 'Identifier' && c.name === 'require' && node.arguments[0]?.type === 'StringLiteral') {
          return { k: 'import', source: node.arguments[0].value, name: '*' };
        }
        const f = this.factory(c);
        if (f) return this.inlineRouters.get(node) ?? f;
        // `express.Router().get(...).post(...)`: the value is the router the chain created.
        const inline = c.type === 'MemberExpression' ? this.inlineRouter(node) : undefined;
        if (inline) return inline;
        if (c.type === 'Identifier' && this.isTypedName(c.name) && node.arguments[0]) {
          const inner = this.val(node.arguments[0], ctx);
          return inner.k === 'create' ? { ...inner, created: 'typed(...)' } : inner;
        }
        return { k: 'call', callee: this.val(c, ctx), args: node.arguments.map((a) => this.val(a, ctx)) };
      }
      case 'NewExpression': {
        const f = this.factory(node.callee);
        if (f) return { ...f, created: `new ${f.created}` };
        return { k: 'new', cls: this.val(node.callee, ctx) };
      }
      case 'ArrowFunctionExpression': case 'FunctionExpression': return this.fnVal(node, ctx);
      case 'ObjectExpression': {
        const props: Record<string, Val> = {};
        const spreads: Val[] = [];
        for (const p of node.properties) {
          if (p.type === 'SpreadElement') { spreads.push(this.val(p.argument, ctx)); continue; }
          const key = p.key.type === 'Identifier' && !p.computed ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
          if (!key) continue;
          props[key] = p.type === 'ObjectMethod' ? this.fnVal(p, ctx) : this.val(p.value, ctx);
        }
        return spreads.length ? { k: 'object', props, spreads } : { k: 'object', props };
      }
      case 'ArrayExpression':
        return { k: 'array', items: node.elements.filter((e): e is t.Expression => !!e && e.type !== 'SpreadElement').map((e) => this.val(e, ctx)) };
      case 'AssignmentExpression': return this.val(node.right, ctx);
      case 'TSAsExpression': case 'TSSatisfiesExpression': case 'TSNonNullExpression': case 'TypeCastExpression':
      case 'ParenthesizedExpression': case 'TSTypeAssertion':
        return this.val(node.expression, ctx);
      case 'ClassExpression': if (node.id) return { k: 'class', name: node.id.name }; break;
    }
    return { k: 'unknown', text: this.text(node) };
  }
}

/** Argument node types whose value (val()) can be a name, `this.x` or a parameter: what passes a router along. */
const CAN_NAME_A_ROUTER = new Set(['Identifier', 'MemberExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression',
  'TypeCastExpression', 'ParenthesizedExpression', 'TSTypeAssertion', 'AssignmentExpression']);
const NOT_A_ROUTER: Val = { k: 'unknown', text: '' };

function concat(a: Val, b: Val): Val {
  const parts = (v: Val): { quasis: string[]; exprs: Val[] } =>
    v.k === 'str' ? { quasis: [v.value], exprs: [] } : v.k === 'tpl' ? { quasis: v.quasis, exprs: v.exprs } : { quasis: ['', ''], exprs: [v] };
  const l = parts(a);
  const r = parts(b);
  const quasis = [...l.quasis.slice(0, -1), l.quasis[l.quasis.length - 1] + r.quasis[0], ...r.quasis.slice(1)];
  return { k: 'tpl', quasis, exprs: [...l.exprs, ...r.exprs] };
}

function propName(m: t.MemberExpression): string | undefined {
  if (!m.computed && m.property.type === 'Identifier') return m.property.name;
  if (m.computed && m.property.type === 'StringLiteral') return m.property.value;
  return undefined;
}

function isModuleExports(n: t.Node): boolean {
  return n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && propName(n) === 'exports';
}

function isRequireOf(n: t.Node, source: string | RegExp): boolean {
  return n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require'
    && n.arguments[0]?.type === 'StringLiteral' && (typeof source === 'string' ? n.arguments[0].value === source : source.test(n.arguments[0].value));
}

function isPathLike(n: t.Node): boolean {
  return n.type === 'StringLiteral' || n.type === 'TemplateLiteral' || n.type === 'RegExpLiteral' || n.type === 'ArrayExpression'
    || n.type === 'BinaryExpression' || n.type === 'Identifier' || n.type === 'MemberExpression';
}
