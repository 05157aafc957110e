import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import express4 from 'express4';
import { z } from 'zod';
import { createApp, createRouter, buildOpenApiDocument, reply, typed } from '../../compat/index.js';
import { buildOpenApiDocumentUncached } from '../../compat/openapi.js';
import { appOptionsOf } from '../../compat/options.js';
import type { ExpressModule } from '../../compat/index.js';
import { buildApp, legacyDocs } from './openapi-fixture.js';

type Json = Record<string, any>;
const doc = () => buildOpenApiDocument(buildApp()) as Json;
const validation422 = {
  description: 'Validation error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
};

test('the document validates with swagger-parser (OpenAPI 3.1)', async () => {
  const api = await SwaggerParser.validate(structuredClone(doc()) as never);
  assert.equal((api as Json).openapi, '3.1.0');
});

test('info comes from the app options', () => {
  assert.deepEqual(doc().info, { title: 'Users API', version: '2.0.0' });
});

test('every route appears under its mount prefixes, nested routers included, in OpenAPI syntax', () => {
  assert.deepEqual(Object.keys(doc().paths).sort(), [
    '/',
    '/api/v1/files/{name}',
    '/api/v1/files/{name}/{rev}',
    '/api/v1/orders/{orderId}',
    '/api/v1/ping',
    '/api/v1/users',
    '/api/v1/users/{id}',
  ]);
});

test('a typed GET: coerced path param required and an integer, query/header params, responses, 422', () => {
  assert.deepEqual(doc().paths['/api/v1/users/{id}'].get, {
    operationId: 'getApiV1UsersById',
    summary: 'Get a user',
    tags: ['users'],
    security: [{ bearer: [] }],
    parameters: [
      { schema: { type: 'integer', exclusiveMinimum: 0 }, required: true, name: 'id', in: 'path' },
      { schema: { type: 'boolean' }, required: false, name: 'verbose', in: 'query' },
      { schema: { type: 'array', items: { type: 'string' } }, required: false, name: 'fields', in: 'query' },
      { schema: { type: 'number', default: 1 }, required: false, name: 'page', in: 'query' },
      { schema: { type: 'string' }, required: true, name: 'x-request-id', in: 'header' },
    ],
    responses: {
      200: { description: 'Successful response', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } },
      404: { description: 'No such user', content: { 'application/json': { schema: { $ref: '#/components/schemas/NotFound' } } } },
      422: validation422,
    },
  });
});

test('a typed POST: body as a named component, explicit operationId, route + router tags, response headers', () => {
  assert.deepEqual(doc().paths['/api/v1/users'].post, {
    operationId: 'createUser',
    tags: ['users', 'admin'],
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/NewUser' } } } },
    responses: {
      201: {
        description: 'Created',
        headers: { Location: { schema: { type: 'string' }, required: true } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } },
      },
      422: validation422,
    },
  });
});

test('an optional segment gives one path per variant; unschema-ed path params are required strings', () => {
  const d = doc();
  const one = d.paths['/api/v1/files/{name}'].get;
  const two = d.paths['/api/v1/files/{name}/{rev}'].get;
  assert.equal(one.deprecated, true);
  assert.deepEqual(one.parameters, [
    { name: 'name', in: 'path', required: true, schema: { type: 'string' } },
    { schema: { type: 'string' }, required: false, name: 'sid', in: 'cookie' },
  ]);
  assert.deepEqual(two.parameters.map((p: Json) => [p.name, p.in, p.required]), [
    ['name', 'path', true],
    ['rev', 'path', true],
    ['sid', 'cookie', false],
  ]);
  assert.notEqual(one.operationId, two.operationId);
});

test('named schemas (.meta({ id })) become components; the typed one shadows a legacy one of the same name', () => {
  const schemas = doc().components.schemas;
  assert.deepEqual(Object.keys(schemas).sort(), ['HTTPValidationError', 'NewUser', 'NotFound', 'Order', 'User', 'ValidationError']);
  assert.deepEqual(schemas.User, {
    type: 'object',
    properties: { id: { type: 'integer' }, name: { type: 'string' }, email: { type: 'string', format: 'email' } },
    required: ['id', 'name', 'email'],
    description: 'A user',
  });
});

