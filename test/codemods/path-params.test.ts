// Path params named differently in docs and code: matched by position, the spec takes the code's names, a TODO and
// a drift finding say so. The rewrite itself is the fixtures/migrate/path-params pair (run by cli.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { DocOperation } from '../../codemods/model.js';
import { alignPathParams } from '../../codemods/path-params.js';
import type { MigrationReport } from '../../codemods/report.js';
import { copyFixture, readTree, runCli, tempDir } from '../helpers/migrate-cli.js';

const doc = (path: string, names: string[]): DocOperation => ({
  method: 'get', path, style: 'jsdoc', at: { file: 'x.js', line: 1 },
  operation: { parameters: [...names.map((name) => ({ in: 'path' as const, name, required: true, schema: { type: 'integer' } })), { in: 'query' as const, name: 'id', schema: { type: 'string' } }] },
});

test('path params are renamed to the code\'s names by position; other locations keep theirs', () => {
  const { operation, renamed } = alignPathParams('/posts/{postId}/comments/{commentId}', doc('/posts/{id}/comments/{commentId}', ['id', 'commentId']));
  assert.deepEqual(renamed, [['id', 'postId']]);
  assert.deepEqual(operation.parameters!.map((p) => `${p.in}:${p.name}`), ['path:postId', 'path:commentId', 'query:id']);
});

test('swapped names swap; equal names and a different param count change nothing', () => {
  const swapped = alignPathParams('/a/{x}/b/{y}', doc('/a/{y}/b/{x}', ['y', 'x']));
  assert.deepEqual(swapped.operation.parameters!.filter((p) => p.in === 'path').map((p) => p.name), ['x', 'y']);
  const same = doc('/a/{x}', ['x']);
  assert.equal(alignPathParams('/a/{x}', same).operation, same.operation);
  const fewer = doc('/a', []);
  assert.deepEqual(alignPathParams('/a/{x}', fewer).renamed, []);
});

test('the migration warns, marks the route with a MA002 TODO and the report has the path-params finding', async () => {
  const dir = copyFixture('migrate/path-params/input');
  const reportDir = tempDir('path-params-report');
  const run = await runCli([dir, '--force', '--report', reportDir]);
  assert.equal(run.code, 0, run.err);
  const routes = readTree(dir).get('routes/comments.js')!;
  assert.match(routes, /\/\/ TODO\(migrate-api MA002\): .*\{id\} as :postId.*\nrouter\.get\('\/:postId\/comments\/:commentId', \{\n.*\n  params: z\.object\(\{ postId: z\.coerce\.number\(\)\.int\(\), commentId:/);
  assert.doesNotMatch(routes, /\bid: z\./, 'no schema key the route does not have');
  const report = JSON.parse(readTree(reportDir).get('report.json')!) as MigrationReport;
  assert.deepEqual(report.drift!.filter((f) => f.kind === 'path-params').map((f) => f.route), ['GET /posts/:postId/comments/:commentId']);
  assert.ok(report.diagnostics.some((d) => d.code === 'path-params' && d.at?.file === 'routes/comments.js' && d.at.line === 26));
  assert.match(run.err, /path-params \[GET \/posts\/:postId\/comments\/:commentId\]/);
});
