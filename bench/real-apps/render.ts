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

/** "6/14": location schemas translated without a TODO / all a translator claimed (MA004), '-' when none. */
function validatorsCell(r: AppRecord): string {
  const v = r.validators;
  if (!v) return '-';
  return v.schemas ? `${v.clean}/${v.schemas}` : 'none read';
}

/** How a suite run compares with the one before the migration: "same", or the moves. */
function sameAs(diff: { same: boolean; changed: Array<{ before: string; after: string }> } | undefined): string {
  return diff ? (diff.same ? 'same' : `**${diff.changed.length} changed** (${changeSummary(diff.changed)})`) : 'n/a';
}

/** "57/59 inferred (43 with traffic, 45 routes recorded); report same; enforce same". */
function inferCell(r: AppRecord): string {
  const i = r.infer;
  if (!i) return '-';
  if (i.problem) return `n/a (${i.problem})`;
  const parts = [`${i.inferred}/${i.routes} inferred (${i.fromTraffic} with traffic${i.recorded !== null ? `, ${i.recorded} routes recorded` : ''}${i.skipped ? `, ${i.skipped} skipped` : ''})`];
  if (i.report) parts.push(`report ${sameAs(i.report.diff)}`);
  if (i.enforce) {
    const e = i.enforce;
    parts.push(e.changed.length === 0 ? 'enforce same' : `enforce ${e.changed.length} changed${e.unexplained ? `, **${e.unexplained} unexplained**` : ', all explained'}`);
  }
  return parts.join('; ');
}

/** "3 done, 2 skipped (MA009, MA010); suite same; old URL: generated; facts 39 / 0; 2nd clean". */
function finishCell(r: AppRecord): string {
  const f = r.finish;
  if (!f) return '-';
  if (f.problem) return `n/a (${f.problem})`;
  const by = (st: string) => f.steps.filter((s) => s.id !== 'MA011' && s.status === st);
  const done = by('done'), skipped = by('skipped');
  const parts = [`${done.length} done${done.length ? ` (${done.map((s) => s.id).join(', ')})` : ''}, ${skipped.length} skipped${skipped.length ? ` (${skipped.map((s) => s.id).join(', ')})` : ''}${f.standing?.complete ? ', complete' : ''}`];
  if (f.suite) parts.push(`suite ${sameAs(f.suite.diff)}`);
  if (f.tsc) parts.push(`tsc ${f.tsc.exit === 0 ? 'ok' : `${f.tsc.errors} errors`}`);
  if (f.legacyUrl) parts.push(`${f.legacyUrl.url} serves ${f.legacyUrl.serves === 'none' ? '**no document**' : `the ${f.legacyUrl.serves} document`}`);
  if (f.docFacts) parts.push(`doc facts ${f.docFacts.compared === null ? `n/a: ${f.docFacts.na}` : `${f.docFacts.compared} / ${f.docFacts.lost.length}`}`);
  if (f.second) parts.push(f.second.clean ? '2nd clean' : `**2nd changed ${f.second.changed.length} files**`);
  return parts.join('; ');
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '-' : `${Math.round(ms / 1000)}s`;
}

/** "; review comment: same (3 of 4 files)": the re-run after a comment in the written files, against the uncached run. */
function reviewCell(r: AppRecord): string {
  const e = r.reviewEdit;
  if (!e) return '';
  if (e.edited === 0) return `; review comment: none to make (${e.note})`;
  return `; review comment: ${e.same && e.clean ? 'same' : `**differs**${e.clean ? '' : ', files changed'}`} (${e.edited} of ${e.written} files)`;
}

