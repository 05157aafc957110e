// swagger-jsdoc's options object, `swaggerJsdoc({ definition: { openapi, info, servers, components, security,
// tags }, apis })` (`swaggerDefinition` in older apps): where most apps keep the schemas their `@openapi` blocks
// `$ref`. Read statically (static-value.ts) into a DocsModel like any other doc source: its components resolve
// the blocks' refs, its info/tags/servers/security are the document's identity, its servers' base path
// prefixes the blocks' paths (swagger-jsdoc puts them all in one document), and its `apis` globs name YAML
// files that hold docs too. What is not literal is reported with file:line and left out.
import { readdirSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { SourceLocation } from '../diagnostics.js';
import { emptyDocsModel, type DocsModel } from '../model.js';
import { SKIPPED_DIRS } from '../scan/files.js';
import { readBasePath, type BasePath } from './base-path.js';
import { isObject } from './context.js';
import type { JsdocOptionsSite } from './loaded-specs.js';
import { normalizeRaw } from './normalize.js';
import type { StaticEvaluator } from './static-value.js';

export interface JsdocOptions {
  /** The `definition` as a model: components, info, tags, servers, security; no operations of its own
   *  unless it has `paths`. */
  model: DocsModel;
  /** Absolute glob patterns of `apis`, when given. */
  apis?: string[];
  base?: BasePath;
  at: SourceLocation;
}

export function readJsdocOptions(file: string, site: JsdocOptionsSite, evaluator: StaticEvaluator, cwd: string): JsdocOptions {
  const model = emptyDocsModel();
  const node = evaluator.nodeAt(file, site.offset);
  if (!node) {
    model.diagnostics.push({ code: 'unsupported', severity: 'warning', message: 'swaggerJsdoc(...) options not found again in the file', at: site.at });
    return { model, at: site.at };
  }
  const options = evaluator.evaluate(file, node);
  model.diagnostics.push(...options.diagnostics);
  if (!isObject(options.value)) {
    if (!options.diagnostics.length) model.diagnostics.push({ code: 'doc-not-literal', severity: 'warning', message: 'the swaggerJsdoc options are not an object literal; not read', at: site.at });
    return { model, at: site.at };
  }
  const key = isObject(options.value.definition) ? 'definition' : isObject(options.value.swaggerDefinition) ? 'swaggerDefinition' : undefined;
  const locate = (pointer: string): SourceLocation => {
    for (let p = `/${key}${pointer}`; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = options.locs.get(p);
      if (hit) return hit;
      if (!p) return site.at;
    }
  };
  let out: DocsModel = model;
  let base: BasePath | undefined;
  if (key) {
    const definition = options.value[key] as Record<string, unknown>;
    out = normalizeRaw({ file, value: definition, locate }, { style: 'jsdoc', fragment: true });
    out.diagnostics.unshift(...model.diagnostics);
    base = readBasePath(definition);
    readIdentityExtras(out, definition);
  } else {
    model.diagnostics.push({ code: 'unsupported', severity: 'warning', message: 'the swaggerJsdoc options have no `definition` (or `swaggerDefinition`)', at: site.at });
  }
  const apis = Array.isArray(options.value.apis) ? options.value.apis.filter((a): a is string => typeof a === 'string').map((a) => (isAbsolute(a) ? a : resolve(cwd, a))) : undefined;
  return { model: out, ...(apis ? { apis } : {}), ...(base ? { base } : {}), at: site.at };
}

/** A whole document written in code (an object literal or a module's export) handed to swaggerUi.setup() or
 *  apiSpec: evaluated statically and read like a spec file, base path included. A document that is what a
 *  `swaggerJsdoc(options)` call returns, in this module or another, comes back as that call's place: its
 *  docs are read from the options there. */
export function readInlineDocument(file: string, site: JsdocOptionsSite, evaluator: StaticEvaluator): DocsModel | { swaggerJsdocCall: SourceLocation } | undefined {
  const node = evaluator.nodeAt(file, site.offset);
  if (!node) return undefined;
  const doc = evaluator.evaluate(file, node);
  if (doc.swaggerJsdocCall) return { swaggerJsdocCall: doc.swaggerJsdocCall };
  if (!isObject(doc.value) || (doc.value.openapi === undefined && doc.value.swagger === undefined)) return undefined;
  const locate = (pointer: string): SourceLocation => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const hit = doc.locs.get(p);
      if (hit) return hit;
      if (!p) return site.at;
    }
  };
  const model = normalizeRaw({ file, value: doc.value, locate }, { style: 'spec-file' });
  model.diagnostics.unshift(...doc.diagnostics);
  readIdentityExtras(model, doc.value);
  return model;
}

/** servers and global security: the document's identity besides info and tags (normalizeRaw reads those). */
function readIdentityExtras(model: DocsModel, definition: Record<string, unknown>): void {
  if (Array.isArray(definition.servers)) {
    const servers = definition.servers.filter(isObject).filter((s) => typeof s.url === 'string')
      .map((s) => ({ url: String(s.url), ...(typeof s.description === 'string' ? { description: s.description } : {}) }));
    if (servers.length) model.servers = servers;
  }
  if (Array.isArray(definition.security)) model.security = definition.security.filter(isObject) as DocsModel['security'];
}

/**
 * A glob of swagger-jsdoc's `apis` as a RegExp over absolute paths: `*`, `**`, `?`, `{a,b}` and `[...]`, what
 * its globs use. Hand-written when no glob matcher was among our dependencies; scan/swagger-jsdoc.ts now expands
 * `apis` with `glob`, and the two should become one matcher (minimatch, glob's own).
 */
export function globRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = pattern.indexOf('}', i);
      if (end < 0) { re += '\\{'; continue; }
      re += `(?:${pattern.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      i = end;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i);
      if (end < 0) { re += '\\['; continue; }
      re += pattern.slice(i, end + 1);
      i = end;
    } else re += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The .yaml/.yml/.json files under `root` the `apis` globs match (source files are read as sources anyway). */
export function apisDocFiles(root: string, apis: string[]): string[] {
  const res = apis.filter((a) => /\.(ya?ml|json)\b|\*$|\}$/.test(a)).map(globRegExp);
  if (!res.length) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) { if (!SKIPPED_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full); continue; }
      if (!/\.(ya?ml|json)$/i.test(e.name) || e.name === 'package.json' || e.name.startsWith('tsconfig')) continue;
      const posix = full.split(sep).join('/');
      if (res.some((r) => r.test(posix))) out.push(full);
    }
  };
  walk(root);
  return out.sort();
}

/** Whether a doc block's file is one the options' `apis` name (every block, when `apis` is not known). */
export function inApis(file: string, apis: string[] | undefined): boolean {
  if (!apis) return true;
  const posix = file.split(sep).join('/');
  return apis.some((a) => globRegExp(a.split(sep).join('/')).test(posix));
}
