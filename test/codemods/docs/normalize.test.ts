import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDocument } from '../../../codemods/docs/index.js';

test('normalizeDocument: lineOf gives locations, walking up to the nearest known pointer', () => {
  const lines: Record<string, number> = { '/paths/~1a': 3, '/components/schemas/A': 9 };
  const model = normalizeDocument({
    openapi: '3.1.0',
    paths: { '/a': { get: { responses: {} } } },
    components: { schemas: { A: { type: 'string', bogus: 1 } } },
  }, { file: 'spec.json', lineOf: (p) => lines[p] });
  assert.deepEqual(model.operations[0].at, { file: 'spec.json', line: 3 });
  assert.deepEqual(model.schemaSources.A, { file: 'spec.json', line: 9 });
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.pointer, d.at?.line]), [['unknown-keyword', '/components/schemas/A/bogus', 9]]);
  const bare = normalizeDocument({ swagger: '2.0', paths: { '/a': { get: {} } } }, { file: 'x.yaml' });
  assert.deepEqual(bare.operations[0].at, { file: 'x.yaml', line: 1 });
});

test('normalizeDocument: operation parameters override path ones; global security applies unless overridden', () => {
  const model = normalizeDocument({
    openapi: '3.0.0',
    security: [{ key: [] }],
    paths: {
      '/a/{id}': {
        parameters: [{ in: 'path', name: 'id', schema: { type: 'string' } }, { in: 'query', name: 'v', schema: { type: 'string' } }],
        get: { parameters: [{ in: 'query', name: 'v', schema: { type: 'integer' } }] },
        post: { security: [] },
      },
    },
  }, { file: 's.yaml' });
  assert.deepEqual(model.operations.map((o) => o.operation), [
    { security: [{ key: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'v', in: 'query', schema: { type: 'integer' } }] },
    { security: [], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'v', in: 'query', schema: { type: 'string' } }] },
  ]);
});

test('normalizeDocument: 3.0 and 2.0 schema dialects become 3.1', () => {
  const model = normalizeDocument({
    swagger: '2.0',
    definitions: {
      A: { type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false, 'x-nullable': true },
      B: { $ref: '#/definitions/A', nullable: true, description: 'maybe an A' },
      C: { enum: ['x', 'y'], nullable: true },
      D: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }] },
      E: { type: 'object', discriminator: 'kind', properties: { kind: { type: 'string' }, f: { type: 'file' } } },
    },
    paths: {},
  }, { file: 's.yaml' });
  assert.deepEqual(model.schemas, {
    A: { type: ['integer', 'null'], exclusiveMinimum: 1, maximum: 9 },
    B: { description: 'maybe an A', anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }] },
    C: { enum: ['x', 'y', null] },
    D: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
    E: { type: 'object', discriminator: { propertyName: 'kind' }, properties: { kind: { type: 'string' }, f: { type: 'string', format: 'binary' } } },
  });
  assert.deepEqual(model.diagnostics, []);
});

test('normalizeDocument: refs into non-component places are inlined, cycles among them cut and reported', () => {
  const model = normalizeDocument({
    openapi: '3.1.0',
    paths: {
      '/a': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/x-shared/loop' } } } } } } },
    },
    'x-shared': { loop: { type: 'object', properties: { self: { $ref: '#/x-shared/loop' } } } },
  }, { file: 's.yaml' });
  assert.deepEqual(model.operations[0].operation.responses?.['200'].content?.['application/json'].schema, {
    type: 'object', properties: { self: {} },
  });
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.pointer]), [['unsupported', '/x-shared/loop/properties/self/$ref']]);
});

