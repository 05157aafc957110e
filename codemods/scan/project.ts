// The whole-tree scan: parse every source file once, scan it (./file-scan.ts), then join the files' facts —
// which router is mounted under which prefix, through require/import and index files — into each route's
// full path. Routes whose path or prefix is only known at run time are reported (`dynamic`), never guessed.
//
// A router mounted in several places yields ONE RouteRecord per route call (RouteRecord.at stays unique, so
// the rules get one plan per call): fullPath is the first mount in scan order (files sorted, then source
// order), the other mounts' OpenAPI paths go to `alternatePaths`, and a 'multiple-mounts' diagnostic says so.
import { readFileSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import type { File } from '@babel/types';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { toOpenApiPath } from '../express-path.js';
import { parseSource } from '../parse.js';
import type { MountRecord, RouteRecord, RouterRecord, ScanResult } from '../plan.js';
import { scanFile, looksLikeRouterName, type FileScan, type LocalMount } from './file-scan.js';
import { isFile, listSourceFiles } from './files.js';
import { joinPaths } from './paths.js';
import { Resolver, type Resolved } from './resolve.js';
import { findLoopColl, hasLoopVar, substLoopVar, type Val } from './values.js';

export interface ScanOptions {
  /** Scan these files instead of listing the tree (absolute, or relative to root). */
  files?: string[];
  /** Called once per parsed file while its AST is alive, so other readers (docs) need not parse again.
   *  The AST is dropped afterwards unless `parsed` is given, which keeps memory flat in file count. */
  onFile?: (file: string, code: string, ast: File) => void;
  /** When given, receives every parsed AST (memory then grows with the tree). */
  parsed?: Map<string, File>;
  /** When given, filled with the milliseconds spent per phase (for bench/, never for assertions). */
  timings?: ScanTimings;
}

export interface ScanTimings {
  list: number;
  read: number;
  parse: number;
  walk: number;
  /** Resolving imports, mounts and full paths across files. */
  link: number;
}

interface Edge {
  parent: string;
  child: string;
  prefix: string | null;
}

export function scanProject(root: string, opts: ScanOptions = {}): ScanResult {
  const given = resolvePath(root);
  // A single file as the root: its directory is the root the result's paths are under.
  const absRoot = isFile(given) ? dirname(given) : given;
  const time = { list: 0, read: 0, parse: 0, walk: 0, link: 0 };
  let t = performance.now();
  const lap = (phase: keyof ScanTimings): void => { const now = performance.now(); time[phase] += now - t; t = now; };
  const files = opts.files ? opts.files.map((f) => resolvePath(absRoot, f)) : listSourceFiles(given);
  lap('list');
  const scans = new Map<string, FileScan>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let code: string;
    try {
      code = readFileSync(file, 'utf8');
      lap('read');
    } catch (err) {
      diagnostics.push({ code: 'read-error', severity: 'error', message: (err as Error).message, at: { file, line: 1 } });
      continue;
    }
    const parsed = parseSource(code, file);
    lap('parse');
    if ('diagnostic' in parsed) {
      diagnostics.push(parsed.diagnostic);
      continue;
    }
    const scan = scanFile(code, file, parsed.ast);
    lap('walk');
    scans.set(file, scan);
    diagnostics.push(...scan.diagnostics);
    opts.onFile?.(file, code, parsed.ast);
    opts.parsed?.set(file, parsed.ast);
  }
  t = performance.now();
  const result = linkProject(absRoot, files, scans, diagnostics);
  lap('link');
  if (opts.timings) Object.assign(opts.timings, time);
  return result;
}

/** The cross-file half alone: FileScans are plain data (structured-cloneable), so a driver may scan files in
 *  worker threads with scanFile and link here. `diagnostics` are the per-file ones (parse errors included). */
export function linkProject(root: string, files: string[], scans: Map<string, FileScan>, diagnostics: Diagnostic[]): ScanResult {
  return new ProjectLinker(resolvePath(root), files, scans, [...diagnostics]).link();
}

