// The terminal summary of a big tree: lists the size of the tree are cut to their first entries with a count of
// what was left out, errors are never cut, and the report files keep every entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown, renderSummary, summarize, type MigrationReport } from '../../codemods/report.js';
import type { Diagnostic } from '../../codemods/diagnostics.js';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

function bigReport(): MigrationReport {
  const docSources = Array.from({ length: 25 }, (_, i) => ({ file: `routes/r${i}.js`, style: 'jsdoc', operations: 2, via: 'doc comments' }));
  const warn = (i: number): Diagnostic => ({ code: 'duplicate-route', severity: 'warning', message: `an earlier route already has GET /r${i}`, at: { file: `routes/r${i}.js`, line: 3 } });
  const errors: Diagnostic[] = Array.from({ length: 12 }, (_, i) => ({ code: 'yaml-parse', severity: 'error', message: `bad YAML ${i}`, at: { file: `routes/r${i}.js`, line: 1 } }));
  const base: Omit<MigrationReport, 'summary'> = {
    tool: 'migrate-api', root: '/app', date: '2026-01-01T00:00:00.000Z', durationMs: 1, dry: false, validation: 'report',
    schemasModule: null, files: [], routes: [], docsWithoutRoute: [], docSources: docSources as MigrationReport['docSources'],
    diagnostics: [...Array.from({ length: 30 }, (_, i) => warn(i)), { code: 'response-as-schema', severity: 'warning', message: 'read as its schema', at: { file: 'api.yaml', line: 9 } }, ...errors],
  };
  return { ...base, summary: summarize(base) };
}

test('the summary shows the first 10 doc sources and counts the rest with their operations', () => {
  const text = plain(renderSummary(bigReport()));
  const listed = text.split('\n').filter((l) => /^ {2}routes\/r\d+\.js {2}jsdoc/.test(l));
  assert.deepEqual(listed.map((l) => l.trim().split(' ')[0]), Array.from({ length: 10 }, (_, i) => `routes/r${i}.js`));
  assert.match(text, /\n {2}\.\.\. and 15 more \(30 operations\); --report <dir> lists every one\n/);
});

test('the summary prints 10 warnings of one code and counts the rest; other codes and every error are printed', () => {
  const text = plain(renderSummary(bigReport()));
  assert.equal(text.match(/duplicate-route/g)!.length, 10 + 1, 'ten printed, one count line');
  assert.match(text, /\n {2}\.\.\. and 20 more duplicate-route; --report <dir> lists every one\n/);
  assert.match(text, /api\.yaml:9.*read as its schema/);
  assert.equal(text.match(/bad YAML \d+/g)!.length, 12);
});

test('the Markdown report keeps every doc source and every diagnostic', () => {
  const md = renderMarkdown(bigReport());
  assert.equal(md.match(/routes\/r\d+\.js \| jsdoc/g)!.length, 25);
  assert.equal(md.match(/duplicate-route/g)!.length, 30);
});
