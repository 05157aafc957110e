// The migration pipeline, one pass to understand the whole tree before any file is touched
// (bump-pydantic's order): scan routes + read docs -> match -> emit zod -> plan per file -> rewrite.
// Nothing here writes; the CLI decides whether to write, diff or report.
//
// Per-file work (parse + scan + doc blocks, then the rewrite) can run in worker threads (opt-in: since the
// rewrite splices text instead of reprinting with recast, a worker's start-up, JIT warm-up and message copies
// cost more than the second core gives on the 2-core machines measured, bench/RESULTS.md); linking, matching
// and planning stay here, in file order, so the result is the same as the in-process path byte for byte.
import { dirname, relative, resolve, sep } from 'node:path';
import type { Diagnostic, RuleId, SourceLocation } from './diagnostics.js';
import type { FilePlan, MatchedRoute, RouteReport } from './plan.js';
import { analyzeProject, packageRoot, type Analysis } from './analyze.js';
import { isFile, isTestFile, listSourceFiles } from './scan/index.js';
import { relativeImportStyle, tsconfigImportStyle } from './scan/import-style.js';
import { RULES } from './rules/index.js';
import { forgetStatusPackages } from './rules/status-constants.js';
import { componentResolver, coveredValidators, enforcedErrorShape } from './rules/ma004-validators-to-spec.js';
import { hookSource } from './validators/error-shape.js';
import { removeCoveredValidators } from './validators/remove-covered.js';
import type { RouteValidators } from './validators/route-validators.js';
import { API_DOCS_EXPORT, appFiles, appOptionsSource, docsPathsFor, documentIdentity, infoOptions } from './app-plan.js';
import { docCommentReaders } from './scan/swagger-jsdoc.js';
import { summarize, type MigrationReport, type ReportFile } from './report.js';
import { alreadyMigrated } from './migrate-tasks.js';
import { envWorkers, makeRunner, type Runner } from './migrate-runner.js';
import { importSpecifier, projectFormat, schemasModulePath } from './module-paths.js';
import { mountingRouters, planFile, type PlanContext } from './plan-file.js';
import { planSchemasModule } from './schemas-module-plan.js';
import { packageJsonChange } from './package-json-change.js';
import { zodModuleFor } from './zod-import.js';
import { planChainRepliers } from './chain-repliers.js';
import { planHandlerDefinitions } from './handler-definitions.js';
import { sendHelperFinder } from './send-helpers.js';
import { parsedFileReader } from './parsed-files.js';
import { cachedSteps, type CachedSteps } from './cache/cached-steps.js';
import { cacheFolder } from './cache/cache-dir.js';
import { FileCache, type CacheStats } from './cache/file-cache.js';
import { collectGarbageSettled } from './collect-garbage.js';
import { appTscChecker, candidateKey, type TypeCheckCandidate } from './tsc-checker.js';
import { inlineTypeCheckCandidates, withTypedRewriteChecked } from './typed-rewrite-check.js';
import { abandonRecording } from './cache/input-recorder.js';

export interface MigrateOptions {
  /** Extra spec files (swagger.yaml, openapi.json) to read besides those found in the tree. */
  specs?: string[];
  /** Where the schemas module goes (default: <root>/api-schemas.<ext>). */
  schemasPath?: string;
  validation?: 'report' | 'enforce';
  /** Rule ids to run (default: all). */
  only?: RuleId[];
  disable?: RuleId[];
  /** Analyse and rewrite test files too (`--include-tests`); by default they are left out. */
  includeTests?: boolean;
  /** Called after each file is planned/rewritten, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Put the docs <-> code drift findings of the same analysis in the report (`--report`). */
  drift?: boolean;
  /** Worker threads for the per-file work; 0 (the default, or MIGRATE_API_WORKERS) runs everything in-process.
   *  The output is the same either way. */
  workers?: number;
  /** Reuse per-file results of earlier runs (codemods/cache/): the CLI's default, off for `--no-cache`. */
  cache?: boolean;
  /** Where the cache lives (`--cache-location`); default `<package>/node_modules/.cache/migrate-api`. */
  cacheLocation?: string;
  /** The caller writes what the run rewrites (the CLI without --dry): those files get no cache entry. */
  cacheWrites?: boolean;
}

export interface PlannedWrite {
  file: string;
  before: string | null;
  after: string;
}

