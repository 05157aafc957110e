// The path every documented operation sits under: OpenAPI 3's `servers[].url` (`https://host/api` -> `/api`,
// server variables replaced by their defaults; one without a default in the host or port does not matter) or Swagger 2.0's `basePath`. Where several servers disagree the
// path they share is used (`/api/v1` and `/api/v2` -> `/api`): the routes of one app answer under one of them,
// and the shared part is the one a route prefix can be sure of. Applying it is what lets `/users` in the docs
// match the code's `/api/users`; the doc keeps its own path too (DocOperation.basePath) for apps that answer
// without the prefix (a proxy strips it).
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { DocsModel } from '../model.js';
import { isObject } from './context.js';

export interface BasePath {
  /** `/api`; never `/` or empty (nothing to apply then). */
  path: string;
  /** What it was read from, for the report: `servers[0].url https://host/api`, `basePath /api`. */
  from: string;
  /** JSON pointer of that key in its document. */
  pointer: string;
}

/** The URL's path, server variables (`{basePath}`) replaced by their defaults; undefined when not a path. */
function serverPath(server: Record<string, unknown>): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const vars = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (m, name: string) => {
    const v = vars[name];
    return isObject(v) && v.default !== undefined ? String(v.default) : m;
  });
  // `https://host/api`, `//host/api`, `/api`, `api` (relative to where the docs are served: not a route prefix)
  const m = /^(?:[a-z][\w+.-]*:)?\/\/[^/?#]*(\/[^?#]*)?/i.exec(url);
  const path = m ? (m[1] ?? '/') : url.startsWith('/') ? url.replace(/[?#].*$/, '') : undefined;
  // a variable left without a value matters only in the path: `http://localhost:{port}/v1` is under /v1
  if (path === undefined || /\{[^}]*\}/.test(path)) return undefined;
  return trimSlashes(path);
}

function trimSlashes(p: string): string {
  const out = p.replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  return out === '' ? '/' : out;
}

/** The base path a whole document declares, or undefined when it has none (or only `/`). */
export function readBasePath(doc: Record<string, unknown>): BasePath | undefined {
  if (typeof doc.basePath === 'string') {
    const path = trimSlashes(doc.basePath.startsWith('/') ? doc.basePath : `/${doc.basePath}`);
    return path === '/' ? undefined : { path, from: `basePath ${doc.basePath}`, pointer: '/basePath' };
  }
  if (!Array.isArray(doc.servers)) return undefined;
  const paths = doc.servers.map((s) => (isObject(s) ? serverPath(s) : undefined)).filter((p): p is string => p !== undefined);
  if (!paths.length) return undefined;
  const common = commonPath(paths);
  if (common === '/') return undefined;
  const urls = doc.servers.filter(isObject).map((s) => String(s.url));
  const from = urls.length === 1 ? `servers[0].url ${urls[0]}` : `the path shared by ${urls.length} servers (${urls.join(', ')})`;
  return { path: common, from, pointer: '/servers' };
}

function commonPath(paths: string[]): string {
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const out: string[] = [];
  for (let i = 0; split.every((s) => i < s.length && s[i] === split[0]![i]); i++) out.push(split[0]![i]!);
  return `/${out.join('/')}`;
}

/** Prefixes every operation of `model` with the base path and says so in a diagnostic. */
export function applyBasePath(model: DocsModel, base: BasePath, at: SourceLocation | undefined, what: string): void {
  let count = 0;
  for (const op of model.operations) {
    if (op.basePath !== undefined) continue;
    op.basePath = base.path;
    op.path = op.path === '/' ? base.path : `${base.path}${op.path.startsWith('/') ? '' : '/'}${op.path}`;
    count++;
  }
  if (!count) return;
  const d: Diagnostic = {
    code: 'base-path', severity: 'info',
    message: `base path ${base.path} (from ${base.from}) applied to the ${count} operation${count === 1 ? '' : 's'} of ${what}`,
    pointer: base.pointer,
    ...(at ? { at } : {}),
  };
  model.diagnostics.push(d);
}
