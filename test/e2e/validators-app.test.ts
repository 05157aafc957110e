// MA004 on a real-shaped app (fixtures/apps/bookings-joi: Joi behind a local validate(), celebrate): its own
// suite before, after a default migration (report: the old middleware stays, its 400s are the app's answers),
// and after an enforce migration (validators whose rules the spec covers leave the chain, the rest stay).
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import { prepareApp, runAppSuite, type SuiteResult } from '../helpers/legacy-app.js';

const made: string[] = [];
after(async () => { await Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))); });

async function prepared(): Promise<string> {
  const dir = await prepareApp('bookings-joi');
  made.push(dir);
  return dir;
}

async function migrate(dir: string, extra: string[] = []): Promise<number> {
  return main([dir, '--force', ...extra], { out: () => {}, err: () => {}, isTTY: false });
}

const outcome = (s: SuiteResult) => s.tests.map((t) => `${t.ok ? 'pass' : 'FAIL'} ${t.name}`).sort();

describe('bookings-joi (Joi + celebrate) through MA004', () => {
  let baseline: SuiteResult;

  it('its own suite passes before the migration', async () => {
    baseline = await runAppSuite(await prepared());
    assert.equal(baseline.failed, 0, baseline.output);
    assert.ok(baseline.passed >= 12);
  });

  it('default migration: every route gets its validator as spec, the middleware stays, the suite gives the same results', async () => {
    const dir = await prepared();
    assert.ok([0, 1].includes(await migrate(dir)));
    const bookings = await readFile(join(dir, 'routes/bookings.route.js'), 'utf8');
    const tables = await readFile(join(dir, 'routes/tables.route.js'), 'utf8');
    assert.match(bookings, /email: z\.email\(\)/);
    assert.match(bookings, /guests: z\.number\(\)\.int\(\)\.min\(1\)\.max\(12\)\.default\(2\)/);
    assert.equal(bookings.match(/validate\(bookingValidation\.\w+\)/g)?.length, 4, 'report mode keeps every validate()');
    assert.match(tables, /label: z\.string\(\)\.min\(1\)\.max\(20\)\.regex\(\/\^\[A-Z\]\[\\w-\]\*\$\/\)/);
    assert.equal(tables.match(/celebrate\(\{/g)?.length, 2, 'report mode keeps celebrate()');
    assert.deepEqual(outcome(await runAppSuite(dir)), outcome(baseline));
  });

  it('enforce: only the covered validator that hands the handler nothing new leaves the chain', async () => {
    const dir = await prepared();
    assert.ok([0, 1].includes(await migrate(dir, ['--validation', 'enforce'])));
    const bookings = await readFile(join(dir, 'routes/bookings.route.js'), 'utf8');
    assert.doesNotMatch(bookings, /validate\(bookingValidation\.feedback\)/, 'feedback: all rules in the spec, no conversion');
    for (const kept of ['createBooking', 'listBookings', 'getBooking']) assert.match(bookings, new RegExp(`validate\\(bookingValidation\\.${kept}\\)`), kept);
    const suite = await runAppSuite(dir);
    assert.deepEqual(outcome(suite), outcome(baseline), suite.output);
  });
});