export interface MigrationResult {
  report: MigrationReport;
  /** Every file the migration would write, with its old and new text (old null for new files). */
  writes: PlannedWrite[];
  /** With `cache`: `finish` waits for the cache's writes. */
  cache?: { dir: string; stats: CacheStats; finish: CachedSteps['finish'] };
}

/**
 * Migrates `targetArg`, a folder or one file. The package around it is analysed too (a router's mount prefix,
 * the app, doc blocks and schemas may live outside the target; tests and specs are left out), so a part of an
 * app migrates exactly as it would with the whole; only files inside the target are rewritten.
 */
export async function migrateProject(targetArg: string, opts: MigrateOptions = {}): Promise<MigrationResult> {
  const started = Date.now();
  forgetStatusPackages();
  const target = resolve(targetArg);
  const targetDir = isFile(target) ? dirname(target) : target;
  const root = packageRoot(targetDir) ?? targetDir;
  const inTarget = (f: string) => f === target || f.startsWith(target + sep);
  // Test files are left out of the analysis and never rewritten, unless asked (--include-tests) or named:
  // inside the target they are judged from the target (`migrate-api test/fixtures/app` migrates that app).
  const isTest = (f: string) => f !== target && isTestFile(relative(inTarget(f) ? targetDir : root, f));
  const sourceFiles = listSourceFiles(root).filter((f) => opts.includeTests || !isTest(f));
  const size = opts.workers ?? envWorkers() ?? 0;
  const { runner: plain, close } = makeRunner(size);
  const cacheDir = cacheFolder(opts, root);
  const cached = cacheDir ? cachedSteps(new FileCache(cacheDir), plain, size <= 0, opts.cacheWrites) : null;
  try {
    const result = await migrateWith({ root, target, targetDir, inTarget }, sourceFiles, cached ?? plain, opts, started);
    if (!cached) return result;
    return { ...result, cache: { dir: cacheDir!, stats: cached.cache.stats, finish: cached.finish } };
  } finally {
    await close();
  }
}


interface Scope {
  /** The package the target belongs to: what is analysed. */
  root: string;
  /** What the user asked to migrate: what is rewritten and reported. */
  target: string;
  /** The target itself, or the folder of a one-file target: report paths are relative to it. */
  targetDir: string;
  inTarget: (file: string) => boolean;
}

/** Trees from this size wait for V8's background compiles before the post-planning collection (collect-garbage.ts);
 *  smaller ones, whose analysis is small, do not. */
const SETTLE_FROM_FILES = 500;

async function migrateWith(scope: Scope, sourceFiles: string[], runner: Runner, opts: MigrateOptions, started: number): Promise<MigrationResult> {
  const planned = await planWith(scope, sourceFiles, runner, opts);
  await collectGarbageSettled(sourceFiles.length >= SETTLE_FROM_FILES);
  // Only where a TS handler is typed, or could be once the app's tsc accepts it: the rest pay nothing.
  if (planned.typeCheckCandidates.length) {
    // This run rewrites (a typed route is not migrated yet), so it is never one the run record replays: its
    // recording stops here rather than wrap every read TypeScript makes (cache/input-recorder.ts).
    abandonRecording();
    const rel = (f: string) => relative(scope.targetDir, f).split(sep).join('/') || f;
    // No tsconfig.json or no typescript in the app: nothing can judge the plan, which stands.
    const checker = appTscChecker(scope.root, runner.memo);
    if (checker) return withTypedRewriteChecked(scope.root, checker, {
      plan: (refused) => planWith(scope, sourceFiles, runner, opts, { lift: true, refused }),
      candidates: (plan) => plan.typeCheckCandidates,
      rewrite: (plan) => rewriteWith(scope, plan, runner, opts, started),
      writes: (result) => result.writes,
      routes: (result) => result.report.routes,
      reportPath: rel,
      diagnostics: (result) => result.report.diagnostics,
    });
  }
  return rewriteWith(scope, planned, runner, opts, started);
}

/** What the rewrite and the report need of the plan. The analysis itself (every file's scan, the docs, the
 *  matches) stays behind in planWith, so it is garbage before the rewrite allocates: the rewrite's promoted
 *  garbage piles up on top of what is live (bench/RESULTS.md, Migration), and the analysis was most of that. */