class ProjectLinker {
  private resolver: Resolver;
  private routerRecords = new Map<string, RouterRecord>();
  /** Mount edges by child node. */
  private incoming = new Map<string, Edge[]>();
  private mounts: MountRecord[] = [];
  private pseudo = new Set<string>();
  private prefixCache = new Map<string, Array<string | null>>();

  constructor(private root: string, private files: string[], private scans: Map<string, FileScan>, private diagnostics: Diagnostic[]) {
    this.resolver = new Resolver(scans);
  }

  link(): ScanResult {
    const routers: RouterRecord[] = [];
    for (const s of this.scans.values()) {
      for (const { key, ...r } of s.routers) {
        this.routerRecords.set(nodeId(s.file, key), r);
        routers.push(r);
      }
    }
    for (const s of this.scans.values()) for (const c of s.calls) this.passRouter(s, c);
    for (const s of this.scans.values()) for (const m of s.mounts) this.mount(s, m);
    const routes: RouteRecord[] = [];
    for (const s of this.scans.values()) for (const r of s.routes) {
      const rec = this.route(s, r);
      if (rec) routes.push(rec);
    }
    routes.sort((a, b) => cmpLoc(a.at, b.at));
    // Per-file diagnostics came first, linking ones after; readers want them in source order.
    const diagnostics = this.diagnostics
      .map((d, i) => ({ d, i }))
      .sort((a, b) => cmpLoc(a.d.at, b.d.at) || a.i - b.i)
      .map((x) => x.d);
    return { root: this.root, files: this.files, routers, mounts: this.mounts, routes, diagnostics };
  }

  /** The mount-graph node a receiver value stands for: a router created somewhere, or — for an unresolved
   *  name that reads like one (`app` as a function parameter) — a node of its own, assumed mounted at `/`. */
  private node(file: string, v: Val, text: string, at: SourceLocation): string | undefined {
    const r = this.resolver.asValue(this.resolver.resolve(file, v));
    if (r.k === 'router') return nodeId(r.file, r.key);
    if (r.k === 'param' && this.incoming.has(paramId(r))) return paramId(r);
    if ((r.k === 'unknown' || r.k === 'param' || (r.k === 'external' && !HTTP_CLIENTS.test(r.source))) && looksLikeRouterName(text)) {
      const id = nodeId(file, `?${text}`);
      if (!this.pseudo.has(id)) {
        this.pseudo.add(id);
        this.diagnostics.push({
          code: 'unresolved-router', severity: 'info', at,
          message: `\`${text}\` is not created in this file (${r.k === 'unknown' ? r.why : r.k === 'param' ? 'a parameter no call passes a router to' : `from ${r.source}`}); its routes are assumed mounted at /`,
        });
      }
      return id;
    }
    return undefined;
  }

  /** `setup(app)` / `require('./routes')(app)`: the function's parameter is that router, mounted at its root. */
  private passRouter(s: FileScan, c: FileScan['calls'][number]): void {
    let callee: Resolved | undefined;
    c.args.forEach((a, index) => {
      if (a.k !== 'local' && a.k !== 'this' && a.k !== 'param' && a.k !== 'router') return;
      const r = this.resolver.asValue(this.resolver.resolve(s.file, a));
      const from = r.k === 'router' ? nodeId(r.file, r.key) : r.k === 'param' ? paramId(r) : undefined;
      if (!from) return;
      callee ??= this.resolver.asValue(this.resolver.resolve(s.file, c.callee));
      if (callee.k !== 'fn') return;
      const to = paramId({ file: callee.file, fn: `${callee.at.line}:${callee.at.col}`, index });
      this.addEdge({ parent: from, child: to, prefix: '' });
    });
  }

  private addEdge(e: Edge): void {
    const list = this.incoming.get(e.child);
    if (list) list.push(e); else this.incoming.set(e.child, [e]);
  }

