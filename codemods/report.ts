// The migration report: one record per route plus what was skipped and why, rendered as a terminal
// summary, JSON (for machines), Markdown (for a PR) and one self-contained HTML page (no external assets).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pc from 'picocolors';
import { formatDiagnostic, formatLocation, type Diagnostic } from './diagnostics.js';
import type { RouteReport } from './plan.js';
import { formatLegacyReason, legacyReasons, type LegacyReason } from './legacy-reasons.js';

export interface ReportFile {
  file: string;
  changed: boolean;
  routes: number;
  /** Why the file was left untouched although it has routes (parse error, rule failure). */
  skipped?: string;
}

export interface DriftFindingSummary {
  file: string;
  line: number;
  kind: string;
  route?: string;
  message: string;
  hint?: string;
}

export interface MigrationReport {
  tool: 'migrate-api';
  root: string;
  date: string;
  durationMs: number;
  dry: boolean;
  validation: 'report' | 'enforce';
  schemasModule: string | null;
  /** Where the migrated app serves its generated docs (moved under /migrate-api where the app had a route). */
  docsPaths?: { openapi: string; swagger: string; redoc: string };
  files: ReportFile[];
  routes: RouteReport[];
  docsWithoutRoute: Array<{ method: string; path: string; file: string; line: number }>;
  /** Every doc source read (file, style, how it was found, operations, base path applied). */
  docSources?: Array<{ file: string; style: string; via: string; operations: number; basePath?: string }>;
  diagnostics: Diagnostic[];
  /** What the last `check --run "<test cmd>"` found (codemods/check/last-run.ts), when one was made. */
  lastRun?: { date: string; command: string; exitCode: number; violations: number; findings: DriftFindingSummary[] };
  /** Drift findings from `migrate-api check`, shown beside the migration when available. */
  drift?: DriftFindingSummary[];
  summary: ReportSummary;
}

export interface ReportSummary {
  files: number;
  filesChanged: number;
  routes: number;
  typed: number;
  legacy: number;
  undocumented: number;
  skipped: number;
  docsWithoutRoute: number;
  errors: number;
  /** What is left to type: legacy routes counted by MA003's reason. */
  legacyReasons: LegacyReason[];
}

export function summarize(r: Omit<MigrationReport, 'summary'>): ReportSummary {
  const count = (s: RouteReport['status']) => r.routes.filter((x) => x.status === s).length;
  return {
    files: r.files.length,
    filesChanged: r.files.filter((f) => f.changed).length,
    routes: r.routes.length,
    typed: count('typed'),
    legacy: count('legacy'),
    undocumented: count('undocumented'),
    skipped: count('skipped'),
    docsWithoutRoute: r.docsWithoutRoute.length,
    errors: r.diagnostics.filter((d) => d.severity === 'error').length,
    legacyReasons: legacyReasons(r.routes),
  };
}

/** Doc diagnostics that mean a doc was not carried over: a block that does not parse, or one with no route under it. */
const SKIPPED_DOC = new Set(['yaml-parse', 'orphan-doc', 'doc-ignored']);

/** Exit 1: a route or a doc was left behind, or something failed; the summary lists which. */
export function somethingSkipped(r: MigrationReport): boolean {
  const s = r.summary;
  return s.skipped > 0 || s.errors > 0 || s.docsWithoutRoute > 0 || r.diagnostics.some((d) => SKIPPED_DOC.has(d.code));
}

/** The migrate command's exit code: 1 when something was skipped, a file could not be written or --dry would
 *  change files; else 0. */
export function migrateExitCode(r: MigrationReport, { writeFailures, dryWrites }: { writeFailures: number; dryWrites: number }): number {
  return somethingSkipped(r) || writeFailures > 0 || dryWrites > 0 ? 1 : 0;
}

const STATUS_COLOR: Record<string, (s: string) => string> = {
  typed: pc.green, legacy: pc.cyan, undocumented: pc.yellow, skipped: pc.red, unchanged: pc.dim,
};

/** The summary is read in a terminal: a list the size of the tree (a doc source per file, the same warning on a
 *  thousand routes) buries the counts above it, so each list shows its first entries and says how many it left
 *  out, the way the report files (which keep every entry) are there to be read in full. */
