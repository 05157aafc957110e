// Where a source file loads API docs from, whatever the spec file is called and wherever it lives: a
// `require('./swagger/swagger.json')` or `import spec from './api.json'`, an fs read of a .yaml/.yml/.json
// (`YAML.load(fs.readFileSync(path.join(__dirname, '..', 'app-api.yml'), 'utf8'))`), yamljs's `YAML.load(path)`,
// the document handed to `swaggerUi.setup(doc)` or to express-openapi-validator's `apiSpec`, and the argument of
// a `swaggerJsdoc(options)` call (read later by jsdoc-options.ts, which needs other files). Paths are worked out
// statically (`__dirname`, `path.join/resolve`, `new URL(x, import.meta.url)`, consts); a load whose path is
// computed at run time is recorded with the reason, for a diagnostic, never guessed.
import type { File } from '@babel/types';
import { dirname, join, resolve } from 'node:path';
import type { SourceLocation } from '../diagnostics.js';
import { walk, type Node } from '../rules/ast.js';
import { isSwaggerJsdocOptions, mayCallDocReader } from '../scan/swagger-jsdoc.js';
import { isFunctionNode, returnedExpression } from './local-binding.js';

export interface SpecLoad {
  at: SourceLocation;
  via: 'require' | 'import' | 'fs read' | 'yaml load' | 'swaggerUi.setup' | 'apiSpec';
  /** Absolute path, or relative to the process's working directory (the package root) when `cwd` is set. */
  path?: string;
  cwd?: boolean;
  /** Why the path is not known, when it is not. */
  why?: string;
  /** The app serves or validates against this document (setup, apiSpec): a load that cannot be read is reported. */
  explicit: boolean;
}

export interface JsdocOptionsSite {
  at: SourceLocation;
  /** Offset of the options argument in the file, for the static evaluator. */
  offset: number;
}

export interface LoadedDocs {
  loads: SpecLoad[];
  jsdocOptions: JsdocOptionsSite[];
  /** A document written in code and handed to setup()/apiSpec (`const spec = { openapi: '3.0.0', ... }`,
   *  `require('./docs/swagger')`): read by the static evaluator, like swagger-jsdoc's options. */
  inlineDocs: Array<JsdocOptionsSite & { via: SpecLoad['via'] }>;
}

