// The value of a JS/TS expression as far as the source says it without running anything: object and array
// literals, strings, numbers, booleans, consts (top-level, or local to the functions around the use), spreads,
// members, imports and requires of other files of the tree (through the scan's resolver: relative paths, index
// files, tsconfig aliases) and of .json files. Used for swagger-jsdoc's options object, whose `definition` holds
// the shared schemas most apps document against.
// What is not literal (`process.env.VERSION`, a call) is left out and reported with file:line, never guessed.
// Hand-written: the scan's own values (scan/values.ts) keep only what routing needs (strings, routers,
// functions), and evaluating code (vm, import) would run the app.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { parseSource } from '../parse.js';
import { assignedNames, isFunctionNode, localBinding, returnedExpression } from './local-binding.js';
import { joinPointer } from './yaml-source.js';
import { isRequire, requiredModule } from './loaded-specs.js';
import type { Node } from '../rules/ast.js';

// Babel nodes walked generically: narrowing by `type` on the union costs more casts than it checks.
type AnyNode = Record<string, any>;

export interface StaticValue {
  value: unknown;
  /** Where each JSON pointer of the value was written. */
  locs: Map<string, SourceLocation>;
  diagnostics: Diagnostic[];
  /** Set when the value itself is what a `swaggerJsdoc(options)` call returns: a document built at run time
   *  from options the docs reader reads where they are written (jsdoc-options.ts), so not evaluated here. */
  swaggerJsdocCall?: SourceLocation;
}

export interface StaticEnv {
  /** The source file a specifier names (the scan's resolver), null when not in the tree, undefined for packages. */
  resolveModule: (from: string, spec: string) => string | null | undefined;
  /** Why a part was left out, reported once per site. */
  what: string;
}

const SKIP = Symbol('not literal');

/** What `swaggerJsdoc(options)` returns: passed along by names, imports and members like any value, and
 *  unwrapped by evaluate(); never part of a value it returns. */
class SwaggerJsdocDocument {
  constructor(readonly at: SourceLocation) {}
}
const MAX_DEPTH = 30;
const REASSIGNED: AnyNode = { type: 'Reassigned' };

interface FileInfo {
  ast: AnyNode; bindings: Map<string, AnyNode>; exports: Map<string, AnyNode>; imports: Map<string, { source: string; name: string }>;
  /** Top-level function declarations, by name and by the name they are exported under: only followed when called. */
  functions: Map<string, AnyNode>; exportedFunctions: Map<string, AnyNode>;
}

