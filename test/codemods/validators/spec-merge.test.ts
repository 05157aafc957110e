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

test('spec-merge: docs and validator of disjoint types: the validator decides alone, none of the docs\' keywords kept', () => {
  // davila23/deel-backend-test: `in: body` parameter `amount` (the body a number) above body('amount').isFloat({ gt: 0 }):
  // the docs' `format: double` was kept on the validator's object, its properties dropped (an object-typed docs
  // schema takes them), and the spec became any object, losing the required positive amount.
  const mine = { type: 'object', properties: { amount: { type: 'number', exclusiveMinimum: 0 } }, required: ['amount'] };
  const { operation, disagreements } = mergeValidators(docs({ type: 'number', format: 'double', description: 'the amount' }), joi(mine), resolve);
  assert.deepEqual(bodyOf(operation), { ...mine, description: 'the amount' });
  assert.deepEqual(disagreements, [{ field: 'body', message: 'docs say number (double), Joi says object with keys amount' }]);
});

test('spec-merge: overlapping types still merge keyword by keyword (integer inside number, a nullable string)', () => {
  const merged = mergeValidators(docs({ type: ['string', 'null'], maxLength: 10 }), joi({ type: 'string', minLength: 2 }), resolve);
  assert.deepEqual(bodyOf(merged.operation), { type: 'string', maxLength: 10, minLength: 2 });
  const numeric = mergeValidators(docs({ type: 'number', maximum: 5 }), joi({ type: 'integer', minimum: 1 }), resolve);
  assert.deepEqual(bodyOf(numeric.operation), { type: 'integer', maximum: 5, minimum: 1 });
});
