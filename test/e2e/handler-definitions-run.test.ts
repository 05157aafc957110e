// Each MA003 folder case is also RUN: its legacy input and its typed output, each mounted in an express app (the
// output in report mode, as migrated), answer the same requests with the same status, headers and bodies; a TS
// case (run.json `typecheck`) also passes `tsc --noEmit` (strict) before and after.
// Needs `npm run build` (the output requires migrate-api/compat from dist/, as an installed app would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixtureFolders } from '../helpers/fixture-cases.js';
import { answers, typecheckTree, type RunSpec } from '../helpers/equivalence-run.js';

const dir = join(import.meta.dirname, '../../fixtures/MA003');

for (const c of fixtureFolders(dir)) {
  const runJson = c.extra('run.json');
  test(`MA003/${c.name}: legacy input and typed output answer alike`, async () => {
    assert.ok(runJson, `${c.dir}: every folder case has a run.json`);
    const run = JSON.parse(runJson) as RunSpec;
    const before = await answers(c.input, run);
    const after = await answers(c.output, run);
    assert.equal(after.length, run.requests.length);
    run.requests.forEach((r, i) => assert.deepEqual(after[i], before[i], `${r.method} ${r.path}`));
    if (run.typecheck) {
      for (const tree of [c.input, c.output]) {
        const tsc = await typecheckTree(tree);
        assert.ok(tsc.ok, `tsc --noEmit on ${tree}:\n${tsc.output}`);
      }
    }
  });
}
