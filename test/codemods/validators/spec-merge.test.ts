// mergeValidators against docs whose body (or a field) is a named component: the validator's rules reach the
// spec (they did not: the $ref was kept alone, and enforce then dropped a middleware whose rules no spec had).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeValidators } from '../../../codemods/validators/spec-merge.js';
import type { OperationObject } from '../../../codemods/model.js';
import type { JsonSchema, TranslatedValidator } from '../../../codemods/validators/types.js';

const components: Record<string, JsonSchema> = {
  User: { type: 'object', properties: { name: { type: 'string' }, address: { $ref: '#/components/schemas/Address' } } },
  Address: { type: 'object', properties: { city: { type: 'string' } } },
};
const resolve = (ref: string) => components[ref.replace('#/components/schemas/', '')];
const docs = (schema: JsonSchema): OperationObject => ({ requestBody: { required: true, content: { 'application/json': { schema } } } } as OperationObject);
const joi = (body: JsonSchema): TranslatedValidator[] => [{ library: 'joi', locations: { body }, untranslated: [] }];
const bodyOf = (op: OperationObject) => op.requestBody!.content['application/json']!.schema;

test('spec-merge: a $ref body is merged as the schema it names, nested $refs too', () => {
  const mine = { type: 'object', properties: { name: { type: 'string', minLength: 2 }, address: { type: 'object', properties: { city: { type: 'string', maxLength: 40 } }, required: ['city'] } }, required: ['name'] };
  const { operation, disagreements } = mergeValidators(docs({ $ref: '#/components/schemas/User' }), joi(mine), resolve);
  assert.deepEqual(bodyOf(operation), {
    type: 'object',
    properties: { name: { type: 'string', minLength: 2 }, address: { type: 'object', properties: { city: { type: 'string', maxLength: 40 } }, required: ['city'] } },
    required: ['name'],
  });
  assert.deepEqual(disagreements.map((d) => d.field), ['body.name', 'body.address.city', 'body.address.city', 'body.name']);
});

test('spec-merge: a validator that adds nothing keeps the $ref', () => {
  const { operation, disagreements } = mergeValidators(docs({ $ref: '#/components/schemas/Address' }), joi({ type: 'object', properties: { city: { type: 'string' } } }), resolve);
  assert.deepEqual(bodyOf(operation), { $ref: '#/components/schemas/Address' });
  assert.deepEqual(disagreements, []);
});

test('spec-merge: a $ref that does not resolve gets the validator beside it (both apply)', () => {
  const mine = { type: 'object', properties: { name: { type: 'string', minLength: 2 } } };
  const { operation, disagreements } = mergeValidators(docs({ $ref: '#/components/schemas/Missing' }), joi(mine), resolve);
  assert.deepEqual(bodyOf(operation), { allOf: [{ $ref: '#/components/schemas/Missing' }, mine] });
  assert.equal(disagreements.length, 1);
});