/** Cheap test first: most files load no docs at all (a quote after `.json`: `res.json(` is no load). */
const MARKERS = /\.(json|ya?ml)['"`]|readFile|\.setup\(|apiSpec|swagger-jsdoc/;
const SPEC_EXT = /\.(json|ya?ml)$/i;

type PathVal = { abs: string } | { cwd: string } | string;

function isRelativeRequire(n: Node | null | undefined): n is Node {
  return requiredModule(n)?.startsWith('.') === true;
}

export function findLoadedDocs(ast: File, code: string, file: string): LoadedDocs {
  const out: LoadedDocs = { loads: [], jsdocOptions: [], inlineDocs: [] };
  if (!MARKERS.test(code) && !mayCallDocReader(code)) return out;
  const dir = dirname(file);
  const consts = new Map<string, Node>();
  const jsdocNames = new Set<string>();
  /** Names bound to a module of the tree (`const swaggerJsdoc = require('../..')`): swagger-jsdoc when called with
   *  its options' shape (scan/swagger-jsdoc.ts decides the same way which files such a call reads). */
  const localModuleNames = new Set<string>();
  /** Names an import declaration binds, with the module they come from. */
  const importedFrom = new Map<string, string>();
  /** Function declarations, and names destructured from a require of a relative module (`const { spec } = require('./swagger')`). */
  const declaredFunctions = new Map<string, Node>();
  const requiredFromTree = new Set<string>();
  walk(ast.program as unknown as Node, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
      if (!consts.has(n.id.name)) consts.set(n.id.name, n.init);
      if (isRequire(n.init, 'swagger-jsdoc')) jsdocNames.add(n.id.name);
      else if (isRelativeRequire(n.init) && !SPEC_EXT.test(n.init.arguments[0].value)) localModuleNames.add(n.id.name);
    }
    if (n.type === 'VariableDeclarator' && n.id.type === 'ObjectPattern' && isRelativeRequire(n.init)) {
      for (const p of n.id.properties) if (p.type === 'ObjectProperty' && p.value.type === 'Identifier') requiredFromTree.add(p.value.name);
    }
    if (n.type === 'FunctionDeclaration' && n.id && !declaredFunctions.has(n.id.name)) declaredFunctions.set(n.id.name, n);
    if (n.type === 'ImportDeclaration') {
      for (const s of n.specifiers) importedFrom.set(s.local.name, n.source.value);
      if (n.source.value === 'swagger-jsdoc') for (const s of n.specifiers) jsdocNames.add(s.local.name);
      else if (n.source.value.startsWith('.') && !SPEC_EXT.test(n.source.value)) for (const s of n.specifiers) localModuleNames.add(s.local.name);
    }
  });
  const at = (n: Node): SourceLocation => ({ file, line: n.loc?.start.line ?? 1, col: (n.loc?.start.column ?? 0) + 1 });
  /** `swaggerJsdoc(options)`: by the package's name, or a local module given swagger-jsdoc's options. */
  const isJsdocCall = (n: Node): boolean => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'Identifier' || n.arguments.length !== 1) return false;
    if (jsdocNames.has(n.callee.name)) return true;
    if (!localModuleNames.has(n.callee.name)) return false;
    const arg = n.arguments[0];
    const options = arg.type === 'Identifier' ? consts.get(arg.name) : arg;
    return !!options && isSwaggerJsdocOptions(options);
  };

  const evalPath = (n: Node | undefined, depth = 0): PathVal | undefined => {
    if (!n || depth > 10) return undefined;
    switch (n.type) {
      case 'StringLiteral': return n.value;
      case 'TemplateLiteral': {
        let acc: PathVal | undefined = n.quasis[0].value.cooked as string;
        for (let i = 0; i < n.expressions.length; i++) {
          const v = evalPath(n.expressions[i], depth + 1);
          const joined: PathVal | undefined = v === undefined || acc === undefined ? undefined : concat(acc, v);
          acc = joined === undefined ? undefined : concat(joined, n.quasis[i + 1].value.cooked as string);
          if (acc === undefined) return undefined;
        }
        return acc;
      }
      case 'BinaryExpression': {
        if (n.operator !== '+') return undefined;
        const l = evalPath(n.left, depth + 1);
        const r = evalPath(n.right, depth + 1);
        return l === undefined || r === undefined ? undefined : concat(l, r);
      }
      case 'Identifier':
        if (n.name === '__dirname') return { abs: dir };
        if (n.name === '__filename') return { abs: file };
        return evalPath(consts.get(n.name), depth + 1);
      case 'MemberExpression':
        if (n.object.type === 'MetaProperty' && !n.computed && (n.property.name === 'dirname')) return { abs: dir };
        if (n.object.type === 'MetaProperty' && !n.computed && (n.property.name === 'url' || n.property.name === 'filename')) return { abs: file };
        if (!n.computed && n.property.name === 'pathname') return evalPath(n.object, depth + 1);
        return undefined;
      case 'NewExpression':
        // new URL('./x.yaml', import.meta.url)
        if (n.callee.type === 'Identifier' && n.callee.name === 'URL' && n.arguments.length === 2) {
          const rel = evalPath(n.arguments[0], depth + 1);
          const base = evalPath(n.arguments[1], depth + 1);
          return typeof rel === 'string' && base && typeof base === 'object' && 'abs' in base ? { abs: resolve(dirname(base.abs), rel) } : undefined;
        }
        return undefined;
      case 'CallExpression': {
        const name = calleeName(n.callee);
        if (name === 'cwd' && n.arguments.length === 0) return { cwd: '' };
        if (name === 'fileURLToPath' && n.arguments.length === 1) return evalPath(n.arguments[0], depth + 1);
        if (name === 'join' || name === 'resolve') {
          const parts = n.arguments.map((a: Node) => evalPath(a, depth + 1));
          if (!parts.length || parts.some((p: PathVal | undefined) => p === undefined)) return undefined;
          let acc: PathVal = name === 'resolve' ? { cwd: '' } : '';
          for (const p of parts as PathVal[]) {
            if (typeof p === 'object' && 'cwd' in p && name === 'resolve') { acc = p; continue; }
            if (typeof p === 'string') {
              const a: PathVal = acc;
              if (typeof a === 'string') acc = join(a, p);
              else if ('abs' in a) acc = { abs: name === 'resolve' && p.startsWith('/') ? p : join((a as { abs: string }).abs, p) };
              else acc = name === 'resolve' && p.startsWith('/') ? { abs: p } : { cwd: join(a.cwd, p) };
            } else acc = p;
          }
          return acc;
        }
        return undefined;
      }
      case 'TSAsExpression': case 'TSNonNullExpression': case 'ParenthesizedExpression': return evalPath(n.expression, depth + 1);
      default: return undefined;
    }
  };

  /** `(path, 'utf8')` of an fs read, a yamljs load, a setup() argument: where it points, or why not. */
  const record = (n: Node, via: SpecLoad['via'], p: PathVal | undefined, explicit: boolean, relativeToFile = false): void => {
    if (p === undefined) {
      if (explicit) out.loads.push({ at: at(n), via, explicit, why: 'its path is computed at run time' });
      return;
    }
    const load: SpecLoad = typeof p === 'string'
      ? (relativeToFile || p.startsWith('/') ? { at: at(n), via, explicit, path: resolve(dir, p) } : { at: at(n), via, explicit, path: p, cwd: true })
      : 'abs' in p ? { at: at(n), via, explicit, path: p.abs } : { at: at(n), via, explicit, path: p.cwd, cwd: true };
    if (!SPEC_EXT.test(load.path!)) {
      if (explicit) out.loads.push({ at: at(n), via, explicit, why: `${load.path} is not a .json, .yaml or .yml file` });
      return;
    }
    out.loads.push(load);
  };

  /** What a document expression loads: an fs read, a require, a yamljs load, unwrapped from parse calls. */
  const documentPath = (n: Node | undefined, depth = 0): { via: SpecLoad['via']; p: PathVal | undefined; relativeToFile: boolean } | 'jsdoc' | undefined => {
    if (!n || depth > 6) return undefined;
    // a path itself (`apiSpec: specPath`, `apiSpec: './openapi.yaml'`)
    const direct = evalPath(n);
    if (direct !== undefined) return { via: 'fs read', p: direct, relativeToFile: false };
    if (n.type === 'AwaitExpression' || n.type === 'TSAsExpression' || n.type === 'ParenthesizedExpression') return documentPath(n.argument ?? n.expression, depth + 1);
    if (n.type === 'Identifier') {
      // import spec from './openapi.json'
      const source = importedFrom.get(n.name);
      if (source !== undefined && !consts.has(n.name)) return SPEC_EXT.test(source) ? { via: 'import', p: source, relativeToFile: true } : undefined;
      return documentPath(consts.get(n.name), depth + 1);
    }
    // (await import('./openapi.json', { with: { type: 'json' } })).default, or `mod.default` of it
    if (n.type === 'MemberExpression' && !n.computed && n.property.name === 'default') return documentPath(n.object, depth + 1);
    if (n.type !== 'CallExpression') return undefined;
    const name = calleeName(n.callee);
    if (n.callee.type === 'Identifier' && n.callee.name === 'require') return { via: 'require', p: evalPath(n.arguments[0]), relativeToFile: true };
    if (n.callee.type === 'Import') return { via: 'import', p: evalPath(n.arguments[0]), relativeToFile: true };
    if (isJsdocCall(n)) return 'jsdoc';
    // a function of this file that returns a load: `const loadSpec = () => YAML.load('./openapi.yaml')`
    const fn = n.callee.type === 'Identifier' ? declaredFunctions.get(n.callee.name) ?? consts.get(n.callee.name) : undefined;
    if (fn && isFunctionNode(fn)) {
      const returned = returnedExpression(fn) as Node | undefined;
      if (returned) return documentPath(returned, depth + 1);
    }
    if (name === 'readFileSync' || name === 'readFile') return { via: 'fs read', p: evalPath(n.arguments[0]), relativeToFile: false };
    // JSON.parse(...), YAML.parse(...), yaml.load(...), jsyaml.load(...): the document is what they read
    if ((name === 'parse' || name === 'load' || name === 'safeLoad') && n.arguments.length >= 1) {
      const inner = documentPath(n.arguments[0], depth + 1);
      if (inner) return inner;
      // yamljs: YAML.load('./swagger.yaml') reads the file itself
      if (name === 'load' && isYamlObject(n.callee)) return { via: 'yaml load', p: evalPath(n.arguments[0]), relativeToFile: false };
    }
    return undefined;
  };

  /** An object literal, or a require or import of a source module: a document written in code. */
  const inCode = (arg: Node | undefined, depth = 0): boolean => {
    if (!arg || depth > 6) return false;
    if (arg.type === 'ObjectExpression') return true;
    if (arg.type === 'Identifier') {
      const source = importedFrom.get(arg.name);
      if (source !== undefined && !consts.has(arg.name)) return !SPEC_EXT.test(source) && source !== 'swagger-jsdoc';
      return inCode(consts.get(arg.name), depth + 1);
    }
    if (arg.type === 'MemberExpression') return inCode(arg.object, depth + 1);
    // a function written in the tree: the evaluator reads what it returns (`swaggerUi.setup(swaggerSpec())`)
    if (isFunctionNode(arg)) return true;
    if (arg.type === 'CallExpression' && arg.callee.type === 'Identifier' && arg.callee.name !== 'require' && !isJsdocCall(arg)) {
      const name = arg.callee.name;
      if (documentPath(arg) !== undefined) return false; // it returns a load of a spec file: recorded as one
      return declaredFunctions.has(name) || requiredFromTree.has(name) || inCode(arg.callee, depth + 1);
    }
    return isRelativeRequire(arg) && !SPEC_EXT.test(arg.arguments[0].value);
  };

  const explicitSite = (n: Node, arg: Node | undefined, via: SpecLoad['via']): void => {
    if (arg && inCode(arg)) {
      out.inlineDocs.push({ at: at(n), offset: arg.start, via });
      return;
    }
    const doc = documentPath(arg);
    if (doc === 'jsdoc') return; // swaggerJsdoc(options): read through its options
    if (doc) record(n, via, doc.p, true, doc.relativeToFile);
    else out.loads.push({ at: at(n), via, explicit: true, why: 'the document is built at run time, not read from a file the code names' });
  };

  /** An `{ apiSpec }` options argument: express-openapi-validator's `middleware({ apiSpec })` (4.x and later),
   *  or its 3.x constructor `new OpenApiValidator({ apiSpec }).install(app)`. */
  const apiSpecOptions = (n: Node): void => {
    for (const a of n.arguments as Node[]) {
      if (a.type !== 'ObjectExpression') continue;
      const prop = a.properties.find((p: Node) => p.type === 'ObjectProperty' && !p.computed && (p.key.name ?? p.key.value) === 'apiSpec');
      if (prop) explicitSite(prop, prop.value, 'apiSpec');
    }
  };

  walk(ast.program as unknown as Node, (n) => {
    if (n.type === 'ImportDeclaration' && SPEC_EXT.test(n.source.value) && n.source.value.startsWith('.')) {
      record(n, 'import', n.source.value, false, true);
      return;
    }
    if (n.type === 'NewExpression') { apiSpecOptions(n); return; }
    if (n.type !== 'CallExpression') return;
    const name = calleeName(n.callee);
    // require('./x.json'), and ESM's dynamic `await import('./x.json', { with: { type: 'json' } })`
    if (((n.callee.type === 'Identifier' && n.callee.name === 'require') || n.callee.type === 'Import') && n.arguments[0]?.type === 'StringLiteral') {
      const spec: string = n.arguments[0].value;
      if (SPEC_EXT.test(spec) && spec.startsWith('.')) record(n, n.callee.type === 'Import' ? 'import' : 'require', spec, false, true);
    } else if (name === 'readFileSync' || name === 'readFile') {
      const p = evalPath(n.arguments[0]);
      if (p !== undefined) record(n, 'fs read', p, false);
    } else if (name === 'load' && isYamlObject(n.callee) && n.arguments.length >= 1) {
      const p = evalPath(n.arguments[0]);
      if (typeof p === 'object' || (typeof p === 'string' && SPEC_EXT.test(p))) record(n, 'yaml load', p, false);
    } else if (name === 'setup' && n.callee.type === 'MemberExpression' && /swagger|ui/i.test(calleeName(n.callee.object) ?? '') && n.arguments.length >= 1) {
      if (n.arguments[0].type !== 'NullLiteral' && !(n.arguments[0].type === 'Identifier' && n.arguments[0].name === 'undefined')) explicitSite(n, n.arguments[0], 'swaggerUi.setup');
    } else if (isJsdocCall(n)) {
      out.jsdocOptions.push({ at: at(n), offset: n.arguments[0].start });
    } else if (isRequire(n.callee, 'swagger-jsdoc') && n.arguments.length === 1) {
      out.jsdocOptions.push({ at: at(n), offset: n.arguments[0].start });
    }
    apiSpecOptions(n);
  });
  // the same file read twice (require + setup of the same const) is one load
  const seen = new Map<string, SpecLoad>();
  out.loads = out.loads.filter((l) => {
    const k = l.path ? `${l.cwd ? 'cwd:' : ''}${l.path}` : `${l.at.line}:${l.at.col}:${l.via}`;
    const first = seen.get(k);
    if (first) { first.explicit ||= l.explicit; return false; }
    seen.set(k, l);
    return true;
  });
  return out;
}

function concat(a: PathVal, b: PathVal): PathVal | undefined {
  if (typeof b !== 'string') return typeof a === 'string' && a === '' ? b : undefined;
  if (typeof a === 'string') return a + b;
  return 'abs' in a ? { abs: resolve(a.abs + b) } : { cwd: a.cwd + b };
}

function calleeName(c: Node): string | undefined {
  if (c.type === 'Identifier') return c.name;
  if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') return c.property.name;
  return undefined;
}

function isYamlObject(callee: Node): boolean {
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && /yaml/i.test(callee.object.name);
}

/** The module of `require('<module>')`, undefined for anything else. */
export function requiredModule(n: Node | null | undefined): string | undefined {
  return n && n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require'
    && n.arguments[0]?.type === 'StringLiteral' ? n.arguments[0].value as string : undefined;
}

/** `require('<module>')`. */
export function isRequire(n: Node | undefined, module: string): boolean {
  return requiredModule(n) === module;
}