/** One file's top-level names: consts, imports, and what it exports (ES and CommonJS). */
function fileInfo(ast: AnyNode): FileInfo {
  const bindings = new Map<string, AnyNode>();
  const exports = new Map<string, AnyNode>();
  const imports = new Map<string, { source: string; name: string }>();
  const functions = new Map<string, AnyNode>();
  const exportedFunctions = new Map<string, AnyNode>();
  let assigned: Set<string> | undefined;
  const declare = (decl: AnyNode, exported: boolean): void => {
    if (decl.type !== 'VariableDeclaration') return;
    for (const d of decl.declarations as AnyNode[]) {
      if (!d.init) continue;
      if (d.id.type === 'Identifier') {
        // a `let`/`var` the file assigns again holds a run-time value: kept as a binding that is not known
        bindings.set(d.id.name, decl.kind !== 'const' && (assigned ??= assignedNames(ast.program)).has(d.id.name) ? REASSIGNED : d.init);
        if (exported) exports.set(d.id.name, d.init);
      } else if (d.id.type === 'ObjectPattern') {
        // const { schemas, responses: shared } = require('./docs')
        for (const p of d.id.properties as AnyNode[]) {
          if (p.type !== 'ObjectProperty' || p.value.type !== 'Identifier') continue;
          const key = p.key.type === 'Identifier' ? p.key.name : (p.key as AnyNode).value;
          bindings.set(p.value.name, { type: 'MemberExpression', object: d.init, property: { type: 'Identifier', name: key }, computed: false, loc: p.loc } as unknown as AnyNode);
        }
      }
    }
  };
  for (let stmt of ast.program.body as AnyNode[]) {
    if (stmt.type === 'ImportDeclaration') {
      for (const s of stmt.specifiers as AnyNode[]) {
        const name = s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : (s.imported.name ?? s.imported.value);
        imports.set(s.local.name, { source: stmt.source.value, name });
      }
      continue;
    }
    if (stmt.type === 'ExportDefaultDeclaration') {
      exports.set('default', stmt.declaration);
      if (stmt.declaration.type === 'FunctionDeclaration') exportedFunctions.set('default', stmt.declaration);
      continue;
    }
    if (stmt.type === 'ExportNamedDeclaration') {
      if (stmt.declaration) declare(stmt.declaration, true);
      if (stmt.declaration?.type === 'FunctionDeclaration' && stmt.declaration.id) {
        functions.set(stmt.declaration.id.name, stmt.declaration);
        exportedFunctions.set(stmt.declaration.id.name, stmt.declaration);
      }
      for (const s of (stmt.specifiers ?? []) as AnyNode[]) {
        if (s.type === 'ExportSpecifier' && !stmt.source) exports.set((s.exported as AnyNode).name ?? (s.exported as AnyNode).value, { type: 'Identifier', name: s.local.name, loc: s.loc } as unknown as AnyNode);
      }
      continue;
    }
    if (stmt.type === 'TSExportAssignment') exports.set('default', stmt.expression);
    if (stmt.type === 'FunctionDeclaration' && stmt.id) functions.set(stmt.id.name, stmt);
    declare(stmt, false);
    // module.exports = {...}; module.exports.x = ...; exports.x = ...
    if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression' && stmt.expression.operator === '=') {
      const left = stmt.expression.left as AnyNode;
      const text = memberPath(left);
      if (text === 'module.exports') exports.set('default', stmt.expression.right);
      else if (text && /^(module\.)?exports\.\w+$/.test(text)) exports.set(text.split('.').pop()!, stmt.expression.right);
    }
  }
  return { ast, bindings, exports, imports, functions, exportedFunctions };
}

function memberPath(n: AnyNode): string | undefined {
  if (n.type === 'Identifier') return n.name;
  if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
    const o = memberPath(n.object);
    return o && `${o}.${n.property.name}`;
  }
  return undefined;
}

/** Evaluates expressions of the files of one run; parsed files are kept for the run (a handful). */
export class StaticEvaluator {
  private files = new Map<string, FileInfo | null>();
  private json = new Map<string, unknown>();
  /** Whether the evaluation under way met a swaggerJsdoc(...) call: only then can its value hold one. */
  private builtSwaggerJsdoc = false;

  constructor(private env: StaticEnv) {}

  info(file: string): FileInfo | null {
    if (!this.files.has(file)) {
      let info: FileInfo | null = null;
      try {
        const parsed = parseSource(readFileSync(file, 'utf8'), file);
        if ('ast' in parsed) info = fileInfo(parsed.ast as unknown as AnyNode);
      } catch { /* unreadable: reported by the scan */ }
      this.files.set(file, info);
    }
    return this.files.get(file)!;
  }

