import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareDocuments, documentFacts } from './openapi-compare.js';

const swagger2 = {
  swagger: '2.0',
  info: { title: 't', version: '1' },
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
  definitions: { Order: { type: 'object' } },
  parameters: { Limit: { name: 'limit', in: 'query', type: 'integer' } },
  paths: {
    '/orders/{id}/': {
      parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }],
      get: {
        summary: 'One order', tags: ['orders'],
        parameters: [{ name: 'X-API-Key', in: 'header', required: true, type: 'string' }, { $ref: '#/parameters/Limit' }],
        responses: { 200: { description: 'ok', headers: { ETag: { type: 'string' } }, schema: { $ref: '#/definitions/Order' } }, 404: { description: 'no' } },
      },
      patch: { parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/Order' } }], responses: { 200: { description: 'ok' } } },
    },
  },
};

const openapi31 = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  components: {
    schemas: { Order: { type: 'object' } },
    parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } },
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
  },
  paths: {
    '/orders/{id}': {
      get: {
        summary: 'One order', tags: ['orders'],
        parameters: [{ name: 'id', in: 'path', required: true }, { name: 'x-api-key', in: 'header', required: true }, { name: 'limit', in: 'query', required: false }],
        responses: {
          200: { description: 'ok', headers: { etag: { schema: { type: 'string' } } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
          404: { description: 'no' },
        },
      },
      patch: {
        parameters: [{ name: 'id', in: 'path', required: true }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } },
        responses: { 200: { description: 'ok' } },
      },
    },
  },
};

describe('openapi-compare', () => {
  it('reduces a Swagger 2.0 document to its facts: path-level and $ref parameters, in: body, definitions', () => {
    assert.deepEqual(documentFacts(swagger2), [
      'component parameters Limit',
      'component schemas Order',
      'component securitySchemes key',
      'info title "t"',
      'info version "1"',
      'operation GET /orders/{id}',
      'operation PATCH /orders/{id}',
      'parameter GET /orders/{id} header x-api-key required',
      'parameter GET /orders/{id} path id required',
      'parameter GET /orders/{id} query limit optional',
      'parameter PATCH /orders/{id} path id required',
      'requestBody PATCH /orders/{id} json',
      'requestBody PATCH /orders/{id} required',
      'response GET /orders/{id} 200',
      'response GET /orders/{id} 200 body schema',
      'response GET /orders/{id} 200 header etag',
      'response GET /orders/{id} 404',
      'response PATCH /orders/{id} 200',
      'summary GET /orders/{id} "One order"',
      'tag GET /orders/{id} orders',
    ]);
  });

  it('finds nothing lost between equivalent Swagger 2.0 and OpenAPI 3.1 documents', () => {
    const r = compareDocuments(swagger2, openapi31);
    assert.equal(r.compared.length, 20);
    assert.deepEqual(r.lost, []);
  });

  it('lists every lost fact: a response, a required flag, a body, a component', () => {
    const worse = structuredClone(openapi31) as any;
    delete worse.paths['/orders/{id}'].get.responses[404];
    worse.paths['/orders/{id}'].get.parameters[1].required = false;
    delete worse.paths['/orders/{id}'].patch.requestBody;
    delete worse.components.securitySchemes;
    assert.deepEqual(compareDocuments(swagger2, worse).lost, [
      'component securitySchemes key',
      'parameter GET /orders/{id} header x-api-key required',
      'requestBody PATCH /orders/{id} json',
      'requestBody PATCH /orders/{id} required',
      'response GET /orders/{id} 404',
    ]);
  });

  it('lists lost summaries, tags, response headers and body schemas, and a form body documented as JSON', () => {
    const form = { swagger: '2.0', paths: { '/login': { post: { parameters: [{ name: 'username', in: 'formData', type: 'string' }], responses: { 200: { description: 'ok' } } } } } };
    const asJson = { openapi: '3.1.0', paths: { '/login': { post: { requestBody: { content: { 'application/json': { schema: {} } } }, responses: { 200: { description: 'ok' } } } } } };
    assert.deepEqual(compareDocuments(form, asJson).lost, ['requestBody POST /login form']);
    const worse = structuredClone(openapi31) as any;
    const get = worse.paths['/orders/{id}'].get;
    delete get.summary;
    get.tags = [];
    get.responses[200] = { description: 'ok' };
    assert.deepEqual(compareDocuments(swagger2, worse).lost, [
      'response GET /orders/{id} 200 body schema',
      'response GET /orders/{id} 200 header etag',
      'summary GET /orders/{id} "One order"',
      'tag GET /orders/{id} orders',
    ]);
  });

  it('says which $ref leads nowhere instead of guessing', () => {
    const broken = { openapi: '3.0.3', paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: {} } } } };
    assert.throws(() => documentFacts(broken), /\$ref to nowhere: #\/components\/parameters\/Nope/);
  });
});
