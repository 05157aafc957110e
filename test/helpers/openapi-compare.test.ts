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
      'requestBody PATCH /orders/{id} schema',
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
    assert.equal(r.compared.length, 21);
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
      'requestBody PATCH /orders/{id} schema',
      'response GET /orders/{id} 404',
    ]);
  });

  it('counts a Swagger 2.0 shared body or form parameter as the request bodies that use it, not as a component', () => {
    // OpenAPI 3 has no parameter `in: formData`/`in: body`: such a parameter's fields are the operations' request
    // body (counted there), as swagger-jsdoc's example app serves `parameters.username` (in: formData).
    const shared = {
      swagger: '2.0',
      parameters: { username: { name: 'username', in: 'formData', required: true, type: 'string' }, Limit: { name: 'limit', in: 'query', type: 'integer' } },
      paths: { '/users': { post: { parameters: [{ $ref: '#/parameters/username' }, { $ref: '#/parameters/Limit' }], responses: { 200: { description: 'ok' } } } } },
    };
    const inlined = {
      openapi: '3.1.0',
      components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } } },
      paths: { '/users': { post: {
        parameters: [{ $ref: '#/components/parameters/Limit' }],
        requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { username: { type: 'string' } } } } } },
        responses: { 200: { description: 'ok' } },
      } } },
    };
    assert.ok(documentFacts(shared).includes('component parameters Limit'));
    assert.ok(!documentFacts(shared).includes('component parameters username'));
    assert.deepEqual(compareDocuments(shared, inlined).lost, []);
  });

  it('lists lost summaries, tags, response headers and body schemas, and a form body documented as JSON', () => {
    const form = { swagger: '2.0', paths: { '/login': { post: { parameters: [{ name: 'username', in: 'formData', type: 'string' }], responses: { 200: { description: 'ok' } } } } } };
    const asJson = { openapi: '3.1.0', paths: { '/login': { post: { requestBody: { content: { 'application/json': { schema: {} } } }, responses: { 200: { description: 'ok' } } } } } };
    // ...and its fields served as `schema: {}`: the schema is lost too.
    assert.deepEqual(compareDocuments(form, asJson).lost, ['requestBody POST /login form', 'requestBody POST /login schema']);
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

  it('counts media-type examples, schema-less response media types, contact/license/termsOfService; `schema: {}` states nothing', () => {
    const original = {
      openapi: '3.0.0',
      info: { title: 't', version: '1', termsOfService: 'https://t', contact: { name: 'Jane', email: 'j@x' }, license: { name: 'MIT' } },
      paths: {
        '/users': {
          post: {
            requestBody: { content: { 'apllication/json': { schema: { type: 'object' }, example: { name: 'Jane' } } } },
            responses: {
              201: { description: 'Created', content: { 'application/json': { example: { id: 1 } } } },
              200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { one: { value: {} } } } } },
            },
          },
        },
      },
    };
    assert.deepEqual(documentFacts(original).filter((f) => !f.startsWith('info title') && !f.startsWith('info version')), [
      'info contact email "j@x"',
      'info contact name "Jane"',
      'info license name "MIT"',
      'info termsOfService "https://t"',
      'operation POST /users',
      'requestBody POST /users apllication/json example',
      'requestBody POST /users json',
      'requestBody POST /users optional',
      'requestBody POST /users schema',
      'response POST /users 200',
      'response POST /users 200 application/json examples one',
      'response POST /users 200 application/json schema',
      'response POST /users 200 body schema',
      'response POST /users 201',
      'response POST /users 201 application/json example',
      'response POST /users 201 application/json without schema',
    ]);
    // What the served document was before the fix: examples, example-only media types and info parts gone, and a
    // body schema the generator could not render served as `{}`.
    const served = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/users': {
          post: {
            requestBody: { content: { 'application/json': { schema: {} } } },
            responses: { 201: { description: 'Created' }, 200: { description: 'ok', content: { 'application/json': { schema: {} } } } },
          },
        },
      },
    };
    assert.deepEqual(compareDocuments(original, served).lost, [
      'info contact email "j@x"',
      'info contact name "Jane"',
      'info license name "MIT"',
      'info termsOfService "https://t"',
      'requestBody POST /users apllication/json example',
      'requestBody POST /users schema',
      'response POST /users 200 application/json examples one',
      'response POST /users 200 application/json schema',
      'response POST /users 200 body schema',
      'response POST /users 201 application/json example',
      'response POST /users 201 application/json without schema',
    ]);
    // Swagger 2.0 keys a response's examples by media type.
    const swagger = { swagger: '2.0', paths: { '/a': { get: { responses: { 200: { description: 'ok', examples: { 'application/json': { a: 1 } } } } } } } };
    assert.deepEqual(documentFacts(swagger).filter((f) => f.startsWith('response')), [
      'response GET /a 200', 'response GET /a 200 application/json example', 'response GET /a 200 application/json without schema',
    ]);
  });

  it('a component alias served as a $ref to itself states no schema: its body schema is lost', () => {
    const original = {
      openapi: '3.0.0',
      paths: { '/p': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/definitions/Product' } } } } } } } },
      components: { schemas: { Product: { $ref: '#/definitions/Product' } } },
      definitions: { Product: { type: 'object', properties: { id: { type: 'number' } } } },
    };
    const served = {
      openapi: '3.1.0',
      paths: { '/p': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Product' } } } } } } } },
      components: { schemas: { Product: { $ref: '#/components/schemas/Product' } } },
    };
    assert.deepEqual(compareDocuments(original, served).lost, ['response GET /p 200 application/json schema', 'response GET /p 200 body schema']);
  });

  it('a response written as a schema states its body schema (and a 3.x response\'s own `schema`): served without one, it is lost', () => {
    // junaiddevworks/ecommerceTask's 200 is `{ type: 'object', properties: { price } }`: no fact was counted for it,
    // so a served document without the price's schema showed "0 lost".
    const original = {
      swagger: '2.0',
      paths: { '/checkout': { post: { produces: ['application/json'], responses: { 200: { type: 'object', properties: { price: { type: 'number' } } }, 400: { description: 'bad' } } } } },
    };
    assert.deepEqual(documentFacts(original).filter((f) => f.startsWith('response POST /checkout 200')), [
      'response POST /checkout 200', 'response POST /checkout 200 application/json schema', 'response POST /checkout 200 body schema',
    ]);
    const described = { openapi: '3.1.0', paths: { '/checkout': { post: { responses: { 200: { description: 'OK' }, 400: { description: 'bad' } } } } } };
    assert.deepEqual(compareDocuments(original, described).lost, ['response POST /checkout 200 application/json schema', 'response POST /checkout 200 body schema']);
    const kept = structuredClone(described) as any;
    kept.paths['/checkout'].post.responses[200].content = { 'application/json': { schema: { type: 'object', properties: { price: { type: 'number' } } } } };
    assert.deepEqual(compareDocuments(original, kept).lost, []);
    // A 3.x response carrying `schema` beside `description` (ddthilindra/Node-Unit-Test-And-Swagger) states one too.
    const habit = { openapi: '3.0.3', paths: { '/u': { get: { responses: { 200: { description: 'ok', schema: { type: 'string' } } } } } } };
    assert.ok(documentFacts(habit).includes('response GET /u 200 body schema'));
  });

  it('counts every response media type with its schema: Swagger 2.0 produces, 3.x content', () => {
    const produces = {
      swagger: '2.0',
      paths: { '/o': { get: { produces: ['application/json', 'application/xml'], responses: { 200: { description: 'ok', schema: { type: 'object' } }, 404: { description: 'no' } } } } },
    };
    const oas3 = {
      openapi: '3.0.0',
      paths: { '/o': { get: { responses: {
        200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } }, 'application/xml': { schema: { type: 'object', xml: { name: 'o' } } } } },
        404: { description: 'no' },
      } } } },
    };
    const facts = ['response GET /o 200 application/json schema', 'response GET /o 200 application/xml schema'];
    for (const doc of [produces, oas3]) for (const f of facts) assert.ok(documentFacts(doc).includes(f), `${f} not counted`);
    // No `produces`: no media type is stated, only the body schema.
    const bare = structuredClone(produces) as any;
    delete bare.paths['/o'].get.produces;
    assert.deepEqual(documentFacts(bare).filter((f) => f.startsWith('response GET /o 200')), ['response GET /o 200', 'response GET /o 200 body schema']);
    // What was served before: the JSON one alone.
    const jsonOnly = { openapi: '3.1.0', paths: { '/o': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } }, 404: { description: 'no' } } } } } };
    assert.deepEqual(compareDocuments(produces, jsonOnly).lost, ['response GET /o 200 application/xml schema']);
    assert.deepEqual(compareDocuments(oas3, jsonOnly).lost, ['response GET /o 200 application/xml schema']);
    assert.deepEqual(compareDocuments(produces, oas3).lost, []);
  });

  it('counts a request body\'s description: a Swagger 2.0 in: body parameter\'s is the 3.x requestBody\'s', () => {
    const original = { swagger: '2.0', paths: { '/o': { post: { parameters: [{ in: 'body', name: 'order', description: 'the new order', schema: { type: 'object' } }], responses: { 200: { description: 'ok' } } } } } };
    const served = { openapi: '3.1.0', paths: { '/o': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } } };
    assert.deepEqual(compareDocuments(original, served).lost, ['requestBody POST /o description "the new order"']);
    (served.paths['/o'].post.requestBody as any).description = 'the new order';
    assert.deepEqual(compareDocuments(original, served).lost, []);
  });

  it('says which $ref leads nowhere instead of guessing', () => {
    const broken = { openapi: '3.0.3', paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }], responses: {} } } } };
    assert.throws(() => documentFacts(broken), /\$ref to nowhere: #\/components\/parameters\/Nope/);
  });

  it('a body schema named by a $ref to a component the document lacks is stated (swagger-jsdoc whose apis miss the models)', () => {
    const original = { openapi: '3.0.0', paths: { '/p': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Player' } } } } } } } } };
    assert.ok(documentFacts(original).includes('response GET /p 200 body schema'));
    const served = { ...original, openapi: '3.1.0', components: { schemas: { Player: { type: 'object', properties: { id: { type: 'string' } } } } } };
    assert.deepEqual(compareDocuments(original, served).lost, []);
  });
});

