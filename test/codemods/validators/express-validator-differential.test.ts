// express-validator: the app's own validator (run as the fixture routes' middleware) and the zod emitted from the
// translated schema judge the same generated and mutated requests; they must agree on >= 99%, and every
// kind of disagreement is explained in codemods/validators/KNOWN-GAPS.md.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { validationResult } from 'express-validator';
import { expressValidator } from '../../../codemods/validators/express-validator.js';
import { runLibraryDifferential, ROOT, type LibraryDifferential } from '../../helpers/validator-differential.js';
import { explainedKinds } from './known-gaps.js';

let run: LibraryDifferential;
before(async () => {
  run = await runLibraryDifferential({ dir: join(ROOT, 'fixtures/validators/express-validator'), translator: expressValidator, valid: 30, mutated: 60, afterChain: (req) => validationResult(req).isEmpty(), });
});

test('express-validator: every fully translated fixture route is judged on generated and mutated requests', (t) => {
  t.diagnostic(`${run.routes} routes, ${run.checks} requests; skipped (untranslated rules): ${run.skipped.join('; ') || 'none'}`);
  assert.ok(run.routes >= 4, `routes: ${run.routes}`);
  assert.ok(run.checks >= run.routes * 60, `checks: ${run.checks}`);
  // The generator works from the translated schema: the original validator must accept what it makes.
  assert.ok(run.validShare >= 0.95, `original accepts ${(run.validShare * 100).toFixed(1)}% of generated requests`);
});

test('express-validator: the original validator and the emitted zod agree on >= 99% of requests', (t) => {
  const agreement = run.agreements / run.checks;
  t.diagnostic(`agreement ${(agreement * 100).toFixed(2)}% (${run.disagreements.length} of ${run.checks})`);
  for (const d of run.disagreements.slice(0, 20)) t.diagnostic(`  ${d.route} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 160)} original=${d.original} zod=${d.zod} ${d.zodError ?? ''}`);
  assert.ok(agreement >= 0.99, `agreement ${agreement}`);
});

test('express-validator: every disagreement is of a kind KNOWN-GAPS.md explains', () => {
  const known = explainedKinds('express-validator');
  assert.deepEqual(run.disagreements.filter((d) => !known.has(d.kind)).map((d) => `${d.route} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 200)}`), []);
});
