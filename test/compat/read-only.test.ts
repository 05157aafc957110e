// `readOnlyChecked(check)`, the z.preprocess function a migrated route file's inline request schema runs
// before the object that leaves readOnly properties out: a bad readOnly value fails with the check's own
// issue at its path, a good one is stripped, an absent one is fine. It behaves as the helper a schemas
// module declares for itself (the generated fixture's `BaseInput`), issue for issue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { readOnlyChecked } from '../../compat/index.js';
import { BaseInput } from '../../fixtures/schema-to-zod/read-only-checked.output.js';

const inline = z.preprocess(readOnlyChecked(z.object({ id: z.number().int().optional() })), z.object({ name: z.string() }));

test('a bad readOnly value fails at its path with the check\'s issue', () => {
  const r = inline.safeParse({ id: 'x', name: 'a' });
  assert.equal(r.success, false);
  assert.deepEqual(r.error!.issues.map((i) => [i.code, i.path]), [['invalid_type', ['id']]]);
});

test('a good readOnly value is stripped; an absent one is fine; the value is handed on unchanged', () => {
  assert.deepEqual(inline.parse({ id: 7, name: 'a' }), { name: 'a' });
  assert.deepEqual(inline.parse({ name: 'a' }), { name: 'a' });
  const sent = { id: 7, name: 'a' };
  const issues: unknown[] = [];
  const out = readOnlyChecked(z.object({ id: z.number() }))(sent, { addIssue: (i: unknown) => issues.push(i), value: sent } as unknown as z.RefinementCtx);
  assert.equal(out, sent);
  assert.deepEqual([issues, sent], [[], { id: 7, name: 'a' }]);
});

test('a readOnly issue stops the parse there (zod\'s preprocess); once the readOnly values are good, the object\'s own issues follow', () => {
  assert.deepEqual(inline.safeParse({ id: 1.5 }).error!.issues.map((i) => [i.code, i.path]), [['invalid_type', ['id']]]);
  assert.deepEqual(inline.safeParse({ id: 1 }).error!.issues.map((i) => [i.code, i.path]), [['invalid_type', ['name']]]);
});

test('the same issues as a schemas module\'s own helper, for the same schema', () => {
  for (const value of [{ id: 'x', name: 'a' }, { id: 1.5, name: 'a' }, { id: 3, name: 'a' }, { id: null }, 'not an object', { name: 'a' }]) {
    const mine = inline.safeParse(value);
    const module = BaseInput.safeParse(value);
    assert.equal(mine.success, module.success, JSON.stringify(value));
    if (mine.success && module.success) assert.deepEqual(mine.data, module.data);
    else assert.deepEqual(mine.error!.issues, module.error!.issues, JSON.stringify(value));
  }
});
