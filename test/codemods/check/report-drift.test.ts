// The drift findings of `check` appear in the `migrate-api --report` pages once `drift` is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkProject } from '../../../codemods/check/index.js';
import { renderHtml, renderMarkdown, summarize, type MigrationReport } from '../../../codemods/report.js';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/check/response-keys/drift');
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function report(drift?: MigrationReport['drift']): MigrationReport {
  const base: Omit<MigrationReport, 'summary'> = {
    tool: 'migrate-api', root: '/app', date: '2026-01-01', durationMs: 1, dry: true, validation: 'report',
    schemasModule: null, files: [], routes: [], docsWithoutRoute: [], diagnostics: [], drift,
  };
  return { ...base, summary: summarize(base) };
}

test('the HTML page has one row per finding: file:line, kind, route, message and hint', async () => {
  const { findings } = await checkProject(FIXTURE);
  assert.equal(findings.length, 2);
  const page = renderHtml(report(findings));
  assert.match(page, /<h2>Drift between docs and code \(2\)<\/h2>/);
  for (const f of findings) {
    const row = `<tr><td>${f.file}:${f.line}</td><td>${f.kind}</td><td>${escapeHtml(f.route!)}</td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.hint)}</td></tr>`;
    assert.ok(page.includes(row), `row for ${f.file}:${f.line}`);
  }
});

test('the Markdown report lists the same findings', async () => {
  const { findings } = await checkProject(FIXTURE);
  const md = renderMarkdown(report(findings));
  for (const f of findings) assert.ok(md.includes(`| ${f.file}:${f.line} | ${f.kind} | ${f.route} | ${f.message} | ${f.hint} |`));
});

test('without drift (or with none found) there is no drift section', () => {
  assert.doesNotMatch(renderHtml(report()), /Drift between/);
  assert.doesNotMatch(renderHtml(report([])), /Drift between/);
  assert.doesNotMatch(renderMarkdown(report()), /Drift between/);
});
