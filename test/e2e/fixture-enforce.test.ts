// Enforce on every fixture app changes only test outcomes a drift finding explains (bench/fixture-apps/enforce.ts,
// which writes bench/FIXTURE-ENFORCE.md): each app migrated with default options, its suite run in report and in
// enforce; every test that moved is tied to a runtime finding of the report run, and no response was flagged
// that is not a leaked key (a check before serialization, of a Date or a toJSON() record, would be).
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { enforceFixtureApp } from '../../bench/fixture-apps/enforce.js';
import { appsRoot } from '../helpers/legacy-app.js';

for (const app of readdirSync(appsRoot).sort()) {
  test(`${app}: every test enforce moves is explained by a runtime finding`, async () => {
    const r = await enforceFixtureApp(app);
    assert.ok(r.report.tests && r.report.tests.length > 0);
    assert.equal(r.report.failed, 0, `${app}: the migrated suite passes in report mode`);
    assert.deepEqual(r.changed.filter((c) => c.findings.length === 0).map((c) => c.name), [], 'moved with no finding to explain it');
    assert.deepEqual(r.responseFindings.map((f) => `${f.route}: ${f.message}`), [], 'response findings other than a leaked key');
    // Only the way a drifting request is answered changes: a test that passed in report fails in enforce.
    for (const c of r.changed) assert.deepEqual([c.before, c.after], ['passed', 'failed'], c.name);
  });
}
