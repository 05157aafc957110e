// typed(existing) on Express 5 and 4: typed verbs next to untouched plain express calls, the route
// table and mounts the OpenAPI generator reads, and clear errors for a bad spec.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, routeTableOf, typed } from '../../compat/index.js';
import { listen, VERSIONS } from './helpers.js';

for (const [name, impl] of VERSIONS) {
  describe(`typed() (${name})`, () => {
    it('leaves plain express calls and app.get(setting) untouched', async () => {
      const app = typed(impl(), { validation: 'enforce' });
      app.set('answer', 42);
      assert.equal(app.get('answer'), 42);
      app.get('/plain/:id', (req: Request, res: Response) => void res.json({ id: req.params.id, plain: true }));
      app.post('/plain', (req: Request, _res: Response, next) => next(), (req: Request, res: Response) => void res.status(202).send('ok'));
      const r = typed(impl.Router());
      r.get('/x', (_req: Request, res: Response) => void res.send('router plain'));
      app.use('/r', r);
      assert.equal(routeTableOf(app)!.routes.length, 0);
      assert.equal(routeTableOf(r)!.routes.length, 0);
      const srv = await listen(app);
      try {
        await request(srv.url).get('/plain/abc').expect(200, { id: 'abc', plain: true });
        await request(srv.url).post('/plain').expect(202, 'ok');
        await request(srv.url).get('/r/x').expect(200, 'router plain');
      } finally {
        await srv.close();
      }
    });

    it('serves every typed verb, all() included', async () => {
      const app = createApp({ docs: false }, impl);
      const echo = async (_input: unknown, { req }: { req: Request }) => ({ method: req.method });
      for (const verb of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) app[verb]('/v', {}, echo);
      app.head('/h', {}, async (_i, { res }) => void res.setHeader('X-Head', 'yes'));
      app.all('/any', { query: z.object({ n: z.coerce.number() }) }, async ({ query }, { req }) => ({ method: req.method, n: query.n }));
      const srv = await listen(app);
      try {
        for (const verb of ['get', 'post', 'put', 'patch', 'delete', 'options'] as const) {
          await request(srv.url)[verb]('/v').expect(200, { method: verb.toUpperCase() });
        }
        const head = await request(srv.url).head('/h').expect(204);
        assert.equal(head.headers['x-head'], 'yes');
        await request(srv.url).get('/any?n=1').expect(200, { method: 'GET', n: 1 });
        await request(srv.url).patch('/any?n=2').expect(200, { method: 'PATCH', n: 2 });
        await request(srv.url).put('/any').expect(422);
        // A typed GET answers HEAD like any express GET route.
        await request(srv.url).head('/v').expect(200);
      } finally {
        await srv.close();
      }
      const methods = routeTableOf(app)!.routes.map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(methods, [
        'get /v', 'post /v', 'put /v', 'patch /v', 'delete /v', 'options /v', 'head /h',
        'get /any', 'post /any', 'put /any', 'patch /any', 'delete /any',
      ]);
    });

    it('records one descriptor per typed route and the mounts of routers', () => {
      const app = createApp({ docs: false, tags: ['app'] }, impl);
      const users = createRouter({ tags: ['users'], validation: 'report', security: [{ bearer: [] }] }, impl);
      const admin = createRouter({}, impl);
      const spec = { summary: 'Get a user', params: z.object({ id: z.coerce.number() }), operationId: 'getUser', 'x-internal': true };
      users.get('/users/:id', spec, async ({ params }) => params);
      admin.delete('/users/:id', { deprecated: true }, async () => undefined);
      users.use('/admin', admin);
      const mw = (_req: Request, _res: Response, next: () => void) => next();
      app.use('/api', users);
      app.use(['/v1', '/v2'], mw, admin);
      app.use(mw);
      app.use(/^\/re/, admin);
      const [d] = routeTableOf(users)!.routes;
      assert.equal(d.method, 'get');
      assert.equal(d.path, '/users/:id');
      assert.equal(d.id, 'GET /users/:id');
      assert.equal(d.legacyHandler, false);
      assert.equal(d.spec.summary, 'Get a user');
      assert.equal(d.spec.operationId, 'getUser');
      assert.equal(d.spec.params, spec.params);
      assert.deepEqual(d.router, { tags: ['users'], validation: 'report', security: [{ bearer: [] }] });
      assert.deepEqual(routeTableOf(app)!.options, { tags: ['app'] });
      assert.deepEqual(routeTableOf(users)!.mounts, [{ prefix: '/admin', child: admin }]);
      assert.deepEqual(routeTableOf(app)!.mounts, [{ prefix: '/api', child: users }, { prefix: '/v1', child: admin }, { prefix: '/v2', child: admin }]);
    });

    it('is idempotent and keeps the first options', () => {
      const r = impl.Router();
      const a = typed(r, { tags: ['a'] });
      const b = typed(r, { tags: ['b'] });
      assert.equal(a, b);
      assert.deepEqual(routeTableOf(r)!.options, { tags: ['a'] });
    });

    it('refuses a bad spec with a message naming the route', () => {
      const app = createApp({ docs: false }, impl);
      assert.throws(() => app.get('/a', { parmas: z.object({}) } as never, async () => 1), /GET \/a: unknown spec key parmas/);
      assert.throws(() => app.post('/b', { body: { type: 'object' } } as never, async () => 1), /POST \/b: spec\.body must be a zod schema/);
      assert.throws(() => app.put('/c', { validation: 'strict' } as never, async () => 1), /PUT \/c: validation must be one of enforce, report, off/);
      assert.throws(() => app.get(/re/ as never, {}, async () => 1), /a typed route needs a string path/);
      assert.throws(() => app.get('/d', {}, 'nope' as never, 'nope' as never), /the last argument must be the handler/);
      assert.throws(() => app.get('/e', { responses: { ok: z.string() } } as never, async () => 1), /responses key "ok"/);
      assert.throws(() => app.get('/f', { deps: { x: 5 } } as never, async () => 1), /deps\.x must be a function/);
      assert.equal(routeTableOf(app)!.routes.length, 0);
    });

    it('works on a sub-app mounted in a plain express app', async () => {
      const sub = createApp({ docs: false }, impl);
      sub.get('/n/:n', { params: z.object({ n: z.coerce.number() }) }, async ({ params }) => ({ n: params.n }));
      const outer = impl();
      outer.use('/sub', sub);
      const srv = await listen(outer);
      try {
        await request(srv.url).get('/sub/n/3').expect(200, { n: 3 });
        await request(srv.url).get('/sub/n/x').expect(422);
      } finally {
        await srv.close();
      }
    });
  });
}
