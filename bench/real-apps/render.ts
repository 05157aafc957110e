// bench/REAL-APPS.md from bench/real-apps/results.json: one table row per app, then per app exactly what
// changed (tests with their errors, type errors, lost doc facts, second-run changes), so fixes can be aimed.
import { cpus, totalmem } from 'node:os';
import type { AppRecord, SuiteSummary, TscSummary } from './app.js';

function suite(s: SuiteSummary | undefined): string {
  if (!s) return '-';
  const counts = s.problem && s.passed + s.failed === 0 ? `n/a (${s.problem})` : `${s.passed} pass / ${s.failed} fail${s.skipped ? ` / ${s.skipped} skip` : ''}`;
  return `${counts}${s.timedOut ? ' TIMEOUT' : ''} (exit ${s.exit})`;
}

function tsc(t: TscSummary | null | undefined): string {
  if (t === undefined || t === null) return '-';
  return t.exit === 0 ? 'ok' : `${t.errors} errors (exit ${t.exit})`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** "3 passed -> absent, 1 absent -> failed": how the per-test results moved, by kind of move. */
function changeSummary(changed: Array<{ before: string; after: string }>): string {
  const counts = new Map<string, number>();
  for (const c of changed) counts.set(`${c.before} -> ${c.after}`, (counts.get(`${c.before} -> ${c.after}`) ?? 0) + 1);
  return [...counts].map(([move, n]) => `${n} ${move}`).join(', ');
}

/** "3 changed, 3 explained" / "same": the enforce run against the report run. */
function enforceCell(r: AppRecord): string {
  const e = r.enforce;
  if (!e) return '-';
  if (e.problem && e.passed + e.failed === 0) return `n/a (${e.problem})`;
  if (e.changed.length === 0) return `same (${e.violations} violations counted)`;
  const bad = e.unexplained ? `, **${e.unexplained} unexplained**` : ', all explained';
  return `${e.changed.length} changed (${changeSummary(e.changed)})${bad}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${Math.round(ms / 1000)}s`;
}

function row(r: AppRecord): string {
  const s = r.migrate?.summary;
  const same = r.diff ? (r.diff.same ? 'yes' : `**no** (${changeSummary(r.diff.changed)})`) : r.stoppedAt ? '-' : 'n/a';
  const routes = s ? `${s.typed}/${s.legacy}/${s.undocumented}/${s.skipped}` : '-';
  const docs = r.docFacts ? (r.docFacts.compared === null ? `n/a: ${r.docFacts.na}` : `${r.docFacts.compared} / ${r.docFacts.lost.length}`) : '-';
  const second = r.secondRun ? (r.secondRun.clean ? 'yes' : `**no** (${r.secondRun.changed.length} files)`) : '-';
  return `| ${[
    `${r.name}${r.stoppedAt ? ` (stopped at ${r.stoppedAt})` : ''}`,
    `${r.lang}/${r.module}/express ${r.express}`,
    r.docs.join(', '),
    suite(r.suiteBefore),
    suite(r.suiteAfter),
    same,
    `${tsc(r.tscBefore)} -> ${tsc(r.tscAfter)}`,
    r.migrate ? `${r.migrate.exit}` : '-',
    second,
    routes,
    docs,
    enforceCell(r),
    seconds(r.timings?.total),
  ].map(cell).join(' | ')} |`;
}

function details(r: AppRecord): string {
  const out = [`### ${r.name}`, '', `\`${r.repo}\` @ \`${r.commit}\`, run ${r.ranAt} with migrate-api \`${r.migrateApiCommit ?? '?'}\`; log: /work/scratch/real-apps/${r.name}.log`, ''];
  if (r.errors.length) out.push('Errors:', '', ...r.errors.map((e) => `- ${e}`), '');
  if (r.migrate?.summary) {
    const s = r.migrate.summary;
    out.push(`Migration: exit ${r.migrate.exit} in ${(r.migrate.ms / 1000).toFixed(1)}s; files ${s.filesChanged}/${s.files} changed; routes ${s.routes}: typed ${s.typed}, legacy ${s.legacy}, undocumented ${s.undocumented}, skipped ${s.skipped}; docs without route ${s.docsWithoutRoute}; errors ${s.errors}; docs served at ${r.migrate.docsPaths?.openapi ?? '-'}`, '');
  } else if (r.migrate?.message) out.push(`Migration: exit ${r.migrate.exit}; ${r.migrate.message}`, '');
  if (r.diff && !r.diff.same) {
    out.push(`Tests whose result changed (${r.diff.changed.length}):`, '');
    for (const c of r.diff.changed.slice(0, 40)) out.push(`- \`${c.name}\`: ${c.before} -> ${c.after}${c.error ? ` — ${c.error}` : ''}`);
    if (r.diff.changed.length > 40) out.push(`- ... and ${r.diff.changed.length - 40} more (results.json has them all)`);
    out.push('');
  }
  if (r.suiteAfter?.problem) out.push(`Suite after: ${r.suiteAfter.problem}`, '');
  if (r.tscAfter && r.tscAfter.exit !== 0) out.push(`tsc after (${r.tscAfter.errors} errors; first ones):`, '', ...r.tscAfter.first.map((l) => `- \`${l}\``), '');
  if (r.docFacts?.lost.length) {
    out.push(`Doc facts lost (${r.docFacts.lost.length} of ${r.docFacts.compared}):`, '', ...r.docFacts.lost.slice(0, 30).map((f) => `- ${f}`));
    if (r.docFacts.lost.length > 30) out.push(`- ... and ${r.docFacts.lost.length - 30} more`);
    out.push('');
  }
  if (r.secondRun && !r.secondRun.clean) out.push(`Second run changed: ${r.secondRun.changed.map((c) => `\`${c}\``).join(', ')}`, '');
  if (r.enforce) out.push(...enforceDetails(r.enforce));
  if (r.timings) out.push(`Times: ${Object.entries(r.timings).map(([k, v]) => `${k} ${seconds(v)}`).join(', ')}`, '');
  return out.join('\n');
}

function enforceDetails(e: NonNullable<AppRecord['enforce']>): string[] {
  const out = [`Enforce (MIGRATE_API_VALIDATION=enforce): ${e.passed} pass / ${e.failed} fail${e.skipped ? ` / ${e.skipped} skip` : ''}; report mode counted ${e.violations} violations; drift findings: ${e.staticFindings} static, ${e.runtimeFindings.length} from the report-mode run${e.checkProblems.length ? ` (${e.checkProblems.join('; ')})` : ''}.`, ''];
  if (e.runtimeFindings.length) {
    out.push('Runtime findings (what enforce changes):', '');
    for (const f of e.runtimeFindings.slice(0, 30)) out.push(`- ${f.kind} ${f.route ?? ''} (${f.file}:${f.line}): ${f.message}`);
    out.push('');
  }
  if (e.changed.length) {
    out.push(`Tests whose result changed under enforce (${e.changed.length}; finding -> test):`, '');
    for (const c of e.changed.slice(0, 40)) {
      const why = c.findings.length ? `explained by ${c.findings.join('; ')}${c.link === 'only-route' ? ' (the only route that drifted)' : ''}` : '**no drift finding: a false positive of ours**';
      out.push(`- \`${c.name}\`: ${c.before} -> ${c.after}; ${why}${c.error ? ` — ${c.error}` : ''}`);
    }
    out.push('');
  }
  return out;
}