function row(r: AppRecord): string {
  const s = r.migrate?.summary;
  const same = r.diff ? (r.diff.same ? 'yes' : `**no** (${changeSummary(r.diff.changed)})`) : r.stoppedAt ? '-' : 'n/a';
  const routes = s ? `${s.typed}/${s.legacy}/${s.undocumented}/${s.skipped}` : '-';
  const unread = r.migrate?.unreadDocSources;
  const docs = (r.docFacts ? (r.docFacts.compared === null ? `n/a: ${r.docFacts.na}` : `${r.docFacts.compared} / ${r.docFacts.lost.length}`) : '-')
    + (unread === undefined || r.docFacts?.compared == null ? '' : `; ${unread.length} unread`);
  const second = (r.secondRun ? (r.secondRun.clean ? 'yes' : `**no** (${r.secondRun.changed.length} files)`) : '-') + reviewCell(r);
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
    validatorsCell(r),
    inferCell(r),
    finishCell(r),
    seconds(r.timings?.total),
  ].map(cell).join(' | ')} |`;
}

function details(r: AppRecord): string {
  const out = [`### ${r.name}`, '', `\`${r.repo}\` @ \`${r.commit}\`, run ${r.ranAt} with migrate-api \`${r.migrateApiCommit ?? '?'}\`; log: ${r.log ?? `/work/scratch/real-apps/${r.name}.log`}`, ''];
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
  if (r.migrate?.unreadDocSources?.length) out.push('Doc sources the migration said it did not read:', '', ...r.migrate.unreadDocSources.map((u) => `- ${u}`), '');
  if (r.secondRun && !r.secondRun.clean) out.push(`Second run changed: ${r.secondRun.changed.map((c) => `\`${c}\``).join(', ')}`, '');
  if (r.enforce) out.push(...enforceDetails(r.enforce));
  if (r.validators?.schemas) {
    out.push(`Validators (MA004): ${r.validators.clean} of ${r.validators.schemas} location schemas translated without an untranslated rule.`, '');
    if (r.validators.untranslated.length) out.push(...r.validators.untranslated.slice(0, 20).map((u) => `- ${u}`), '');
  }
  if (r.infer) out.push(...inferDetails(r.infer));
  if (r.finish) out.push(...finishDetails(r.finish));
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

function inferDetails(i: NonNullable<AppRecord['infer']>): string[] {
  if (i.problem) return [`Infer (MA005): ${i.problem}`, ''];
  const out = [`Infer (MA005, \`migrate-api infer --run\`, exit ${i.exit} in ${seconds(i.ms)}): ${i.inferred} of ${i.routes} undocumented routes got a spec, ${i.fromTraffic} of them with recorded traffic (the recording has ${i.recorded ?? 'no'} routes), ${i.unknown} unknown, ${i.skipped} skipped.`, ''];
  if (i.left.length) out.push(...i.left.map((l) => `- ${l}`), '');
  if (i.report) out.push(`After infer, report mode: ${i.report.passed} pass / ${i.report.failed} fail${i.report.skipped ? ` / ${i.report.skipped} skip` : ''}, against the suite before the migration: ${sameAs(i.report.diff)}.`, '');
  if (i.report?.diff && !i.report.diff.same) out.push(...i.report.diff.changed.slice(0, 20).map((c) => `- \`${c.name}\`: ${c.before} -> ${c.after}${c.error ? ` — ${c.error}` : ''}`), '');
  if (i.enforce) {
    const e = i.enforce;
    out.push(`After infer, enforce: ${e.passed} pass / ${e.failed} fail${e.skipped ? ` / ${e.skipped} skip` : ''}; report mode counted ${e.violations} violations, ${e.runtimeFindings} runtime findings${e.checkProblem ? ` (${e.checkProblem})` : ''}; ${e.changed.length} tests moved against report mode.`, '');
    for (const c of e.changed.slice(0, 30)) {
      const why = c.findings.length ? `explained by ${c.findings.join('; ')}` : '**no drift finding: a false positive of ours**';
      out.push(`- \`${c.name}\`: ${c.before} -> ${c.after}; ${why}${c.error ? ` — ${c.error}` : ''}`);
    }
    if (e.changed.length) out.push('');
  }
  return out;
}

