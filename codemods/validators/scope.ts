// ValidatorScope on Babel trees: the expression a name stands for, in this file or through imports
// (`validate(userValidation.createUser)` -> the `createUser = { body: Joi.object()... }` in validations/).
// The scan's Resolver (codemods/scan/resolve.ts) decides which file a specifier names (tsconfig paths,
// `./x.js` naming `./x.ts`, index files); the scan's own values are symbolic and carry no nodes, so the
// bindings are looked up here in the tree of the file they live in, parsed once per file.
import { readFileSync } from 'node:fs';
import { walk, type Node } from '../rules/ast.js';
import { parseSource } from '../parse.js';
import type { ValidatorScope } from './types.js';

export type ModuleResolver = (from: string, specifier: string) => string | null | undefined;

const MAX_DEPTH = 20;

/** A package import a name is bound to (`const Joi = require('joi')`, `import { Joi } from 'celebrate'`). */
export interface PackageImport { source: string; name: string }

export class FileValidatorScope implements ValidatorScope {
  private programs = new Map<string, Node | null>();

  constructor(private resolveModule: ModuleResolver, private readSource: (file: string) => string = (f) => readFileSync(f, 'utf8')) {}

  /** The file's program (parsed once); null when it cannot be read or parsed. */
  program(file: string): Node | null {
    if (!this.programs.has(file)) {
      let program: Node | null = null;
      try {
        const parsed = parseSource(this.readSource(file), file);
        if ('ast' in parsed) program = parsed.ast.program as unknown as Node;
      } catch { /* unreadable: no definitions from it */ }
      this.programs.set(file, program);
    }
    return this.programs.get(file)!;
  }

  line(node: Node): number {
    return node.loc?.start.line ?? 1;
  }