/** The headline: how many apps meet each part of "a first migration changes nothing". */
function summaryLine(apps: AppRecord[]): string {
  const of = (pred: (r: AppRecord) => boolean, among: AppRecord[]) => `${among.filter(pred).length} of ${among.length}`;
  // A migration that refuses before writing (exit 2: TypeScript older than 5.5, zod 3) leaves the app as it was:
  // counted apart, not as a migration that kept or broke anything.
  const refused = apps.filter((r) => r.migrate?.exit === 2);
  const migrated = apps.filter((r) => !refused.includes(r));
  const ts = migrated.filter((r) => r.lang === 'ts');
  const withDocs = migrated.filter((r) => r.docFacts && r.docFacts.compared !== null);
  return `**Refused before writing anything (exit 2, the app untouched): ${refused.map((r) => r.name).join(', ') || 'none'}. `
    + `Of the ${migrated.length} apps migrated: same per-test results ${of((r) => r.diff?.same === true, migrated)}; TS apps type-checking as before: ${ts.length ? of((r) => (r.tscAfter?.exit ?? 1) === (r.tscBefore?.exit ?? 0), ts) : 'none migrated'}; second run clean: ${of((r) => r.secondRun?.clean === true, migrated)}; served document keeping every doc fact: ${of((r) => r.docFacts?.lost.length === 0, withDocs)} apps where it could be compared.**`;
}

export function renderMarkdown(record: { generated: string; apps: Record<string, AppRecord> }): string {
  const apps = Object.values(record.apps).sort((a, b) => a.name.localeCompare(b.name));
  return [
    '# Real-app benchmark',
    '',
    `Generated ${record.generated} by \`npx tsx bench/real-apps/run.ts\` (see bench/real-apps/README.md) on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, shared with other jobs.`,
    'Each app: its pinned commit, its own install and test commands, `migrate-api <src>` with default options (this checkout, packed as npm would install it), the suite again, `tsc` for TS apps, the served document against the original docs, a second run.',
    '',
    'Columns: suite = passed / failed per test from the runner\'s JSON reporter; same = every test has the result it had before ("passed -> absent": the test no longer ran, e.g. its file failed to load, which shows as one "absent -> failed" test named after the file); tsc = before -> after; migrate = exit code; routes = typed/legacy/undocumented/skipped from report.json; doc facts = facts of the original docs compared / lost in the served document (test/helpers/openapi-compare.ts); enforce vs report = the suite once more with MIGRATE_API_VALIDATION=enforce, each test whose result moved linked to the drift finding (`migrate-api check --runtime` on the report-mode run\'s violations) that explains it, or counted unexplained (a false positive of ours); time = the app\'s whole run.',
    '',
    summaryLine(apps),
    '',
    '| app | kind | docs | suite before | suite after | same | tsc | migrate | 2nd run clean | routes t/l/u/s | doc facts compared / lost | enforce vs report | time |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...apps.map(row),
    '',
    'What broke and why, in migrate-api terms (written by hand from the logs): bench/real-apps/FINDINGS.md.',
    '',
    '## Per app',
    '',
    ...apps.map(details),
  ].join('\n') + '\n';
}
