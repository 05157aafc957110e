// The migration pipeline, one pass to understand the whole tree before any file is touched
// (bump-pydantic's order): scan routes + read docs -> match -> emit zod -> plan per file -> rewrite.
// Nothing here writes; the CLI decides whether to write, diff or report.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, RuleId } from './diagnostics.js';
import type { FilePlan, FileResult, MatchedRoute, RoutePlan, RouteReport } from './plan.js';
import { analyzeProject, packageRoot } from './analyze.js';
import { emitSchemasModule } from './zod/module.js';
import { operationSpecSource } from './zod/operation-spec.js';
import { applyFilePlan, RULES } from './rules/index.js';
import { summarize, type MigrationReport, type ReportFile } from './report.js';

export interface MigrateOptions {
  /** Extra spec files (swagger.yaml, openapi.json) to read besides those found in the tree. */
  specs?: string[];
  /** Where the schemas module goes (default: <root>/api-schemas.<ext>). */
  schemasPath?: string;
  validation?: 'report' | 'enforce';
  /** Rule ids to run (default: all). */
  only?: RuleId[];
  disable?: RuleId[];
  /** Called after each file is planned/rewritten, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
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
}

type ModuleFormat = 'ts' | 'js' | 'cjs';

export async function migrateProject(rootArg: string, opts: MigrateOptions = {}): Promise<MigrationResult> {
  const started = Date.now();
  const root = resolve(rootArg);
  const rel = (f: string) => relative(root, f).split(sep).join('/') || f;
  const rules = enabledRules(opts);
  const validation = opts.validation ?? 'report';
  const diagnostics: Diagnostic[] = [];

  // 1-3. Scan routes, read docs, match them: the whole tree is understood before anything is rewritten.
  const { scan, docs, match, diagnostics: found } = await analyzeProject(root, { specs: opts.specs });
  diagnostics.push(...found);

  // 4. Zod: one module of named schemas, inline specs per route.
  const format = projectFormat(scan.routes.map((r) => r.file));
  const schemasFile = opts.schemasPath ? resolve(opts.schemasPath) : join(root, `api-schemas.${format === 'ts' ? 'ts' : format === 'cjs' ? 'cjs' : 'js'}`);
  const writes: PlannedWrite[] = [];
  let exportsByRef = new Map<string, { request: string; response: string }>();
  const usesSchemas = rules.has('MA002') && Object.keys(docs.schemas).length > 0;
  if (usesSchemas) {
    const emitted = emitSchemasModule(docs.schemas, { format, sourceFile: schemasFile });
    diagnostics.push(...emitted.diagnostics.map((d) => ({ ...d, rule: d.rule ?? ('MA002' as RuleId) })));
    exportsByRef = new Map(Object.entries(emitted.exports).map(([name, ids]) => [`#/components/schemas/${name}`, ids]));
    const before = existsSync(schemasFile) ? readFileSync(schemasFile, 'utf8') : null;
    if (before !== emitted.code) writes.push({ file: schemasFile, before, after: emitted.code });
  }

  // 5. Plan and rewrite each file that registers routes.
  const byFile = new Map<string, MatchedRoute[]>();
  for (const m of match.matched) byFile.set(m.route.file, [...(byFile.get(m.route.file) ?? []), m]);
  const reportFiles: ReportFile[] = [];
  const routes: RouteReport[] = [];
  const files = [...byFile.keys()].sort();
  let done = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const plan = planFile(file, byFile.get(file)!, { validation, rules, schemasFile, format, exportsByRef, diagnostics });
    let result: FileResult;
    try {
      result = applyFilePlan(source, plan);
    } catch (err) {
      // A rule that throws must never cost the user a file: report it, leave the file as it was.
      const message = (err as Error).message;
      result = {
        file, output: undefined,
        routes: plan.routes.map((r) => ({ file, line: r.at.line, method: r.method, path: r.fullPath, status: 'skipped', reason: `internal error: ${message}` })),
        diagnostics: [{ code: 'unsupported', severity: 'error', message: `rewrite failed, file left unchanged: ${message}`, at: { file, line: 1 } }],
      };
    }
    diagnostics.push(...result.diagnostics);
    routes.push(...result.routes.map((r) => ({ ...r, file: rel(r.file) })));
    const skipped = result.diagnostics.find((d) => d.severity === 'error' && d.code === 'parse-error');
    reportFiles.push({ file: rel(file), changed: result.output !== undefined && result.output !== source, routes: plan.routes.length, skipped: skipped?.message });
    if (result.output !== undefined && result.output !== source) writes.push({ file, before: source, after: result.output });
    opts.onProgress?.(++done, files.length);
  }
  for (const f of scan.files) if (!byFile.has(f)) reportFiles.push({ file: rel(f), changed: false, routes: 0 });
  reportFiles.sort((a, b) => a.file.localeCompare(b.file));

  // 6. The app needs the runtime and zod once anything imports them.
  if (writes.length > 0) {
    const pkg = packageJsonChange(root);
    if (pkg) writes.push(pkg);
  }

  const base: Omit<MigrationReport, 'summary'> = {
    tool: 'migrate-api',
    root,
    date: new Date().toISOString(),
    durationMs: Date.now() - started,
    dry: false,
    validation,
    schemasModule: usesSchemas ? rel(schemasFile) : null,
    files: reportFiles,
    routes,
    docsWithoutRoute: match.unmatchedDocs.map((d) => ({ method: d.method, path: d.path, file: rel(d.at.file), line: d.at.line })),
    diagnostics: diagnostics.map((d) => (d.at ? { ...d, at: { ...d.at, file: rel(d.at.file) } } : d)),
  };
  return { report: { ...base, summary: summarize(base) }, writes };
}

function enabledRules(opts: MigrateOptions): Set<RuleId> {
  const all = RULES.map((r) => r.id);
  const only = opts.only?.length ? new Set(opts.only) : null;
  return new Set(all.filter((id) => (!only || only.has(id)) && !opts.disable?.includes(id)));
}

interface PlanContext {
  validation: 'report' | 'enforce';
  rules: Set<RuleId>;
  schemasFile: string;
  format: ModuleFormat;
  exportsByRef: Map<string, { request: string; response: string }>;
  diagnostics: Diagnostic[];
}

function planFile(file: string, matched: MatchedRoute[], ctx: PlanContext): FilePlan {
  const used = new Set<string>();
  const routes: RoutePlan[] = matched.map(({ route, doc }) => {
    let specSource = '{}';
    if (doc && ctx.rules.has('MA002')) {
      const spec = operationSpecSource(doc.operation, {
        format: ctx.format,
        refName: (ref, variant) => ctx.exportsByRef.get(ref)?.[variant],
      });
      for (const d of spec.diagnostics) ctx.diagnostics.push({ ...d, at: d.at ?? doc.at, route: `${route.method.toUpperCase()} ${route.fullPath ?? route.path ?? '?'}` });
      for (const id of spec.usedRefs) used.add(id);
      specSource = spec.source;
    }
    return {
      at: route.at,
      method: route.method,
      fullPath: route.fullPath,
      specSource,
      documented: !!doc,
      docComment: doc?.comment && doc.at.file === file && ctx.rules.has('MA002')
        ? { startLine: doc.comment.startLine, endLine: doc.comment.endLine } : undefined,
    };
  });
  return {
    file,
    routes,
    schemaImports: used.size ? { names: [...used].sort(), from: importSpecifier(file, ctx.schemasFile, ctx.format) } : null,
    validation: ctx.validation,
    rules: ctx.rules,
  };
}

/** TS and ESM need the emitted extension (`./api-schemas.js`); CommonJS resolves either way. */
function importSpecifier(fromFile: string, toFile: string, format: ModuleFormat): string {
  let spec = relative(dirname(fromFile), toFile).split(sep).join('/');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  if (format === 'ts') spec = spec.replace(/\.ts$/, '.js');
  return spec;
}

/** The project's module style, from its route files: TS if any is TS, else CommonJS or ESM by majority. */
function projectFormat(files: string[]): ModuleFormat {
  if (files.some((f) => /\.[cm]?tsx?$/.test(f))) return 'ts';
  let cjs = 0;
  let esm = 0;
  for (const f of new Set(files)) {
    const ext = extname(f);
    if (ext === '.cjs') cjs++;
    else if (ext === '.mjs') esm++;
    else {
      const code = readFileSync(f, 'utf8');
      if (/^\s*import\s[^(]/m.test(code) || /^\s*export\s/m.test(code)) esm++;
      else cjs++;
    }
  }
  return esm > cjs ? 'js' : 'cjs';
}

/** Adds migrate-api and zod to the app's package.json dependencies when missing; never installs. */
function packageJsonChange(root: string): PlannedWrite | null {
  const dir = packageRoot(root);
  if (!dir) return null;
  const file = join(dir, 'package.json');
  const before = readFileSync(file, 'utf8');
  let pkg: { name?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
  try { pkg = JSON.parse(before); } catch { return null; }
  if (pkg.name === 'migrate-api') return null;
  const has = (name: string) => !!(pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? pkg.peerDependencies?.[name]);
  const missing = (['migrate-api', 'zod'] as const).filter((n) => !has(n));
  if (missing.length === 0) return null;
  const versions: Record<string, string> = { 'migrate-api': `^${ownVersion()}`, zod: '^4.1.0' };
  pkg.dependencies = { ...pkg.dependencies };
  for (const n of missing) pkg.dependencies[n] = versions[n];
  const indent = /^\{\n(\s+)"/.exec(before)?.[1] ?? '  ';
  return { file, before, after: JSON.stringify(pkg, null, indent) + (before.endsWith('\n') ? '\n' : '') };
}

function ownVersion(): string {
  const url = new URL('../package.json', import.meta.url);
  for (const candidate of [url, new URL('../../package.json', import.meta.url)]) {
    try {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8'));
      if (pkg.name === 'migrate-api') return pkg.version;
    } catch { /* try the next: dist/ sits one level deeper than the sources */ }
  }
  return '0.1.0';
}
