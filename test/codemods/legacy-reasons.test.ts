import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLegacyReason, legacyReasons } from '../../codemods/legacy-reasons.js';
import { renderMarkdown, renderSummary, summarize, type MigrationReport } from '../../codemods/report.js';
import type { RouteReport } from '../../codemods/plan.js';

const route = (status: RouteReport['status'], reason?: string): RouteReport => ({ file: 'routes.js', line: 1, method: 'get', path: '/x', status, ...(reason ? { reason } : {}) });

const routes: RouteReport[] = [
  route('legacy', 'legacy handler: renders a view (`res.render`)'),
  route('legacy', 'typed once in this file as `api` (`app` is a parameter); legacy handler: renders a view (`res.render`)'),
  route('legacy', 'legacy handler: redirects (`res.redirect`)'),
  route('typed'),
  route('undocumented'),
  route('skipped', 'the handler is an array of functions'),
];

test('legacy routes are counted by their MA003 reason, most frequent first; other statuses are not', () => {
  assert.deepEqual(legacyReasons(routes), [
    { reason: 'renders a view (`res.render`)', routes: 2 },
    { reason: 'redirects (`res.redirect`)', routes: 1 },
  ]);
  assert.equal(formatLegacyReason({ reason: 'renders a view', routes: 14 }), '14 routes: renders a view');
  assert.equal(formatLegacyReason({ reason: 'redirects', routes: 1 }), '1 route: redirects');
});

test('the CLI summary, report.md and report.json group what stays legacy by reason', () => {
  const base: Omit<MigrationReport, 'summary'> = {
    tool: 'migrate-api', root: '/app', date: '2026-01-01T00:00:00.000Z', durationMs: 1, dry: false, validation: 'report',
    schemasModule: null, files: [{ file: 'routes.js', changed: true, routes: routes.length }], routes, docsWithoutRoute: [], diagnostics: [],
  };
  const report: MigrationReport = { ...base, summary: summarize(base) };
  assert.deepEqual(report.summary.legacyReasons.map(formatLegacyReason), ['2 routes: renders a view (`res.render`)', '1 route: redirects (`res.redirect`)']);
  const text = renderSummary(report).replace(/\x1b\[[0-9;]*m/g, '');
  assert.match(text, /Legacy handlers by reason[^\n]*\n {2}2 routes: renders a view \(`res.render`\)\n {2}1 route: redirects/);
  assert.match(renderMarkdown(report), /## Legacy handlers by reason\n\n\| routes \| reason \|\n\|---\|---\|\n\| 2 \| renders a view \(`res.render`\) \|\n\| 1 \| redirects/);
});
