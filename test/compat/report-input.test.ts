import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { keepRawShape } from '../../compat/report-input.js';

test('keys the schema strips come back, in the request\'s order, nested and in arrays', () => {
  const schema = z.object({ b: z.string(), nested: z.object({ x: z.number() }), list: z.array(z.object({ id: z.number() })) });
  const raw = { a: 1, b: 'two', nested: { x: 1, y: 2 }, list: [{ id: 1, extra: true }], z: null };
  const out = keepRawShape(raw, schema.parse(raw));
  assert.equal(JSON.stringify(out), JSON.stringify(raw));
});

test('where nothing differs the raw object itself is handed on', () => {
  const raw = { name: 'a', extra: 1, inner: { k: 'v' } };
  assert.equal(keepRawShape(raw, z.object({ name: z.string(), inner: z.object({ k: z.string() }) }).parse(raw)), raw);
});

test('coerced and defaulted values are the parsed ones; the raw object is not touched', () => {
  const raw = { id: '5', debug: '1' };
  const out = keepRawShape(raw, z.object({ id: z.coerce.number(), page: z.number().default(1) }).parse(raw));
  assert.deepEqual(out, { id: 5, debug: '1', page: 1 });
  assert.deepEqual(raw, { id: '5', debug: '1' });
});

test('a parsed value of another shape replaces the raw one', () => {
  assert.deepEqual(keepRawShape('a', ['a']), ['a']);
  assert.deepEqual(keepRawShape([1, 2], [1]), [1]);
  assert.equal(keepRawShape({ a: 1 }, null), null);
});
