// Which files an app still builds docs from at run time: the `apis` globs of every swagger-jsdoc call in its
// code. Their doc comments must stay (deleting them would empty the docs the app serves) until the app serves
// the generated document. Decided from the code, not package.json: swagger-jsdoc is also reached through a
// relative path (`require('../..')` inside its own examples, `require('./lib/swagger-jsdoc')` in a vendored
// copy), so a call counts when its callee comes from 'swagger-jsdoc', from a relative path that is the
// swagger-jsdoc package, or from any relative path when the options object has swagger-jsdoc's shape
// (`apis` plus `definition`/`swaggerDefinition`). An `apis` value that is not understood covers every file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { globSync } from 'glob';
import { parseSource } from '../parse.js';
import { isIdent, memberName, walk, type Node } from '../rules/ast.js';

export interface SwaggerJsdocCall {
  file: string;
  line: number;
  /** Absolute glob patterns; null when the `apis` value is not understood (every file counts as covered). */
  globs: string[] | null;
}

export interface DocCommentReaders {
  calls: SwaggerJsdocCall[];
  /** Whether some swagger-jsdoc call reads this file's comments at run time. */
  covers(file: string): boolean;
}

const PACKAGE = 'swagger-jsdoc';

/** Whether a file's text may hold a swagger-jsdoc call: it names the package or an options object. Most files do
 *  neither, and are never parsed for one (their analysis records this, scan/text-facts.ts). */
export function mayCallDocReader(code: string): boolean {
  return code.includes(PACKAGE) || (/\bapis\b/.test(code) && /\b(swaggerDefinition|definition)\b/.test(code));
}

/** The swagger-jsdoc calls in `files`, of which only those `mayCall` says may hold one (their analysis tested the
 *  text with mayCallDocReader) are read and parsed; `root` is the package folder (an app's working directory). */
export function docCommentReaders(root: string, files: string[], mayCall: (file: string) => boolean): DocCommentReaders {
  const calls: SwaggerJsdocCall[] = [];
  for (const file of files) {
    if (!mayCall(file)) continue;
    let code: string;
    try { code = readFileSync(file, 'utf8'); } catch { continue; }
    const parsed = parseSource(code, file);
    if ('ast' in parsed) calls.push(...callsIn(parsed.ast.program as unknown as Node, file, root));
  }
  let covered: Set<string> | null | undefined;
  return {
    calls,
    covers(file) {
      if (calls.length === 0) return false;
      if (covered === undefined) covered = expand(calls);
      return covered === null || covered.has(resolve(file));
    },
  };
}

/** Every file the globs name, as swagger-jsdoc expands them; null when one call's globs are unknown. */
function expand(calls: SwaggerJsdocCall[]): Set<string> | null {
  const out = new Set<string>();
  for (const c of calls) {
    if (c.globs === null) return null;
    for (const g of c.globs) for (const f of globSync(g.split('\\').join('/'), { absolute: true, nodir: true, ignore: '**/node_modules/**' })) out.add(resolve(f));
  }
  return out;
}

type Origin = 'package' | 'relative';

function callsIn(program: Node, file: string, root: string): SwaggerJsdocCall[] {
  const origins = new Map<string, Origin>();
  const objects = new Map<string, Node>();
  walk(program, (n) => {
    if (n.type === 'ImportDeclaration') {
      const origin = originOf(n.source.value, file);
      if (origin) for (const s of n.specifiers) if (s.type !== 'ImportSpecifier' || s.imported.name === 'default' || s.imported.value === 'default') origins.set(s.local.name, origin);
    }
    if (n.type === 'TSImportEqualsDeclaration' && n.moduleReference.type === 'TSExternalModuleReference') {
      const origin = originOf(n.moduleReference.expression.value, file);
      if (origin) origins.set(n.id.name, origin);
    }
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
      const source = requiredSource(n.init);
      const origin = source === undefined ? undefined : originOf(source, file);
      if (origin) origins.set(n.id.name, origin);
      const init = n.init.type === 'TSAsExpression' || n.init.type === 'TSSatisfiesExpression' ? n.init.expression : n.init;
      if (init.type === 'ObjectExpression') objects.set(n.id.name, init);
    }
  });
  const out: SwaggerJsdocCall[] = [];
  walk(program, (n) => {
    if (n.type !== 'CallExpression' || n.arguments.length === 0) return;
    const origin = calleeOrigin(n.callee, origins, file);
    if (!origin) return;
    const arg = n.arguments[0];
    const options = arg.type === 'ObjectExpression' ? arg : arg.type === 'Identifier' ? objects.get(arg.name) : undefined;
    const line = n.loc?.start.line ?? 1;
    if (!options) {
      // swagger-jsdoc itself with options we cannot read: it may read any file.
      if (origin === 'package') out.push({ file, line, globs: null });
      return;
    }
    const keys = propertyMap(options);
    if (origin === 'relative' && !isSwaggerJsdocOptions(options)) return;
    out.push({ file, line, globs: keys ? globsOf(keys.get('apis'), file, root) : null });
  });
  return out;
}

