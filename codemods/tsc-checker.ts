// Before: a typed TS handler could stop the app compiling (`const name: string = body.name` where the docs make the
//         body optional; a service's `IAutor[] | null` sent to `z.array(Autor)`), unseen until the user ran tsc.
// After:  the app's own TypeScript checks the typed rewrite, in memory; a handler it rejects stays legacy with tsc's words.
//
// A typed handler's input has the docs' types and its returned value is checked against the docs' schema at
// compile time, where express gave `any`: a failing tsc is a broken app. Only the compiler knows the app's types
// (services, repositories, ORM models, generics), so the migration asks it: the app's own `typescript` (resolved
// from the app's package root, the version its `tsc` runs), the app's tsconfig.json, the rewritten files served
// from memory. What counts is what the rewrite adds: the diagnostics of the app as it is are the baseline, and a
// diagnostic of the rewritten program that the baseline does not have (same file, code and message, as a
// multiset: line numbers move with the rewrite) is new. Each new one is traced to the handler it is about (inside
// its route call, its definition, the input schemas declared beside it, its interface member); that handler stays
// legacy and the plan is made again. Anything not traced, or still failing after a few rounds, keeps every such
// handler legacy (today's result). Apps without a tsconfig.json or without typescript installed keep today's result.
//
// The app has not installed `migrate-api` yet (the migration adds it to package.json), and maybe not zod: those
// two resolve to this tool's own (`dist/compat/index.d.ts`, its zod), as they will once installed; what they in
// turn import (zod, express: peers) resolves from the app first, as an installed copy would.
// TypeScript is loaded from the app only, and only when a TS handler is typed: never a dependency of the runtime.
// The rounds (plan, rewrite, check, keep legacy what tsc rejects) are codemods/typed-rewrite-check.ts.
// With the cache (codemods/cache/), each check's answer is kept under the hash of every file its program holds
// (the app's, its node_modules' declarations, TypeScript's libs) and the options: a run over the same tree (a
// `--dry` and then the real run) builds the programs (parsing) and checks nothing.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type * as TS from 'typescript';
import { appTsConfig } from './app-tsconfig.js';
import { ownPackage } from './own-package.js';

/** A TS handler the typed rewrite types, whose typed code the app's tsc may reject: a definition away from its
 *  route (codemods/handler-definitions.ts) or an inline route handler (`inline`: typed where the route is). */
export interface TypeCheckCandidate {
  /** The planner's key of the definition or route call (file + position). */
  key: string;
  /** The file defining it. */
  file: string;
  /** On disk (1-based): the line of its definition, or of its route call when inline; what a refusal cites. */
  line: number;
  /** The names it goes by (declaration, method or property, what routes reach it through); none inline. */
  names: string[];
  /** The routes using it: their file, verb, handler argument as written and path as written (null: computed). */
  routes: Array<{ file: string; method: string; handler: string; path?: string | null; line?: number }>;
  /** Kept legacy by MA003's guard on what it sends unless the app's tsc accepts it (counted apart in the report). */
  guarded?: true;
  inline?: true;
}

export interface NewError {
  file: string;
  /** In the rewritten text (1-based), and the offset there. */
  line: number;
  start: number;
  code: number;
  /** On one line (a report row, a TODO comment): its head and its last link. */
  message: string;
  /** tsc's message chain, outermost first: each link's text and code (codemods/tsc-reason.ts reads them). */
  chain: Array<{ code: number; text: string }>;
}

/** A new error traced to a candidate: where, in the files as they are on disk, it was traced to (the route call
 *  whose handler argument it stands in, or the handler's definition), since its own line is in a rewrite never written. */
export interface Traced {
  candidate: TypeCheckCandidate;
  file: string;
  line: number;
  site: 'route' | 'definition';
}

