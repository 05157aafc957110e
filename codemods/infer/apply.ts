// Before: router.get('/users/:id', {}, legacy(users.show));
// After:  // TODO(migrate-api MA005): inferred from code and 3 requests, review
//         router.get('/users/:id', { params: z.object({ id: z.string() }), responses: { ... } }, legacy(users.show));
//
// MA005, `migrate-api infer`: on a migrated app, only the empty specs (`{}`) of undocumented routes change, each
// to what inferRouteSpec knows of its route; every other byte of every file stays. Writes only where the route's
// router is in report mode, so the new specs change nothing a request sees until the team flips to enforce.
import { readFileSync } from 'node:fs';
import { parse as babelParse } from '@babel/parser';
import type * as t from '@babel/types';
import { relative, sep } from 'node:path';
import { mergeRoute, type Recording, type RouteRecording } from '../../compat/shapes-file.js';
import { analyzeProject } from '../analyze.js';
import { handlerFacts } from '../check/handler-facts.js';
import { locateHandler } from '../check/handler-locate.js';
import type { Diagnostic } from '../diagnostics.js';
import { parserPlugins, parseSource } from '../parse.js';
import type { RouteRecord } from '../plan.js';
import { buildParents, walk, type Node } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { ensureImports, moduleStyle, topLevelBindings } from '../rules/imports.js';
import { withAliases } from '../rules/ma001-wrap-router.js';
import { enclosingStatement, locateRouteCall, statementAt } from '../rules/locate.js';
import { inferRouteSpec, type InferredSpec } from './route-spec.js';
import { zodModuleFor, type ZodModule } from '../zod-import.js';

export interface InferredRoute {
  file: string;
  line: number;
  method: string;
  path: string | null;
  /** 'inferred': the spec was written; 'unknown': nothing is known of it; 'skipped': see reason. */
  status: 'inferred' | 'unknown' | 'skipped';
  fromCode?: boolean;
  requests?: number;
  statuses?: string[];
  reason?: string;
}

export interface InferResult {
  writes: Array<{ file: string; before: string; after: string }>;
  routes: InferredRoute[];
  diagnostics: Diagnostic[];
}

const normalize = (p: string) => p.replace(/:(\w+)(\([^)]*\))?\??/g, ':$1').replace(/[{}]/g, '').replace(/\/+$/, '') || '/';

/**
 * The recorded traffic of each scan route. A record carries where its route was registered (`at`): that decides.
 * Without it (or where the lines moved since the recording), method and path decide, but only for a method and
 * path no other route of the scan has: several sub-apps of one process all serve `GET /`.
 */