function finishDetails(f: NonNullable<AppRecord['finish']>): string[] {
  if (f.problem) return [`Finish: ${f.problem}`, ''];
  const out = [`Finish (\`migrate-api finish --run\`, exit ${f.exit} in ${seconds(f.ms)}; ${f.changedFiles.length} files changed):`, ''];
  for (const s of f.steps.filter((x) => x.id !== 'MA011')) {
    out.push(`- ${s.id} ${s.name}: **${s.status}**`);
    for (const d of s.did.slice(0, 10)) out.push(`  - ${d}`);
    for (const w of s.reasons.slice(0, 10)) out.push(`  - left: ${w}`);
  }
  out.push('');
  if (f.standing) out.push(`Standing (MA011): routes ${f.standing.routes}, typed ${f.standing.typed}, legacy ${f.standing.legacy}, in report mode ${f.standing.reportMode}; ${f.standing.complete ? '**migration complete**' : `${f.standing.left.length} things left`}.`, '');
  if (f.suite) {
    out.push(`Suite after finish: ${f.suite.passed} pass / ${f.suite.failed} fail${f.suite.skipped ? ` / ${f.suite.skipped} skip` : ''}, against the suite before the migration: ${sameAs(f.suite.diff)}.`, '');
    if (f.suite.diff && !f.suite.diff.same) out.push(...f.suite.diff.changed.slice(0, 20).map((c) => `- \`${c.name}\`: ${c.before} -> ${c.after}${c.error ? ` — ${c.error}` : ''}`), '');
  }
  if (f.tsc && f.tsc.exit !== 0) out.push(`tsc after finish (${f.tsc.errors} errors):`, '', ...f.tsc.first.map((l) => `- \`${l}\``), '');
  if (f.legacyUrl) out.push(`Old docs URL ${f.legacyUrl.url} after finish: ${f.legacyUrl.serves === 'none' ? `no document (${f.legacyUrl.detail})` : `the ${f.legacyUrl.serves} document (read via ${f.legacyUrl.via})`}.`, '');
  if (f.docFacts) {
    if (f.docFacts.compared === null) out.push(`Doc facts after finish: n/a (${f.docFacts.na}).`, '');
    else {
      out.push(`Doc facts after finish: ${f.docFacts.compared} compared, ${f.docFacts.lost.length} lost.`, '');
      if (f.docFacts.lost.length) out.push(...f.docFacts.lost.slice(0, 20).map((l) => `- ${l}`), '');
    }
  }
  if (f.second && !f.second.clean) out.push(`Second finish changed: ${f.second.changed.map((c) => `\`${c}\``).join(', ')}`, '');
  return out;
}

/** The headline's second half: validators, infer on the docs-less apps, finish. */
function laterSteps(migrated: AppRecord[]): string {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const v = migrated.filter((r) => r.validators?.schemas);
  const inferred = migrated.filter((r) => r.infer && !r.infer.problem);
  const finished = migrated.filter((r) => r.finish && !r.finish.problem);
  const urls = finished.filter((r) => r.finish?.legacyUrl);
  const parts = [
    `Validator schemas translated without a TODO: ${sum(v.map((r) => r.validators!.clean))} of ${sum(v.map((r) => r.validators!.schemas))} in ${v.length} apps.`,
    `Infer on ${inferred.length} docs-less apps: ${sum(inferred.map((r) => r.infer!.inferred))} of ${sum(inferred.map((r) => r.infer!.routes))} undocumented routes got a spec; enforce with them changed no test in ${inferred.filter((r) => r.infer!.enforce?.changed.length === 0).length} of ${inferred.filter((r) => r.infer!.enforce).length}.`,
    `Finish on ${finished.length} apps: suite as before the migration in ${finished.filter((r) => r.finish!.suite?.diff?.same).length}, migration complete in ${finished.filter((r) => r.finish!.standing?.complete).length}, old docs URL serving the generated document in ${urls.filter((r) => r.finish!.legacyUrl!.serves === 'generated').length} of ${urls.length}, second finish clean in ${finished.filter((r) => r.finish!.second?.clean).length}.`,
  ];
  return parts.join(' ');
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
    + `Of the ${migrated.length} apps migrated: same per-test results ${of((r) => r.diff?.same === true, migrated)}; TS apps type-checking as before: ${ts.length ? of((r) => (r.tscAfter?.exit ?? 1) === (r.tscBefore?.exit ?? 0), ts) : 'none migrated'}; second run clean: ${of((r) => r.secondRun?.clean === true, migrated)}; re-run after a review comment answering as the uncached run: ${of((r) => !!r.reviewEdit && r.reviewEdit.same && r.reviewEdit.clean, migrated.filter((r) => (r.reviewEdit?.edited ?? 0) > 0))} apps with a written file only its own analysis read (${migrated.reduce((n, r) => n + (r.reviewEdit?.edited ?? 0), 0)} files commented, of ${migrated.reduce((n, r) => n + (r.reviewEdit?.written ?? 0), 0)} written); served document keeping every doc fact: ${of((r) => r.docFacts?.lost.length === 0, withDocs)} apps where it could be compared, with no warning of a doc source left unread: ${of((r) => r.migrate?.unreadDocSources?.length === 0, withDocs)}.**`
    + ` ${laterSteps(migrated)}`;
}

export function renderMarkdown(record: { generated: string; apps: Record<string, AppRecord> }): string {
  const apps = Object.values(record.apps).sort((a, b) => a.name.localeCompare(b.name));
  return [
    '# Real-app benchmark',
    '',
    `Generated ${record.generated} by \`npx tsx bench/real-apps/run.ts\` (see bench/real-apps/README.md) on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, shared with other jobs.`,
    'Each app: its pinned commit, its own install and test commands, `migrate-api <src>` with default options (this checkout, packed as npm would install it), the suite again, `tsc` for TS apps, the served document against the original docs, a second run, then a comment added to the written files only their own analysis read (the run record\'s early cutoff) and the re-run against the uncached run.',
    '',
    'Columns: suite = passed / failed per test from the runner\'s JSON reporter; same = every test has the result it had before ("passed -> absent": the test no longer ran, e.g. its file failed to load, which shows as one "absent -> failed" test named after the file); tsc = before -> after; migrate = exit code; routes = typed/legacy/undocumented/skipped from report.json; doc facts = facts of the original docs compared / lost in the served document (test/helpers/openapi-compare.ts), and how many doc sources the migration warned it did not read (`doc-source-unread`; listed in the per-app section): with nothing lost, each is a false alarm; enforce vs report = the suite once more with MIGRATE_API_VALIDATION=enforce, each test whose result moved linked to the drift finding (`migrate-api check --runtime` on the report-mode run\'s violations) that explains it, or counted unexplained (a false positive of ours); validators w/o TODO = location schemas (body, query, params of one middleware) of the original code that MA004\'s translators read without an untranslated rule / all they read (bench/real-apps/validator-share.ts); infer = on docs-less apps, `migrate-api infer --run "<test command>"` after the migration: undocumented routes given an inferred spec (MA005) / all, how many had traffic in the recording, then the suite in report mode against the suite before the migration and in enforce against that report run (moves linked to findings as in the enforce column); finish = `migrate-api finish --run "<test command>"` on the migrated checkout (after infer): steps done / skipped (reasons in the per-app section), the suite as finish left it (routers MA010 flipped run in enforce) against the suite before the migration, tsc, what the app\'s old docs URL serves now (the generated document, the legacy one, none), the generated document\'s doc facts compared / lost after finish, and a second finish changing nothing; time = the app\'s whole run.',
    '',
    summaryLine(apps),
    '',
    '| app | kind | docs | suite before | suite after | same | tsc | migrate | 2nd run clean; review comment | routes t/l/u/s | doc facts compared / lost | enforce vs report | validators w/o TODO | infer (docs-less) | finish | time |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...apps.map(row),
    '',
    'What broke and why, in migrate-api terms (written by hand from the logs): bench/real-apps/FINDINGS.md.',
    '',
    '## Per app',
    '',
    ...apps.map(details),
  ].join('\n') + '\n';
}
