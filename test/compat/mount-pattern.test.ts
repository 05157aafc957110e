// Report mode names a route by its mount prefix as written, also when the prefix has parameters: a router mounted
// at `/towns/:townId/posts` counted each town as its own route (`GET /api/towns/7/posts/:postId`), so
// `check --runtime` matched none of them to the code and a report-mode app kept a counter per id.
// Fails on the previous code (compat/execute.ts used req.baseUrl as Express matched it).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, getViolations, resetViolations, typed } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

const Post = z.object({ id: z.number() });

for (const [name, impl] of VERSIONS) {
  describe(`route names under parameterized mount prefixes (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => {
      log = captureLog();
      const app = createApp({ docs: false, validation: 'report' }, impl);
      const api = createRouter({}, impl);
      const posts = createRouter({}, impl);
      // The response carries a key its schema lacks: one response violation per request.
      posts.get('/:postId', { params: z.object({ postId: z.coerce.number() }), responses: { 200: Post } },
        async ({ params }) => ({ id: params.postId, extra: true }) as never);
      api.use('/towns/:townId/posts', posts);
      const comments = createRouter({}, impl);
      comments.get('/', { responses: { 200: Post } }, async () => ({ id: 1, extra: true }) as never);
      posts.use('/:postId/comments', comments);
      // An untyped router in between: its literal prefix stays as Express matched it.
      const plain = typed(impl.Router(), {});
      plain.get('/ping', { responses: { 200: Post } }, async () => ({ id: 2, extra: true }) as never);
      api.use('/v1', plain);
      app.use('/api', api);
      srv = await listen(app);
    });
    beforeEach(() => resetViolations());
    after(async () => {
      log.restore();
      await srv.close();
    });

    it('counts the requests of every town under the route as written', async () => {
      await request(srv.url).get('/api/towns/7/posts/1').expect(200);
      await request(srv.url).get('/api/towns/8/posts/2').expect(200);
      await request(srv.url).get('/api/TOWNS/9/posts/3').expect(200);
      assert.deepEqual(getViolations().routes.map((r) => [r.route, r.total]), [['GET /api/towns/:townId/posts/:postId', 3]]);
    });

    it('writes back each parameterized prefix of a nested mount, and keeps literal ones', async () => {
      await request(srv.url).get('/api/towns/7/posts/1/comments').expect(200);
      await request(srv.url).get('/api/towns/8/posts/2/comments/').expect(200);
      await request(srv.url).get('/api/v1/ping').expect(200);
      assert.deepEqual(getViolations().routes.map((r) => [r.route, r.total]).sort(), [
        ['GET /api/towns/:townId/posts/:postId/comments/', 2],
        ['GET /api/v1/ping', 1],
      ]);
    });
  });
}
