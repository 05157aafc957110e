// Errors over real HTTP on Express 5 and 4: HTTPException, legacy error middleware, async
// rejections, the JSON final handler, production bodies, and the onValidationError hook.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, HTTPException, legacy, RequestValidationError } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

class Boom extends Error {
  status = 418;
}

for (const [name, impl] of VERSIONS) {
  describe(`errors with legacy error middleware (${name})`, () => {
    let srv: Listening;
    const seen: unknown[] = [];
    before(async () => {
      const app = createApp({ docs: false }, impl);
      app.get('/http', {}, async () => {
        throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
      });
      app.get('/http-object', {}, () => {
        throw new HTTPException(409, { code: 'conflict', id: 7 });
      });
      app.get('/http-default', {}, async () => {
        throw new HTTPException(404);
      });
      app.get('/async', {}, async () => {
        await new Promise((r) => setImmediate(r));
        throw new Boom('async teapot');
      });
      app.get('/sync', {}, () => {
        throw new Boom('sync teapot');
      });
      app.get('/legacy-async', {}, legacy(async () => {
        throw new Boom('legacy teapot');
      }));
      app.get('/legacy-next', {}, legacy((_req: Request, _res: Response, next: NextFunction) => next(new Boom('next teapot'))));
      const asyncAuth = async (_req: Request, _res: Response, _next: NextFunction) => {
        await new Promise((r) => setImmediate(r));
        throw new Boom('middleware teapot');
      };
      app.get('/mw-async', {}, asyncAuth, async () => 'unreachable');
      app.use((err: Error & { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
        seen.push(err);
        res.status(err.status ?? 500).json({ legacy: true, message: err.message });
      });
      srv = await listen(app);
    });
    after(() => srv.close());

    it('sends HTTPException as { detail } with its headers', async () => {
      const res = await request(srv.url).get('/http').expect(401);
      assert.deepEqual(res.body, { detail: 'Not authenticated' });
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      const obj = await request(srv.url).get('/http-object').expect(409);
      assert.deepEqual(obj.body, { detail: { code: 'conflict', id: 7 } });
      const def = await request(srv.url).get('/http-default').expect(404);
      assert.deepEqual(def.body, { detail: 'Not Found' });
    });

    it('hands other errors, sync and async, typed and legacy, to the legacy error middleware', async () => {
      const before = seen.length;
      const cases = [['/async', 'async teapot'], ['/sync', 'sync teapot'], ['/legacy-async', 'legacy teapot'], ['/legacy-next', 'next teapot'], ['/mw-async', 'middleware teapot']];
      for (const [path, message] of cases) {
        const res = await request(srv.url).get(path).expect(418);
        assert.deepEqual(res.body, { legacy: true, message }, path);
      }
      assert.equal(seen.length - before, cases.length);
      assert.ok(seen.slice(before).every((e) => e instanceof Boom));
    });
  });

  describe(`errors without error middleware (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    const env = process.env.NODE_ENV;
    before(async () => {
      log = captureLog();
      const app = createApp({ docs: false }, impl);
      app.use(impl.json());
      app.get('/crash', {}, async () => {
        throw new Error('db password is hunter2');
      });
      app.get('/plain-http', (_req, _res, next) => next(new HTTPException(403, 'Forbidden here', { 'X-Reason': 'plain' })));
      app.get('/plain-crash', () => {
        throw new Error('plain handler broke');
      });
      srv = await listen(app);
    });
    after(async () => {
      process.env.NODE_ENV = env;
      log.restore();
      await srv.close();
    });

    it('answers an async rejection with a JSON 500 instead of hanging', async () => {
      process.env.NODE_ENV = 'development';
      const res = await request(srv.url).get('/crash').expect(500).expect('content-type', /json/);
      assert.deepEqual(res.body, { detail: 'db password is hunter2' });
      assert.ok(log.errors.some((l) => l.includes('GET /crash failed')));
    });

    it('keeps messages and stacks out of production bodies', async () => {
      process.env.NODE_ENV = 'production';
      for (const path of ['/crash', '/plain-crash']) {
        const res = await request(srv.url).get(path).expect(500);
        assert.deepEqual(res.body, { detail: 'Internal Server Error' }, path);
        assert.ok(!/at .*\.ts:\d+/.test(res.text));
      }
    });

    it('answers an HTTPException from plain express middleware with { detail } and headers', async () => {
      const res = await request(srv.url).get('/plain-http').expect(403);
      assert.deepEqual(res.body, { detail: 'Forbidden here' });
      assert.equal(res.headers['x-reason'], 'plain');
    });

    it('answers an unmatched route with a JSON 404', async () => {
      const res = await request(srv.url).get('/nowhere').expect(404).expect('content-type', /json/);
      assert.deepEqual(res.body, { detail: 'Not Found' });
    });
  });

  describe(`onValidationError (${name})`, () => {
    let srv: Listening;
    before(async () => {
      // One app keeps its legacy shape by answering; the other hands the error to its error middleware.
      const shaped = createApp({
        docs: false,
        onValidationError: (err) => ({ status: 400, body: { errors: err.detail.map((d) => `${d.loc.join('.')}: ${d.msg}`) }, headers: { 'X-Legacy': '1' } }),
      }, impl);
      shaped.get('/n/:n', { params: z.object({ n: z.coerce.number() }) }, async ({ params }) => params);
      const thrown = createApp({ docs: false, onValidationError: (err) => { throw err; } }, impl);
      thrown.get('/n/:n', { params: z.object({ n: z.coerce.number() }) }, async ({ params }) => params);
      thrown.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
        assert.ok(err instanceof RequestValidationError);
        res.status(err.status).json({ legacyErrors: err.detail.length });
      });
      const outer = impl();
      outer.use('/shaped', shaped);
      outer.use('/thrown', thrown);
      srv = await listen(outer);
    });
    after(() => srv.close());

    it('sends what the hook returns', async () => {
      const res = await request(srv.url).get('/shaped/n/x').expect(400);
      assert.equal(res.headers['x-legacy'], '1');
      assert.equal(res.body.errors.length, 1);
      assert.match(res.body.errors[0], /^path\.n: /);
      await request(srv.url).get('/shaped/n/5').expect(200, { n: 5 });
    });

    it('passes a thrown error on to the legacy error middleware', async () => {
      const res = await request(srv.url).get('/thrown/n/x').expect(422);
      assert.deepEqual(res.body, { legacyErrors: 1 });
    });
  });
}
