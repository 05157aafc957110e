// Before: res.status(httpStatus.CREATED).send(user)     with const httpStatus = require('http-status')
// After:  the number 201, for the send's status (handler-sends.ts), read from the app's own http-status
//
// A status written as a name is resolved to its number only when that is certain: a member of a status package the
// file imports or requires, read from the package the app itself has installed (resolved from the file, as its own
// require would), or a top-level `const CREATED = 201` / `const STATUS = { CREATED: 201 }` the file never writes.
// Anything else (a value computed at run time, a name bound twice, an object passed to other code) is not resolved.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { contentHash, type FileReads } from '../cache/sha1.js';
import { isReference, memberName, walk, type Node } from './ast.js';

/**
 * The packages whose members are read by loading them: loading runs the package's code, so only packages known to
 * be constant tables of status numbers are loaded (not whatever the file requires). Their values are read from the
 * installed copy rather than from a table here: the app answers with the numbers of the version it has (http-status
 * 1.x has `httpStatus.CREATED`; 2.x only `status.CREATED`, and its `require('http-status').CREATED` is undefined).
 */
const STATUS_PACKAGES = new Set(['http-status', 'http-status-codes']);

export type StatusResolver = (expr: Node) => number | null;

/** Where a top-level name comes from: a path into a status package, or a literal table / number in the file. */
type Source = { kind: 'package'; pkg: string; path: string[]; interop: boolean } | { kind: 'literal'; value: Node };

function requireCall(n: Node | null | undefined): string | null {
  if (n?.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.callee.name !== 'require' || n.arguments.length !== 1) return null;
  const a = n.arguments[0];
  return a.type === 'StringLiteral' || (a.type === 'Literal' && typeof a.value === 'string') ? (a.value as string) : null;
}

function keyName(p: Node): string | null {
  if (p.computed) return null;
  if (p.key.type === 'Identifier') return p.key.name;
  if (p.key.type === 'StringLiteral' || (p.key.type === 'Literal' && typeof p.key.value === 'string')) return p.key.value;
  return null;
}

/** `Object.freeze({ ... })` and `{ ... } as const` are the object itself. */
function unfrozen(n: Node | null | undefined): Node | null | undefined {
  if ((n?.type === 'TSAsExpression' || n?.type === 'TSSatisfiesExpression') && n.typeAnnotation?.type === 'TSTypeReference'
    && n.typeAnnotation.typeName?.name === 'const') return unfrozen(n.expression);
  if (n?.type === 'CallExpression' && memberName(n.callee) === 'freeze' && n.callee.object?.type === 'Identifier'
    && n.callee.object.name === 'Object' && n.arguments.length === 1) return n.arguments[0];
  return n;
}

