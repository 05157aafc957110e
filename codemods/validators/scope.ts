// A ValidatorScope over source files read from disk: names to the expressions they are bound to, in the same
// file or through relative imports/requires, ES and CommonJS exports, re-exports. Ours rather than the scan's
// Resolver (codemods/scan/resolve.ts) because translators need AST nodes (decorators, call chains) and the
// Resolver answers with symbolic values; the module lookup follows the same rules (`./x.js` naming `./x.ts`,
// index files, tsconfig `paths`), or is the scan's own when the caller passes it. Package imports answer with
// their ImportDeclaration / `require()` call, and packageImport() names the package and export, so a translator
// can tell which library a name comes from. No app code runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { parseSource } from '../parse.js';
import { memberName, walk, type Node } from '../rules/ast.js';
import { aliasCandidates, tsPathsFor, type TsPaths } from '../scan/tsconfig.js';
import { assignedNames, localBinding } from '../docs/local-binding.js';
import type { ValidatorScope } from './types.js';

/** Which file a specifier names: a path, null when a relative one is missing, undefined for packages. */
export type ModuleResolver = (from: string, specifier: string) => string | null | undefined;

/** A package import a name is bound to (`const Joi = require('joi')`, `import { Joi } from 'celebrate'`). */
export interface PackageImport { source: string; name: string }

const EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const MAX_DEPTH = 30;

/** A whole module as the value of a namespace import or a `require('./x')`. */
export interface ModuleNamespace { type: 'ModuleNamespace'; file: string }

interface FileInfo {
  program: Node;
  /** Every declaration site per name, at any depth (bindingsOf). */
  bindings: Map<string, Node[]>;
  /** The sites of the program's own statements (exported or not). */
  topLevel: Set<Node>;
  /** `let`/`var` declarators, and every name the file assigns: such a binding assigned again is not a known value. */
  letOrVar: Set<Node>;
  assigned: Set<string>;
}

export class FileValidatorScope implements ValidatorScope {
  private files = new Map<string, FileInfo | null>();
  private tsPaths = new Map<string, TsPaths | null>();

  /** `resolveModule`: the scan's module lookup when there is one; `sources` overrides disk reads (tests). */
  constructor(private resolveModule?: ModuleResolver, private sources: ReadonlyMap<string, string> = new Map()) {}

  /** The file's program (parsed once); null when it cannot be read or parsed. */
  program(file: string): Node | null {
    return this.info(file)?.program ?? null;
  }

  line(node: Node): number {
    return node.loc?.start?.line ?? 0;
  }

  classDeclaration(node: Node, file: string): { node: Node; file: string } | undefined {
    let d = this.definition(node, file);
    for (let i = 0; d && i < MAX_DEPTH && (d.node.type === 'Identifier' || d.node.type === 'MemberExpression'); i++) d = this.definition(d.node, d.file);
    return d && (d.node.type === 'ClassDeclaration' || d.node.type === 'ClassExpression') ? d : undefined;
  }