  definition(node: Node, file: string, depth = 0): { node: Node; file: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (node.type === 'Identifier') return this.binding(node.name, file, depth + 1);
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
      const owner = node.object.type === 'ObjectExpression' ? { node: node.object, file } : this.definition(node.object, file, depth + 1);
      return owner ? this.member(owner, node.property.name, depth + 1) : undefined;
    }
    if (node.type === 'MemberExpression' && node.computed && isString(node.property)) {
      const owner = this.definition(node.object, file, depth + 1);
      return owner ? this.member(owner, node.property.value, depth + 1) : undefined;
    }
    return undefined;
  }

  classDeclaration(node: Node, file: string): { node: Node; file: string } | undefined {
    const def = this.definition(node, file);
    return def && (def.node.type === 'ClassDeclaration' || def.node.type === 'ClassExpression') ? def : undefined;
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

  private binding(name: string, file: string, depth: number): { node: Node; file: string } | undefined {
    const program = this.program(file);
    if (!program) return undefined;
    for (const stmt of program.body as Node[]) {
      if (stmt.type !== 'ImportDeclaration' || !isRelative(stmt.source.value)) continue;
      for (const s of stmt.specifiers as Node[]) {
        if (s.local.name !== name) continue;
        const target = this.resolveModule(file, stmt.source.value);
        if (!target) return undefined;
        if (s.type === 'ImportNamespaceSpecifier') return this.moduleValue(target, true);
        return this.exported(target, s.type === 'ImportDefaultSpecifier' ? 'default' : keyName(s.imported) ?? '', depth + 1);
      }
    }
    let found: { node: Node; file: string } | undefined;
    walk(program, (n) => {
      if (found) return false;
      if (n.type === 'VariableDeclarator' && n.init) {
        if (n.id.type === 'Identifier' && n.id.name === name) found = this.valueOf(n.init, file, depth + 1) ?? { node: n.init, file };
        else if (n.id.type === 'ObjectPattern') {
          for (const p of n.id.properties as Node[]) {
            if (p.type !== 'ObjectProperty' || p.value.type !== 'Identifier' || p.value.name !== name) continue;
            const owner = this.valueOf(n.init, file, depth + 1) ?? { node: n.init, file };
            const key = keyName(p.key);
            found = key ? this.member(owner, key, depth + 1) : undefined;
          }
        }
      } else if ((n.type === 'FunctionDeclaration' || n.type === 'ClassDeclaration') && n.id?.name === name) {
        found = { node: n, file };
      }
      return undefined;
    });
    return found;
  }

  /** `require('./x')` is the module's value; anything else is itself. */
  private valueOf(expr: Node, file: string, depth: number): { node: Node; file: string } | undefined {
    const req = requireOf(expr);
    if (req && isRelative(req.source)) {
      const target = this.resolveModule(file, req.source);
      return target ? this.moduleValue(target, false) : undefined;
    }
    if (expr.type === 'MemberExpression' && expr.object.type === 'CallExpression') {
      const m = memberRequire(expr);
      if (m && isRelative(m.source)) {
        const target = this.resolveModule(file, m.source);
        return target ? this.exported(target, m.name, depth + 1) : undefined;
      }
    }
    if (expr.type === 'Identifier' || expr.type === 'MemberExpression') return this.definition(expr, file, depth + 1);
    return undefined;
  }

  /** A module as a value: its `module.exports =` / default export, else the program (its named exports). */
  private moduleValue(file: string, namespace: boolean): { node: Node; file: string } | undefined {
    const program = this.program(file);
    if (!program) return undefined;
    if (!namespace) {
      const def = this.exportedNode(program, 'default');
      // `module.exports = validate`: the value the name is bound to.
      if (def) return def.type === 'Identifier' ? this.binding(def.name, file, 1) ?? { node: def, file } : { node: def, file };
    }
    return { node: program, file };
  }

  private exported(file: string, name: string, depth: number): { node: Node; file: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const program = this.program(file);
    if (!program) return undefined;
    const node = this.exportedNode(program, name);
    if (node) return node.type === 'Identifier' ? this.binding(node.name, file, depth + 1) ?? { node, file } : { node, file };
    // `module.exports = { createUser, getUsers }`: a named import reads a property of it.
    const def = this.exportedNode(program, 'default');
    if (def && name !== 'default') return this.member({ node: def, file }, name, depth + 1);
    return undefined;
  }

  private exportedNode(program: Node, name: string): Node | undefined {
    let found: Node | undefined;
    for (const stmt of program.body as Node[]) {
      if (stmt.type === 'ExportDefaultDeclaration' && name === 'default') found = stmt.declaration;
      if (stmt.type === 'ExportNamedDeclaration') {
        const d = stmt.declaration;
        if (d?.type === 'VariableDeclaration') {
          for (const v of d.declarations) if (v.id.type === 'Identifier' && v.id.name === name && v.init) found = v.init;
        } else if (d && d.id?.name === name) found = d;
        for (const s of stmt.specifiers ?? []) if (keyName(s.exported) === name && !stmt.source) found = s.local;
      }
      if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression') {
        const { left, right } = stmt.expression;
        if (name === 'default' && isModuleExports(left)) found = right;
        if (left.type === 'MemberExpression' && (isModuleExports(left.object) || (left.object.type === 'Identifier' && left.object.name === 'exports')) && keyName(left.property) === name && !left.computed) found = right;
      }
    }
    return found;
  }

  private member(owner: { node: Node; file: string }, prop: string, depth: number): { node: Node; file: string } | undefined {
    let o = owner;
    if (o.node.type === 'Identifier' || o.node.type === 'MemberExpression') {
      const d = this.definition(o.node, o.file, depth + 1);
      if (!d) return undefined;
      o = d;
    }
    if (o.node.type === 'Program') return this.exported(o.file, prop, depth + 1);
    if (o.node.type !== 'ObjectExpression') return undefined;
    for (const p of o.node.properties as Node[]) {
      if (p.type !== 'ObjectProperty' || p.computed || keyName(p.key) !== prop) continue;
      const v = p.value as Node;
      return v.type === 'Identifier' ? this.binding(v.name, o.file, depth + 1) ?? { node: v, file: o.file } : { node: v, file: o.file };
    }
    return undefined;
  }
}

const isRelative = (s: string) => s.startsWith('.') || s.startsWith('/');
const isString = (n: Node) => n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string');

export function keyName(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  if (n.type === 'Identifier') return n.name;
  if (isString(n)) return n.value;
  return undefined;
}

function isModuleExports(n: Node): boolean {
  return n.type === 'MemberExpression' && n.object.type === 'Identifier' && n.object.name === 'module' && keyName(n.property) === 'exports';
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