const LISTED = 10;
/** Diagnostics of one code beyond this many are counted, not printed; errors are always printed in full. */
const LISTED_PER_CODE = 10;
const EVERY_ONE = '--report <dir> lists every one';

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function capPerCode(diagnostics: Diagnostic[]): { shown: Diagnostic[]; more: Array<[string, number]> } {
  const seen = new Map<string, number>();
  const shown = diagnostics.filter((d) => {
    if (d.severity === 'error') return true;
    const n = (seen.get(d.code) ?? 0) + 1;
    seen.set(d.code, n);
    return n <= LISTED_PER_CODE;
  });
  return { shown, more: [...seen].filter(([, n]) => n > LISTED_PER_CODE).map(([code, n]) => [code, n - LISTED_PER_CODE]) };
}

/** The end-of-run summary for people. */
export function renderSummary(r: MigrationReport): string {
  const s = r.summary;
  const rows: Array<[string, number]> = [
    ['files scanned', s.files], [r.dry ? 'files that would change' : 'files changed', s.filesChanged],
    ['routes', s.routes], ['typed handlers', s.typed], ['legacy-wrapped', s.legacy],
    ['undocumented (wrapped, empty spec)', s.undocumented], ['skipped', s.skipped],
    ['documented operations with no route', s.docsWithoutRoute],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [pc.bold(`migrate-api ${r.dry ? '(dry run) ' : ''}— ${r.root}`)];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${v}`);
  if (s.legacyReasons?.length) {
    lines.push('', pc.bold('Legacy handlers by reason (each marked TODO(migrate-api MA003)):'));
    for (const x of s.legacyReasons) lines.push(`  ${formatLegacyReason(x)}`);
  }
  const skipped = r.routes.filter((x) => x.status === 'skipped');
  if (skipped.length) {
    lines.push('', pc.bold('Skipped routes (code left as it was):'));
    for (const x of skipped) lines.push(`  ${x.file}:${x.line}  ${x.method.toUpperCase()} ${x.path ?? '?'}  ${x.rule ?? ''} ${x.reason ?? ''}`);
  }
  if (r.docSources?.length) {
    lines.push('', pc.bold('Doc sources read:'));
    const shown = r.docSources.slice(0, LISTED);
    for (const d of shown) lines.push(`  ${d.file}  ${d.style}, ${d.operations} operation${d.operations === 1 ? '' : 's'}${d.basePath ? `, base path ${d.basePath}` : ''} (${d.via})`);
    if (r.docSources.length > shown.length) lines.push(pc.dim(`  ... and ${r.docSources.length - shown.length} more (${sum(r.docSources.slice(LISTED).map((d) => d.operations))} operations); ${EVERY_ONE}`));
  }
  if (r.docsWithoutRoute.length) {
    lines.push('', pc.bold('Documented operations with no route:'));
    for (const d of r.docsWithoutRoute) lines.push(`  ${d.file}:${d.line}  ${d.method.toUpperCase()} ${d.path}`);
  }
  const problems = r.diagnostics.filter((d) => d.severity !== 'info');
  if (problems.length) {
    lines.push('', pc.bold('Diagnostics:'));
    const { shown, more } = capPerCode(problems);
    for (const d of shown) lines.push(`  ${d.severity === 'error' ? pc.red(formatDiagnostic(d)) : pc.yellow(formatDiagnostic(d))}`);
    for (const [code, n] of more) lines.push(pc.dim(`  ... and ${n} more ${code}; ${EVERY_ONE}`));
  }
  if (r.schemasModule) lines.push('', `schemas module: ${r.schemasModule}`);
  lines.push(`done in ${(r.durationMs / 1000).toFixed(2)} s`);
  return lines.join('\n');
}

export function renderMarkdown(r: MigrationReport): string {
  const s = r.summary;
  const esc = (v: unknown) => String(v ?? '').replace(/\|/g, '\\|');
  const out = [
    `# migrate-api report`, '',
    `${r.root} — ${r.date}${r.dry ? ' (dry run)' : ''}, validation \`${r.validation}\``, '',
    '| files | changed | routes | typed | legacy | undocumented | skipped | docs without route |',
    '|---|---|---|---|---|---|---|---|',
    `| ${s.files} | ${s.filesChanged} | ${s.routes} | ${s.typed} | ${s.legacy} | ${s.undocumented} | ${s.skipped} | ${s.docsWithoutRoute} |`,
    '', '## Routes', '', '| file:line | method | path | status | rule | reason |', '|---|---|---|---|---|---|',
    ...r.routes.map((x) => `| ${esc(x.file)}:${x.line} | ${x.method.toUpperCase()} | ${esc(x.path ?? '?')} | ${x.status} | ${x.rule ?? ''} | ${esc(x.reason)} |`),
  ];
  if (s.legacyReasons?.length) {
    out.push('', '## Legacy handlers by reason', '', '| routes | reason |', '|---|---|');
    for (const x of s.legacyReasons) out.push(`| ${x.routes} | ${esc(x.reason)} |`);
  }
  if (r.docSources?.length) {
    out.push('', '## Doc sources read', '', '| file | style | operations | base path | found by |', '|---|---|---|---|---|');
    for (const d of r.docSources) out.push(`| ${esc(d.file)} | ${d.style} | ${d.operations} | ${esc(d.basePath ?? '')} | ${esc(d.via)} |`);
  }
  if (r.docsWithoutRoute.length) {
    out.push('', '## Documented operations with no route', '');
    for (const d of r.docsWithoutRoute) out.push(`- \`${d.method.toUpperCase()} ${d.path}\` (${d.file}:${d.line})`);
  }
  if (r.drift?.length) {
    out.push('', '## Drift between docs and code', '', '| file:line | kind | route | finding | fix |', '|---|---|---|---|---|');
    for (const f of r.drift) out.push(`| ${esc(f.file)}:${f.line} | ${f.kind} | ${esc(f.route)} | ${esc(f.message)} | ${esc(f.hint)} |`);
  }
  if (r.lastRun) {
    const l = r.lastRun;
    out.push('', '## What the last `check --run` found', '', `\`${esc(l.command)}\` on ${l.date}: the suite exited ${l.exitCode}, the runtime counted ${l.violations} contract violation${l.violations === 1 ? '' : 's'}, ${l.findings.length} finding${l.findings.length === 1 ? '' : 's'}.`);
    if (l.findings.length) {
      out.push('', '| file:line | kind | route | finding |', '|---|---|---|---|');
      for (const f of l.findings) out.push(`| ${esc(f.file)}:${f.line} | ${f.kind} | ${esc(f.route)} | ${esc(f.message)} |`);
    }
  }
  if (r.diagnostics.length) {
    out.push('', '## Diagnostics', '');
    for (const d of r.diagnostics) out.push(`- ${esc(formatDiagnostic(d))}`);
  }
  return out.join('\n') + '\n';
}