interface Planned {
  rules: Set<RuleId>;
  validation: 'report' | 'enforce';
  files: string[];
  plans: FilePlan[];
  planDiagnostics: Diagnostic[][];
  diagnostics: Diagnostic[];
  writes: PlannedWrite[];
  /** The target's files that have nothing to plan (report entries). */
  unplanned: ReportFile[];
  /** Kept only where enforce removes covered validators after the rewrite (MA004). */
  validators?: RouteValidators;
  schemasFile: string;
  usesSchemas: boolean;
  docsPaths?: MigrationReport['docsPaths'];
  docSources: MigrationReport['docSources'];
  docsWithoutRoute: MigrationReport['docsWithoutRoute'];
  drift?: MigrationReport['drift'];
  /** TS handlers typed, or kept legacy only for the types of what they send (typed with `lift`), for the app's tsc
   *  to judge (codemods/typed-rewrite-check.ts). */
  typeCheckCandidates: TypeCheckCandidate[];
}

/** `lift`: type the handlers the body-types guard refuses; `refused`: the app's tsc's verdicts, kept legacy. */
interface TypeChecks { lift: boolean; refused: ReadonlyMap<string, string> }

async function planWith({ root, target, targetDir, inTarget }: Scope, sourceFiles: string[], runner: Runner, opts: MigrateOptions,
  typeCheckOptions: TypeChecks = { lift: false, refused: new Map() }): Promise<Planned> {
  const typeChecks = { ...typeCheckOptions, candidates: [] as TypeCheckCandidate[] };
  const rel = (f: string) => relative(targetDir, f).split(sep).join('/') || f;
  const rules = enabledRules(opts);
  const validation = opts.validation ?? 'report';
  const diagnostics: Diagnostic[] = [];

  // 1-3. Scan routes, read docs, match them: the whole tree is understood before anything is rewritten.
  const analysis = await analyzeProject(root, { specs: opts.specs, files: sourceFiles, analyzeFile: runner.analyze });
  const { scan, docs, match, docSources, diagnostics: found } = analysis;
  diagnostics.push(...found);
  // What the report lists is what the target owns: its own files, and spec files (they document the whole app).
  const sourceSet = new Set(scan.files);
  const reported = (file: string) => inTarget(file) || !sourceSet.has(file);
  // The drift check loads only for a report, and reads the same analysis (the same matches) as the migration.
  const drift = opts.drift
    ? (await import('./check/index.js')).driftOf(analysis)
      .map((f) => ({ ...f, abs: resolve(root, f.file) })).filter((f) => reported(f.abs)).map(({ abs, ...f }) => ({ ...f, file: rel(abs) }))
    : undefined;

  // 4. Zod: one module of named schemas, inline specs per route.
  const format = projectFormat(scan.routes.map((r) => r.file), (f) => analysis.textFacts.get(f)?.esm ?? false);
  const schemasFile = opts.schemasPath ? resolve(opts.schemasPath) : schemasModulePath(scan, format, { root, target, inTarget });
  // zod 4 in the migrated code, whichever zod the app has: `zod`, or `zod/v4` in an app on zod 3.25.
  const zodModule = zodModuleFor(root);
  const apps = rules.has('MA001') ? appFiles(scan) : new Set<string>();
  const module = rules.has('MA002') && (Object.keys(docs.schemas).length > 0 || docs.operations.length > 0)
    ? planSchemasModule(root, docs, { schemasFile, format, zodModule, hasApp: rules.has('MA001') && scan.routers.some((r) => r.kind === 'app'), unrouted: match.unmatchedDocs, memo: runner.memo })
    : null;
  diagnostics.push(...module?.diagnostics ?? []);
  const writes: PlannedWrite[] = module?.write ? [{ file: schemasFile, ...module.write }] : [];
  const exportsByRef = module?.exportsByRef ?? new Map<string, { request: string; response: string }>();
  const apiDocs = module?.apiDocs ?? null;
  const docsPaths = docsPathsFor(scan);
  // Comments a swagger-jsdoc call of the app still reads at run time stay (scan/swagger-jsdoc.ts).
  const readers = docCommentReaders(root, sourceFiles, (f) => analysis.textFacts.get(f)?.docReader ?? false);
  const keepDocComments = (file: string) => readers.covers(file);
  const kept = docs.operations.find((o) => o.comment && inTarget(o.at.file) && keepDocComments(o.at.file));
  if (kept) {
    const call = readers.calls[0]!;
    diagnostics.push({ code: 'docs-kept', severity: 'info', rule: 'MA002', message: `doc comments kept: the app builds docs from them with swagger-jsdoc (${rel(call.file)}:${call.line}); remove them once it serves the generated /openapi.json` });
  }
  const enforcedShape = validation === 'enforce' && rules.has('MA004') && analysis.validators ? enforcedErrorShape(analysis.validators) : undefined;
  const appOptions = {
    optionsSource: appOptionsSource({
      validation, docsPaths, apiDocs: apiDocs !== null,
      ...(enforcedShape ? { onValidationError: hookSource(enforcedShape) } : {}),
      ...documentIdentity(root, docs),
      ...infoOptions(docs),
    }),
    uses: apiDocs ? [API_DOCS_EXPORT] : [],
  };

  // 5. Plan and rewrite each file that registers routes.
  const byFile = new Map<string, MatchedRoute[]>();
  for (const m of match.matched) byFile.set(m.route.file, [...(byFile.get(m.route.file) ?? []), m]);
  const mounting = rules.has('MA001') ? mountingRouters(scan) : new Map<string, SourceLocation[]>();
  const files = [...new Set([...byFile.keys(), ...apps, ...mounting.keys()])].filter(inTarget).sort();
  const importStyle = relativeImportStyle([...new Set([...files, ...scan.files])], (f) => analysis.textFacts.get(f)?.imports) ?? (format === 'ts' ? tsconfigImportStyle(root) : null);
  // Planning is cheap, so it all happens here first; each file's spec diagnostics wait for its rewrite's, to
  // keep the in-process order (plan 1, rewrite 1, plan 2, ...).
  const planDiagnostics = files.map((): Diagnostic[] => []);
  // One reader for every planning step that follows code into other files: each file is parsed once among them.
  const base = { validation, rules, schemasFile, format, zodModule, importStyle, exportsByRef, keepDocComments, parsed: parsedFileReader() };
  const plans = files.map((file, i) => planFile(file, byFile.get(file) ?? [], {
    ...base, diagnostics: planDiagnostics[i]!,
    validators: rules.has('MA004') ? analysis.validators : undefined,
    resolveRef: componentResolver(docs.schemas),
    app: apps.has(file) ? appOptions : undefined,
    mountingRouters: mounting.get(file),
  }));
  diagnostics.push(...planAcrossFiles(root, analysis, inTarget, { files, plans, planDiagnostics }, base, typeChecks));
  const writtenPaths = new Map(scan.routes.map((r) => [candidateKey(r.file, r.at), r.path]));
  typeChecks.candidates.push(...inlineTypeCheckCandidates(plans, typeChecks.refused, (key) => writtenPaths.get(key) ?? null));
  const planned = new Set(files);
  return {
    rules, validation, files, plans, planDiagnostics, diagnostics, writes, schemasFile, usesSchemas: module?.usesSchemas ?? false,
    unplanned: scan.files.filter((f) => inTarget(f) && !planned.has(f)).map((f) => ({ file: rel(f), changed: false, routes: 0 })),
    ...(validation === 'enforce' && rules.has('MA004') && analysis.validators ? { validators: analysis.validators } : {}),
    docsPaths: apps.size ? docsPaths : undefined,
    docSources: docSources.map((d) => ({ ...d, file: rel(d.file) })),
    docsWithoutRoute: match.unmatchedDocs.filter((d) => reported(d.at.file)).map((d) => ({ method: d.method, path: d.path, file: rel(d.at.file), line: d.at.line })),
    ...(drift ? { drift } : {}),
    typeCheckCandidates: typeChecks.candidates,
  };
}

