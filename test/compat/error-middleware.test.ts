// Error-handling middleware `(err, req, res, next)` in a typed route's chain, over real HTTP on Express 5 and 4:
// `spec, legacy(issueToken), mapErrors` (what MA001 emits when the chain ends in error middleware) and
// `spec, verify, mapErrors, legacy(handler)`. Express tells error middleware by its four parameters, so it must
// reach express as it was: an error the handler passes to next() is mapped by the route's own error middleware,
// as before the migration, not by the app's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import type { NextFunction, Request, Response } from 'express';
import { legacy, typed, type ValidationMode } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

for (const [name, impl] of VERSIONS) {
  for (const validation of ['enforce', 'report'] as ValidationMode[]) {
    describe(`error-handling middleware in a typed route (${name}, ${validation})`, () => {
      let srv: Listening;
      let log: ReturnType<typeof captureLog>;
      before(async () => {
        log = captureLog();
        const app = typed(impl(), { validation, docs: false });
        app.use(impl.json());
        const router = typed(impl.Router());
        const issueToken = async (req: Request, res: Response, next: NextFunction) => {
          if (req.body.grant !== 'ok') return next(new Error('invalid_grant'));
          res.json({ token: 't1' });
        };
        const verify = (req: Request, _res: Response, next: NextFunction) => next(req.query.token === 't1' ? undefined : new Error('invalid_token'));
        const mapErrors = (err: Error, _req: Request, res: Response, _next: NextFunction) => { res.status(400).json({ error: err.message }); };
        router.post('/token', { body: z.object({ grant: z.string() }), responses: { 200: z.object({ token: z.string() }) } }, legacy(issueToken), mapErrors);
        router.get('/check', {}, verify, mapErrors, legacy((_req: Request, res: Response) => { res.json({ ok: true }); }));
        app.use(router);
        // the app's own error page, which the route's error middleware must keep errors from
        app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => { res.status(500).json({ app: err.message }); });
        srv = await listen(app);
      });
      after(async () => { log.restore(); await srv.close(); });

      it('an error the handler passes on is mapped by the error middleware after it', async () => {
        const res = await request(srv.url).post('/token').send({ grant: 'no' });
        assert.equal(res.status, 400);
        assert.deepEqual(res.body, { error: 'invalid_grant' });
      });

      it('without an error the handler replies and the error middleware does not run', async () => {
        const res = await request(srv.url).post('/token').send({ grant: 'ok' }).expect(200);
        assert.deepEqual(res.body, { token: 't1' });
      });

      it('error middleware before the handler catches what the middleware before it passes on', async () => {
        assert.deepEqual((await request(srv.url).get('/check').expect(400)).body, { error: 'invalid_token' });
        assert.deepEqual((await request(srv.url).get('/check?token=t1').expect(200)).body, { ok: true });
      });
    });
  }
}
