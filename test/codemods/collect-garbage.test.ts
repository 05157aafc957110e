// collectGarbage: a full collection really runs (an object nothing refers to any more is gone after it),
// without --expose-gc on the command line, as the CLI runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectGarbage } from '../../codemods/collect-garbage.js';

test('an unreachable object is collected', async () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'this test must run without --expose-gc');
  const ref = ((): WeakRef<object> => new WeakRef({ rows: new Array(10_000).fill('x') }))();
  // A WeakRef's target stays alive until the end of the job that created it.
  await new Promise((done) => setImmediate(done));
  collectGarbage();
  assert.equal(ref.deref(), undefined);
});
