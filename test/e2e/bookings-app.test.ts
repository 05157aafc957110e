// fixtures/apps/bookings-ts validates with class-validator DTOs (legacy decorators, nested @Type DTOs, a query
// DTO, skipMissingProperties on PATCH). The default migration must leave it loading, compiling and passing its
// own suite with the same per-test results, and a second run must change nothing. Its DTOs also translate
// completely with the class-validator translator and the real scope.
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { MigrationReport } from '../../codemods/report.js';
import { classValidator } from '../../codemods/validators/class-validator.js';
import { appsRoot, linkDependencies, prepareApp, repoRoot, runAppSuite, typecheckApp, type SuiteResult } from '../helpers/legacy-app.js';
import { translateRoutes } from '../codemods/validators/route-arguments.js';

async function migrate(dir: string, extra: string[] = []): Promise<{ code: number; out: string; err: string; report?: MigrationReport }> {
  const reportDir = await mkdtemp(join(tmpdir(), 'e2e-report-'));
  let out = '';
  let err = '';
  try {
    const code = await main([dir, '--report', reportDir, ...extra], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
    const file = join(reportDir, 'report.json');
    return { code, out, err, report: existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as MigrationReport) : undefined };
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

const outcomes = (r: SuiteResult) => Object.fromEntries(r.tests.map((t) => [t.name, t.ok ? 'pass' : 'fail']));

describe('bookings-ts (class-validator DTOs): the default migration', () => {
  let dir: string;
  let legacy: SuiteResult;
  let run: Awaited<ReturnType<typeof migrate>>;

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist', 'compat', 'index.js')), 'dist/compat is missing: run `npm run build` first');
    dir = await prepareApp('bookings-ts');
    legacy = await runAppSuite(dir);
    run = await migrate(dir);
    await linkDependencies(dir);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has a meaningful baseline: the legacy suite passes', () => {
    assert.ok(legacy.tests.length >= 25, `only ${legacy.tests.length} tests`);
    assert.equal(legacy.failed, 0, legacy.output.slice(-3000));
  });

  it('migrates: exit 0, a report, files changed', () => {
    assert.equal(run.code, 0, run.err);
    assert.ok(run.report && run.report.summary.filesChanged > 0, 'nothing was migrated');
  });

  it("keeps the app's own suite's per-test results", async () => {
    const migrated = await runAppSuite(dir);
    assert.deepEqual(outcomes(migrated), outcomes(legacy), migrated.output.slice(-3000));
  });

  it('still type-checks (strict, experimental decorators)', async () => {
    const tc = await typecheckApp(dir);
    assert.ok(tc.ok, tc.output);
  });

  it('a second run changes nothing', async () => {
    const again = await migrate(dir, ['--dry']);
    assert.equal(again.out, '', again.out);
    assert.equal(again.code, 0, again.err);
  });
});

describe('bookings-ts: its DTOs translate', () => {
  it('every validated route of the original app translates without an untranslated rule', () => {
    const app = join(appsRoot, 'bookings-ts');
    const results = ['rooms.ts', 'bookings.ts'].flatMap((f) => translateRoutes(join(app, 'src/routes', f), classValidator, app));
    assert.deepEqual(results.map((r) => `${r.route} ${Object.keys(r.result.locations).join(',')} ${r.result.unknownKeys}`), [
      'POST / body reject',
      'GET / query reject',
      'POST / body reject',
      'PATCH /:id body reject',
    ]);
    assert.deepEqual(results.flatMap((r) => r.result.untranslated), []);
    const create = results[2]!.result.locations.body as { required: string[]; properties: Record<string, any> };
    assert.deepEqual(create.required, ['room', 'start', 'minutes', 'kind', 'guests']);
    assert.deepEqual(create.properties.kind.enum, ['meeting', 'interview', 'workshop']);
    assert.deepEqual(create.properties.guests.items.required, ['name', 'email']);
    const patch = results[3]!.result.locations.body as { required?: string[] };
    assert.equal(patch.required, undefined, 'skipMissingProperties: nothing is required');
  });
});