  private mount(s: FileScan, m: LocalMount): void {
    const parent = this.node(s.file, m.parent, m.parentText, m.at);
    if (!parent) return;
    if (!hasLoopVar(m.child)) {
      this.edge(s.file, m, parent, m.child, m.prefix);
      return;
    }
    const items = this.loopItems(s, m);
    if (!items) {
      this.diagnostics.push({
        code: 'dynamic-route', severity: 'warning', at: m.at,
        message: `\`${m.parentText}.use(...)\` mounts \`${m.childText}\` in a loop over a collection that cannot be resolved statically; routes under it keep their own paths unprefixed`,
      });
      return;
    }
    for (const item of items) {
      const splice: Val = { k: 'resolved', r: item };
      this.edge(s.file, m, parent, substLoopVar(m.child, splice), m.prefix && substLoopVar(m.prefix, splice));
    }
  }

  /** Elements of the collection a mount loop iterates: a literal array, or — inside an app class that mounts
   *  whatever it is given (`routes.forEach(r => this.app.use('/', r.router))`) — the arrays passed to
   *  `new ThatClass([...])` anywhere in the tree. */
  private loopItems(s: FileScan, m: LocalMount): Resolved[] | undefined {
    const coll = findLoopColl(m.child)!;
    const direct = this.resolver.resolve(s.file, coll);
    if (direct.k === 'array') return direct.items.map((i) => this.resolver.resolve(direct.file, i));
    const cls = m.parent.k === 'this' ? m.parent.cls : undefined;
    if (!cls) return undefined;
    const items: Resolved[] = [];
    for (const other of this.scans.values()) {
      for (const n of other.news) {
        const c = this.resolver.resolve(other.file, n.cls);
        if (c.k !== 'class' || c.file !== s.file || c.name !== cls) continue;
        for (const a of n.args) {
          const arr = this.resolver.resolve(other.file, a);
          if (arr.k === 'array') for (const i of arr.items) items.push(this.resolver.resolve(arr.file, i));
        }
      }
    }
    return items.length ? items : undefined;
  }

  private edge(file: string, m: LocalMount, parent: string, childVal: Val, prefixVal: Val | null): void {
    const child = this.resolver.asValue(this.resolver.resolve(file, childVal));
    if (child.k !== 'router') {
      if (child.k === 'unknown' && child.why.startsWith('module not found')) {
        this.diagnostics.push({ code: 'unresolved-import', severity: 'warning', at: m.at, message: `\`${m.childText}\`: ${child.why}` });
        const parentRec = this.routerRecords.get(parent);
        const prefix = prefixVal ? this.resolver.resolveString(file, prefixVal) : { value: '' };
        this.mounts.push({
          file, at: m.at, parent: { file: parentRec?.file ?? file, name: parentRec?.name ?? m.parentText },
          prefix: 'value' in prefix ? prefix.value : null, child: null,
        });
      }
      return; // a middleware, not a router
    }
    let prefixes: Array<string | null> = [''];
    if (prefixVal) {
      const r = this.resolver.resolve(file, prefixVal);
      if (r.k === 'str') prefixes = [r.value];
      else if (r.k === 'array') {
        prefixes = r.items.map((i) => { const p = this.resolver.resolve(r.file, i); return p.k === 'str' ? p.value : null; });
      } else if (m.prefixUncertain) prefixes = ['']; // the first argument was a middleware (`cors()`), not a prefix
      else prefixes = [null];
    }
    const childId = nodeId(child.file, child.key);
    const childRec = this.routerRecords.get(childId);
    const parentRec = this.routerRecords.get(parent);
    for (const prefix of prefixes) {
      this.addEdge({ parent, child: childId, prefix });
      this.mounts.push({
        file, at: m.at,
        parent: { file: parentRec?.file ?? file, name: parentRec?.name ?? m.parentText },
        prefix,
        child: { file: child.file, name: childRec?.name ?? m.childText },
      });
    }
    this.prefixCache.clear();
  }

  /** Every full prefix a router is reachable under; null entries are prefixes computed at run time. */
  private prefixes(node: string, visiting = new Set<string>()): Array<string | null> {
    const hit = this.prefixCache.get(node);
    if (hit) return hit;
    const incoming = (this.incoming.get(node) ?? []).filter((e) => !visiting.has(e.parent));
    let out: Array<string | null>;
    if (incoming.length === 0) out = [''];
    else {
      visiting.add(node);
      out = [];
      for (const e of incoming) {
        for (const p of this.prefixes(e.parent, visiting)) {
          const full = p === null || e.prefix === null ? null : joinPaths(p, e.prefix);
          if (!out.includes(full)) out.push(full);
        }
      }
      visiting.delete(node);
    }
    if (visiting.size === 0) this.prefixCache.set(node, out);
    return out;
  }

