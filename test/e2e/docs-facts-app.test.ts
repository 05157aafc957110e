// fixtures/migrate/docs-examples-cjs, migrated with default options and run: the served /openapi.json keeps what
// its swagger.json says beyond schemas — info.contact/license/termsOfService, media-type examples (request and
// response), the media type of a response documented by an example alone, a second media type with a schema of
// its own, a misspelled media type's own name, a request body's form and multipart types — fact by fact
// (test/helpers/openapi-compare.ts), and the migration warns about the misspelling with file:line.
// fixtures/migrate/docs-swagger2-cjs the same for a Swagger 2.0 spec: a response written as a schema, a second
// media type in `produces`, `in: body` descriptions (one beside an express-validator chain that wins).
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { MigrationReport } from '../../codemods/report.js';
import { linkDependencies, repoRoot } from '../helpers/legacy-app.js';
import { compareDocuments } from '../helpers/openapi-compare.js';
import { startApp } from './app-process.js';

type Json = Record<string, any>;
/** The fixture migrated (default options, --report) into a temporary folder with its dependencies linked. */
function migratedFixture(fixture: string, prefix: string) {
  const run = { dir: '', reportDir: '', code: -1, err: '', report: {} as MigrationReport };
  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist', 'compat', 'index.cjs')), 'dist/compat is missing: run `npm run build` first');
    run.dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    run.reportDir = mkdtempSync(join(tmpdir(), `${prefix}-report-`));
    cpSync(fixture, run.dir, { recursive: true });
    run.code = await main([run.dir, '--report', run.reportDir], { out: () => {}, err: (s) => (run.err += s), isTTY: false });
    run.report = JSON.parse(readFileSync(join(run.reportDir, 'report.json'), 'utf8')) as MigrationReport;
    await linkDependencies(run.dir);
  });
  after(() => {
    for (const d of [run.dir, run.reportDir]) if (d) rmSync(d, { recursive: true, force: true });
  });
  return run;
}

const FIXTURE = join(repoRoot, 'fixtures', 'migrate', 'docs-examples-cjs', 'input');

describe('migrate docs-examples-cjs: the served document keeps examples, media types and info', () => {
  const run = migratedFixture(FIXTURE, 'docs-facts');

  it('migrates, and warns that a media type only looks like JSON, with file:line', () => {
    assert.equal(run.code, 0, run.err);
    const warning = run.report.diagnostics.find((d) => d.code === 'media-type');
    assert.ok(warning, `no media-type diagnostic in ${JSON.stringify(run.report.diagnostics.map((d) => d.code))}`);
    assert.equal(warning.severity, 'warning');
    assert.match(warning.message, /"apllication\/json" .*read as JSON/);
    assert.equal(warning.at?.file, 'swagger.json');
    assert.ok((warning.at?.line ?? 0) > 1, `the warning points at the operation, not the file: ${JSON.stringify(warning.at)}`);
  });

  it('the served /openapi.json keeps every fact of swagger.json', async () => {
    const original = JSON.parse(readFileSync(join(FIXTURE, 'swagger.json'), 'utf8')) as Json;
    const server = await startApp(run.dir, 'app.js');
    try {
      const res = await fetch(`${server.url}${run.report.docsPaths!.openapi}`);
      assert.equal(res.status, 200);
      const served = (await res.json()) as Json;
      const { compared, lost } = compareDocuments(original, served);
      for (const fact of [
        'info contact email "jane@example.com"', 'info license name "MIT"', 'info termsOfService "https://example.com/terms"',
        'requestBody POST /users apllication/json example', 'response POST /users 201 application/json example',
        'response POST /users 201 application/json without schema', 'response GET /users/{id} 200 application/json examples jane',
        'response GET /users/{id} 404 text/plain without schema', 'response GET /users/{id} 200 application/xml schema',
        'requestBody POST /users form',
      ]) assert.ok(compared.includes(fact), `${fact} is not among the compared facts:\n${compared.join('\n')}`);
      assert.deepEqual(lost, [], `facts of swagger.json missing from the served document:\n${lost.join('\n')}`);
      // The misspelled media type is served under its own name (validation reads it as JSON either way); the form
      // sharing its schema is listed beside it, and multipart, with a schema of its own, is served as written.
      const content = served.paths['/users'].post.requestBody.content;
      assert.deepEqual(Object.keys(content), ['apllication/json', 'application/x-www-form-urlencoded', 'multipart/form-data']);
      assert.deepEqual(Object.keys(content['multipart/form-data'].schema.properties), ['name', 'avatar']);
    } finally {
      await server.close();
    }
  });
});

const SWAGGER2 = join(repoRoot, 'fixtures', 'migrate', 'docs-swagger2-cjs', 'input');

describe('migrate docs-swagger2-cjs: the served document keeps a Swagger 2.0 response written as a schema, produces, body descriptions', () => {
  const run = migratedFixture(SWAGGER2, 'docs-swagger2');

  it('migrates, and warns once that a response is written as a schema, with file:line', () => {
    assert.equal(run.code, 0, run.err);
    const warnings = run.report.diagnostics.filter((d) => d.code === 'response-as-schema');
    assert.equal(warnings.length, 1, JSON.stringify(run.report.diagnostics));
    assert.equal(warnings[0].at?.file, 'swagger.json');
    assert.equal(warnings[0].at?.line, 13);
    assert.ok(!run.report.diagnostics.some((d) => d.code === 'unknown-keyword'), JSON.stringify(run.report.diagnostics));
  });

  it('the served /openapi.json keeps every fact of swagger.json', async () => {
    const original = JSON.parse(readFileSync(join(SWAGGER2, 'swagger.json'), 'utf8')) as Json;
    const server = await startApp(run.dir, 'app.js');
    try {
      const res = await fetch(`${server.url}${run.report.docsPaths!.openapi}`);
      assert.equal(res.status, 200);
      const served = (await res.json()) as Json;
      const { compared, lost } = compareDocuments(original, served);
      for (const fact of [
        'response POST /orders 200 body schema', 'response GET /orders/{id} 200 application/xml schema',
        'requestBody POST /orders description "the amount to pay"', 'requestBody PUT /orders/{id} description "the new order"',
      ]) assert.ok(compared.includes(fact), `${fact} is not among the compared facts:\n${compared.join('\n')}`);
      assert.deepEqual(lost, [], `facts of swagger.json missing from the served document:\n${lost.join('\n')}`);
      assert.deepEqual(served.paths['/orders'].post.responses['200'].content['application/json'].schema.properties, { price: { type: 'number', example: 360 } });
    } finally {
      await server.close();
    }
  });
});
