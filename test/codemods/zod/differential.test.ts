// The differential proof of the docs -> zod emitter: for every schema of every document in
// @readme/oas-examples (components and inline operation schemas), seeded valid instances and
// mutated invalid ones are judged by ajv (draft 2020-12 + ajv-formats, against the normalized
// original) and by the generated zod (imported from the emitted module). They must agree on
// >= 99.7% of instances, and every disagreement must fall in a class that
// codemods/zod/KNOWN-GAPS.md explains. Set PROOF_REPORT=file.json to dump the disagreements.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { exampleDocuments, OAS_EXAMPLES } from '../../helpers/corpus.js';
import { classCounts, emptyStats, type DifferentialStats } from '../../helpers/differential.js';
import { runDifferential } from '../../helpers/differential-run.js';
import { isKnown, knownGapClasses } from '../../helpers/known-gaps.js';
import { createModuleDir } from '../../helpers/zod-module.js';

// Per schema; seeded, so every run judges the same instances.
const VALID_PER_SCHEMA = 12;
const MUTATED_PER_SCHEMA = 16;
const MIN_AGREEMENT = 0.997;

const dir = createModuleDir();
let stats: DifferentialStats = emptyStats();
let failures: string[] = [];
let checkedPerDocument = new Map<string, number>();

before(async () => {
  ({ stats, failures, checkedPerDocument } = await runDifferential(exampleDocuments(), {
    valid: VALID_PER_SCHEMA, mutated: MUTATED_PER_SCHEMA, dir, root: OAS_EXAMPLES,
  }));
  if (process.env.PROOF_REPORT) writeFileSync(process.env.PROOF_REPORT, JSON.stringify(stats.disagreements, null, 1));
});

after(() => dir.remove());

test('every schema of every example document is emitted, imported and checked', (t) => {
  assert.deepEqual(failures, []);
  const checked = [...checkedPerDocument.values()].reduce((a, b) => a + b, 0);
  t.diagnostic(`${checkedPerDocument.size} documents, ${checked} schemas, ${stats.checks} instances judged`);
  assert.ok(checkedPerDocument.size >= 60, `documents found: ${checkedPerDocument.size}`);
  // The corpus has ~400 components and ~1,500 inline schemas (before de-duplication).
  assert.ok(checked >= 500, `schemas checked: ${checked}`);
  assert.ok(stats.checks >= checked * 20, `instances judged: ${stats.checks}`);
});

test('the instances are meaningful: generated ones are valid, mutated ones invalid, for ajv', (t) => {
  const validRate = stats.generatedValid / stats.generated;
  const invalidRate = stats.mutatedInvalid / stats.mutated;
  t.diagnostic(`ajv accepts ${(validRate * 100).toFixed(1)}% of generated instances and rejects ${(invalidRate * 100).toFixed(1)}% of mutated ones`);
  assert.ok(validRate >= 0.9, `generated instances valid: ${validRate}`);
  // Below 100% by design: a mutation can land where an anyOf branch or an open schema absorbs it,
  // and format variants are valid spellings.
  assert.ok(invalidRate >= 0.7, `mutated instances invalid: ${invalidRate}`);
});

test(`generated zod and ajv agree on >= ${MIN_AGREEMENT * 100}% of instances`, (t) => {
  const agreement = stats.agreements / stats.checks;
  t.diagnostic(`agreement ${(agreement * 100).toFixed(3)}% (${stats.checks - stats.agreements} disagreements in ${stats.checks})`);
  for (const [cls, n] of classCounts(stats.disagreements)) t.diagnostic(`  ${n} ${cls}`);
  assert.ok(agreement >= MIN_AGREEMENT, `agreement ${agreement}`);
});

test('every disagreement falls in a class explained in codemods/zod/KNOWN-GAPS.md', () => {
  const known = knownGapClasses('Differential check');
  const unexplained = stats.disagreements.filter((d) => !isKnown(d.cls, known));
  assert.deepEqual(
    unexplained.slice(0, 10).map((d) => `${d.cls}: ${d.doc} ${d.label} [${d.kind}] ${JSON.stringify(d.instance).slice(0, 200)} — ajv: ${d.ajv}; zod: ${d.zod}`),
    [],
  );
});