  /** The expression starting at `offset` of `file` (a call argument the finder recorded). */
  nodeAt(file: string, offset: number): AnyNode | undefined {
    const info = this.info(file);
    if (!info) return undefined;
    let found: AnyNode | undefined;
    const visit = (n: AnyNode): void => {
      if (found || !n || typeof n.type !== 'string') return;
      if (n.start === offset && n.type !== 'ExpressionStatement') { found = n; return; }
      if ((n.start ?? 0) > offset || (n.end ?? 0) < offset) return;
      for (const k of Object.keys(n)) {
        if (k === 'loc' || k === 'leadingComments' || k === 'trailingComments' || k === 'innerComments') continue;
        const v = n[k];
        if (Array.isArray(v)) v.forEach((c) => c && visit(c)); else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v);
      }
    };
    visit(info.ast.program);
    return found;
  }

  evaluate(file: string, node: AnyNode): StaticValue {
    const out: StaticValue = { value: undefined, locs: new Map(), diagnostics: [] };
    this.builtSwaggerJsdoc = false;
    const v = this.eval(file, node, '', out, 0);
    if (v instanceof SwaggerJsdocDocument) out.swaggerJsdocCall = v.at;
    else if (v !== SKIP) out.value = this.builtSwaggerJsdoc ? this.withoutBuiltDocuments(v, '', out) : v;
    return out;
  }

  /** A swaggerJsdoc(...) result inside a value (a property of a document) is not literal: left out, said. */
  private withoutBuiltDocuments(v: unknown, ptr: string, out: StaticValue): unknown {
    if (!v || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const kept = v.filter((e, i) => !(e instanceof SwaggerJsdocDocument) || this.leftOutBuilt(e, joinPointer(ptr, i), out));
      return kept.map((e, i) => this.withoutBuiltDocuments(e, joinPointer(ptr, i), out));
    }
    const obj = v as Record<string, unknown>;
    for (const [k, e] of Object.entries(obj)) {
      if (e instanceof SwaggerJsdocDocument) { this.leftOutBuilt(e, joinPointer(ptr, k), out); delete obj[k]; }
      else obj[k] = this.withoutBuiltDocuments(e, joinPointer(ptr, k), out);
    }
    return obj;
  }

  private leftOutBuilt(built: SwaggerJsdocDocument, pointer: string, out: StaticValue): false {
    out.diagnostics.push({
      code: 'doc-not-literal', severity: 'warning', at: built.at, pointer,
      message: `${this.env.what} ${pointer.replace(/^\//, '').replace(/\//g, '.')}: the document swaggerJsdoc(...) builds at run time; left out (not read statically)`,
    });
    return false;
  }

  private skip(file: string, node: AnyNode, pointer: string, out: StaticValue, why: string): typeof SKIP {
    out.diagnostics.push({
      code: 'doc-not-literal', severity: 'warning',
      message: `${this.env.what}${pointer ? ` ${pointer.replace(/^\//, '').replace(/\//g, '.')}` : ''}: ${why}; left out (not read statically)`,
      at: loc(file, node), ...(pointer ? { pointer } : {}),
    });
    return SKIP;
  }

  private eval(file: string, n: AnyNode, ptr: string, out: StaticValue, depth: number): unknown {
    if (depth > MAX_DEPTH) return this.skip(file, n, ptr, out, 'reference chain too deep');
    const d = depth + 1;
    if (!out.locs.has(ptr)) out.locs.set(ptr, loc(file, n));
    switch (n.type) {
      case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': return n.value;
      case 'NullLiteral': return null;
      case 'TemplateLiteral': {
        let s = n.quasis[0].value.cooked as string;
        for (let i = 0; i < n.expressions.length; i++) {
          const e = n.expressions[i];
          // `http://localhost:${config.port}/v1`: a run-time host or port leaves the URL's path known.
          // It is kept as an OpenAPI server variable `{port}` (no value guessed) so the base path is not lost.
          if (inUrlAuthority(s)) {
            const probe: StaticValue = { value: undefined, locs: out.locs, diagnostics: [] };
            const v = this.eval(file, e, ptr, probe, d);
            if (v === SKIP || v instanceof SwaggerJsdocDocument) {
              const name = variableName(e);
              out.diagnostics.push({
                code: 'doc-not-literal', severity: 'info',
                message: `${this.env.what}${ptr ? ` ${ptr.replace(/^\//, '').replace(/\//g, '.')}` : ''}: \`${sourceText(e)}\` in the URL's host is computed at run time; kept as the server variable {${name}}`,
                at: loc(file, e), ...(ptr ? { pointer: ptr } : {}),
              });
              s += `{${name}}${n.quasis[i + 1].value.cooked}`;
              continue;
            }
            out.diagnostics.push(...probe.diagnostics);
            s += String(v) + n.quasis[i + 1].value.cooked;
            continue;
          }
          const v = this.eval(file, e, ptr, out, d);
          if (v === SKIP) return SKIP;
          if (v instanceof SwaggerJsdocDocument) return this.skip(file, e, ptr, out, 'the document swaggerJsdoc(...) builds is no string');
          s += String(v) + n.quasis[i + 1].value.cooked;
        }
        return s;
      }
      case 'UnaryExpression':
        if (n.operator === '-' && n.argument.type === 'NumericLiteral') return -n.argument.value;
        break;
      case 'TSAsExpression': case 'TSSatisfiesExpression': case 'TSNonNullExpression': case 'ParenthesizedExpression': case 'TypeCastExpression':
        return this.eval(file, n.expression, ptr, out, d);
      case 'ObjectExpression': {
        const obj: Record<string, unknown> = {};
        for (const p of n.properties as AnyNode[]) {
          if (p.type === 'SpreadElement') {
            const v = this.eval(file, p.argument, ptr, out, d);
            if (v instanceof SwaggerJsdocDocument) this.skip(file, p, ptr, out, 'a spread of the document swaggerJsdoc(...) builds at run time');
            else if (v !== SKIP && v && typeof v === 'object' && !Array.isArray(v)) Object.assign(obj, v);
            else if (v !== SKIP) this.skip(file, p, ptr, out, 'a spread of something not an object');
            continue;
          }
          if (p.type !== 'ObjectProperty' || (p.computed && p.key.type !== 'StringLiteral')) {
            this.skip(file, p, ptr, out, p.type === 'ObjectMethod' ? 'a method' : 'a computed key');
            continue;
          }
          const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
          const at = joinPointer(ptr, key);
          out.locs.set(at, loc(file, p));
          const v = this.eval(file, p.value, at, out, d);
          if (v !== SKIP) obj[key] = v;
        }
        return obj;
      }
      case 'ArrayExpression': {
        const arr: unknown[] = [];
        for (const e of n.elements as AnyNode[]) {
          if (!e) continue;
          if (e.type === 'SpreadElement') {
            const v = this.eval(file, e.argument, ptr, out, d);
            if (Array.isArray(v)) arr.push(...v);
            else if (v !== SKIP) this.skip(file, e, ptr, out, 'a spread of something not an array');
            continue;
          }
          const v = this.eval(file, e, joinPointer(ptr, arr.length), out, d);
          if (v !== SKIP) arr.push(v);
        }
        return arr;
      }
      case 'Identifier': {
        if (n.name === '__dirname') return dirname(file);
        const info = this.info(file);
        const local = info && typeof n.start === 'number' ? localBinding(info.ast.program, n.name, n.start) : undefined;
        if (local) return this.eval(file, local, ptr, out, d);
        if (local === null) return this.skip(file, n, ptr, out, `\`${n.name}\` is a parameter or a variable assigned at run time`);
        const bound = info?.bindings.get(n.name);
        if (bound === REASSIGNED) return this.skip(file, n, ptr, out, `\`${n.name}\` is assigned again at run time`);
        if (bound) return this.eval(file, bound, ptr, out, d);
        const imp = info?.imports.get(n.name);
        if (imp) return this.importValue(file, n, imp.source, imp.name, ptr, out, d);
        if (n.name === 'undefined') return SKIP;
        return this.skip(file, n, ptr, out, `\`${n.name}\` is not a constant of this file`);
      }
      case 'MemberExpression': case 'OptionalMemberExpression': {
        const key = n.computed ? (n.property.type === 'StringLiteral' || n.property.type === 'NumericLiteral' ? String(n.property.value) : undefined) : n.property.name;
        if (key === undefined) break;
        const path = memberPath(n);
        if (path && /^(process|globalThis|window)\./.test(path)) return this.skip(file, n, ptr, out, `\`${path}\` is computed at run time`);
        // require('./x').y without evaluating the whole module's other members
        const obj = this.eval(file, n.object, ptr, out, d);
        if (obj === SKIP) return SKIP;
        if (obj instanceof SwaggerJsdocDocument) return this.skip(file, n, ptr, out, `\`${key}\` of the document swaggerJsdoc(...) builds at run time`);
        if (obj && typeof obj === 'object' && key in (obj as object)) return (obj as Record<string, unknown>)[key];
        return this.skip(file, n, ptr, out, `no \`${key}\` in the object it reads`);
      }
      case 'CallExpression':
        if (this.isSwaggerJsdoc(file, n.callee)) {
          this.builtSwaggerJsdoc = true;
          return new SwaggerJsdocDocument(loc(file, n));
        }
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1 && n.arguments[0].type === 'StringLiteral') {
          return this.importValue(file, n, n.arguments[0].value, '*', ptr, out, d);
        }
        {
          // `swaggerUi.setup(swaggerSpec())` with `const swaggerSpec = () => swaggerJsdoc(options)`: a function of
          // the tree that only returns a value is that value.
          const called = this.calledFunction(file, n.callee, d);
          if (called) {
            const returned = returnedExpression(called.node);
            if (returned) return this.eval(called.file, returned, ptr, out, d);
            return this.skip(file, n, ptr, out, `\`${sourceText(n)}\` does more than return a value`);
          }
        }
        // path.join(__dirname, './routes/*.js'): swagger-jsdoc's `apis` are often written so
        if (memberPath(n.callee) === 'path.join' || memberPath(n.callee) === 'path.resolve' || memberPath(n.callee) === 'join') {
          const parts = (n.arguments as AnyNode[]).map((a) => this.eval(file, a, ptr, out, d));
          if (parts.every((p) => typeof p === 'string')) return memberPath(n.callee) === 'path.resolve' ? resolve(...(parts as string[])) : join(...(parts as string[]));
          return SKIP;
        }
        break;
    }
    return this.skip(file, n, ptr, out, `\`${sourceText(n)}\` is computed at run time`);
  }

  /** The function a callee names in the tree (a const, a function declaration, an import or require of one), or
   *  undefined when it names none: a package's, a parameter, a method. */
  private calledFunction(file: string, callee: AnyNode, depth: number): { file: string; node: AnyNode } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    if (isFunctionNode(callee)) return { file, node: callee };
    const info = this.info(file);
    if (!info) return undefined;
    if (callee.type === 'Identifier') {
      const local = typeof callee.start === 'number' ? localBinding(info.ast.program, callee.name, callee.start) : undefined;
      if (local) return this.calledFunction(file, local, depth + 1);
      if (local === null) return undefined;
      const bound = info.bindings.get(callee.name);
      if (bound && bound !== REASSIGNED) return this.calledFunction(file, bound, depth + 1);
      const declared = info.functions.get(callee.name);
      if (declared) return { file, node: declared };
      const imp = info.imports.get(callee.name);
      return imp ? this.exportedFunction(file, imp.source, imp.name, depth + 1) : undefined;
    }
    // const { swaggerSpec } = require('./swagger'): the member of a required module
    const source = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? requiredModule(callee.object as Node) : undefined;
    return source !== undefined ? this.exportedFunction(file, source, callee.property.name, depth + 1) : undefined;
  }

  private exportedFunction(file: string, source: string, name: string, depth: number): { file: string; node: AnyNode } | undefined {
    const target = this.env.resolveModule(file, source);
    const info = target ? this.info(target) : null;
    if (!target || !info) return undefined;
    const declared = info.exportedFunctions.get(name);
    if (declared) return { file: target, node: declared };
    const e = info.exports.get(name);
    if (e) return this.calledFunction(target, e, depth + 1);
    // module.exports = { swaggerSpec }
    const def = info.exports.get('default');
    const prop = def?.type === 'ObjectExpression'
      ? (def.properties as AnyNode[]).find((p) => p.type === 'ObjectProperty' && !p.computed && (p.key.name ?? p.key.value) === name) : undefined;
    return prop ? this.calledFunction(target, prop.value, depth + 1) : undefined;
  }

  /** `swaggerJsdoc` bound at the top of `file` to the swagger-jsdoc package (import or require), or
   *  `require('swagger-jsdoc')` itself. */
  private isSwaggerJsdoc(file: string, callee: AnyNode): boolean {
    if (isRequire(callee as Node, 'swagger-jsdoc')) return true;
    if (callee.type !== 'Identifier') return false;
    const info = this.info(file);
    if (info?.imports.get(callee.name)?.source === 'swagger-jsdoc') return true;
    const bound = info?.bindings.get(callee.name);
    return !!bound && bound !== REASSIGNED && isRequire(bound as Node, 'swagger-jsdoc');
  }

  /** An import's value: a .json file's content, or an export of a file of the tree. */
  private importValue(file: string, n: AnyNode, source: string, name: string, ptr: string, out: StaticValue, d: number): unknown {
    if (/\.json$/i.test(source) && (source.startsWith('.') || source.startsWith('/'))) {
      const target = resolve(dirname(file), source);
      if (!this.json.has(target)) {
        try { this.json.set(target, JSON.parse(readFileSync(target, 'utf8'))); } catch { this.json.set(target, SKIP); }
      }
      const v = this.json.get(target);
      if (v === SKIP) return this.skip(file, n, ptr, out, `${source} cannot be read as JSON`);
      return name === '*' || name === 'default' ? v : (v as Record<string, unknown>)?.[name] ?? this.skip(file, n, ptr, out, `${source} has no \`${name}\``);
    }
    const target = this.env.resolveModule(file, source);
    if (!target) return this.skip(file, n, ptr, out, target === undefined ? `\`${source}\` is a package` : `module not found: ${source}`);
    const info = this.info(target);
    if (!info) return this.skip(file, n, ptr, out, `${source} does not parse`);
    if (name === '*') {
      const def = info.exports.get('default');
      if (def) return this.eval(target, def, ptr, out, d);
      const ns: Record<string, unknown> = {};
      for (const [k, e] of info.exports) { const v = this.eval(target, e, joinPointer(ptr, k), out, d); if (v !== SKIP) ns[k] = v; }
      return ns;
    }
    const e = info.exports.get(name);
    if (e) return this.eval(target, e, ptr, out, d);
    const def = info.exports.get('default');
    if (def) {
      const v = this.eval(target, def, ptr, out, d);
      if (v && typeof v === 'object' && name in (v as object)) return (v as Record<string, unknown>)[name];
    }
    return this.skip(file, n, ptr, out, `\`${name}\` is not exported by ${source}`);
  }
}

/** Whether text written so far is `scheme://` plus a host part not yet ended by a `/`: what comes next is
 *  the host or the port, never the path. */
function inUrlAuthority(prefix: string): boolean {
  return /^[a-z][\w+.-]*:\/\/[^/?#{}]*$/i.test(prefix);
}

/** `config.port` -> `port`: a server variable's name from the expression it stands for. */
function variableName(n: AnyNode): string {
  const path = memberPath(n);
  const last = path?.split('.').pop();
  return last && /^\w+$/.test(last) ? last : 'host';
}

function loc(file: string, n: AnyNode): SourceLocation {
  return n.loc ? { file, line: n.loc.start.line, col: n.loc.start.column + 1 } : { file, line: 1 };
}

function sourceText(n: AnyNode): string {
  const p = memberPath(n);
  if (p) return p;
  if (n.type === 'CallExpression') return `${memberPath(n.callee) ?? 'a call'}(…)`;
  if (n.type === 'LogicalExpression' || n.type === 'BinaryExpression') return `${sourceText(n.left)} ${n.operator} ${sourceText(n.right)}`;
  return n.type;
}
