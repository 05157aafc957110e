// The claim "migrate, and nothing breaks", proved the way a user would see it on the three legacy apps in
// fixtures/apps: copy, run the app's own suite, migrate with default options, run the suite again, compare
// the served API document with the original docs fact by fact, re-run the migration, then try enforce.
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { MigrationReport } from '../../codemods/report.js';
import { linkDependencies, prepareApp, repoRoot, runAppSuite, typecheckApp, type SuiteResult } from '../helpers/legacy-app.js';
import { compareDocuments } from '../helpers/openapi-compare.js';
import { startApp } from './app-process.js';
import { originalFromSourceDocs, originalFromSpecFile } from './original-docs.js';

type Json = Record<string, any>;

interface AppCase {
  name: string;
  /** The module whose default export (or module.exports) is the express app. */
  entry: string;
  typescript: boolean;
  /** The app's API document before the migration; `url` is the legacy app, running. */
  original: (dir: string, url: string) => Promise<Json>;
}

const apps: AppCase[] = [
  {
    name: 'users-cjs', entry: 'app.js', typescript: false,
    // swagger-jsdoc's output, exactly as the legacy app serves it (README: raw spec at /api-docs.json).
    original: async (_dir, url) => {
      const res = await fetch(`${url}/api-docs.json`);
      assert.equal(res.status, 200, 'the legacy users-cjs app serves its swagger-jsdoc document at /api-docs.json');
      return (await res.json()) as Json;
    },
  },
  { name: 'orders-esm', entry: 'app.js', typescript: false, original: (dir) => originalFromSourceDocs(dir) },
  { name: 'inventory-ts', entry: 'src/app.ts', typescript: true, original: (dir) => originalFromSpecFile(dir, 'openapi.yaml') },
];

const SOURCE = /\.(?:[cm]?js|tsx?)$/;

/** Every source file of the app (not node_modules), relative path -> text. */
async function sources(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') await walk(p); } else if (SOURCE.test(e.name)) out.set(relative(dir, p), await readFile(p, 'utf8'));
    }
  };
  await walk(dir);
  return out;
}

