// Routes found in code <-> operations found in docs. Flasgger blocks sit right above their route, so they match
// by location (DocOperation.routeAt = RouteRecord.at, file + line). Everything else matches by method and path:
// the route's full OpenAPI path (mount prefixes applied) against the doc's path, both normalized — trailing
// slashes and repeated slashes dropped (Express routes are non-strict), and path params compared by POSITION,
// not name (`/users/:id` matches a doc's `/users/{userId}`: legacy docs rarely spell params like the code);
// when several docs match positionally, the one whose param names also agree wins, else it is reported
// ambiguous. Optional params (`:status?`) match a doc with or without that segment; a router mounted twice
// matches on any of its paths; an `all` route takes every method documented for its path. Last, a doc block
// right above a mounted router's route whose path is the route's path inside the router (`/unpaid` above
// `router.get('/unpaid')`, mounted at /jobs) is that route's: its author wrote the path the router sees.
import { resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { toOpenApiPath } from './express-path.js';
import type { DocOperation } from './model.js';
import type { MatchedRoute, MatchResult, RouteRecord, ScanResult } from './plan.js';

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];

/** `/users/{id}/` -> `/users/{}`; the key two paths are compared by. */
export function normalizePath(p: string): string {
  let out = p.replace(/\/{2,}/g, '/').replace(/\{[^}]*\}/g, '{}');
  if (out.length > 1) out = out.replace(/\/+$/, '');
  return out.startsWith('/') ? out : `/${out}`;
}

function exactPath(p: string): string {
  let out = p.replace(/\/{2,}/g, '/');
  if (out.length > 1) out = out.replace(/\/+$/, '');
  return out;
}

/** The paths a route answers on: its own, other mounts', and each optional param left out. */
function routePaths(r: RouteRecord): { primary: string[]; variants: string[] } {
  const primary = [r.openapiPath!];
  const variants = [...(r.alternatePaths ?? [])];
  for (const opt of r.optionalParams ?? []) {
    for (const p of [...primary, ...variants]) {
      const without = p.replace(new RegExp(`/?\\{${opt.replace(/[$]/g, '\\$')}\\}`), '');
      if (!variants.includes(without)) variants.push(without === '' ? '/' : without);
    }
  }
  return { primary, variants };
}

