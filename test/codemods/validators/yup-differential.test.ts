// yup: the app's own validator (run as the fixture routes' middleware) and the zod emitted from the
// translated schema judge the same generated and mutated requests; they must agree on >= 99%, and every
// kind of disagreement is explained in codemods/validators/KNOWN-GAPS.md.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { yup } from '../../../codemods/validators/yup.js';
import { runLibraryDifferential, ROOT, type LibraryDifferential } from '../../helpers/validator-differential.js';
import { explainedKinds } from './known-gaps.js';

let run: LibraryDifferential;
before(async () => {
  run = await runLibraryDifferential({ dir: join(ROOT, 'fixtures/validators/yup'), translator: yup, valid: 30, mutated: 60, });
});

test('yup: every fully translated fixture route is judged on generated and mutated requests', (t) => {
  t.diagnostic(`${run.routes} routes, ${run.checks} requests; skipped (untranslated rules): ${run.skipped.join('; ') || 'none'}`);
  assert.ok(run.routes >= 7, `routes: ${run.routes}`);
  assert.ok(run.checks >= run.routes * 60, `checks: ${run.checks}`);
  // The generator works from the translated schema: the original validator must accept what it makes.
  assert.ok(run.validShare >= 0.95, `original accepts ${(run.validShare * 100).toFixed(1)}% of generated requests`);
});

// What still differs is where zod is the stricter (KNOWN-GAPS.md, yup): yup's date() hands text its ISO pattern
// misses to V8's Date.parse (which reads 12.5 as 5 Dec 2001), and string().max(20) casts a number before it
// measures its text, which no JSON Schema keyword measures.
const MIN_AGREEMENT = 0.99;
test('yup: the original validator and the emitted zod agree on >= 99% of requests', (t) => {
  const agreement = run.agreements / run.checks;
  t.diagnostic(`agreement ${(agreement * 100).toFixed(2)}% (${run.disagreements.length} of ${run.checks})`);
  for (const d of run.disagreements.slice(0, 20)) t.diagnostic(`  ${d.route} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 160)} original=${d.original} zod=${d.zod} ${d.zodError ?? ''}`);
  assert.ok(agreement >= MIN_AGREEMENT, `agreement ${agreement}`);
  // Fail closed: every request the two judge differently is one the app accepts today and zod refuses.
  assert.deepEqual(run.disagreements.filter((d) => d.zod).map((d) => `${d.route} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 200)}`), []);
});

test('yup: every disagreement is of a kind KNOWN-GAPS.md explains', () => {
  const known = explainedKinds('yup');
  assert.deepEqual(run.disagreements.filter((d) => !known.has(d.kind)).map((d) => `${d.route} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 200)}`), []);
});