/**
 * The plans decided across files, after each file's own: a chain function defined elsewhere that replies then calls
 * next() (MA001), handlers defined in another file (MA003: a controller file gets a plan of its own, appended to
 * `files`/`plans`), the send helpers a typed handler may call. Returns their diagnostics.
 */
function planAcrossFiles(root: string, analysis: Analysis, inTarget: (file: string) => boolean,
  { files, plans, planDiagnostics }: { files: string[]; plans: FilePlan[]; planDiagnostics: Diagnostic[][] },
  base: Omit<PlanContext, 'diagnostics'>, typeChecks?: TypeChecks & { candidates: TypeCheckCandidate[] }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const sourceSet = new Set(analysis.scan.files);
  // A chain function defined elsewhere that replies then calls next() is the handler (before MA003 plans the last).
  const followed = base.parsed;
  if (base.rules.has('MA001')) planChainRepliers({ scans: analysis.scans, plans, parsed: followed });
  // MA003 for handlers defined elsewhere: decided across files, so a controller file gets a plan of its own.
  const sendHelpers = base.rules.has('MA003') ? sendHelperFinder(analysis.scans, followed) : null;
  if (base.rules.has('MA003')) {
    diagnostics.push(...planHandlerDefinitions({
      root, scans: analysis.scans, routes: analysis.scan.routes, plans, inTarget, sendHelpers: sendHelpers!, parsed: followed,
      schemasFrom: (file) => importSpecifier(file, base.schemasFile, base.format, base.importStyle),
      specifier: (from, to) => importSpecifier(from, to, base.format, base.importStyle),
      testFiles: listSourceFiles(root).filter((f) => !sourceSet.has(f)),
      ...(typeChecks ? { typeChecks } : {}),
      planFor: (file) => {
        const at = files.indexOf(file);
        if (at >= 0) return plans[at]!;
        if (!inTarget(file)) return null;
        files.push(file);
        planDiagnostics.push([]);
        plans.push(planFile(file, [], { ...base, diagnostics: planDiagnostics[planDiagnostics.length - 1]! }));
        return plans[plans.length - 1]!;
      },
    }));
  }
  // Only where MA003 may type a handler (a route or a definition in the file): the others need no second parse.
  if (sendHelpers) {
    for (const plan of plans) {
      if (!plan.routes.length && !plan.definitions?.length) continue;
      const found = sendHelpers(plan.file);
      if (Object.keys(found).length) plan.sendHelpers = found;
    }
  }
  return diagnostics;
}

