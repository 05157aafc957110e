// @hono/zod-openapi on @hono/node-server: same endpoints; hono answers invalid input with 400.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { serve } from '@hono/node-server';
import { stored, schemas } from './data.js';

const { NewUser, User, Params } = schemas(z);
const app = new OpenAPIHono();
app.openapi(
  createRoute({ method: 'get', path: '/users/{id}', request: { params: Params }, responses: { 200: { description: 'A user', content: { 'application/json': { schema: User } } } } }),
  (c) => c.json(User.parse({ ...stored, id: c.req.valid('param').id }), 200),
);
app.openapi(
  createRoute({
    method: 'post', path: '/users',
    request: { body: { content: { 'application/json': { schema: NewUser } } } },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: User } } } },
  }),
  (c) => c.json({ ...c.req.valid('json'), id: stored.id }, 201),
);
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => console.log(`ready ${info.port}`));