const html = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One self-contained page: inline CSS, no script, no external asset. */
export function renderHtml(r: MigrationReport): string {
  const s = r.summary;
  const byFile = new Map<string, RouteReport[]>();
  for (const x of r.routes) byFile.set(x.file, [...(byFile.get(x.file) ?? []), x]);
  const fileRows = r.files.filter((f) => f.routes > 0 || f.changed || f.skipped).map((f) => {
    const routes = byFile.get(f.file) ?? [];
    const bar = routes.map((x) => `<span class="dot ${x.status}" title="${html(`${x.method.toUpperCase()} ${x.path ?? '?'}: ${x.status}`)}"></span>`).join('');
    return `<tr><td>${html(f.file)}</td><td>${f.changed ? 'changed' : f.skipped ? `skipped: ${html(f.skipped)}` : 'unchanged'}</td><td>${bar}</td></tr>`;
  }).join('\n');
  const routeRows = r.routes.map((x) =>
    `<tr class="${x.status}"><td>${html(x.file)}:${x.line}</td><td>${x.method.toUpperCase()}</td><td><code>${html(x.path ?? '?')}</code></td><td>${x.status}</td><td>${x.rule ?? ''}</td><td>${html(x.reason)}</td></tr>`).join('\n');
  const drift = r.drift?.length
    ? `<h2>Drift between docs and code (${r.drift.length})</h2><table><tr><th>where</th><th>kind</th><th>route</th><th>finding</th><th>fix</th></tr>${r.drift.map((f) =>
      `<tr><td>${html(f.file)}:${f.line}</td><td>${html(f.kind)}</td><td>${html(f.route)}</td><td>${html(f.message)}</td><td>${html(f.hint)}</td></tr>`).join('')}</table>` : '';
  const lastRun = r.lastRun
    ? `<h2>What the last <code>check --run</code> found</h2><p><code>${html(r.lastRun.command)}</code> on ${html(r.lastRun.date)}: the suite exited ${r.lastRun.exitCode}, the runtime counted ${r.lastRun.violations} contract violation${r.lastRun.violations === 1 ? '' : 's'}, ${r.lastRun.findings.length} finding${r.lastRun.findings.length === 1 ? '' : 's'}.</p>${r.lastRun.findings.length ? `<table><tr><th>where</th><th>kind</th><th>route</th><th>finding</th></tr>${r.lastRun.findings.map((f) =>
      `<tr><td>${html(f.file)}:${f.line}</td><td>${html(f.kind)}</td><td>${html(f.route)}</td><td>${html(f.message)}</td></tr>`).join('')}</table>` : ''}` : '';
  const diags = r.diagnostics.length
    ? `<h2>Diagnostics (${r.diagnostics.length})</h2><ul>${r.diagnostics.map((d) => `<li class="${d.severity}">${html(formatDiagnostic(d))}</li>`).join('')}</ul>` : '';
  const reasons = s.legacyReasons?.length
    ? `<h2>Legacy handlers by reason</h2><table><tr><th>routes</th><th>reason</th></tr>${s.legacyReasons.map((x) => `<tr><td>${x.routes}</td><td>${html(x.reason)}</td></tr>`).join('')}</table>` : '';
  const sources = r.docSources?.length
    ? `<h2>Doc sources read</h2><table><tr><th>file</th><th>style</th><th>operations</th><th>base path</th><th>found by</th></tr>${r.docSources.map((d) => `<tr><td>${html(d.file)}</td><td>${html(d.style)}</td><td>${d.operations}</td><td>${html(d.basePath ?? '')}</td><td>${html(d.via)}</td></tr>`).join('')}</table>` : '';
  const orphans = r.docsWithoutRoute.length
    ? `<h2>Documented operations with no route (${r.docsWithoutRoute.length})</h2><ul>${r.docsWithoutRoute.map((d) => `<li><code>${d.method.toUpperCase()} ${html(d.path)}</code> ${html(d.file)}:${d.line}</li>`).join('')}</ul>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>migrate-api report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}th{background:#f6f8fa}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.6rem 1rem}
.card b{display:block;font-size:1.6rem}.dot{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:2px}
.typed{--c:#1a7f37}.legacy{--c:#0969da}.undocumented{--c:#9a6700}.skipped{--c:#cf222e}.unchanged{--c:#8c959f}
.dot{background:var(--c)}tr.skipped td{background:#ffebe9}li.error{color:#cf222e}li.warning{color:#9a6700}
</style></head><body>
<h1>migrate-api report</h1><p>${html(r.root)} — ${html(r.date)}${r.dry ? ' (dry run)' : ''}, validation <code>${r.validation}</code>, ${(r.durationMs / 1000).toFixed(2)} s</p>
<div class="cards">${([['files', s.files], ['changed', s.filesChanged], ['routes', s.routes], ['typed', s.typed], ['legacy', s.legacy], ['undocumented', s.undocumented], ['skipped', s.skipped], ['docs without route', s.docsWithoutRoute]] as const)
    .map(([k, v]) => `<div class="card"><b>${v}</b>${k}</div>`).join('')}</div>
<h2>Files</h2><table><tr><th>file</th><th>state</th><th>routes</th></tr>${fileRows}</table>
<h2>Routes</h2><table><tr><th>where</th><th>method</th><th>path</th><th>status</th><th>rule</th><th>reason</th></tr>${routeRows}</table>
${reasons}${sources}${orphans}${drift}${lastRun}${diags}
</body></html>
`;
}

