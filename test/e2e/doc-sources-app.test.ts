// fixtures/apps/clinic-cjs keeps its docs where real apps do: a YAML spec under its own name that the app reads
// with js-yaml (servers base path /api/v2), and swagger-jsdoc options whose imported `definition` holds the
// components its `@openapi` blocks `$ref` (servers `/admin`); its routers nest three deep under one that only
// mounts others. Migrated with default options: its own suite gives the same results, a second run changes
// nothing, the report lists both doc sources with their base paths, and the served /openapi.json keeps every
// fact of both documents the legacy app served — each read as a client reads it, paths under its base path.
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { MigrationReport } from '../../codemods/report.js';
import { linkDependencies, prepareApp, repoRoot, runAppSuite, type SuiteResult } from '../helpers/legacy-app.js';
import { compareDocuments } from '../helpers/openapi-compare.js';
import { startApp } from './app-process.js';

type Json = Record<string, any>;

async function migrate(dir: string, extra: string[] = []): Promise<{ code: number; out: string; err: string; report?: MigrationReport }> {
  const reportDir = await mkdtemp(join(tmpdir(), 'e2e-report-'));
  let out = '';
  let err = '';
  try {
    const code = await main([dir, '--report', reportDir, ...extra], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
    const file = join(reportDir, 'report.json');
    const report = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as MigrationReport) : undefined;
    return { code, out, err, report };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** The document as a client calls it: every path under the path of its first server's URL. */
function underBasePath(doc: Json): Json {
  const url = String(doc.servers?.[0]?.url ?? '');
  const base = (/^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '')).replace(/\/+$/, '');
  const paths = Object.fromEntries(Object.entries<Json>(doc.paths ?? {}).map(([p, item]) => [`${base}${p}`, item]));
  return { ...doc, paths };
}

const outcomes = (r: SuiteResult) => Object.fromEntries(r.tests.map((t) => [t.name, t.ok ? 'pass' : 'fail']));

describe('migrate clinic-cjs (a loaded YAML spec + swagger-jsdoc options, routers three deep)', () => {
  let dir: string;
  let legacySuite: SuiteResult;
  const originals: Record<string, Json> = {};
  let run: Awaited<ReturnType<typeof migrate>>;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist', 'compat', 'index.cjs')), 'dist/compat is missing: run `npm run build` first');
    dir = await prepareApp('clinic-cjs');
    legacySuite = await runAppSuite(dir);
    const legacy = await startApp(dir, 'app.js');
    try {
      for (const name of ['clinic', 'admin']) {
        const res = await fetch(`${legacy.url}/legacy-docs/${name}.json`);
        assert.equal(res.status, 200, `the legacy app serves its ${name} document`);
        originals[name] = (await res.json()) as Json;
      }
    } finally {
      await legacy.close();
    }
    run = await migrate(dir);
    await linkDependencies(dir);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the legacy suite passes before the migration', () => {
    assert.ok(legacySuite.tests.length >= 12, `only ${legacySuite.tests.length} tests`);
    assert.equal(legacySuite.failed, 0, legacySuite.output.slice(-3000));
  });

  it('migrates cleanly, every documented route matched to its docs under their base paths', () => {
    assert.equal(run.code, 0, `migrate-api exited ${run.code}\n${run.err}`);
    const report = run.report!;
    const documented = report.routes.filter((r) => r.status === 'legacy' || r.status === 'typed').map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    assert.deepEqual(documented, [
      'DELETE /admin/owners/:ownerId', 'GET /admin/stats', 'GET /api/v2/owners', 'GET /api/v2/owners/:ownerId',
      'GET /api/v2/owners/visits/:visitId', 'GET /api/v2/pets', 'POST /api/v2/owners',
    ]);
    assert.deepEqual(report.docsWithoutRoute, []);
  });

  it('the report lists each doc source: file, style, operations, base path', () => {
    const sources = run.report!.docSources!.map((s) => `${s.file} ${s.style} ${s.operations} ${s.basePath ?? '-'}`).sort();
    assert.deepEqual(sources, [
      'app.js swagger-jsdoc options 0 /admin',
      'docs/clinic-api.yml spec-file 5 /api/v2',
      'routes/admin.js jsdoc 2 /admin',
    ]);
  });

  it('the router that only mounts others is wrapped, so its mounts are recorded', async () => {
    const v2 = await readFile(join(dir, 'routes', 'v2.js'), 'utf8');
    assert.match(v2, /const api = typed\(express\.Router\(\), \{ validation: 'report' \}\);/);
  });

  it("the app's own suite gives exactly the same per-test results", async () => {
    const migrated = await runAppSuite(dir);
    assert.deepEqual(outcomes(migrated), outcomes(legacySuite), migrated.output.slice(-3000));
  });

  it('a second run changes nothing', async () => {
    const again = await migrate(dir, ['--dry']);
    assert.equal(again.out, '', `the second run would change files:\n${again.out}`);
    assert.equal(again.code, 0, again.err);
  });

  it('the served /openapi.json keeps every fact of both documents, every route under its full path', async () => {
    const server = await startApp(dir, 'app.js');
    try {
      const res = await fetch(`${server.url}${run.report!.docsPaths!.openapi}`);
      assert.equal(res.status, 200);
      const served = (await res.json()) as Json;
      for (const path of ['/health', '/api/v2/owners', '/api/v2/owners/{ownerId}', '/api/v2/owners/visits/{visitId}', '/api/v2/pets', '/admin/stats']) {
        assert.ok(served.paths?.[path], `${path} is missing from the served document (has ${Object.keys(served.paths ?? {}).join(', ')})`);
      }
      for (const [name, doc] of Object.entries(originals)) {
        const { compared, lost } = compareDocuments(underBasePath(doc), served);
        process.stderr.write(`# clinic-cjs ${name}: ${compared.length} doc facts compared, ${lost.length} lost\n`);
        assert.ok(compared.length > 10, `${name}: too few facts to compare`);
        assert.deepEqual(lost, [], `facts of the ${name} document missing from the served /openapi.json:\n${lost.join('\n')}`);
      }
    } finally {
      await server.close();
    }
  });
});

describe('clinic-cjs under --validation enforce', () => {
  let dir: string;
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a documented response no longer leaks its undocumented field: the components of the options resolved', async () => {
    dir = await prepareApp('clinic-cjs');
    const run = await migrate(dir, ['--validation', 'enforce']);
    assert.equal(run.code, 0, run.err);
    await linkDependencies(dir);
    const server = await startApp(dir, 'app.js');
    try {
      const res = await fetch(`${server.url}/admin/stats`, { headers: { authorization: 'Bearer admin-token' } });
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { owners: 2, pets: 2 });
    } finally {
      await server.close();
    }
  });
});
