import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSchemas, differenceClass, normalizeSchema } from './schema-equivalence.js';

test('spellings of the same schema compare equal', () => {
  const pairs: Array<[unknown, unknown]> = [
    [{ type: 'string', nullable: true }, { type: ['string', 'null'] }],
    [{ type: 'string', nullable: true }, { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    [{ allOf: [{ $ref: '#/components/schemas/A' }], nullable: true }, { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/A' }] }],
    [{ const: 'x' }, { enum: ['x'] }],
    [{ type: 'number', minimum: 1, exclusiveMinimum: true }, { type: 'number', exclusiveMinimum: 1 }],
    [{ type: 'object', additionalProperties: true, required: [] }, { type: 'object', additionalProperties: {} }],
    [{ type: 'integer' }, { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }],
    [{ type: 'integer', format: 'int32' }, { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 }],
    [{ enum: ['b', 'a', null] }, { type: undefined, enum: ['a', 'b'], nullable: true }],
    [
      { type: 'object', required: ['b', 'a'], description: 'd', example: {}, xml: { name: 'x' }, 'x-foo': 1, properties: { a: { type: 'string', title: 't' }, b: { type: 'array', items: { type: 'integer' } } } },
      { properties: { b: { items: { type: 'integer' }, type: 'array' }, a: { type: 'string' } }, required: ['a', 'b'], type: 'object' },
    ],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { anyOf: [{ type: 'number' }, { type: 'string' }] }],
    [true, {}],
    [{ oneOf: [{ oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'object' }] }, { type: 'array' }] }, { oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'object' }, { type: 'array' }] }],
    // An untyped schema as the emitter writes it: the checked type or any other JSON type.
    [
      { properties: { a: { type: 'string' } }, required: ['a'] },
      { anyOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }, { type: 'array', items: {} }] },
    ],
    [
      { anyOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'string' } } }] },
      { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', properties: { b: { type: 'string' } } }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }], nullable: true },
    ],
  ];
  for (const [a, b] of pairs) assert.deepEqual(compareSchemas(a, b), [], `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
});

test('a union missing one JSON type is not an untyped schema', () => {
  const untyped = { properties: { a: { type: 'string' } } };
  const withoutArrays = { anyOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] };
  assert.notDeepEqual(compareSchemas(untyped, withoutArrays), []);
});

test('every semantic difference is reported with its place', () => {
  const original = {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'integer', minimum: 1 },
      name: { type: 'string', maxLength: 10, pattern: '^a' },
      tag: { $ref: '#/components/schemas/Tag' },
      kind: { type: 'string', enum: ['a', 'b'] },
      when: { type: 'string', format: 'date-time' },
      pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'type' } },
      gone: { type: 'string' },
    },
    additionalProperties: false,
  };
  const roundTripped = {
    type: 'object',
    required: ['id'],
    properties: {
      id: { type: 'number', minimum: 1 },
      name: { type: ['string', 'null'], maxLength: 11, pattern: '^a' },
      tag: { $ref: '#/components/schemas/Other' },
      kind: { type: 'string', enum: ['a'] },
      when: { type: 'string' },
      pet: { anyOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }] },
      added: {},
    },
  };
  assert.deepEqual(compareSchemas(original, roundTripped), [
    { path: '', keyword: 'required', expected: ['name'], actual: [] },
    { path: '/properties/id', keyword: 'type', expected: 'integer', actual: 'number' },
    { path: '/properties/name', keyword: 'nullable', expected: false, actual: true },
    { path: '/properties/name', keyword: 'maxLength', expected: 10, actual: 11 },
    { path: '/properties/tag', keyword: '$ref', expected: '#/components/schemas/Tag', actual: '#/components/schemas/Other' },
    { path: '/properties/kind', keyword: 'enum', expected: ['a', 'b'], actual: ['a'] },
    { path: '/properties/when', keyword: 'format', expected: 'date-time', actual: undefined },
    { path: '/properties/pet', keyword: 'oneOf', expected: 'oneOf', actual: 'anyOf' },
    { path: '/properties/pet', keyword: 'discriminator', expected: 'type', actual: undefined },
    { path: '/properties/gone', keyword: 'properties', expected: 'gone', actual: undefined },
    { path: '/properties/added', keyword: 'properties', expected: undefined, actual: 'added' },
    { path: '/additionalProperties', keyword: 'additionalProperties', expected: false, actual: undefined },
  ]);
});

test('branches pair up by equivalence, leftovers by position', () => {
  const diffs = compareSchemas(
    { allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { x: { type: 'string' } } }] },
    { allOf: [{ type: 'object', properties: { x: { type: 'number' } } }, { $ref: '#/components/schemas/A' }] },
  );
  assert.deepEqual(diffs, [{ path: '/allOf/1/properties/x', keyword: 'type', expected: 'string', actual: 'number' }]);
  assert.deepEqual(compareSchemas({ anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] }, { anyOf: [{ type: 'string', minLength: 1 }] }), [
    { path: '/anyOf', keyword: 'anyOf', expected: 2, actual: 1 },
  ]);
});

test('allOf reads back merged: object members through refs, disjoint keywords directly', () => {
  const components: Record<string, unknown> = {
    Base: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } }, discriminator: { propertyName: 'id' } },
  };
  const resolve = (ref: string) => components[ref.replace('#/components/schemas/', '')];
  const original = { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['name'], properties: { name: { type: 'string' } } }] };
  const flattened = { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer' }, name: { type: 'string' } } };
  assert.deepEqual(compareSchemas(original, flattened, { expectedRefs: resolve }), []);
  // Without the components the ref cannot be followed: the shapes differ.
  assert.notDeepEqual(compareSchemas(original, flattened), []);
  assert.deepEqual(compareSchemas(
    { type: 'string', anyOf: [{ type: 'string', minLength: 2 }, { type: 'string', format: 'email' }] },
    { allOf: [{ type: 'string' }, { anyOf: [{ type: 'string', format: 'email' }, { type: 'string', minLength: 2 }] }] },
  ), []);
  // additionalProperties depends on its sibling properties: never merged across members.
  assert.notDeepEqual(compareSchemas(
    { allOf: [{ properties: { a: {} } }, { additionalProperties: false }] },
    { properties: { a: {} }, additionalProperties: false },
  ), []);
});

test('keywords of other types, a type enum implies, empty items and bare-type unions say nothing', () => {
  assert.deepEqual(compareSchemas({ enum: [true, false] }, { type: 'boolean', enum: [false, true] }), []);
  assert.deepEqual(compareSchemas({ type: 'array' }, { type: 'array', items: {} }), []);
  assert.deepEqual(compareSchemas({ type: ['string', 'number'] }, { anyOf: [{ type: 'number' }, { type: 'string' }] }), []);
  assert.deepEqual(compareSchemas({ type: 'integer', minLength: 3, maxLength: 4, items: {} }, { type: 'integer' }), []);
  assert.deepEqual(compareSchemas({ type: ['string', 'integer'], minLength: 3 }, { type: ['string', 'integer'] }), [{ path: '', keyword: 'minLength', expected: 3, actual: undefined }]);
  assert.deepEqual(compareSchemas({ enum: ['1'] }, { type: 'number', enum: ['1'] }), [{ path: '', keyword: 'type', expected: undefined, actual: 'number' }]);
});

test('normalizeSchema folds nullability into a flag', () => {
  assert.deepEqual(normalizeSchema({ type: ['null', 'string', 'integer'] }), { type: ['integer', 'string'], nullable: true });
  assert.deepEqual(normalizeSchema({ type: 'null' }), { type: 'null', nullable: false });
  assert.deepEqual(normalizeSchema(false), { not: {}, nullable: false });
});

test('differenceClass names what happened to which keyword', () => {
  assert.equal(differenceClass({ path: '', keyword: 'format', expected: 'int32', actual: undefined }), 'format-dropped:int32');
  assert.equal(differenceClass({ path: '', keyword: 'format', expected: 'url', actual: 'uri' }), 'format-changed:url->uri');
  assert.equal(differenceClass({ path: '', keyword: 'oneOf', expected: 'oneOf', actual: 'anyOf' }), 'oneOf-as-anyOf');
  assert.equal(differenceClass({ path: '', keyword: 'multipleOf', expected: 2, actual: undefined }), 'multipleOf-dropped');
  assert.equal(differenceClass({ path: '', keyword: 'type', expected: undefined, actual: 'object' }), 'type-added');
  assert.equal(differenceClass({ path: '', keyword: 'enum', expected: [0, 1], actual: [0] }), 'enum-changed');
});

test('a ref on one side equals the component spelled out on the other', () => {
  const components: Record<string, unknown> = { Base: { type: 'object', properties: { id: { type: 'integer' } } } };
  const resolve = (ref: string) => components[ref.replace('#/components/schemas/', '')];
  const inlined = { type: 'object', properties: { id: { type: 'integer' } } };
  assert.deepEqual(compareSchemas({ allOf: [{ $ref: '#/components/schemas/Base' }] }, inlined, { expectedRefs: resolve }), []);
  assert.deepEqual(compareSchemas(inlined, { $ref: '#/components/schemas/Base' }, { actualRefs: resolve }), []);
  assert.deepEqual(compareSchemas({ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { id: { type: 'string' } } }, { expectedRefs: resolve }), [
    { path: '/properties/id', keyword: 'type', expected: 'integer', actual: 'string' },
  ]);
  assert.deepEqual(compareSchemas({ $ref: '#/components/schemas/Missing' }, inlined, { expectedRefs: resolve }), [
    { path: '', keyword: '$ref', expected: '#/components/schemas/Missing', actual: undefined },
  ]);
});
