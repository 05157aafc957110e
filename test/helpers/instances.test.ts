import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validInstances, mutatedInstances, seedFor, type MutationKind } from './instances.js';
import { documentValidator, componentRef } from './ajv.js';
import type { JsonSchema } from '../../codemods/model.js';

const components: Record<string, JsonSchema> = {
  Pet: {
    type: 'object',
    required: ['name', 'status'],
    properties: {
      name: { type: 'string', minLength: 2, maxLength: 8 },
      status: { type: 'string', enum: ['available', 'sold'] },
      age: { type: 'integer', minimum: 0, maximum: 30 },
      weight: { type: 'number', exclusiveMinimum: 0, multipleOf: 0.5 },
      born: { type: 'string', format: 'date' },
      code: { type: 'string', pattern: '^[A-Z]{3}$' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, uniqueItems: true },
      owner: { type: ['object', 'null'], properties: { email: { type: 'string', format: 'email' } }, additionalProperties: false },
      parent: { $ref: '#/components/schemas/Pet' },
      blob: { type: 'string', format: 'byte' },
    },
    additionalProperties: false,
  },
};
const root = { $ref: componentRef('Pet') };

test('valid instances are valid for ajv, deterministic per seed, and varied', () => {
  const v = documentValidator(components);
  const a = validInstances(root, components, { seed: 42, count: 30 });
  assert.equal(a.length, 30);
  for (const x of a) assert.equal(v.validate(root, x).valid, true, JSON.stringify(x));
  assert.deepEqual(validInstances(root, components, { seed: 42, count: 30 }), a);
  assert.notDeepEqual(validInstances(root, components, { seed: 43, count: 30 }), a);
  assert.ok(new Set(a.map((x) => JSON.stringify(x))).size > 20);
  assert.ok(a.some((x) => (x as { parent?: unknown }).parent !== undefined), 'recursion through a component ref');
});

test('mutations break one constraint and ajv rejects nearly all of them', () => {
  const v = documentValidator(components);
  const valid = validInstances(root, components, { seed: 7, count: 40 });
  const mutated = mutatedInstances(root, components, valid, { seed: 7, count: 400 });
  assert.equal(mutated.length, 400);
  const kinds = new Set(mutated.map((m) => m.kind));
  const expected: MutationKind[] = ['wrong-type', 'null-not-nullable', 'not-integer', 'below-minimum', 'above-maximum', 'not-multiple',
    'bad-enum', 'bad-format', 'bad-pattern', 'too-short', 'too-long', 'too-few-items', 'too-many-items', 'duplicate-items', 'missing-required', 'extra-property', 'format-variant'];
  for (const k of expected) assert.ok(kinds.has(k), `mutation kind ${k} drawn`);
  // Every break drawn breaks this schema (no anyOf branch could absorb one); format variants are valid.
  const breaks = mutated.filter((m) => m.kind !== 'format-variant');
  const variants = mutated.filter((m) => m.kind === 'format-variant');
  assert.ok(variants.length > 0);
  assert.deepEqual(breaks.filter((m) => v.validate(root, m.value).valid), []);
  assert.deepEqual(variants.filter((m) => !v.validate(root, m.value).valid), []);
  assert.deepEqual(mutatedInstances(root, components, valid, { seed: 7, count: 400 }), mutated);
});

test('mutations are made on copies and name their place', () => {
  const valid = [{ name: 'Rex', status: 'sold', owner: null }];
  const snapshot = structuredClone(valid);
  const mutated = mutatedInstances(root, components, valid, { seed: 1, count: 50 });
  assert.deepEqual(valid, snapshot);
  const missing = mutated.find((m) => m.kind === 'missing-required');
  assert.ok(missing);
  assert.ok(missing.path === '/name' || missing.path === '/status');
  assert.equal(Object.keys(missing.value as object).length, 2);
});

test('a false schema has no valid instance; mutations need one', () => {
  assert.deepEqual(validInstances(false, {}, { seed: 1, count: 5 }), []);
  assert.deepEqual(mutatedInstances(false, {}, [], { seed: 1, count: 5 }), []);
});

test('seedFor is stable and spreads', () => {
  assert.equal(seedFor('petstore.json#Pet'), seedFor('petstore.json#Pet'));
  assert.notEqual(seedFor('petstore.json#Pet'), seedFor('petstore.json#Tag'));
});