const REPORT_FILES = ['report.json', 'report.md', 'report.html'];

/**
 * A run's report must not erase an earlier one (a `--dry` look after the real migration would otherwise
 * overwrite the record of what the migration did): what is in `dir` moves to `dir/history/<its date>/`.
 */
function keepPreviousReport(dir: string): void {
  const previous = join(dir, 'report.json');
  if (!existsSync(previous)) return;
  let date = '';
  try { date = String((JSON.parse(readFileSync(previous, 'utf8')) as { date?: unknown }).date ?? ''); } catch { /* unreadable: keep it under its file time */ }
  const stamp = (date || statSync(previous).mtime.toISOString()).replace(/[:.]/g, '-');
  let into = join(dir, 'history', stamp);
  for (let n = 2; existsSync(into); n++) into = join(dir, 'history', `${stamp}-${n}`);
  mkdirSync(into, { recursive: true });
  for (const name of REPORT_FILES) if (existsSync(join(dir, name))) renameSync(join(dir, name), join(into, name));
}

/** Writes report.json, report.md and report.html into dir (an earlier report moves to dir/history/); returns their paths. */
export function writeReport(r: MigrationReport, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  keepPreviousReport(dir);
  const files: Array<[string, string]> = [
    ['report.json', JSON.stringify(r, null, 2) + '\n'],
    ['report.md', renderMarkdown(r)],
    ['report.html', renderHtml(r)],
  ];
  return files.map(([name, content]) => { const p = join(dir, name); writeFileSync(p, content); return p; });
}

export function relativeTo(root: string, file: string): string {
  return relative(root, file) || file;
}

export { formatLocation };