  private route(s: FileScan, r: FileScan['routes'][number]): RouteRecord | undefined {
    const node = this.node(s.file, r.receiver, r.receiverText, r.at);
    if (!node) return undefined; // `axios.get(url, cb)`, `cache.get(key, fn)`: not a router
    let dynamic = r.pathDynamic;
    let path: string | null = null;
    if (!dynamic) {
      const p = this.resolver.resolveString(s.file, r.path);
      if ('value' in p) path = p.value;
      else dynamic = `computed path ${r.pathText} (${p.why})`;
    } else path = r.pathText;
    const prefixes = this.prefixes(node);
    const full: Array<string | null> = prefixes.map((p) => (p === null || dynamic ? null : joinPaths(p, path!)));
    if (!dynamic && full[0] === null) dynamic = 'a mount prefix is computed at run time';
    const oa = full[0] !== null ? toOpenApiPath(full[0]) : undefined;
    if (oa && oa.path === null) dynamic = oa.dynamic;
    const handler: RouteRecord['handler'] = { ...r.handler };
    if (r.handlerRef) {
      const h = this.resolver.resolve(s.file, r.handlerRef);
      if (h.k === 'fn') handler.definedAt = h.at;
    }
    const rec: RouteRecord = {
      file: s.file, at: r.at, method: r.method, path, fullPath: full[0], openapiPath: oa?.path ?? null,
      receiver: r.receiverText, handler, middleware: r.middleware,
      ...(r.migrated ? { migrated: r.migrated } : {}),
      ...(r.emptySpec ? { emptySpec: r.emptySpec } : {}),
    };
    if (dynamic) {
      rec.dynamic = dynamic;
      this.diagnostics.push({ code: 'dynamic-route', severity: 'warning', at: r.at, route: `${r.method.toUpperCase()} ${full[0] ?? path ?? r.pathText}`, message: `${dynamic}; reported, not migrated` });
    }
    if (oa?.optional.length) rec.optionalParams = oa.optional;
    if (full.length > 1 && !dynamic) {
      const alt = full.slice(1).map((f) => (f === null ? null : toOpenApiPath(f).path)).filter((p): p is string => p !== null);
      if (alt.length) rec.alternatePaths = alt;
      this.noteMultipleMounts(node, full);
    }
    return rec;
  }

  private noted = new Set<string>();
  private noteMultipleMounts(node: string, full: Array<string | null>): void {
    if (this.noted.has(node)) return;
    this.noted.add(node);
    const rec = this.routerRecords.get(node);
    const prefixes = this.prefixes(node).map((p) => p ?? '<computed>').join(', ');
    this.diagnostics.push({
      code: 'multiple-mounts', severity: 'info', at: rec?.at ?? locOfNode(node),
      message: `router \`${rec?.name ?? node.split('\0')[1]}\` is mounted ${full.length} times (${prefixes}); routes are recorded under the first, the others are alternatePaths`,
    });
  }
}

/** Packages whose instances have `.get(url, ...)` too (`const api = axios.create()`), never routers. */
const HTTP_CLIENTS = /^(axios|got|superagent|supertest|node-fetch|ky|undici|request|needle|ofetch|cross-fetch)(\/|$)/;

function nodeId(file: string, key: string): string {
  return `${file}\0${key}`;
}

function paramId(p: { file: string; fn: string; index: number }): string {
  return `${p.file}\0(param ${p.index} of the function at ${p.fn})`;
}

function locOfNode(node: string): SourceLocation {
  return { file: node.split('\0')[0], line: 1 };
}

function cmpLoc(a: SourceLocation | undefined, b: SourceLocation | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || (a.col ?? 0) - (b.col ?? 0);
}
