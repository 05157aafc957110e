import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyValueOf, locationKeepsRawValues, readLocationSchema } from '../../../codemods/rules/handler-values.js';

test('per key: plain schemas keep the raw value, a lone z.coerce.number() is Number(raw), the rest may differ', () => {
  const s = readLocationSchema("z.object({ id: z.coerce.number().int().positive(), name: z.string().min(1), page: z.coerce.number().default(1), on: z.stringbool(), tag: z.string().trim(), addr: Address, 'x-key': z.email().optional() }).strict()");
  assert.equal(keyValueOf(s, 'id'), 'number');
  assert.equal(keyValueOf(s, 'name'), 'same');
  assert.equal(keyValueOf(s, 'x-key'), 'same');
  assert.equal(keyValueOf(s, 'page'), 'changed', 'a default the raw request does not have');
  assert.equal(keyValueOf(s, 'on'), 'changed');
  assert.equal(keyValueOf(s, 'tag'), 'changed', '.trim() rewrites the value');
  assert.equal(keyValueOf(s, 'addr'), 'changed', 'a named schema is not read here');
  assert.equal(keyValueOf(s, 'undeclared'), 'changed', 'enforce strips it: read raw');
  assert.equal(locationKeepsRawValues(s), false);
});

test('a named schema, an object-level transform or a default on the object: nothing is read parsed', () => {
  assert.equal(keyValueOf(readLocationSchema('NewUser'), 'name'), 'changed');
  assert.equal(keyValueOf(readLocationSchema('z.object({ a: z.string() }).transform((o) => o)'), 'a'), 'changed');
  assert.equal(keyValueOf(readLocationSchema(undefined), 'a'), 'changed');
  const plain = readLocationSchema('z.object({ a: z.string(), b: z.array(z.number()) })');
  assert.equal(locationKeepsRawValues(plain), true);
  assert.equal(keyValueOf(plain, 'b'), 'same');
});

test('the route-file helpers from migrate-api/compat change no value: dateTime() and a readOnly check before the object', () => {
  const s = readLocationSchema('z.preprocess(readOnlyChecked(z.object({ id: z.coerce.number().default(1).optional() })), z.object({ title: z.string(), at: dateTime().optional(), box: z.preprocess(readOnlyChecked(z.object({ v: z.boolean().optional() })), z.object({ w: z.string() })) }))');
  assert.equal(s.known, true);
  assert.equal(keyValueOf(s, 'title'), 'same');
  assert.equal(keyValueOf(s, 'at'), 'same');
  assert.equal(keyValueOf(s, 'box'), 'same');
  assert.equal(keyValueOf(s, 'id'), 'changed', 'the readOnly key is stripped (enforce): read raw');
  assert.equal(locationKeepsRawValues(s), true);
  // Any other preprocess may change values; a dateTime that is not called is a named schema.
  assert.equal(readLocationSchema('z.preprocess((v) => v, z.object({ a: z.string() }))').known, false);
  assert.equal(keyValueOf(readLocationSchema('z.object({ a: z.preprocess(trim, z.string()) })'), 'a'), 'changed');
  assert.equal(keyValueOf(readLocationSchema('z.object({ a: dateTime })'), 'a'), 'changed');
});