test('normalizeDocument: 2.0 collection formats, response examples and bad shapes never throw', () => {
  const model = normalizeDocument({
    swagger: '2.0',
    paths: {
      '/a': {
        get: {
          parameters: [
            { in: 'query', name: 'ssv', type: 'array', items: { type: 'integer' }, collectionFormat: 'ssv' },
            { in: 'query', name: 'tsv', type: 'array', items: { type: 'string' }, collectionFormat: 'tsv' },
            { in: 'path', name: 'p', type: 'string' },
            'not a parameter',
          ],
          responses: { 200: { description: 'ok', examples: { 'text/plain': 'hi' } }, 500: 'nope' },
        },
        put: 'not an operation',
      },
      '/b': 42,
    },
  }, { file: 's.yaml' });
  assert.deepEqual(model.operations[0].operation, {
    parameters: [
      { name: 'ssv', in: 'query', style: 'spaceDelimited', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
      { name: 'tsv', in: 'query', style: 'form', explode: false, schema: { type: 'array', items: { type: 'string' } } },
      { name: 'p', in: 'path', required: true, schema: { type: 'string' } },
    ],
    responses: { 200: { description: 'ok', content: { 'text/plain': { example: 'hi' } } } },
  });
  assert.deepEqual(model.diagnostics.map((d) => d.code), ['unsupported', 'unknown-keyword', 'unknown-keyword', 'unsupported', 'unsupported']);
  assert.deepEqual(normalizeDocument('text', { file: 'x' }).diagnostics.map((d) => d.message), ['the document is not an object']);
});

test("normalizeDocument: the document's servers (Swagger 2.0 host/basePath/schemes as one per scheme) and global security", () => {
  const v2 = normalizeDocument({ swagger: '2.0', host: 'api.example.com', basePath: '/v1/', schemes: ['https', 'http'], security: [{ key: [] }], paths: {} }, { file: 'a.yaml' });
  assert.deepEqual(v2.servers, [{ url: 'https://api.example.com/v1' }, { url: 'http://api.example.com/v1' }]);
  assert.deepEqual(v2.security, [{ key: [] }]);
  assert.deepEqual(normalizeDocument({ swagger: '2.0', basePath: '/api', paths: {} }, { file: 'b.yaml' }).servers, [{ url: '/api' }]);
  const v3 = normalizeDocument({ openapi: '3.0.3', servers: [{ url: 'https://h/api', description: 'prod' }, { nope: 1 }], paths: {} }, { file: 'c.yaml' });
  assert.deepEqual(v3.servers, [{ url: 'https://h/api', description: 'prod' }]);
  assert.equal(v3.security, undefined);
});

test('normalizeDocument: a components schema that only points to the definitions entry of its own name is that entry', () => {
  // A 3.0 document with 2.0 leftovers: `Product: { $ref: '#/definitions/Product' }` under components. Both refs
  // name the one component `Product`, so read as written it pointed to itself (a schema the runtime recursed on).
  const model = normalizeDocument({
    openapi: '3.0.0',
    paths: { '/products/{id}': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/definitions/Product' } } } } } } } },
    components: { schemas: { Product: { $ref: '#/definitions/Product' }, Sale: { $ref: '#/components/schemas/Product' } } },
    definitions: { Product: { type: 'object', properties: { id: { type: 'number' } } } },
  }, { file: 'swagger.json', lineOf: (p) => ({ '/components/schemas/Product': 5, '/definitions/Product': 9 })[p] });
  assert.deepEqual(model.schemas.Product, { type: 'object', properties: { id: { type: 'number' } } });
  assert.deepEqual(model.schemaSources.Product, { file: 'swagger.json', line: 9 });
  assert.deepEqual(model.schemas.Sale, { $ref: '#/components/schemas/Product' }, 'an alias of another name stays an alias');
  assert.deepEqual(model.diagnostics, []);
});

test('normalizeDocument: a response written as a schema (no `schema`) is read as its body schema, one warning at its line', () => {
  // junaiddevworks/ecommerceTask: `200: { type: 'object', properties: { price } }`. It was a warning per keyword
  // and a response with no body (the price's schema lost); the author plainly meant the body's schema.
  const lines: Record<string, number> = { '/paths/~1checkout/post/responses/200': 7 };
  const model = normalizeDocument({
    swagger: '2.0',
    paths: {
      '/checkout': {
        post: {
          produces: ['application/json'],
          responses: {
            200: { type: 'object', properties: { price: { type: 'number', example: 360 } } },
            201: { description: 'listed', type: 'array', items: { type: 'string' } },
            400: { description: 'Bad', schema: { type: 'string' }, bogus: 1 },
          },
        },
      },
    },
  }, { file: 'swagger.js', lineOf: (p) => lines[p] });
  assert.deepEqual(model.operations[0].operation.responses, {
    200: { content: { 'application/json': { schema: { type: 'object', properties: { price: { type: 'number', example: 360 } } } } } },
    201: { description: 'listed', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } },
    400: { description: 'Bad', content: { 'application/json': { schema: { type: 'string' } } } },
  });
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.severity, d.pointer]), [
    ['response-as-schema', 'warning', '/paths/~1checkout/post/responses/200'],
    ['response-as-schema', 'warning', '/paths/~1checkout/post/responses/201'],
    ['unknown-keyword', 'warning', '/paths/~1checkout/post/responses/400/bogus'],
  ]);
  assert.deepEqual(model.diagnostics[0].at, { file: 'swagger.js', line: 7 });
  assert.match(model.diagnostics[0].message, /`type`, `properties` with no `schema`\): read as its body schema/);
});

test('normalizeDocument: a response that is a $ref to a schema is read as its body schema by name, the warning at the $ref', () => {
  // The warning pointed at the definition and the schema was inlined, its name lost.
  const model = normalizeDocument({
    swagger: '2.0',
    definitions: { Price: { type: 'object', properties: { price: { type: 'number' } } } },
    paths: { '/a': { get: { responses: { 200: { $ref: '#/definitions/Price' } } } } },
  }, { file: 's.json' });
  assert.deepEqual(model.operations[0].operation.responses, { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Price' } } } } });
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.pointer]), [['response-as-schema', '/paths/~1a/get/responses/200/$ref']]);
});

test('normalizeDocument: a 3.x response with `schema` and no `content` is read as its body schema, with a warning', () => {
  // ddthilindra/Node-Unit-Test-And-Swagger's api.yaml: read silently, while swagger-ui showed no body for it.
  const model = normalizeDocument({ openapi: '3.0.3', paths: { '/u': { get: { responses: { 200: { description: 'ok', schema: { type: 'string' } } } } } } }, { file: 'api.yaml' });
  assert.deepEqual(model.operations[0].operation.responses, { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'string' } } } } });
  assert.deepEqual(model.diagnostics.map((d) => [d.code, d.pointer]), [['response-as-schema', '/paths/~1u/get/responses/200/schema']]);
  // Swagger 2.0's own place for it: no warning.
  const v2 = normalizeDocument({ swagger: '2.0', paths: { '/u': { get: { responses: { 200: { description: 'ok', schema: { type: 'string' } } } } } } }, { file: 's.yaml' });
  assert.deepEqual(v2.diagnostics, []);
});