export function matchRoutes(scan: ScanResult, docs: DocOperation[]): MatchResult {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<DocOperation>();
  const docOf = new Map<RouteRecord, DocOperation>();
  const abs = (f: string): string => resolve(scan.root, f);

  // 1. Flasgger blocks: by the location of the route under the comment.
  const byLine = new Map<string, RouteRecord[]>();
  for (const r of scan.routes) {
    const k = `${abs(r.file)}:${r.at.line}`;
    const list = byLine.get(k);
    if (list) list.push(r); else byLine.set(k, [r]);
  }
  for (const d of docs) {
    if (!d.routeAt) continue;
    let cands = byLine.get(`${abs(d.routeAt.file)}:${d.routeAt.line}`) ?? [];
    if (cands.length > 1) cands = cands.filter((r) => r.method === d.method || r.method === 'all');
    if (cands.length > 1 && d.routeAt.col) cands = cands.filter((r) => r.at.col === d.routeAt!.col);
    const r = cands[0];
    if (!r) continue; // not a route the scan understood: fall back to method + path below
    if (docOf.has(r)) {
      diagnostics.push({ code: 'ambiguous-match', severity: 'warning', at: d.at, route: label(r), message: `two doc blocks for the route at ${r.file}:${r.at.line}; the first is used` });
      used.add(d);
      continue;
    }
    docOf.set(r, d);
    used.add(d);
  }

  // 2. Everything else: by method + normalized path.
  const index = new Map<string, DocOperation[]>();
  for (const d of docs) {
    if (used.has(d)) continue;
    const k = `${d.method.toLowerCase()} ${normalizePath(d.path)}`;
    const list = index.get(k);
    if (list) {
      if (list.some((o) => exactPath(o.path) === exactPath(d.path))) {
        diagnostics.push({ code: 'duplicate-operation', severity: 'warning', at: d.at, route: `${d.method.toUpperCase()} ${d.path}`, message: `documented twice (also at ${list[0].at.file}:${list[0].at.line}); the first is used` });
        used.add(d);
        continue;
      }
      list.push(d);
    } else index.set(k, [d]);
  }
  const candidates = (r: RouteRecord, paths: string[], includeUsed: boolean): DocOperation[] => {
    const methods = r.method === 'all' ? METHOD_ORDER : [r.method];
    const out: DocOperation[] = [];
    for (const m of methods) for (const p of paths) {
      for (const d of index.get(`${m} ${normalizePath(p)}`) ?? []) if ((includeUsed || !used.has(d)) && !out.includes(d)) out.push(d);
    }
    return out;
  };
  // Docs under a base path (`servers: [{ url: https://host/api }]`) are indexed with it; an app behind a proxy
  // that strips it registers the bare path, tried once nothing matched with the prefix.
  const bare = new Map<string, DocOperation[]>();
  for (const list of index.values()) for (const d of list) {
    if (!d.basePath) continue;
    const k = `${d.method.toLowerCase()} ${normalizePath(d.path.slice(d.basePath.length) || '/')}`;
    bare.set(k, [...(bare.get(k) ?? []), d]);
  }
  const bareCandidates = (r: RouteRecord): DocOperation[] => {
    const methods = r.method === 'all' ? METHOD_ORDER : [r.method];
    return methods.flatMap((m) => routePaths(r).primary.flatMap((p) => bare.get(`${m} ${normalizePath(p)}`) ?? [])).filter((d) => !used.has(d));
  };
  const open = scan.routes.filter((r) => !docOf.has(r) && r.openapiPath !== null && !r.dynamic);
  for (const pass of ['primary', 'variants', 'bare'] as const) {
    for (const r of open) {
      if (docOf.has(r)) continue;
      const paths = pass === 'bare' ? routePaths(r).primary : routePaths(r)[pass];
      let cands = pass === 'bare' ? bareCandidates(r) : candidates(r, paths, false);
      if (cands.length === 0) continue;
      if (r.method === 'all') {
        docOf.set(r, cands[0]);
        for (const d of cands) used.add(d);
        if (cands.length > 1) {
          diagnostics.push({ code: 'all-route', severity: 'info', at: r.at, route: label(r), message: `\`all\` route serves ${cands.map((d) => d.method.toUpperCase()).join(', ')}; the ${cands[0].method.toUpperCase()} operation becomes its spec` });
        }
        continue;
      }
      if (cands.length > 1) {
        const exact = cands.filter((d) => paths.some((p) => exactPath(p) === exactPath(pass === 'bare' ? d.path.slice(d.basePath!.length) : d.path)));
        if (exact.length >= 1) cands = exact;
      }
      if (cands.length > 1) {
        diagnostics.push({ code: 'ambiguous-match', severity: 'warning', at: r.at, route: label(r), message: `matches ${cands.map((d) => `${d.method.toUpperCase()} ${d.path}`).join(' and ')}; the first is used` });
      }
      docOf.set(r, cands[0]);
      used.add(cands[0]);
    }
  }
  // 3. A block above a mounted route that writes the path inside the router. Only the block right above the
  // route (its last line at most one blank line before the call), only the route's own method and path (params
  // by position, either syntax: `/:job_id/pay` is written as in the code), and only what nothing else took.
  const mountRelative: Array<{ route: RouteRecord; doc: DocOperation }> = [];
  for (const r of open) {
    if (docOf.has(r) || r.path === null || r.method === 'all') continue;
    // read as the scan read the route's full path into openapiPath, so that the two compare
    const own = toOpenApiPath(r.path).path;
    if (own === null) continue;
    const local = normalizePath(own);
    if (local === normalizePath(r.openapiPath!)) continue; // not under a mount prefix: matched by path or not at all
    const d = docs.find((o) => !used.has(o) && o.style === 'jsdoc' && o.comment && o.method.toLowerCase() === r.method
      && abs(o.at.file) === abs(r.file) && r.at.line > o.comment.endLine && r.at.line - o.comment.endLine <= 2
      && normalizePath(toOpenApiPath(o.path, { bestEffort: true, braces: 'template' }).path) === local);
    if (!d) continue;
    docOf.set(r, d);
    used.add(d);
    mountRelative.push({ route: r, doc: d });
    diagnostics.push({ code: 'mount-relative-doc', severity: 'info', at: d.at, route: label(r), message: `documented as ${d.method.toUpperCase()} ${d.path}, the path inside its router; read as the route's ${r.openapiPath} (swagger-jsdoc serves it at ${d.path} until the generated document replaces it)` });
  }

  // A second registration of an already documented method + path (Express only reaches the first).
  for (const r of open) {
    if (docOf.has(r) || r.method === 'all') continue;
    const taken = candidates(r, routePaths(r).primary, true);
    if (taken.length) diagnostics.push({ code: 'duplicate-route', severity: 'warning', at: r.at, route: label(r), message: `an earlier route already has ${taken[0].method.toUpperCase()} ${taken[0].path}; this one stays undocumented` });
  }

  // A doc on another path a matched route also answers (second mount, optional param left out) is served,
  // not missing: it just cannot be that route's spec too.
  const also = new Map<RouteRecord, DocOperation[]>();
  for (const d of docs) {
    if (used.has(d)) continue;
    const key = `${d.method.toLowerCase()} ${normalizePath(d.path)}`;
    const r = open.find((o) => docOf.has(o) && (o.method === d.method.toLowerCase() || o.method === 'all')
      && routePaths(o).variants.some((p) => `${d.method.toLowerCase()} ${normalizePath(p)}` === key));
    if (!r) continue;
    used.add(d);
    also.set(r, [...also.get(r) ?? [], d]);
    diagnostics.push({ code: 'also-served', severity: 'info', at: d.at, route: `${d.method.toUpperCase()} ${d.path}`, message: `served by the route at ${r.file}:${r.at.line}, whose spec is ${docOf.get(r)!.method.toUpperCase()} ${docOf.get(r)!.path}` });
  }

  const matched: MatchedRoute[] = scan.routes.map((route) => {
    const doc = docOf.get(route);
    const alsoServed = also.get(route);
    return doc ? { route, doc, ...(alsoServed ? { alsoServed } : {}) } : { route };
  });
  return { matched, unmatchedDocs: docs.filter((d) => !used.has(d)), ...(mountRelative.length ? { mountRelative } : {}), diagnostics };
}

function label(r: RouteRecord): string {
  return `${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? '?'}`;
}
