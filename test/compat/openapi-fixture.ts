// A small typed app covering what the document must show: nested routers with prefixes, express
// param syntaxes, coerced params, named components, tags, security, headers, cookies, legacy docs.
import type { Request, Response } from 'express';
import { z } from 'zod';
import { createApp, createRouter, legacy, type AppOptions } from '../../compat/index.js';

export const User = z
  .object({ id: z.number().int(), name: z.string(), email: z.email() })
  .meta({ id: 'User', description: 'A user' });
export const NewUser = z.object({ name: z.string().min(1), email: z.email() }).meta({ id: 'NewUser' });
export const NotFound = z.object({ detail: z.string() }).meta({ id: 'NotFound' });

export const legacyDocs = {
  openapi: '3.0.3',
  info: { title: 'legacy', version: '0.0.1' },
  security: [{ apiKey: [] }],
  tags: [{ name: 'orders', description: 'Orders, still documented in YAML' }],
  paths: {
    '/api/v1/orders/{orderId}': {
      parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'integer' } }],
      get: {
        tags: ['orders'],
        operationId: 'getOrder',
        responses: { '200': { description: 'An order', content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } } } },
      },
    },
    // Same route as the typed GET /api/v1/users/{id}: the typed one wins, the other method is merged.
    '/api/v1/users/{userId}': {
      get: { operationId: 'legacyGetUser', responses: { '200': { description: 'legacy' } } },
      delete: {
        operationId: 'deleteUser',
        parameters: [{ name: 'userId', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '204': { description: 'Deleted' } },
      },
    },
  },
  components: {
    schemas: {
      Order: { type: 'object', properties: { total: { type: 'number', minimum: 0, exclusiveMinimum: true }, note: { type: 'string', nullable: true } } },
      User: { type: 'object', description: 'legacy User, shadowed by the typed one' },
    },
    securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' } },
  },
};

export function buildApp(opts: AppOptions = {}) {
  const app = createApp({ title: 'Users API', version: '2.0.0', legacyDocs, ...opts });
  const users = createRouter({ tags: ['users'] });
  users.get(
    '/users/:id',
    {
      summary: 'Get a user',
      params: z.object({ id: z.coerce.number().int().positive() }),
      query: z.object({ verbose: z.stringbool().optional(), fields: z.array(z.string()).optional(), page: z.coerce.number().default(1) }),
      headers: z.object({ 'x-request-id': z.string() }),
      responses: { 200: User, 404: { schema: NotFound, description: 'No such user' } },
      security: [{ bearer: [] }],
    },
    async ({ params }) => ({ id: params.id, name: 'a', email: 'a@b.c' }),
  );
  users.post(
    '/users',
    {
      body: NewUser,
      status: 201,
      tags: ['admin'],
      operationId: 'createUser',
      responses: { 201: { schema: User, description: 'Created', headers: { Location: z.string() } } },
    },
    async ({ body }) => ({ id: 1, ...body }),
  );
  users.get('/files/:name{/:rev}', { deprecated: true, cookies: z.object({ sid: z.string().optional() }) }, async () => 'x');
  const v1 = createRouter();
  v1.use('/', users);
  v1.get('/ping', { description: 'Liveness' }, legacy((_req: Request, res: Response) => { res.json({ ok: true }); }));
  app.use('/api/v1', v1);
  app.get('/', { summary: 'Root' }, async () => ({}));
  return app;
}
