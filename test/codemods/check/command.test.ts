// `migrate-api check` in process through main(argv, io): the table for people, --json, --ignore,
// exit codes (0 clean, 1 findings, 2 usage error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../codemods/cli.js';
import { checkProject } from '../../../codemods/check/index.js';
import { renderFindings } from '../../../codemods/check/command.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/check');
const STATUS = join(FIXTURES, 'undocumented-status/drift');
const INPUT = join(FIXTURES, 'undocumented-input/drift');
// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', ...argv], { out: (s) => void out.push(s), err: (s) => void err.push(s), isTTY: false });
  return { code, out: plain(out.join('')), err: plain(err.join('')) };
}

test('the table groups findings by file, each with file:line, kind, route, finding and fix hint', async () => {
  const { code, out, err } = await run(INPUT);
  assert.equal(code, 1);
  assert.equal(err, '');
  const lines = out.split('\n');
  // Each file heading once, followed by its own findings only.
  const headings = lines.filter((l) => /^\S/.test(l) && !/finding/.test(l));
  assert.deepEqual(headings, ['app.js', 'controllers/users.js']);
  const users = lines.indexOf('controllers/users.js');
  assert.match(lines[users + 1], /^ {2}controllers\/users\.js:2 +undocumented-input +GET \/users: reads req\.query\.role, which the docs do not declare$/);
  assert.match(lines[users + 2], /^ +fix: declare query parameter "role" in the docs$/);
  assert.match(lines[lines.indexOf('app.js') + 1], /^ {2}app\.js:24 +undocumented-input +POST \/search: reads req\.query\.pageSize/);
  assert.match(out, /\n6 findings: 6 undocumented-input\n$/);
});

test('--json prints exactly the findings of checkProject', async () => {
  const { code, out } = await run(STATUS, '--json');
  assert.equal(code, 1);
  assert.deepEqual(JSON.parse(out), { findings: (await checkProject(STATUS)).findings });
});

test('--ignore drops the named kinds; nothing left exits 0', async () => {
  const some = await run(join(FIXTURES, 'missing-route/drift'), '--json', '--ignore', 'undocumented-route');
  assert.equal(some.code, 1);
  assert.deepEqual([...new Set(JSON.parse(some.out).findings.map((f: { kind: string }) => f.kind))], ['missing-route']);
  const none = await run(join(FIXTURES, 'missing-route/drift'), '--ignore', 'undocumented-route, missing-route');
  assert.equal(none.code, 0);
  assert.equal(none.out, 'no drift: the docs match the code.\n');
});

test('--spec adds a spec file kept elsewhere to the docs compared', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'check-spec-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const spec = join(dir, 'export.yaml');
  writeFileSync(spec, 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /items/export:\n    get:\n      responses:\n        "200": { description: csv }\n');
  const project = join(FIXTURES, 'undocumented-route/drift');
  assert.equal((await run(project)).code, 1);
  const withSpec = await run(project, '--spec', spec);
  assert.equal(withSpec.code, 0, withSpec.out);
  assert.equal(withSpec.out, 'no drift: the docs match the code.\n');
});

test('a consistent project prints "no drift" and exits 0', async () => {
  const { code, out } = await run(join(FIXTURES, 'undocumented-input/lookalike'));
  assert.equal(code, 0);
  assert.equal(out, 'no drift: the docs match the code.\n');
});

test('usage errors exit 2 with a message and the usage', async () => {
  const cases: Array<[string[], RegExp]> = [
    [[], /check: expected exactly one directory/],
    [[join(FIXTURES, 'nope')], /not a directory: .*nope/],
    [[STATUS, '--ignore', 'typo'], /--ignore: unknown kind typo \(kinds: undocumented-route, /],
    [[STATUS, '--runtime', join(FIXTURES, 'missing.json')], /--runtime: no such file .*missing\.json/],
    [[STATUS, '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [argv, message] of cases) {
    const { code, out, err } = await run(...argv);
    assert.equal(code, 2, argv.join(' '));
    assert.equal(out, '');
    assert.match(err, message);
    assert.match(err, /migrate-api check <dir>/);
  }
});

test('renderFindings keeps the columns aligned when a file:line is long', () => {
  const long = 'src/a/very/deeply/nested/folder/routes.js';
  const text = plain(renderFindings([
    { kind: 'doc-yaml', file: long, line: 1234, message: 'bad', hint: 'fix it' },
    { kind: 'undocumented-route', file: 'a.js', line: 1, route: 'GET /x', message: 'GET /x has no docs', hint: 'add docs' },
  ]));
  const rows = text.split('\n').filter((l) => l.startsWith('  '));
  assert.equal(rows.length, 4);
  // The kind column and the fix hints start at the same offset in every row.
  const kindAt = (l: string) => l.search(/(doc-yaml|undocumented-route)/);
  assert.equal(kindAt(rows[0]), kindAt(rows[2]));
  assert.equal(rows[0].indexOf('bad'), rows[2].indexOf('GET /x: GET /x has no docs'));
  assert.equal(rows[1].indexOf('fix: fix it'), rows[3].indexOf('fix: add docs'));
  assert.ok(rows[0].startsWith(`  ${long}:1234 `));
});