/** The top-level `const`/import bindings a status may be read from. */
function topLevelSources(program: Node): Map<string, Source> {
  const out = new Map<string, Source>();
  for (const s of program.body as Node[]) {
    // An exported table may be changed by the modules that import it: only the file's own constants are read.
    if (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') continue;
    if (s.type === 'ImportDeclaration' && STATUS_PACKAGES.has(s.source.value) && s.importKind !== 'type') {
      for (const sp of s.specifiers as Node[]) {
        if (sp.importKind === 'type') continue;
        const pkg = s.source.value as string;
        if (sp.type === 'ImportDefaultSpecifier') out.set(sp.local.name, { kind: 'package', pkg, path: [], interop: true });
        else if (sp.type === 'ImportNamespaceSpecifier') out.set(sp.local.name, { kind: 'package', pkg, path: [], interop: false });
        else if (sp.type === 'ImportSpecifier') {
          const imported = sp.imported.type === 'Identifier' ? sp.imported.name : sp.imported.value;
          if (imported !== 'default') out.set(sp.local.name, { kind: 'package', pkg, path: [imported], interop: false });
        }
      }
      continue;
    }
    if (s.type !== 'VariableDeclaration' || s.kind !== 'const') continue;
    for (const d of s.declarations as Node[]) {
      // `require('http-status')`, `require('http-status-codes').StatusCodes`
      let init = d.init;
      const path: string[] = [];
      while (init?.type === 'MemberExpression' && memberName(init)) { path.unshift(memberName(init)!); init = init.object; }
      const pkg = requireCall(init);
      if (pkg !== null) {
        if (!STATUS_PACKAGES.has(pkg)) continue;
        if (d.id.type === 'Identifier') out.set(d.id.name, { kind: 'package', pkg, path, interop: false });
        else if (d.id.type === 'ObjectPattern') {
          for (const p of d.id.properties as Node[]) {
            const key = p.type === 'RestElement' ? null : keyName(p);
            if (key !== null && p.value.type === 'Identifier') out.set(p.value.name, { kind: 'package', pkg, path: [...path, key], interop: false });
          }
        }
        continue;
      }
      if (path.length || d.id.type !== 'Identifier') continue;
      const value = unfrozen(d.init);
      if (value && (value.type === 'NumericLiteral' || value.type === 'ObjectExpression')) out.set(d.id.name, { kind: 'literal', value });
    }
  }
  return out;
}

/** The Identifier nodes a pattern binds (patternNames, as nodes): a default value's names are uses, not binders. */
function binderIdents(p: Node | null | undefined, out: Node[] = []): Node[] {
  if (!p) return out;
  switch (p.type) {
    case 'Identifier': out.push(p); break;
    case 'ObjectPattern': for (const prop of p.properties) binderIdents(prop.type === 'RestElement' ? prop.argument : prop.value, out); break;
    case 'ArrayPattern': for (const el of p.elements) binderIdents(el, out); break;
    case 'RestElement': binderIdents(p.argument, out); break;
    case 'AssignmentPattern': binderIdents(p.left, out); break;
    case 'TSParameterProperty': binderIdents(p.parameter, out); break;
  }
  return out;
}

/** Names bound exactly once in the file, and, for each, whether every reference only reads members of it. */
function bindingFacts(program: Node, names: ReadonlySet<string>, tables: ReadonlySet<string>): { once: Set<string>; readOnly: Set<string> } {
  const count = new Map<string, number>();
  /** The identifiers that bind a name (`const { status: httpStatus }`): not uses of it. */
  const binders = new Set<Node>();
  const bind = (pattern: Node | null | undefined) => {
    for (const id of binderIdents(pattern)) {
      binders.add(id);
      if (names.has(id.name)) count.set(id.name, (count.get(id.name) ?? 0) + 1);
    }
  };
  const spoiled = new Set<string>();
  walk(program, (n, parent) => {
    if (binders.has(n)) return;
    if (n.type === 'VariableDeclarator') bind(n.id);
    else if (/Function|ObjectMethod|ClassMethod|ClassPrivateMethod/.test(n.type)) {
      for (const p of n.params ?? []) bind(p);
      if (n.id?.type === 'Identifier') bind(n.id);
    } else if (n.type === 'CatchClause') bind(n.param);
    else if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') bind(n.id);
    else if (/^Import(Default|Namespace)?Specifier$/.test(n.type)) bind(n.local);
    else if (n.type === 'Identifier' && names.has(n.name) && parent && isReference(n, parent)
      // A shorthand property's key (`{ StatusCodes }`): its value, a node of its own, is the binding or the use.
      && !((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === n && parent.value !== n)
      && !(parent.type === 'VariableDeclarator' && parent.id === n) && !/Specifier$/.test(parent.type)) {
      // A read of a member (`STATUS.CREATED`) leaves a table as it is; passing the table on (`Object.assign(STATUS,
      // ...)`, `module.exports = { STATUS }`) lets other code change it. A number needs no such care.
      if (tables.has(n.name) && (parent.type !== 'MemberExpression' || parent.object !== n || !memberName(parent))) spoiled.add(n.name);
    }
    if (n.type === 'AssignmentExpression' || n.type === 'UpdateExpression' || (n.type === 'UnaryExpression' && n.operator === 'delete')) {
      let root = n.type === 'AssignmentExpression' ? n.left : n.argument;
      while (root?.type === 'MemberExpression') root = root.object;
      if (root?.type === 'Identifier' && names.has(root.name)) spoiled.add(root.name);
    }
  });
  const once = new Set([...count].filter(([, c]) => c === 1).map(([k]) => k));
  const readOnly = new Set([...names].filter((x) => !spoiled.has(x)));
  return { once, readOnly };
}

/** What one status package, as require finds it from one folder, gave this run: its exports, and the files it
 *  came from with their hashes (read once however many files of the folder use it). */
interface PackageRead { exports: unknown; inputs: FileReads }
/** Per folder and package name, this run. */
const packages = new Map<string, PackageRead>();
/** Per file being rewritten: the packages its statuses were read from (takeStatusPackageInputs). */
const readBy = new Map<string, Set<PackageRead>>();

function load(file: string, pkg: string): unknown {
  const key = `${dirname(file)}\0${pkg}`;
  let read = packages.get(key);
  if (!read) {
    const req = createRequire(file);
    let exports: unknown;
    try { exports = req(pkg); } catch { exports = undefined; }
    read = { exports, inputs: packageInputs(req, pkg).map((f) => ({ file: f, hash: contentHash(f) })) };
    packages.set(key, read);
  }
  let used = readBy.get(file);
  if (!used) readBy.set(file, (used = new Set()));
  used.add(read);
  return read.exports;
}

/**
 * The files the rewrite of `file` just read statuses from: what its result depends on besides the file and its
 * plan (a cached rewrite is checked against them: another installed version answers with other numbers).
 */
export function takeStatusPackageInputs(file: string): FileReads {
  const used = [...(readBy.get(file) ?? [])];
  readBy.delete(file);
  const byFile = new Map(used.flatMap((r) => r.inputs).map((r) => [r.file, r]));
  return [...byFile.values()];
}

/** At the start of a run: the packages earlier runs of this process loaded are read again, as they are now
 *  (require keeps a module for the life of a process; a CLI run is a process, an API caller may run twice). */
export function forgetStatusPackages(): void {
  const req = createRequire(import.meta.url);
  for (const read of packages.values()) for (const { file } of read.inputs) delete req.cache[file];
  packages.clear();
  readBy.clear();
}

/**
 * Where `pkg` was looked for and read from: each node_modules candidate's package.json up to the one found
 * (an install in an earlier one would be loaded instead; a missing one is an input too), and the entry module
 * with every module it loaded.
 */
function packageInputs(req: NodeJS.Require, pkg: string): string[] {
  const inputs: string[] = [];
  for (const dir of req.resolve.paths(pkg) ?? []) {
    const manifest = join(dir, pkg, 'package.json');
    inputs.push(manifest);
    if (existsSync(manifest)) break;
  }
  let entry: string;
  try { entry = req.resolve(pkg); } catch { return inputs; }
  const modules = new Set<string>();
  const visit = (filename: string) => {
    if (modules.has(filename)) return;
    modules.add(filename);
    for (const child of req.cache[filename]?.children ?? []) visit(child.filename);
  };
  visit(entry);
  return [...inputs, ...modules];
}

const isStatus = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599;

/** `a.b.c` (non-computed or string keys) -> ['a', 'b', 'c'], or null. */
function memberPath(n: Node): string[] | null {
  const path: string[] = [];
  let cur = n;
  while (cur.type === 'MemberExpression') {
    const name = memberName(cur);
    if (name === null) return null;
    path.unshift(name);
    cur = cur.object;
  }
  if (cur.type !== 'Identifier') return null;
  return [cur.name, ...path];
}

/** `CREATED` (a number) or `STATUS.CREATED` (a flat table): a nested table's inner objects can be passed on and
 *  changed through a member read (`Object.assign(STATUS.success, ...)`), which the file's checks do not see. */
function literalAt(value: Node, path: string[]): number | null {
  let cur: Node | null | undefined = value;
  if (path.length > 1) return null;
  for (const key of path) {
    cur = unfrozen(cur);
    if (cur?.type !== 'ObjectExpression') return null;
    const props = (cur.properties as Node[]).filter((p) => p.type === 'SpreadElement' || p.type === 'ObjectMethod' || keyName(p) === key || p.computed);
    // One plain `KEY: value` for the key and nothing that could also set it (a spread, a computed key, a getter).
    if (props.length !== 1 || (props[0]!.type !== 'ObjectProperty' && props[0]!.type !== 'Property') || props[0]!.kind === 'get' || props[0]!.computed) return null;
    cur = props[0]!.value;
  }
  return cur?.type === 'NumericLiteral' && isStatus(cur.value) ? (cur.value as number) : null;
}

/**
 * A resolver for the statuses written in `program` (the file at `file`): the number, or null when not certain.
 * Bindings are read once per file; a name bound anywhere else in the file (a parameter, an inner const) could
 * shadow the top-level one where the status is written, so such a name is not resolved at all.
 */
export function statusResolver(program: Node, file: string): StatusResolver {
  let sources: Map<string, Source> | null = null;
  let facts: ReturnType<typeof bindingFacts> | null = null;
  return (expr) => {
    if (expr.type === 'NumericLiteral') return isStatus(expr.value) ? (expr.value as number) : null;
    const path = memberPath(expr);
    if (!path) return null;
    sources ??= topLevelSources(program);
    const source = sources.get(path[0]!);
    if (!source) return null;
    facts ??= bindingFacts(program, new Set(sources.keys()), new Set([...sources].filter(([, s]) => s.kind === 'package' || s.value.type !== 'NumericLiteral').map(([k]) => k)));
    if (!facts.once.has(path[0]!) || !facts.readOnly.has(path[0]!)) return null;
    if (source.kind === 'literal') return literalAt(source.value, path.slice(1));
    let v: unknown = load(file, source.pkg);
    // A default import as TypeScript, Babel and bundlers compile it (and as the dual packages' ESM builds export it).
    if (source.interop && v && typeof v === 'object') v = (v as { __esModule?: boolean }).__esModule ? (v as { default?: unknown }).default : v;
    for (const key of [...source.path, ...path.slice(1)]) {
      if (v === null || (typeof v !== 'object' && typeof v !== 'function') || !Object.prototype.hasOwnProperty.call(v, key)) return null;
      v = (v as Record<string, unknown>)[key];
    }
    return isStatus(v) ? v : null;
  };
}