async function rewriteWith({ root, target, targetDir, inTarget }: Scope, planned: Planned, runner: Runner, opts: MigrateOptions, started: number): Promise<MigrationResult> {
  const rel = (f: string) => relative(targetDir, f).split(sep).join('/') || f;
  const { rules, validation, files, plans, planDiagnostics, diagnostics, writes, validators, schemasFile } = planned;
  const reportFiles: ReportFile[] = [];
  const routes: RouteReport[] = [];
  let done = 0;
  const rewritten = await Promise.all(plans.map((plan) => {
    const known = alreadyMigrated(plan);
    return (known ? Promise.resolve(known) : runner.rewrite(plan)).then((r) => { opts.onProgress?.(++done, files.length); return r; });
  }));
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    const { result, before, changed } = rewritten[i]!;
    diagnostics.push(...planDiagnostics[i]!, ...result.diagnostics);
    routes.push(...result.routes.map((r) => ({ ...r, file: rel(r.file) })));
    const skipped = result.diagnostics.find((d) => d.severity === 'error' && d.code === 'parse-error');
    reportFiles.push({ file: rel(file), changed, routes: plans[i]!.routes.length, skipped: skipped?.message });
    // Enforce: a validator whose rules are all in the spec leaves the chain (MA004); report keeps it.
    if (changed && validation === 'enforce' && rules.has('MA004') && validators) {
      result.output = removeCoveredValidators(result.output!, file, coveredValidators(validators, file)).source;
    }
    if (changed) writes.push({ file, before: before!, after: result.output! });
  }
  reportFiles.push(...planned.unplanned);
  reportFiles.sort((a, b) => a.file.localeCompare(b.file));

  // 6. The app needs the runtime and zod once anything imports them.
  if (writes.length > 0) {
    const pkg = packageJsonChange(root);
    if (pkg) writes.push(pkg);
  }

  const base: Omit<MigrationReport, 'summary'> = {
    tool: 'migrate-api',
    root: target,
    date: new Date().toISOString(),
    durationMs: Date.now() - started,
    dry: false,
    validation,
    schemasModule: planned.usesSchemas ? rel(schemasFile) : null,
    docsPaths: planned.docsPaths,
    files: reportFiles,
    routes,
    docSources: planned.docSources,
    docsWithoutRoute: planned.docsWithoutRoute,
    // The rest of the package was read to understand the target; what is wrong there is not this run's to report.
    ...(planned.drift ? { drift: planned.drift } : {}),
    diagnostics: diagnostics.filter((d) => !d.at || inTarget(d.at.file) || d.at.file === schemasFile || !d.at.file.startsWith(root + sep))
      .map((d) => (d.at ? { ...d, at: { ...d.at, file: rel(d.at.file) } } : d)),
  };
  return { report: { ...base, summary: summarize(base) }, writes };
}

function enabledRules(opts: MigrateOptions): Set<RuleId> {
  const all = RULES.map((r) => r.id);
  const only = opts.only?.length ? new Set(opts.only) : null;
  return new Set(all.filter((id) => (!only || only.has(id)) && !opts.disable?.includes(id)));
}