const count = (text: string | undefined, re: RegExp) => (text ?? '').match(re)?.length ?? 0;
const LEGACY_CALL = /\blegacy\(/g;
/** A route registration carrying a spec object: `.get('/x', {` (what MA001 writes for every route it migrates). */
const SPEC_ROUTE = /\.(?:get|post|put|patch|delete|options|head|all)\(\s*(['"`])[^'"`]*\1,\s*\{/g;

async function migrate(dir: string, extra: string[] = []): Promise<{ code: number; out: string; err: string; report?: MigrationReport; ms: number }> {
  const reportDir = await mkdtemp(join(tmpdir(), 'e2e-report-'));
  let out = '';
  let err = '';
  try {
    const started = performance.now();
    const code = await main([dir, '--report', reportDir, ...extra], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
    const ms = performance.now() - started;
    const file = join(reportDir, 'report.json');
    const report = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as MigrationReport) : undefined;
    return { code, out, err, report, ms };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

/** Each fixture's legacy suite result, run once and reused by the enforce run on a fresh copy of it. */
const baselines = new Map<string, SuiteResult>();

const outcomes = (r: SuiteResult) => Object.fromEntries(r.tests.map((t) => [t.name, t.ok ? 'pass' : 'fail']));

function suiteFailures(r: SuiteResult): string {
  return r.tests.filter((t) => !t.ok).map((t) => `  - ${t.name}`).join('\n') + `\n--- suite output (last 3000 chars) ---\n${r.output.slice(-3000)}`;
}

before(() => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'compat', 'index.js')) && existsSync(join(repoRoot, 'dist', 'compat', 'index.cjs')),
    'dist/compat is missing: run `npm run build` first (migrated apps import migrate-api/compat from dist/)');
});

for (const app of apps) {
  describe(`migrate ${app.name} with default options`, () => {
    let dir: string;
    let legacySuite: SuiteResult;
    let original: Json;
    /** What the legacy app itself served at /openapi.json, if anything (inventory-ts serves its yaml there). */
    let legacyServed: string | undefined;
    let beforeFiles: Map<string, string>;
    let run: Awaited<ReturnType<typeof migrate>>;
    let afterFiles: Map<string, string>;

    before(async () => {
      dir = await prepareApp(app.name);
      legacySuite = await runAppSuite(dir);
      baselines.set(app.name, legacySuite);
      const legacy = await startApp(dir, app.entry);
      try {
        original = await app.original(dir, legacy.url);
        const own = await fetch(`${legacy.url}/openapi.json`);
        if (own.status === 200) legacyServed = await own.text();
      } finally {
        await legacy.close();
      }
      beforeFiles = await sources(dir);
      run = await migrate(dir);
      // The migration adds migrate-api and zod to package.json; the user's install is a relink here.
      await linkDependencies(dir);
      afterFiles = await sources(dir);
      process.stderr.write(`# ${app.name}: migrated in ${Math.round(run.ms)} ms; ${JSON.stringify(run.report?.summary)}\n`);
    });
    after(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('the legacy suite passes before the migration (the baseline is meaningful)', () => {
      assert.ok(legacySuite.tests.length >= 25, `${app.name}: only ${legacySuite.tests.length} tests`);
      assert.equal(legacySuite.failed, 0, suiteFailures(legacySuite));
    });

    it('migrates cleanly: exit 0, a report, files changed', () => {
      assert.equal(run.code, 0, `migrate-api exited ${run.code}\n${run.err}`);
      assert.ok(run.report, 'no report.json written');
      assert.ok(run.report.summary.filesChanged > 0, 'nothing was migrated');
    });

    it("the app's own suite gives exactly the same per-test results", async () => {
      const migrated = await runAppSuite(dir);
      assert.deepEqual(outcomes(migrated), outcomes(legacySuite), `changed outcomes after the migration:\n${suiteFailures(migrated)}`);
    });

    if (app.typescript) {
      it('still type-checks (tsc --noEmit, strict)', async () => {
        const tc = await typecheckApp(dir);
        assert.ok(tc.ok, tc.output);
      });
    }

    it('a second run changes nothing (--dry: exit 0, no diff)', async () => {
      const again = await migrate(dir, ['--dry']);
      assert.equal(again.out, '', `the second run would change files:\n${again.out}`);
      assert.equal(again.code, 0, again.err);
    });

    it('the served /openapi.json keeps every documented fact of the original docs', async () => {
      // Where the generated document is served: /openapi.json, or under /migrate-api where the app had its own route.
      const docsPath = run.report?.docsPaths?.openapi;
      assert.ok(docsPath, 'the report does not say where the migrated app serves its generated docs');
      assert.equal(docsPath, app.name === 'inventory-ts' ? '/migrate-api/openapi.json' : '/openapi.json');
      const server = await startApp(dir, app.entry);
      try {
        const res = await fetch(`${server.url}${docsPath}`);
        const text = await res.text();
        assert.equal(res.status, 200,
          `the migrated ${app.name} does not serve its generated document at ${docsPath} (status ${res.status}: ${text.slice(0, 200)})`);
        const served = JSON.parse(text) as Json;
        // An app that serves its own hand-written spec there would make the comparison prove nothing.
        assert.ok(legacyServed === undefined || JSON.stringify(served) !== JSON.stringify(JSON.parse(legacyServed)),
          `the migrated ${app.name} still serves its own hand-written document at /openapi.json, not the generated one`);
        // Nothing the generator could not render (a documented response header once took a whole response out).
        assert.equal(served['x-migrate-api-unrendered'], undefined, `left out of the document: ${JSON.stringify(served['x-migrate-api-unrendered'])}`);
        const { compared, lost } = compareDocuments(original, served);
        assert.ok(compared.length > 0, 'the original document states no facts: the comparison would be empty');
        process.stderr.write(`# ${app.name}: ${compared.length} doc facts compared, ${lost.length} lost\n`);
        assert.deepEqual(lost, [], `facts of the original docs missing from the served /openapi.json:\n${lost.join('\n')}`);
      } finally {
        await server.close();
      }
    });

    it("the report's numbers agree with what changed in the code", () => {
      const report = run.report!;
      const s = report.summary;
      assert.equal(s.routes, report.routes.length);
      assert.equal(s.skipped, 0, `skipped routes: ${JSON.stringify(report.routes.filter((r) => r.status === 'skipped'))}`);

      // Files: the report's changed files are exactly the source files that differ (the schemas module is new).
      const differing = [...afterFiles.keys()].filter((f) => beforeFiles.has(f) && beforeFiles.get(f) !== afterFiles.get(f)).sort();
      const added = [...afterFiles.keys()].filter((f) => !beforeFiles.has(f)).sort();
      assert.deepEqual(report.files.filter((f) => f.changed).map((f) => f.file).sort(), differing);
      assert.deepEqual(added, report.schemasModule ? [report.schemasModule] : []);

      // `grep -c 'legacy('` per file: every legacy-wrapped or undocumented route wrapped once, nothing else.
      for (const file of new Set([...afterFiles.keys()])) {
        const wrapped = count(afterFiles.get(file), LEGACY_CALL) - count(beforeFiles.get(file), LEGACY_CALL);
        const reported = report.routes.filter((r) => r.file === file && (r.status === 'legacy' || r.status === 'undocumented')).length;
        assert.equal(wrapped, reported, `${file}: ${wrapped} legacy( calls added, report says ${reported} legacy/undocumented routes`);
      }
      const totalLegacy = [...afterFiles.values()].reduce((n, t) => n + count(t, LEGACY_CALL), 0)
        - [...beforeFiles.values()].reduce((n, t) => n + count(t, LEGACY_CALL), 0);
      assert.equal(totalLegacy, s.legacy + s.undocumented);

      // Every migrated route carries a spec object; the ones not wrapped in legacy( are the typed ones.
      const specRoutes = [...afterFiles.values()].reduce((n, t) => n + count(t, SPEC_ROUTE), 0)
        - [...beforeFiles.values()].reduce((n, t) => n + count(t, SPEC_ROUTE), 0);
      assert.equal(specRoutes, s.typed + s.legacy + s.undocumented, 'routes with a spec object vs typed + legacy + undocumented');
      assert.equal(s.typed, report.routes.filter((r) => r.status === 'typed').length);
      process.stderr.write(`# ${app.name}: routes ${s.routes}, typed ${s.typed}, legacy ${s.legacy}, undocumented ${s.undocumented}\n`);
    });
  });
}

/**
 * inventory-ts README, "Known drifts": with validation enforced, a request that follows the code but not the
 * spec is rejected. Drift 2 (integer-documented `id` that is a SKU) is every test addressing an item in the
 * path, including the follow-up read in "creates an item...". Drift 1 (`inStock` vs `in_stock`) is an
 * unknown query key, which OpenAPI allows, and drift 3 is an undocumented route (nothing to enforce), so
 * neither changes an outcome; the auth test changes only "if validation ran before auth", and it runs after —
 * as does `requireRole('manager')` on DELETE, so "forbids staff from deleting with 403" keeps its 403.
 * The README's "Enforce mode" section names the other change: two tests assert the handler's own 400 text
 * for input the spec itself declares invalid (an enum, a maximum). Under enforce the runtime rejects that
 * input before the handler runs (422, FastAPI's shape): the contract is now checked by the docs, not by
 * hand-written code, which is the point of enforce.
 */
const ENFORCE_CHANGES = [
  'GET /api/items > rejects an unknown category with 400',
  'GET /api/items > rejects pageSize over 100 with 400',
  'GET /api/items/:id > returns an item by SKU',
  'GET /api/items/:id > 404s for an unknown SKU',
  'POST /api/items > creates an item with 201 and a Location',
  'PATCH /api/items/:id > updates name and price',
  'PATCH /api/items/:id > rejects an empty patch with 400',
  'PATCH /api/items/:id > rejects a string price with 400',
  'PATCH /api/items/:id > 404s for an unknown SKU',
  'DELETE /api/items/:id > lets a manager delete',
  'POST /api/items/:id/adjustments > receives stock and records the movement',
  'POST /api/items/:id/adjustments > refuses to go below zero with 409',
  'POST /api/items/:id/adjustments > rejects a zero delta with 400',
  'POST /api/items/:id/adjustments > rejects an unknown reason with 400',
  'POST /api/items/:id/adjustments > only lets managers book a stock count',
].sort();

describe('migrate inventory-ts with --validation enforce', () => {
  let dir: string;
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("changes the outcome of exactly the tests the README explains (its drifts, and input the spec itself rejects)", async () => {
    dir = await prepareApp('inventory-ts');
    const legacySuite = baselines.get('inventory-ts') ?? (await runAppSuite(dir));
    assert.equal(legacySuite.failed, 0, suiteFailures(legacySuite));
    const run = await migrate(dir, ['--validation', 'enforce']);
    assert.equal(run.code, 0, `migrate-api --validation enforce exited ${run.code}\n${run.err}`);
    await linkDependencies(dir);
    const enforced = await runAppSuite(dir);
    const was = outcomes(legacySuite);
    const now = outcomes(enforced);
    assert.deepEqual(Object.keys(now).sort(), Object.keys(was).sort(), 'the suite ran a different set of tests');
    const changed = Object.keys(was).filter((name) => was[name] !== now[name]).sort();
    assert.deepEqual(changed, ENFORCE_CHANGES, `tests whose outcome changed under enforce:\n${changed.join('\n')}\n${enforced.output.slice(-2000)}`);
  });
});

describe('migrate orders-esm one file first, then the rest', () => {
  let dir: string;
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the file migrates as it would with the whole app (mount prefix and docs known), the rest keeps running, the second run keeps its schemas', async () => {
    dir = await prepareApp('orders-esm');
    const legacySuite = baselines.get('orders-esm') ?? (await runAppSuite(dir));
    const untouched = await sources(dir);

    const first = await migrate(join(dir, 'routes', 'orders.js'));
    assert.equal(first.code, 0, `migrating routes/orders.js exited ${first.code}\n${first.err}`);
    assert.deepEqual(first.report!.routes.map((r) => [r.method, r.path, r.status]), [
      ['get', '/api/v1/orders', 'typed'], ['post', '/api/v1/orders', 'typed'], ['get', '/api/v1/orders/:id', 'typed'],
      ['patch', '/api/v1/orders/:id/status', 'legacy'], ['delete', '/api/v1/orders/:id', 'typed'],
    ], 'every route found under its mount prefix and matched to its doc block');
    const afterFirst = await sources(dir);
    const changed = [...afterFirst].filter(([f, text]) => untouched.get(f) !== text).map(([f]) => f).sort();
    assert.deepEqual(changed, ['api-schemas.js', 'routes/orders.js'], 'only the file asked for, and the schemas module beside the app');
    await linkDependencies(dir);
    assert.deepEqual(outcomes(await runAppSuite(dir)), outcomes(legacySuite), 'half migrated, the app behaves as before');

    const rest = await migrate(dir);
    assert.equal(rest.code, 0, `migrating the rest exited ${rest.code}\n${rest.err}`);
    const afterRest = await sources(dir);
    assert.equal(afterRest.get('routes/orders.js'), afterFirst.get('routes/orders.js'), 'the migrated file is left as it was');
    const imported = /import \{ ([^}]+) \} from '\.\.\/api-schemas\.js'/.exec(afterRest.get('routes/orders.js')!)![1]!.split(', ');
    for (const name of imported) assert.match(afterRest.get('api-schemas.js')!, new RegExp(`export const ${name} =`), `${name} is still exported`);
    await linkDependencies(dir);
    assert.deepEqual(outcomes(await runAppSuite(dir)), outcomes(legacySuite), 'fully migrated, the app behaves as before');
    const again = await migrate(dir, ['--dry']);
    assert.equal(again.out, '', 'a third run changes nothing');
  });
});
