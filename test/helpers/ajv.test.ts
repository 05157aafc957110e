import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentValidator, schemaVariant, refName, componentRef } from './ajv.js';

const components = {
  User: {
    type: 'object',
    required: ['id', 'password', 'name'],
    properties: {
      id: { type: 'integer', readOnly: true },
      password: { type: 'string', writeOnly: true },
      name: { type: 'string', minLength: 1 },
      email: { type: 'string', format: 'email' },
      born: { type: 'string', format: 'date' },
      best: { $ref: '#/components/schemas/User' },
    },
    additionalProperties: false,
    discriminator: { propertyName: 'name' },
    xml: { name: 'user' },
    example: { id: 1 },
  },
  Count: { type: 'integer', format: 'int32', example: 3 },
};

test('validates against document components, OpenAPI keywords are annotations', () => {
  const v = documentValidator(components);
  const ref = { $ref: componentRef('User') };
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a' }).valid, true);
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a', best: { id: 2, password: 'q', name: 'b' } }).valid, true);
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a', best: { id: 2, name: 'b', extra: 1 } }).valid, false);
  const bad = v.validate(ref, { id: 1, password: 'p', name: '' });
  assert.equal(bad.valid, false);
  assert.equal(bad.errors[0].keyword, 'minLength');
});

test('formats are checked (ajv-formats full mode, OpenAPI number formats included)', () => {
  const v = documentValidator(components);
  const ref = { $ref: componentRef('User') };
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a', email: 'nope' }).valid, false);
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a', born: '2021-02-30' }).valid, false);
  assert.equal(v.validate(ref, { id: 1, password: 'p', name: 'a', born: '2021-02-28' }).valid, true);
  assert.equal(v.validate({ $ref: componentRef('Count') }, 2 ** 31).valid, false);
  assert.equal(v.validate({ type: 'string', format: 'no-such-format' }, 'x').valid, true);
});

test('readOnly is required in responses only, writeOnly in requests only', () => {
  const v = documentValidator(components);
  const ref = { $ref: componentRef('User') };
  assert.equal(v.validate(ref, { password: 'p', name: 'a' }, 'request').valid, true);
  assert.equal(v.validate(ref, { password: 'p', name: 'a' }, 'response').valid, false);
  assert.equal(v.validate(ref, { id: 1, name: 'a' }, 'response').valid, true);
  assert.equal(v.validate(ref, { id: 1, name: 'a' }, 'request').valid, false);
  assert.deepEqual(
    schemaVariant({ type: 'object', required: ['a', 'b'], properties: { a: { readOnly: true }, b: {} }, enum: [{ required: ['a'] }] }, 'request'),
    { type: 'object', required: ['b'], properties: { a: { readOnly: true }, b: {} }, enum: [{ required: ['a'] }] },
  );
});

test('inline schemas reach components and two documents do not share names', () => {
  const a = documentValidator({ X: { type: 'string' } });
  const b = documentValidator({ X: { type: 'number' } });
  const inline = { type: 'array', items: { $ref: componentRef('X') } };
  assert.equal(a.validate(inline, ['s']).valid, true);
  assert.equal(b.validate(inline, ['s']).valid, false);
  assert.equal(b.validate(inline, [1]).valid, true);
  assert.equal(a.validate(false, 1).valid, false);
  assert.equal(a.validate(true, 1).valid, true);
});

test('refName decodes component refs and ignores others', () => {
  assert.equal(refName('#/components/schemas/A~1B'), 'A/B');
  assert.equal(refName('#/components/schemas/Pet%20Kind'), 'Pet Kind');
  assert.equal(refName('#/definitions/X'), undefined);
});
