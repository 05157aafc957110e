import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusesWithSchema } from '../../../codemods/rules/typed-bodies.js';

const of = (responses?: string) => statusesWithSchema(new Map(responses ? [['responses', responses]] : []));

test('a status with a schema counts, a description alone does not', () => {
  assert.deepEqual(of("{ 200: Player, 404: { description: 'Not Found' } }"), new Set([200]));
  assert.deepEqual(of("{ 200: { description: 'ok', schema: z.object({}) }, 204: { description: 'gone' } }"), new Set([200]));
  assert.deepEqual(of("{ 201: { description: 'Created' }, 409: { description: 'Conflict' } }"), new Set());
});

test('no responses: nothing is promised; responses not a literal: unknown (null)', () => {
  assert.deepEqual(of(), new Set());
  assert.equal(of('sharedResponses'), null);
  assert.equal(of('{ ...common }'), null);
});