export interface AppTscChecker {
  /** `typescript`'s version, for messages. */
  version: string;
  /** The diagnostics the rewritten program has that the app's own does not. */
  newErrors(writes: ReadonlyArray<{ file: string; after: string }>): NewError[];
  /** Which candidates a new error is about, by where it stands in the rewritten program; empty: none found. */
  attribute(error: NewError, candidates: readonly TypeCheckCandidate[]): Traced[];
}

/** A handler's key across rounds: the file and position of its definition, or of its route call when inline. */
export function candidateKey(file: string, at: { line: number; col?: number }): string {
  return `${file}\0${at.line}:${at.col}`;
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);

/** The cache's whole-project memo (codemods/cache/cached-steps.ts): `inputs` is hashed into the key. */
type Memo = <T>(kind: string, file: string, inputs: string, compute: () => T) => T;

/** The app's TypeScript and config, with its baseline diagnostics; null when the app has no tsconfig.json or no
 *  typescript installed (nothing to ask: today's result stands). */
export function appTscChecker(root: string, memo?: Memo): AppTscChecker | null {
  const app = appTsConfig(root);
  if (!app) return null;
  const { ts, file: tsconfig, parsed } = app;
  const options = { ...parsed.options, noEmit: true };
  const own = ownPackage()?.root ?? null;
  const compatTypes = own ? join(own, 'dist', 'compat', 'index.d.ts') : null;
  const probeInApp = join(root, '__migrate_api_probe__.ts');
  const probeInTool = own ? join(own, '__migrate_api_probe__.ts') : null;

  let overlay = new Map<string, string>();
  const sources = new Map<string, { text: string; sf: TS.SourceFile }>();
  const host = ts.createCompilerHost(options, true);
  const baseRead = host.readFile.bind(host);
  const baseExists = host.fileExists.bind(host);
  host.readFile = (f) => overlay.get(resolve(f)) ?? baseRead(f);
  host.fileExists = (f) => overlay.has(resolve(f)) || baseExists(f);
  host.getSourceFile = (f, languageVersion) => {
    const text = host.readFile(f);
    if (text === undefined) return undefined;
    const hit = sources.get(f);
    if (hit && hit.text === text) return hit.sf;
    const sf = ts.createSourceFile(f, text, languageVersion, true);
    sources.set(f, { text, sf });
    return sf;
  };
  const resolveOne = (name: string, containing: string, mode: TS.ResolutionMode, redirected?: TS.ResolvedProjectReference): TS.ResolvedModuleWithFailedLookupLocations => {
    const bare = !name.startsWith('.') && !name.startsWith('/');
    // Peers of the tool's own types (zod, express) resolve from the app first, as an installed copy's would.
    if (bare && own && resolve(containing).startsWith(own + sep)) {
      const fromApp = ts.resolveModuleName(name, probeInApp, options, host, undefined, redirected, mode);
      if (fromApp.resolvedModule) return fromApp;
    }
    const r = ts.resolveModuleName(name, containing, options, host, undefined, redirected, mode);
    if (r.resolvedModule || !bare) return r;
    if ((name === 'migrate-api/compat' || name === 'migrate-api') && compatTypes && existsSync(compatTypes)) {
      return { resolvedModule: { resolvedFileName: compatTypes, extension: ts.Extension.Dts, isExternalLibraryImport: true } };
    }
    if ((name === 'zod' || name.startsWith('zod/')) && probeInTool) return ts.resolveModuleName(name, probeInTool, options, host, undefined, redirected, mode);
    return r;
  };
  host.resolveModuleNameLiterals = (literals, containing, redirected, _opts, containingFile) =>
    literals.map((lit) => resolveOne(lit.text, containing, ts.getModeForUsageLocation(containingFile, lit, options), redirected));

  const keyOf = (d: TS.Diagnostic) => `${d.file ? relative(root, d.file.fileName) : ''}\0${d.code}\0${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  const diagnosticsOf = (p: TS.Program) => ts.getPreEmitDiagnostics(p).filter((d) => d.category === ts.DiagnosticCategory.Error);
  // What a program's diagnostics are a function of: TypeScript's version, the options, every file it holds.
  const inputsOf = (p: TS.Program, also = '') => {
    const h = createHash('sha1').update(`${ts.version}\0${JSON.stringify(options)}\0${JSON.stringify(parsed.fileNames)}\0${also}`);
    for (const sf of p.getSourceFiles()) h.update(`\0${sf.fileName}\0`).update(sf.text);
    return h.digest('hex');
  };
  const baseline = ts.createProgram({ rootNames: parsed.fileNames, options, host, projectReferences: parsed.projectReferences });
  const baselineInputs = memo ? inputsOf(baseline) : '';
  const before = new Map<string, number>();
  const baselineKeys = memo ? memo('tsc-baseline', tsconfig, baselineInputs, () => diagnosticsOf(baseline).map(keyOf)) : diagnosticsOf(baseline).map(keyOf);
  for (const k of baselineKeys) before.set(k, (before.get(k) ?? 0) + 1);
  let last: TS.Program = baseline;
  // One cache entry per round (an entry per kind and file): a later run asks the same rounds in the same order.
  let round = 0;

  return {
    version: ts.version,
    newErrors(writes) {
      overlay = new Map(writes.map((w) => [resolve(w.file), w.after]));
      // New TS files the rewrite adds (the schemas module) are in the program through their importers.
      const program = ts.createProgram({ rootNames: parsed.fileNames, options, host, oldProgram: last, projectReferences: parsed.projectReferences });
      last = program;
      const check = () => {
        const left = new Map(before);
        const out: NewError[] = [];
        for (const d of diagnosticsOf(program)) {
          const k = keyOf(d);
          const n = left.get(k) ?? 0;
          if (n > 0) { left.set(k, n - 1); continue; }
          const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
          out.push({ file: d.file?.fileName ?? '', line, start: d.start ?? -1, code: d.code, message: oneLine(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
            chain: chainOf(d.messageText, d.code) });
        }
        return out;
      };
      // The new errors depend on the rewritten program and on the baseline (the originals of the rewritten files).
      return memo ? memo(`tsc-rewrite-${round++}`, tsconfig, inputsOf(program, baselineInputs), check) : check();
    },
    attribute(error, candidates) {
      const start = error.start;
      const sf = error.file ? last.getSourceFile(error.file) : undefined;
      if (!sf || start < 0) return [];
      let node: TS.Node | undefined = innermost(ts, sf, start);
      const file = resolve(error.file);
      for (; node; node = node.parent) {
        // Inside a route call whose handler argument is a candidate's.
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && VERBS.has(node.expression.name.text)) {
          const last = node.arguments[node.arguments.length - 1];
          const text = last ? last.getText(sf) : '';
          const verb = node.expression.name.text;
          const at = (r: TypeCheckCandidate['routes'][number]) => resolve(r.file) === file && r.method === verb && text !== '' && unwrapped(r.handler).includes(text);
          const hits = candidates.filter((c) => !c.inline && c.routes.some(at));
          if (hits.length) return hits.map((c) => ({ candidate: c, ...routeSite(c, c.routes.find(at)!) }));
          const inline = inlineAt(ts, node, sf, file, candidates);
          if (inline.length) return inline.map((c) => ({ candidate: c, ...routeSite(c, c.routes[0]!) }));
        }
        const name = declaredName(ts, node, sf);
        if (name) {
          const hits = candidates.filter((c) => (resolve(c.file) === file && (c.names.includes(name) || c.names.some((n) => name.startsWith(`${n}Input`))))
            || (ts.isPropertySignature(node!) && c.names.includes(name)));
          if (hits.length) return hits.map((c) => ({ candidate: c, file: c.file, line: c.line, site: 'definition' as const }));
        }
      }
      return [];
    },
  };
}

/** A route of a candidate as a place to cite: its route call's line on disk (the definition's when unknown). */
function routeSite(c: TypeCheckCandidate, r: TypeCheckCandidate['routes'][number]): Omit<Traced, 'candidate'> {
  return r.line !== undefined ? { file: r.file, line: r.line, site: 'route' } : { file: c.file, line: c.line, site: 'definition' };
}

/** A diagnostic's message chain, outermost first, following the first elaboration at each level (the one
 *  `flattenDiagnosticMessageText` prints first). */
function chainOf(text: string | TS.DiagnosticMessageChain, code: number): NewError['chain'] {
  const out: NewError['chain'] = [];
  for (let link: TS.DiagnosticMessageChain | undefined = typeof text === 'string' ? undefined : text; link; link = link.next?.[0]) {
    out.push({ code: link.code, text: link.messageText });
  }
  return typeof text === 'string' ? [{ code, text }] : out;
}

/** The inline candidates a route call of the rewritten program is: same file and verb, and the same path literal
 *  (`router.get('/x', ...)`, `router.route('/x').get(...)`); else the one such route of the file whose path is not
 *  a literal. Line numbers move with the rewrite, so they do not tell. */
function inlineAt(ts: typeof TS, call: TS.CallExpression, sf: TS.SourceFile, file: string, candidates: readonly TypeCheckCandidate[]): TypeCheckCandidate[] {
  const callee = call.expression as TS.PropertyAccessExpression;
  const verb = callee.name.text;
  const here = candidates.filter((c) => c.inline && c.routes.some((r) => resolve(r.file) === file && r.method === verb));
  const pathArg = call.arguments[0] && ts.isStringLiteralLike(call.arguments[0]) ? call.arguments[0]
    : ts.isCallExpression(callee.expression) && ts.isPropertyAccessExpression(callee.expression.expression)
      && callee.expression.expression.name.text === 'route' && callee.expression.arguments[0] && ts.isStringLiteralLike(callee.expression.arguments[0])
      ? callee.expression.arguments[0] : undefined;
  if (pathArg) {
    const same = here.filter((c) => c.routes.some((r) => r.path === pathArg.text));
    if (same.length) return same;
  }
  const computed = here.filter((c) => c.routes.some((r) => r.path == null || !sf.text.includes(JSON.stringify(r.path).slice(1, -1))));
  return computed.length === 1 ? computed : [];
}

/** A route's handler argument as written, and without each wrapper call around it (`asyncHandler(ctrl.list)`),
 *  which the route drops once the handler is typed. */
function unwrapped(handler: string): string[] {
  const out = [handler.trim()];
  for (let m = /^[\w$.]+\(([\s\S]*)\)$/.exec(out[0]!); m; m = /^[\w$.]+\(([\s\S]*)\)$/.exec(out[out.length - 1]!)) out.push(m[1]!.trim());
  return out;
}

/** A message chain on one line (a TODO comment, a report row): its head, shortened, and its last link, which
 *  names the types that do not fit (`Type 'null' is not assignable to type ...`). */
function oneLine(chain: string): string {
  const lines = chain.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = lines[0] ?? '';
  const short = head.length > 200 ? `${head.slice(0, 197)}...` : head;
  return lines.length > 1 ? `${short} ... ${lines[lines.length - 1]}` : short;
}

/** The deepest node of `sf` holding `pos`. */
function innermost(ts: typeof TS, sf: TS.SourceFile, pos: number): TS.Node {
  let cur: TS.Node = sf;
  for (;;) {
    const next: TS.Node | undefined = ts.forEachChild(cur, (c) => (c.getStart(sf) <= pos && pos < c.getEnd() ? c : undefined));
    if (!next) return cur;
    cur = next;
  }
}

/** The name a function, method, property or variable declaration declares. */
function declaredName(ts: typeof TS, n: TS.Node, sf: TS.SourceFile): string | null {
  if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isPropertyDeclaration(n) || ts.isPropertySignature(n)
    || ts.isMethodSignature(n) || ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n)) && n.name && ts.isIdentifier(n.name)) return n.name.getText(sf);
  return null;
}