function trafficOf(recording: Recording | undefined, scanRoutes: readonly RouteRecord[], root: string): (route: RouteRecord) => RouteRecording | undefined {
  const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${normalize(path)}`;
  const byKey = new Map<string, RouteRecording[]>();
  for (const r of recording?.routes ?? []) {
    const key = keyOf(r.method, r.path);
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(r);
  }
  const routesPerKey = new Map<string, number>();
  for (const r of scanRoutes) if (r.fullPath) routesPerKey.set(keyOf(r.method, r.fullPath), (routesPerKey.get(keyOf(r.method, r.fullPath)) ?? 0) + 1);
  const sum = (rs: RouteRecording[]) => rs.length === 0 ? undefined
    : rs.slice(1).reduce((acc, r) => mergeRoute(acc, r), structuredClone({ ...rs[0]!, at: undefined }));
  return (route) => {
    if (!route.fullPath) return undefined;
    const key = keyOf(route.method, route.fullPath);
    const list = byKey.get(key) ?? [];
    const rel = `/${relative(root, route.file).split(sep).join('/')}`;
    const sited = list.filter((r) => {
      const m = r.at ? /^(.*):(\d+)$/.exec(r.at) : null;
      return !!m && (m[1]!.endsWith(rel) || m[1] === route.file) && Number(m[2]) === route.at.line;
    });
    if (sited.length) return sum(sited);
    return routesPerKey.get(key) === 1 ? sum(list) : undefined;
  };
}

const TODO = (spec: InferredSpec) => {
  // a route whose handler was not found and that no request reached: only its path (the params) is known
  const from = [spec.fromCode ? 'code' : '', spec.requests ? `${spec.requests} request${spec.requests === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ') || 'its path';
  return `// TODO(migrate-api MA005): inferred from ${from}, review`;
};

function specText(spec: InferredSpec, indent: string): string {
  const inner = `${indent}  `;
  return `{\n${spec.properties.map(([k, v]) => `${inner}${k}: ${v},`).join('\n')}\n${indent}}`;
}

/** Infers and writes the specs of a migrated app's undocumented routes (`{}` specs); nothing is written to disk here. */
export async function inferProject(root: string, recording?: Recording): Promise<InferResult> {
  const analysis = await analyzeProject(root);
  const traffic = trafficOf(recording, analysis.scan.routes, analysis.root);
  const sources = new Map<string, string>();
  const read = (file: string) => {
    if (!sources.has(file)) { try { sources.set(file, readFileSync(file, 'utf8')); } catch { sources.set(file, ''); } }
    return sources.get(file)!;
  };
  const asts = new Map<string, t.File | null>();
  const astOf = (file: string) => {
    if (!asts.has(file)) {
      const parsed = parseSource(read(file), file);
      asts.set(file, 'ast' in parsed ? parsed.ast : null);
    }
    return asts.get(file)!;
  };
  const routes: InferredRoute[] = [];
  const diagnostics: Diagnostic[] = [];
  const byFile = new Map<string, Array<{ route: RouteRecord; spec: InferredSpec }>>();
  for (const route of analysis.scan.routes) {
    // A spec that is not `{}` was documented, or inferred and reviewed already.
    if (route.migrated !== 'legacy handler' || !route.emptySpec || route.dynamic || route.method === 'all') continue;
    const base: Omit<InferredRoute, 'status'> = { file: route.file, line: route.at.line, method: route.method, path: route.fullPath };
    const fn = locateHandler(route, astOf);
    const facts = fn ? handlerFacts(fn) : null;
    const rec = traffic(route);
    const spec = inferRouteSpec(route, facts, rec);
    if (!spec) { routes.push({ ...base, status: 'unknown', reason: fn ? 'the handler shows nothing and no request was recorded' : 'handler not found and no request recorded' }); continue; }
    (byFile.get(route.file) ?? byFile.set(route.file, []).get(route.file)!).push({ route, spec });
    routes.push({ ...base, status: 'inferred', fromCode: spec.fromCode, requests: spec.requests, statuses: spec.statuses });
  }
  const writes: InferResult['writes'] = [];
  for (const [file, planned] of byFile) {
    const before = read(file);
    const out = rewriteFile(file, before, planned);
    for (const skip of out.skipped) {
      const r = routes.find((x) => x.file === file && x.line === skip.route.at.line && x.method === skip.route.method);
      if (r) { r.status = 'skipped'; r.reason = skip.why; }
      diagnostics.push({ code: 'unsupported', severity: 'warning', at: { file, line: skip.route.at.line }, message: `MA005: ${skip.why}; spec left as it was` });
    }
    if (out.after !== undefined && out.after !== before) writes.push({ file, before, after: out.after });
  }
  return { writes, routes, diagnostics };
}

/**
 * The name the specs call zod by in this file: the local name of an import of `z` from the module the migration
 * uses (./zod-import.ts), else `z` where the file does not use that name, else an alias (`zod`, `zod2`, ...).
 * In an app on zod 3.25 a file's own `import { z } from 'zod'` is zod 3, which the runtime cannot read: the
 * specs then get `import { z as zod } from 'zod/v4'` (as the migration's rules alias a clash), not that `z`.
 */
function zodBinding(program: Node, module: ZodModule): { module: ZodModule; name: string } {
  const same = topLevelBindings(program).imports.find((x) => x.module === module && x.imported === 'z');
  if (same) return { module, name: same.name };
  const taken = new Set<string>();
  walk(program, (n) => { if (n.type === 'Identifier') taken.add(n.name); });
  if (!taken.has('z')) return { module, name: 'z' };
  let name = 'zod';
  for (let i = 2; taken.has(name); i++) name = `zod${i}`;
  return { module, name };
}

function quoteOf(source: string): 'single' | 'double' {
  return (source.match(/"/g)?.length ?? 0) > (source.match(/'/g)?.length ?? 0) ? 'double' : 'single';
}

function rewriteFile(file: string, source: string, planned: Array<{ route: RouteRecord; spec: InferredSpec }>):
  { after?: string; skipped: Array<{ route: RouteRecord; why: string }> } {
  const skipped: Array<{ route: RouteRecord; why: string }> = [];
  const parsed = parseSource(source, file);
  if (!('ast' in parsed)) return { skipped: planned.map((p) => ({ route: p.route, why: 'the file does not parse' })) };
  const program = parsed.ast.program as unknown as Node;
  const parents = buildParents(program);
  const edits = new SourceEdits(source);
  // Report mode only: a spec written under an enforcing router would change answers at once.
  const reportMode = /validation:\s*['"]report['"]/.test(source);
  const zod = zodBinding(program, zodModuleFor(file));
  let changed = false;
  for (const { route, spec } of planned) {
    if (!reportMode) { skipped.push({ route, why: "the file's router is not in report mode (`validation: 'report'`)" }); continue; }
    const plan = { at: route.at, method: route.method } as Parameters<typeof locateRouteCall>[1];
    const call = locateRouteCall(statementAt(program, route.at.line) ?? program, plan) ?? locateRouteCall(program, plan);
    const arg = call?.arguments?.[1] as Node | undefined;
    if (!call || arg?.type !== 'ObjectExpression' || arg.properties.length !== 0) { skipped.push({ route, why: 'the route has no empty spec `{}` to fill' }); continue; }
    const stmt = enclosingStatement(parents, call);
    if (!stmt) { skipped.push({ route, why: 'the route call is not in a statement' }); continue; }
    const indent = edits.indentAt(stmt.start);
    const text = specText(spec, indent);
    edits.replaceNode(arg, zod.name === 'z' ? text : withAliases(text, new Map([['z', zod.name]])));
    edits.insert(stmt.start, `${TODO(spec)}\n${indent}`);
    changed = true;
  }
  if (!changed) return { skipped };
  const plainStmt = (src: string) => babelParse(src, { sourceType: 'module', plugins: parserPlugins(file) }).program.body as unknown as Node[];
  const conflicts = ensureImports(program, moduleStyle(file, program), quoteOf(source), [{ module: zod.module, names: [zod.name === 'z' ? 'z' : `z as ${zod.name}`] }], plainStmt, edits);
  if (conflicts.length) return { skipped: planned.map((p) => ({ route: p.route, why: `\`z\` is taken in this file (${conflicts[0]})` })) };
  return { after: edits.apply(), skipped };
}
