// A response's media types beyond the validated one, as the served document writes them: a migration of
// `produces: [application/json, application/xml]` or of a 3.x response whose media types each have a schema served
// the JSON one alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import express from 'express';
import { z } from 'zod';
import { createApp } from '../../compat/index.js';
import { buildOpenApiDocumentUncached } from '../../compat/openapi.js';

type Json = Record<string, any>;

test('a list of media types serves the schema under each (examples under the first); otherContent is served as written', async () => {
  const app = createApp({ docs: false });
  const Pet = z.object({ id: z.number() });
  app.get('/pets/:id', {
    responses: {
      200: { description: 'A pet', schema: Pet, contentType: ['application/json', 'application/xml'], example: { id: 1 } },
      201: { description: 'Made', schema: Pet, otherContent: { 'application/xml': { schema: z.string(), example: '<pet/>' }, 'text/plain': {} } },
      202: { description: 'Queued', otherContent: { 'application/xml': { schema: z.string() } } },
    },
  }, async () => ({ id: 1 }));
  const d = buildOpenApiDocumentUncached(app) as Json;
  const responses = d.paths['/pets/{id}'].get.responses;
  const pet = { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] };
  assert.deepEqual(responses['200'].content, { 'application/json': { schema: pet, example: { id: 1 } }, 'application/xml': { schema: pet } });
  assert.deepEqual(responses['201'].content, {
    'application/json': { schema: pet },
    'application/xml': { schema: { type: 'string' }, example: '<pet/>' },
    'text/plain': {},
  });
  assert.deepEqual(responses['202'], { description: 'Queued', content: { 'application/xml': { schema: { type: 'string' } } } });
  await SwaggerParser.validate(structuredClone(d) as never);
});

test("otherContent's schemas check nothing: the handler's body is checked against `schema` alone", async () => {
  const app = createApp({ docs: false, validation: 'enforce' });
  app.get('/n', { responses: { 200: { schema: z.object({ n: z.number() }), otherContent: { 'application/xml': { schema: z.string() } } } } }, async () => ({ n: 1 }));
  const server = app.listen(0);
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/n`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { n: 1 });
  } finally {
    server.close();
  }
});

test("a request body's other media types (bodyOtherContent) are served as written and check nothing", async () => {
  const Pet = z.object({ id: z.number() });
  const app = createApp({ docs: false, validation: 'enforce' });
  app.use(express.json());
  app.post('/pets', {
    body: Pet,
    bodyContentType: ['application/json', 'application/x-www-form-urlencoded'],
    bodyExample: { id: 1 },
    bodyOtherContent: { 'multipart/form-data': { schema: z.object({ file: z.string() }), example: { file: 'a.png' } }, 'application/octet-stream': {} },
  }, async ({ body }) => body);
  const d = buildOpenApiDocumentUncached(app) as Json;
  const pet = { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] };
  assert.deepEqual(d.paths['/pets'].post.requestBody.content, {
    'application/json': { schema: pet, example: { id: 1 } },
    'application/x-www-form-urlencoded': { schema: pet },
    'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] }, example: { file: 'a.png' } },
    'application/octet-stream': {},
  });
  await SwaggerParser.validate(structuredClone(d) as never);
  const server = app.listen(0);
  try {
    const { port } = server.address() as { port: number };
    const ok = await fetch(`http://127.0.0.1:${port}/pets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":2}' });
    assert.deepEqual([ok.status, await ok.json()], [200, { id: 2 }], '`body` alone checks the request');
  } finally {
    server.close();
  }
});