/** Whether an object literal has swagger-jsdoc's options shape, `apis` beside `definition` or `swaggerDefinition`:
 *  what makes a call of a local module (a vendored copy, swagger-jsdoc's own examples' `require('../..')`) a
 *  swagger-jsdoc call. docs/loaded-specs.ts reads such a call's options by the same rule. */
export function isSwaggerJsdocOptions(options: Node): boolean {
  const keys = options.type === 'ObjectExpression' ? propertyMap(options) : null;
  return !!keys?.has('apis') && (keys.has('definition') || keys.has('swaggerDefinition'));
}

/** `require('x')`, `require('x').default`, `await import('x')`: the module name. */
function requiredSource(init: Node): string | undefined {
  let n = init;
  if (n.type === 'MemberExpression' && memberName(n) === 'default') n = n.object;
  if (n.type === 'AwaitExpression') n = n.argument;
  if (n.type === 'CallExpression' && (isIdent(n.callee, 'require') || n.callee.type === 'Import') && n.arguments[0]?.type === 'StringLiteral') {
    return n.arguments[0].value;
  }
  return undefined;
}

function calleeOrigin(callee: Node, origins: Map<string, Origin>, file: string): Origin | undefined {
  if (callee.type === 'Identifier') return origins.get(callee.name);
  if (callee.type === 'MemberExpression' && memberName(callee) === 'default' && callee.object.type === 'Identifier') return origins.get(callee.object.name);
  const source = requiredSource(callee);
  return source === undefined ? undefined : originOf(source, file);
}

/** 'package' for swagger-jsdoc itself (by name, or a relative path to its package folder), 'relative' for another local module. */
function originOf(source: string, file: string): Origin | undefined {
  if (source === PACKAGE || source.startsWith(`${PACKAGE}/`)) return 'package';
  if (!source.startsWith('.')) return undefined;
  const target = resolve(dirname(file), source);
  try {
    if (existsSync(target) && statSync(target).isDirectory() && JSON.parse(readFileSync(join(target, 'package.json'), 'utf8')).name === PACKAGE) return 'package';
  } catch { /* not a package folder: a local module, judged by its options */ }
  return 'relative';
}

/** An object literal's static keys; null when a spread or computed key makes them unknown. */
function propertyMap(obj: Node): Map<string, Node> | null {
  const out = new Map<string, Node>();
  for (const p of obj.properties) {
    if (p.type !== 'ObjectProperty' || p.computed) return null;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
    if (key === null) return null;
    out.set(key, p.value);
  }
  return out;
}

/**
 * swagger-jsdoc expands each `apis` entry with glob from the process's working directory, which is the package
 * folder when the app starts the usual way; the file's own folder is tried too (an app started from there).
 * Entries built from `__dirname` (`path.join(__dirname, '../routes/*.js')`, `${__dirname}/routes/*.js`) are
 * absolute. null: not a list we can read.
 */
function globsOf(apis: Node | undefined, file: string, root: string): string[] | null {
  if (!apis) return [];
  if (apis.type !== 'ArrayExpression') return null;
  const out: string[] = [];
  for (const el of apis.elements) {
    const g = el && entryOf(el, file, root);
    if (!g) return null;
    if (isAbsolute(g)) out.push(g);
    else out.push(resolve(root, g), resolve(dirname(file), g));
  }
  return out;
}

function entryOf(el: Node, file: string, root: string): string | null {
  if (el.type === 'StringLiteral') return el.value;
  if (el.type === 'TemplateLiteral') {
    let s = '';
    for (let i = 0; i < el.quasis.length; i++) {
      s += el.quasis[i].value.cooked;
      const e = el.expressions[i];
      if (!e) continue;
      const base = baseOf(e, file, root);
      if (base === null) return null;
      s += base;
    }
    return s;
  }
  if (el.type === 'CallExpression' && ['join', 'resolve'].includes(memberName(el.callee) ?? (el.callee.type === 'Identifier' ? el.callee.name : ''))) {
    const parts: string[] = [];
    for (const a of el.arguments) {
      const part = a.type === 'StringLiteral' ? a.value : baseOf(a, file, root);
      if (part === null) return null;
      parts.push(part);
    }
    return parts.length ? join(...parts) : null;
  }
  return null;
}

/** `__dirname`, `process.cwd()`: the folder they stand for (the package folder for cwd). */
function baseOf(e: Node, file: string, root: string): string | null {
  if (isIdent(e, '__dirname')) return dirname(file);
  if (e.type === 'CallExpression' && memberName(e.callee) === 'cwd' && isIdent(e.callee.object, 'process')) return root;
  return null;
}