  definition(node: Node, file: string, depth = 0): { node: Node; file: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'Identifier') return this.reference(node, file, depth + 1);
    if (node.type === 'MemberExpression') {
      const name = memberName(node);
      if (name === null) return undefined;
      let owner = this.definition(node.object, file, depth + 1);
      for (let i = 0; owner && i < MAX_DEPTH && (owner.node.type === 'Identifier' || owner.node.type === 'MemberExpression'); i++) {
        owner = this.definition(owner.node, owner.file, depth + 1);
      }
      if (!owner) return undefined;
      if (owner.node.type === 'ModuleNamespace') return this.exported((owner.node as unknown as ModuleNamespace).file, name, depth + 1);
      const obj = unwrapTs(owner.node);
      if (obj.type === 'ObjectExpression') {
        for (const p of obj.properties) {
          if ((p.type === 'ObjectProperty' || p.type === 'Property') && propKey(p) === name) return { node: p.value, file: owner.file };
        }
      }
      if (obj.type === 'TSEnumDeclaration') return owner;
      return undefined;
    }
    return undefined;
  }

  /** The package import behind a name, with the export it names (`default` / `*` / `Joi`); undefined for anything else. */
  packageImport(node: Node, file: string): PackageImport | undefined {
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
      // `require('celebrate').Joi`, `celebrate.Joi` with `celebrate` a namespace import.
      const inner = node.object.type === 'CallExpression' ? requireOf(node.object) : this.packageImport(node.object, file);
      if (inner && (inner.name === '*' || inner.name === 'default')) return { source: inner.source, name: node.property.name };
      return undefined;
    }
    if (node.type !== 'Identifier') return undefined;
    const program = this.program(file);
    if (!program) return undefined;
    let found: PackageImport | undefined;
    for (const stmt of program.body as Node[]) {
      if (stmt.type === 'ImportDeclaration' && !isRelative(stmt.source.value)) {
        for (const s of stmt.specifiers as Node[]) {
          if (s.local.name !== node.name) continue;
          found = { source: stmt.source.value, name: s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : keyName(s.imported) ?? '' };
        }
      }
    }
    if (found) return found;
    walk(program, (n) => {
      if (found || n.type !== 'VariableDeclarator' || !n.init) return;
      const req = requireOf(n.init) ?? (n.init.type === 'MemberExpression' && n.init.object.type === 'CallExpression' ? memberRequire(n.init) : undefined);
      if (!req || isRelative(req.source)) return;
      if (n.id.type === 'Identifier' && n.id.name === node.name) found = req;
      else if (n.id.type === 'ObjectPattern' && req.name === '*') {
        for (const p of n.id.properties as Node[]) {
          if (p.type === 'ObjectProperty' && p.value.type === 'Identifier' && p.value.name === node.name) found = { source: req.source, name: keyName(p.key) ?? '' };
        }
      }
    });
    return found;
  }

  private info(file: string): FileInfo | null {
    if (this.files.has(file)) return this.files.get(file)!;
    let info: FileInfo | null = null;
    try {
      const code = this.sources.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
      const parsed = code === undefined ? undefined : parseSource(code, file);
      if (parsed && 'ast' in parsed) info = fileInfo(parsed.ast.program as unknown as Node);
    } catch { /* unreadable: no definitions from it */ }
    this.files.set(file, info);
    return info;
  }

  /**
   * A name where it is used: a parameter, a catch binding or a `let`/`var` assigned again around the use is not
   * a known value (fail closed: the validator gets a TODO, not an outer schema of the same name); a local `const`
   * is its init; otherwise the file's own binding, unless that is a `let`/`var` the file assigns again.
   */
  private reference(node: Node, file: string, depth: number): { node: Node; file: string } | undefined {
    const info = this.info(file);
    if (!info) return undefined;
    if (typeof node.start === 'number') {
      const local = localBinding(info.program, node.name, node.start);
      if (local === null) return undefined;
      if (local) return { node: local as Node, file };
    }
    // Nothing around the use binds it: the file's top-level binding is the one (an inner function's own
    // declaration of the same name does not make it ambiguous), else a name declared once in the file.
    const sites = info.bindings.get(node.name) ?? [];
    const top = sites.filter((site) => info.topLevel.has(site));
    const site = top.length === 1 ? top[0]! : sites.length === 1 ? sites[0]! : undefined;
    if (!site || (info.letOrVar.has(site) && info.assigned.has(node.name))) return undefined;
    return this.site(site, node.name, file, depth);
  }

  private identifier(name: string, file: string, depth: number): { node: Node; file: string } | undefined {
    const sites = this.info(file)?.bindings.get(name);
    // A name declared once in the file; several declarations (shadowing) are ambiguous without scope analysis.
    if (!sites || sites.length !== 1) return undefined;
    return this.site(sites[0]!, name, file, depth);
  }

  private site(site: Node, name: string, file: string, depth: number): { node: Node; file: string } | undefined {
    switch (site.type) {
      case 'ImportDeclaration': {
        const spec = site.specifiers.find((s: Node) => s.local.name === name);
        const target = this.module(file, site.source.value);
        if (target === undefined) return { node: site, file };
        if (target === null) return undefined;
        if (spec.type === 'ImportNamespaceSpecifier') return { node: namespace(target), file: target };
        const imported = spec.type === 'ImportDefaultSpecifier' ? 'default' : (spec.imported.name ?? spec.imported.value);
        return this.exported(target, imported, depth);
      }
      case 'VariableDeclarator': {
        const init = site.init ? unwrapTs(site.init) : undefined;
        const req = init && requireSource(init);
        if (site.id.type === 'Identifier') {
          if (req !== undefined) {
            const target = this.module(file, req);
            if (target === undefined) return { node: init!, file };
            if (target === null) return undefined;
            // CommonJS: `module.exports = function validate() {...}` is what require() returns; an object of
            // exports (or `exports.x = ...`) is looked up member by member through the namespace.
            const whole = this.exported(target, 'default', depth);
            if (whole && unwrapTs(whole.node).type !== 'ObjectExpression') return whole;
            return { node: namespace(target), file: target };
          }
          return init ? { node: init, file } : undefined;
        }
        if (site.id.type === 'ObjectPattern' && req !== undefined) {
          const target = this.module(file, req);
          if (target === undefined) return { node: site, file };
          const prop = site.id.properties.find((p: Node) => p.type !== 'RestElement' && p.value?.type === 'Identifier' && p.value.name === name);
          return target && prop ? this.exported(target, propKey(prop) ?? '', depth) : undefined;
        }
        return undefined;
      }
      default: return { node: site, file };
    }
  }

  /** What `file` exports as `name` ('default' for the default export / `module.exports`). */
  private exported(file: string, name: string, depth: number): { node: Node; file: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const info = this.info(file);
    if (!info) return undefined;
    for (const st of info.program.body as Node[]) {
      if (st.type === 'ExportNamedDeclaration') {
        if (st.declaration) {
          const d = st.declaration;
          if (d.type === 'VariableDeclaration') {
            for (const v of d.declarations) if (v.id.type === 'Identifier' && v.id.name === name) return v.init ? { node: v.init, file } : undefined;
          } else if (d.id?.name === name) return { node: d, file };
        }
        for (const s of st.specifiers ?? []) {
          const exportedName = s.exported.name ?? s.exported.value;
          if (exportedName !== name) continue;
          if (st.source) {
            const target = this.module(file, st.source.value);
            return target ? this.exported(target, s.local.name ?? s.local.value, depth + 1) : undefined;
          }
          return this.identifier(s.local.name, file, depth + 1);
        }
      }
      if (st.type === 'ExportDefaultDeclaration' && name === 'default') {
        return st.declaration.type === 'Identifier' ? this.identifier(st.declaration.name, file, depth + 1) : { node: st.declaration, file };
      }
      if (st.type === 'ExpressionStatement' && st.expression.type === 'AssignmentExpression') {
        const { left, right } = st.expression;
        const target = cjsTarget(left);
        if (target === name || (target === 'default' && name === 'default')) {
          return (right.type === 'Identifier' ? this.identifier(right.name, file, depth + 1) : undefined) ?? { node: right, file };
        }
        // `module.exports = { a, b: c }` (or a name bound to such an object): its members are named exports.
        const obj = target !== 'default' ? undefined : right.type === 'Identifier' ? this.identifier(right.name, file, depth + 1) : { node: right, file };
        if (obj && unwrapTs(obj.node).type === 'ObjectExpression') {
          const prop = unwrapTs(obj.node).properties.find((p: Node) => (p.type === 'ObjectProperty' || p.type === 'Property') && propKey(p) === name);
          if (prop) return prop.value.type === 'Identifier' ? this.identifier(prop.value.name, obj.file, depth + 1) : { node: prop.value, file: obj.file };
        }
      }
    }
    for (const st of info.program.body as Node[]) {
      if (st.type === 'ExportAllDeclaration' && !st.exported && name !== 'default') {
        const target = this.module(file, st.source.value);
        const found = target ? this.exported(target, name, depth + 1) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  /** The file a specifier names: a path, null when a relative one is missing, undefined for packages. */
  private module(from: string, source: string): string | null | undefined {
    if (this.resolveModule) return this.resolveModule(from, source);
    if (!source.startsWith('.') && !source.startsWith('/')) {
      // A bare specifier is a package unless the app's tsconfig `paths`/`baseUrl` make it one of its files.
      const paths = tsPathsFor(from, this.tsPaths);
      for (const candidate of paths ? aliasCandidates(paths, source) : []) {
        const found = this.findFile(candidate);
        if (found) return found;
      }
      return undefined;
    }
    return this.findFile(resolvePath(dirname(from), source));
  }

  private findFile(base: string): string | null {
    const candidates = [base];
    const js = /\.([cm]?)jsx?$/.exec(base);
    if (js) candidates.push(`${base.slice(0, -js[0].length)}.${js[1]}ts`, `${base.slice(0, -js[0].length)}.tsx`);
    for (const e of EXTS) candidates.push(base + e);
    for (const e of EXTS) candidates.push(`${base}/index${e}`);
    return candidates.find((c) => this.sources.has(c) || (existsSync(c) && statSync(c).isFile())) ?? null;
  }
}

function namespace(file: string): Node {
  return { type: 'ModuleNamespace', file } satisfies ModuleNamespace as unknown as Node;
}

/** `module.exports` -> 'default', `module.exports.x` / `exports.x` -> 'x'. */
function cjsTarget(left: Node): string | undefined {
  if (left.type !== 'MemberExpression') return undefined;
  const isModuleExports = (n: Node) => n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && memberName(n) === 'exports';
  if (isModuleExports(left)) return 'default';
  if (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports')) return memberName(left) ?? undefined;
  return undefined;
}

export function requireSource(n: Node): string | undefined {
  return n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'StringLiteral'
    ? n.arguments[0].value : undefined;
}

export function unwrapTs(n: Node): Node {
  while (/^(TSAsExpression|TSSatisfiesExpression|TSNonNullExpression|ParenthesizedExpression|TSTypeAssertion)$/.test(n.type)) n = n.expression;
  return n;
}

export function propKey(p: Node): string | undefined {
  const k = p.key;
  if (!k) return undefined;
  if (k.type === 'Identifier' && !p.computed) return k.name;
  if (k.type === 'StringLiteral' || k.type === 'NumericLiteral') return String(k.value);
  return undefined;
}

/** What a file's lookups need, read once when it is parsed. */
function fileInfo(program: Node): FileInfo {
  const topLevel = new Set<Node>();
  for (const stmt of program.body as Node[]) {
    const d = (stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') && stmt.declaration ? stmt.declaration : stmt;
    if (d.type === 'VariableDeclaration') for (const v of d.declarations as Node[]) topLevel.add(v);
    else if (d.type === 'ImportDeclaration' || d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration' || d.type === 'TSEnumDeclaration') topLevel.add(d);
  }
  const letOrVar = new Set<Node>();
  walk(program, (n) => { if (n.type === 'VariableDeclaration' && n.kind !== 'const') for (const d of n.declarations as Node[]) letOrVar.add(d); });
  return { program, bindings: bindingsOf(program), topLevel, letOrVar, assigned: assignedNames(program) };
}

/** Every declaration site per name in a file (imports, variables, functions, classes, enums). */
function bindingsOf(program: Node): Map<string, Node[]> {
  const out = new Map<string, Node[]>();
  const add = (name: string, site: Node) => {
    const list = out.get(name) ?? [];
    if (!list.includes(site)) list.push(site);
    out.set(name, list);
  };
  walk(program, (n) => {
    if (n.type === 'ImportDeclaration') for (const s of n.specifiers) add(s.local.name, n);
    else if (n.type === 'VariableDeclarator') {
      if (n.id.type === 'Identifier') add(n.id.name, n);
      else if (n.id.type === 'ObjectPattern') {
        for (const p of n.id.properties) if (p.type !== 'RestElement' && p.value?.type === 'Identifier') add(p.value.name, n);
      }
    } else if ((n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration' || n.type === 'TSEnumDeclaration') && n.id) add(n.id.name, n);
  });
  return out;
}

const isRelative = (s: string) => s.startsWith('.') || s.startsWith('/');
const isString = (n: Node) => n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string');

export function keyName(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (isString(n)) return n.value;
  return undefined;
}

/** `require('x')` -> { source: 'x', name: '*' }. */
export function requireOf(n: Node): PackageImport | undefined {
  if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require') return undefined;
  const a = n.arguments[0];
  return a && isString(a) ? { source: a.value, name: '*' } : undefined;
}

/** `require('x').y` -> { source: 'x', name: 'y' }. */
function memberRequire(n: Node): PackageImport | undefined {
  const r = requireOf(n.object);
  const name = !n.computed ? keyName(n.property) : undefined;
  return r && name ? { source: r.source, name } : undefined;
}