test('schemas named with .openapi() (an app that extended zod) become components too', async () => {
  const { extendZodWithOpenApi } = await import('@asteasolutions/zod-to-openapi');
  extendZodWithOpenApi(z);
  const Pet = z.object({ name: z.string() }).openapi('Pet');
  const app = createApp({ docs: false });
  app.get('/pets', { responses: { 200: z.array(Pet) } }, async () => []);
  const d = buildOpenApiDocument(app) as Json;
  assert.deepEqual(d.components.schemas.Pet, { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
  assert.deepEqual(d.paths['/pets'].get.responses[200].content['application/json'].schema, { type: 'array', items: { $ref: '#/components/schemas/Pet' } });
});

test('legacy docs fill in what typed routes do not define: operations, components, tags, security', () => {
  const d = doc();
  assert.deepEqual(d.paths['/api/v1/orders/{orderId}'].get, {
    tags: ['orders'],
    operationId: 'getOrder',
    responses: { 200: { description: 'An order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
    parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'integer' } }],
    security: [{ apiKey: [] }],
  });
  // The same route under another parameter name: the typed GET wins, the legacy DELETE joins it, renamed.
  assert.equal(d.paths['/api/v1/users/{id}'].get.operationId, 'getApiV1UsersById');
  assert.equal(d.paths['/api/v1/users/{userId}'], undefined);
  assert.deepEqual(d.paths['/api/v1/users/{id}'].delete.parameters, [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
  // OpenAPI 3.0 keywords rewritten to their 3.1 meaning.
  assert.deepEqual(d.components.schemas.Order, {
    type: 'object',
    properties: { total: { type: 'number', exclusiveMinimum: 0 }, note: { type: ['string', 'null'] } },
  });
  assert.deepEqual(d.components.securitySchemes, legacyDocs.components.securitySchemes);
  assert.deepEqual(d.tags, [{ name: 'orders', description: 'Orders, still documented in YAML' }, { name: 'users' }, { name: 'admin' }]);
  // The caller's object is never modified.
  assert.equal((legacyDocs.components.schemas.Order.properties.note as Json).nullable, true);
});

test('a Swagger 2.0 legacyDocs is refused with a message saying what to pass', () => {
  const app = createApp({ docs: false, legacyDocs: { swagger: '2.0', paths: {} } });
  assert.throws(() => buildOpenApiDocument(app), /legacyDocs is Swagger 2\.0; pass an OpenAPI 3\.x document/);
});

test('built once and cached: the same object until a route or a mount is added', () => {
  const app = buildApp();
  const first = buildOpenApiDocument(app);
  assert.equal(buildOpenApiDocument(app), first);
  const late = createRouter();
  late.get('/late', {}, async () => 'x');
  app.use('/v2', late);
  const second = buildOpenApiDocument(app) as Json;
  assert.notEqual(second, first);
  assert.ok(second.paths['/v2/late']);
  assert.equal(buildOpenApiDocument(app), second);
});

test('deep nesting, several prefixes, params in prefixes, sub-apps and cycles', () => {
  const app = createApp({ docs: false });
  const orgs = createRouter({ tags: ['orgs'] });
  const members = createRouter();
  members.get('/:memberId', { params: z.object({ orgId: z.string(), memberId: z.coerce.number() }) }, async () => 'x');
  orgs.use('/:orgId/members', members);
  const sub = createApp({ docs: false });
  sub.get('/health', {}, async () => 'ok');
  app.use(['/orgs', '/organizations'], orgs);
  app.use('/internal/', sub);
  members.use('/again', orgs); // a cycle must not loop forever
  const d = buildOpenApiDocument(app) as Json;
  assert.deepEqual(Object.keys(d.paths).sort(), [
    '/internal/health',
    '/organizations/{orgId}/members/{memberId}',
    '/orgs/{orgId}/members/{memberId}',
  ]);
  assert.deepEqual(d.paths['/orgs/{orgId}/members/{memberId}'].get.parameters, [
    { schema: { type: 'string' }, required: true, name: 'orgId', in: 'path' },
    { schema: { type: 'number' }, required: true, name: 'memberId', in: 'path' },
  ]);
  assert.notEqual(d.paths['/orgs/{orgId}/members/{memberId}'].get.operationId, d.paths['/organizations/{orgId}/members/{memberId}'].get.operationId);
});

test('Express 4 syntax: regex params carry their pattern, optional params and wildcards', async () => {
  const app = createApp({ docs: false }, express4 as unknown as ExpressModule);
  const r = typed(express4.Router());
  r.get('/files/:id(\\d+)/:format?', {}, async () => 'x');
  r.get('/static/*', {}, async () => 'x');
  app.use('/v1', r);
  const d = buildOpenApiDocument(app) as Json;
  assert.deepEqual(Object.keys(d.paths).sort(), ['/v1/files/{id}', '/v1/files/{id}/{format}', '/v1/static/{0}']);
  assert.deepEqual(d.paths['/v1/files/{id}/{format}'].get.parameters, [
    { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^(?:\\d+)$' } },
    { name: 'format', in: 'path', required: true, schema: { type: 'string' } },
  ]);
  await SwaggerParser.validate(structuredClone(d) as never);
});

test('x- spec keys are written to the operation as specification extensions', () => {
  const app = createApp({ docs: false });
  app.get('/x', { summary: 's', 'x-internal': true, 'x-rate-limit': { per: 'minute', max: 10 } } as never, async () => 'x');
  const op = (buildOpenApiDocument(app) as Json).paths['/x'].get;
  assert.deepEqual(op, { operationId: 'getX', summary: 's', 'x-internal': true, 'x-rate-limit': { per: 'minute', max: 10 }, responses: { 200: { description: 'Successful response' } } });
});

test('a route validated in report or off mode documents no 422; MIGRATE_API_VALIDATION overrides', () => {
  const make = () => {
    const app = createApp({ docs: false, validation: 'report' });
    app.post('/a', { body: z.object({ x: z.string() }) }, async () => 'x');
    app.post('/b', { body: z.object({ x: z.string() }), validation: 'enforce' }, async () => 'x');
    return buildOpenApiDocumentUncached(app) as Json;
  };
  const d = make();
  assert.deepEqual(Object.keys(d.paths['/a'].post.responses), ['200']);
  assert.deepEqual(Object.keys(d.paths['/b'].post.responses), ['200', '422']);
  const saved = process.env.MIGRATE_API_VALIDATION;
  process.env.MIGRATE_API_VALIDATION = 'off';
  try {
    assert.deepEqual(Object.keys(make().paths['/b'].post.responses), ['200']);
  } finally {
    if (saved === undefined) delete process.env.MIGRATE_API_VALIDATION;
    else process.env.MIGRATE_API_VALIDATION = saved;
  }
});

test('a schema the library cannot render is left out alone, named in the document; the rest stays', () => {
  const app = createApp({ docs: false });
  app.post('/odd', { body: z.object({ a: z.string() }), responses: { 200: z.custom<string>((v) => typeof v === 'string') } }, async () => 'x');
  app.get('/fine', { responses: { 200: z.string() } }, async () => 'x');
  const warn = console.warn;
  const warned: string[] = [];
  console.warn = (m: string) => warned.push(m);
  let d: Json;
  try {
    d = buildOpenApiDocumentUncached(app) as Json;
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(d.paths['/odd'].post.responses[200], { description: 'Successful response', content: { 'application/json': { schema: {} } } });
  assert.deepEqual(d.paths['/odd'].post.requestBody.content['application/json'].schema, {
    type: 'object', properties: { a: { type: 'string' } }, required: ['a'],
  });
  assert.deepEqual(d.paths['/fine'].get.responses[200].content['application/json'].schema, { type: 'string' });
  assert.equal(d['x-migrate-api-unrendered'].length, 1);
  assert.match(d['x-migrate-api-unrendered'][0], /^POST \/odd responses\.200: /);
  assert.equal(warned.length, 1);
});

test('response headers given as z.object(...) (what earlier migrations emitted) are documented like a shape, body kept', () => {
  const app = createApp({ docs: false });
  const Item = z.object({ sku: z.string() }).meta({ id: 'HeaderItem' });
  app.post('/items', {
    status: 201,
    responses: {
      201: { schema: Item, headers: z.object({ location: z.string().meta({ description: 'Where the item lives' }), etag: z.string().optional() }) },
    },
  }, async () => ({ sku: 'a' }));
  const d = buildOpenApiDocumentUncached(app) as Json;
  assert.equal(d['x-migrate-api-unrendered'], undefined);
  assert.deepEqual(d.paths['/items'].post.responses[201], {
    description: 'Successful response',
    headers: {
      location: { schema: { type: 'string', description: 'Where the item lives' }, required: true, description: 'Where the item lives' },
      etag: { schema: { type: 'string' }, required: false },
    },
    content: { 'application/json': { schema: { $ref: '#/components/schemas/HeaderItem' } } },
  });
});

test('a response header the library cannot render costs only the headers, never the body schema', () => {
  const app = createApp({ docs: false });
  app.post('/odd-header', {
    responses: { 200: { schema: z.object({ ok: z.boolean() }), headers: { 'x-odd': z.custom<string>((v) => typeof v === 'string') } } },
  }, async () => ({ ok: true }));
  const warn = console.warn;
  console.warn = () => {};
  let d: Json;
  try {
    d = buildOpenApiDocumentUncached(app) as Json;
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(d.paths['/odd-header'].post.responses[200], {
    description: 'Successful response',
    content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } } },
  });
  assert.deepEqual(d['x-migrate-api-unrendered'].map((m: string) => m.replace(/: .*/, '')), ['POST /odd-header responses.200.headers']);
});

test('a form body is documented with its own media types, not as JSON', () => {
  const app = createApp({ docs: false });
  const Login = z.object({ username: z.string(), password: z.string() });
  app.post('/login', { body: Login, bodyContentType: 'application/x-www-form-urlencoded' }, async () => ({}));
  app.post('/avatar', { body: z.object({ caption: z.string() }), bodyContentType: ['multipart/form-data', 'application/x-www-form-urlencoded'] }, async () => ({}));
  const d = buildOpenApiDocumentUncached(app) as Json;
  const schema = { type: 'object', properties: { username: { type: 'string' }, password: { type: 'string' } }, required: ['username', 'password'] };
  assert.deepEqual(d.paths['/login'].post.requestBody, { required: true, content: { 'application/x-www-form-urlencoded': { schema } } });
  assert.deepEqual(Object.keys(d.paths['/avatar'].post.requestBody.content), ['multipart/form-data', 'application/x-www-form-urlencoded']);
});

test("bodyDescription is the requestBody's description (a Swagger 2 in: body parameter's, kept by a migration)", () => {
  const app = createApp({ docs: false });
  app.post('/orders', { body: z.object({ price: z.number() }), bodyDescription: 'the new order' }, async () => ({}));
  const body = (buildOpenApiDocumentUncached(app) as Json).paths['/orders'].post.requestBody;
  assert.equal(body.description, 'the new order');
  assert.equal(body.required, true);
});

test('info carries termsOfService, contact and license from the app options; legacyDocs fills in what they leave out', () => {
  const app = createApp({ docs: false, title: 'T', version: '1', termsOfService: 'https://x/terms', contact: { name: 'Jane' } });
  app.get('/ping', {}, async () => ({}));
  const info = buildOpenApiDocumentUncached(app, { ...appOptionsOf(app), legacyDocs: { openapi: '3.0.0', info: { title: 'L', version: '0', contact: { name: 'Other' }, license: { name: 'MIT' } }, paths: {} } }).info;
  assert.deepEqual(info, { title: 'T', version: '1', termsOfService: 'https://x/terms', contact: { name: 'Jane' }, license: { name: 'MIT' } });
});

test('media-type examples and media types are served as the docs wrote them; an example alone keeps its media type', async () => {
  const app = createApp({ docs: false });
  app.post('/users', {
    body: z.object({ name: z.string() }), bodyContentType: 'apllication/json', bodyExample: { name: 'Jane' },
    status: 201,
    responses: {
      201: { description: 'Created', example: { id: 1 } },
      200: { schema: z.object({ id: z.number() }), examples: { one: { value: { id: 1 } } } },
      400: { description: 'Taken', contentType: 'application/problem+json', schema: z.object({ title: z.string() }), example: { title: 'taken' } },
      406: { description: 'Not acceptable', contentType: 'text/html' },
    },
  }, async () => reply(201, {}));
  app.post('/forms', {
    body: z.object({ a: z.string() }), bodyContentType: ['multipart/form-data', 'application/x-www-form-urlencoded'], bodyExamples: { x: { value: { a: '1' } } },
  }, async () => ({}));
  const d = buildOpenApiDocumentUncached(app) as Json;
  const op = d.paths['/users'].post;
  assert.deepEqual(op.requestBody.content, { 'apllication/json': { schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] }, example: { name: 'Jane' } } });
  assert.deepEqual(op.responses['201'], { description: 'Created', content: { 'application/json': { example: { id: 1 } } } });
  assert.deepEqual(op.responses['200'].content['application/json'].examples, { one: { value: { id: 1 } } });
  assert.deepEqual(Object.keys(op.responses['400'].content), ['application/problem+json']);
  assert.deepEqual(op.responses['400'].content['application/problem+json'].example, { title: 'taken' });
  assert.deepEqual(op.responses['406'], { description: 'Not acceptable', content: { 'text/html': {} } });
  const forms = d.paths['/forms'].post.requestBody.content;
  assert.deepEqual(forms['multipart/form-data'].examples, { x: { value: { a: '1' } } });
  assert.equal(forms['application/x-www-form-urlencoded'].examples, undefined);
  await SwaggerParser.validate(structuredClone(d) as never);
});

test('a route with an optional param keeps the words of each path it answers on (spec.variants)', () => {
  const app = createApp({ docs: false }, express4 as unknown as ExpressModule);
  const loans = typed(express4.Router());
  loans.get('/:id/loans/:status?', {
    summary: 'Loans with a status',
    description: 'Only the loans in that status.',
    variants: { '/:id/loans': { summary: 'All loans', description: 'Every loan of the book.', operationId: 'allLoans' } },
  }, async () => []);
  app.use('/books', loans);
  const d = buildOpenApiDocumentUncached(app) as Json;
  const all = d.paths['/books/{id}/loans'].get;
  const one = d.paths['/books/{id}/loans/{status}'].get;
  assert.deepEqual([all.summary, all.description, all.operationId], ['All loans', 'Every loan of the book.', 'allLoans']);
  assert.deepEqual([one.summary, one.description], ['Loans with a status', 'Only the loans in that status.']);
});

test('spec.variants keys in Express 5 syntax: the optional group left out', () => {
  const app = createApp({ docs: false });
  app.get('/files/:name{/:rev}', { summary: 'One revision', variants: { '/files/:name': { summary: 'Latest revision' } } }, async () => 'x');
  const d = buildOpenApiDocumentUncached(app) as Json;
  assert.equal(d.paths['/files/{name}'].get.summary, 'Latest revision');
  assert.equal(d.paths['/files/{name}/{rev}'].get.summary, 'One revision');
});

test('a body that checks readOnly properties first (z.preprocess around the object) is as required as its object', () => {
  const app = createApp({ docs: false });
  const inner = z.object({ name: z.string() }).meta({ id: 'ThingInput' });
  const ThingInput = z.preprocess((v) => v, inner);
  app.post('/things', { body: ThingInput }, async () => ({}));
  app.put('/things', { body: ThingInput.optional() }, async () => ({}));
  const d = buildOpenApiDocumentUncached(app) as Json;
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/ThingInput' } } };
  assert.deepEqual(d.paths['/things'].post.requestBody, { required: true, content });
  assert.deepEqual(d.paths['/things'].put.requestBody, { required: false, content });
});
