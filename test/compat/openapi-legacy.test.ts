// The served document over real HTTP, as a migrated app serves it: typed(express(), { title, version, legacyDocs })
// with the identity the codemod carries in apiDocs (description, servers, security, tags) and typed routes with a
// form body and a documented response header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import SwaggerParser from '@apidevtools/swagger-parser';
import express from 'express';
import { z } from 'zod';
import { typed } from '../../compat/index.js';

type Json = Record<string, any>;

const apiDocs = {
  openapi: '3.1.0',
  info: { title: 'Lending library', version: '2.1.0', description: 'Books, loans and the people who borrow them.' },
  servers: [{ url: 'https://library.example.com' }],
  security: [{ apiKey: [] }],
  tags: [{ name: 'books', description: 'The catalogue' }],
  components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } },
};

async function served(options: Parameters<typeof typed>[1]): Promise<Json> {
  const app = typed(express(), options);
  app.use(express.urlencoded({ extended: false }));
  app.post('/api/login', {
    summary: 'Log in',
    body: z.object({ username: z.string(), password: z.string() }),
    bodyContentType: 'application/x-www-form-urlencoded',
    status: 204,
    responses: { 204: { description: 'Logged in' } },
  }, async () => undefined);
  app.post('/api/books', {
    tags: ['books'],
    body: z.object({ title: z.string() }),
    status: 201,
    responses: { 201: { description: 'Added', schema: z.object({ id: z.number() }), headers: { location: z.string().meta({ description: 'Where the book can be read' }) } } },
  }, async () => ({ id: 1 }));
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.json`);
    assert.equal(res.status, 200);
    return (await res.json()) as Json;
  } finally {
    server.close();
  }
}

test("the docs' identity reaches /openapi.json: title, version, description, servers, security, tags", async () => {
  const doc = await served({ title: 'Lending library', version: '2.1.0', legacyDocs: apiDocs });
  assert.deepEqual(doc.info, apiDocs.info);
  assert.deepEqual(doc.servers, apiDocs.servers);
  assert.deepEqual(doc.security, apiDocs.security);
  assert.deepEqual(doc.tags, apiDocs.tags);
  assert.deepEqual(doc.components.securitySchemes, apiDocs.components.securitySchemes);
  await SwaggerParser.validate(doc as never);
});

test("the app's own options win; the docs' title and version stand in only for missing ones", async () => {
  const own = await served({ title: 'Own title', version: '9.0.0', description: 'Own words', servers: [{ url: 'http://localhost:3000' }], legacyDocs: apiDocs });
  assert.deepEqual(own.info, { title: 'Own title', version: '9.0.0', description: 'Own words' });
  assert.deepEqual(own.servers, [{ url: 'http://localhost:3000' }]);
  const none = await served({ legacyDocs: apiDocs });
  assert.deepEqual(none.info, apiDocs.info);
});

test('a typed form body and a documented response header are served as such', async () => {
  const doc = await served({ title: 't', version: '1', legacyDocs: apiDocs });
  assert.deepEqual(Object.keys(doc.paths['/api/login'].post.requestBody.content), ['application/x-www-form-urlencoded']);
  const created = doc.paths['/api/books'].post.responses[201];
  assert.deepEqual(created.headers.location, { schema: { type: 'string', description: 'Where the book can be read' }, required: true, description: 'Where the book can be read' });
  assert.deepEqual(created.content['application/json'].schema, { type: 'object', properties: { id: { type: 'number' } }, required: ['id'] });
  assert.equal(doc['x-migrate-api-unrendered'], undefined);
});