describe('formats', () => {
  const withFormats = (idFormat: string | undefined, avatarFormat: string | undefined) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    components: {
      schemas: {
        User: {
          type: 'object',
          properties: {
            id: { type: 'integer', ...(idFormat ? { format: idFormat } : {}) },
            avatar: { type: 'string', ...(avatarFormat ? { format: avatarFormat } : {}) },
            tags: { type: 'array', items: { type: 'string', format: 'uuid' } },
            manager: { $ref: '#/components/schemas/User' },
          },
        },
      },
    },
    paths: { '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int64' } }], responses: { 200: { description: 'ok' } } } } },
  });

  it("states a parameter's format and each component property's (and its items'), not a $ref's", () => {
    const facts = documentFacts(withFormats('int64', 'binary')).filter((f) => f.includes('format'));
    assert.deepEqual(facts, [
      'component schemas User property avatar format binary',
      'component schemas User property id format int64',
      'component schemas User property tags items format uuid',
      'parameter GET /users/{id} path id format int64',
    ]);
  });

  it('a format the other document drops is lost; a Swagger 2.0 parameter states it beside its type', () => {
    assert.deepEqual(compareDocuments(withFormats('int64', 'binary'), withFormats(undefined, 'binary')).lost, ['component schemas User property id format int64']);
    const v2 = { swagger: '2.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { parameters: [{ name: 'n', in: 'query', type: 'integer', format: 'int32' }], responses: { 200: { description: 'ok' } } } } } };
    assert.ok(documentFacts(v2).includes('parameter GET /a query n format int32'));
  });
});
