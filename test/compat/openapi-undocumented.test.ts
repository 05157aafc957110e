import { test } from 'node:test';
import assert from 'node:assert/strict';
import SwaggerParser from '@apidevtools/swagger-parser';
import express from 'express';
import { z } from 'zod';
import { buildOpenApiDocument, legacy, typed } from '../../compat/index.js';
import { NOT_DOCUMENTED } from '../../compat/openapi.js';

type Json = Record<string, any>;

test('an undocumented legacy route claims no status: only `default`, described as not documented, and the document validates', async () => {
  const app = typed(express(), { validation: 'report', title: 't', version: '1' });
  app.get('/old', {}, legacy((_req, res) => res.redirect('/new')));
  app.post('/items', {}, legacy((_req, res) => res.status(201).json({ id: 1 })));
  const d = structuredClone(buildOpenApiDocument(app)) as Json;
  assert.deepEqual(d.paths['/old'].get.responses, { default: { description: NOT_DOCUMENTED } });
  assert.deepEqual(d.paths['/items'].post.responses, { default: { description: NOT_DOCUMENTED } });
  assert.equal(JSON.stringify(d).includes('Successful response'), false);
  await SwaggerParser.validate(d as never);
});

test('a legacy route with an inferred response lists that status and shape, nothing else', () => {
  const app = typed(express(), { validation: 'report', title: 't', version: '1' });
  app.post('/items', { responses: { 201: z.looseObject({ id: z.number() }) } }, legacy((_req, res) => res.status(201).json({ id: 1 })));
  const d = buildOpenApiDocument(app) as Json;
  assert.deepEqual(Object.keys(d.paths['/items'].post.responses), ['201']);
});

test('a typed handler with no responses still documents the status its return is sent with', () => {
  const app = typed(express(), { validation: 'report', title: 't', version: '1' });
  app.post('/typed', { status: 201 }, async () => ({ ok: true }));
  const d = buildOpenApiDocument(app) as Json;
  assert.deepEqual(Object.keys(d.paths['/typed'].post.responses), ['201']);
});
