// Dependencies and route middleware on Express 5 and 4: middleware listed after the spec runs
// before validation, deps see what it set on req, fromMiddleware runs legacy middleware as a dep.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, depends, fromMiddleware, HTTPException } from '../../compat/index.js';
import { listen, VERSIONS, type Listening } from './helpers.js';

interface User {
  id: number;
  role: string;
}
type WithUser = Request & { user?: User };

// A passport-style middleware: sets req.user, answers 401 itself, or fails through next(err).
function passportLike(req: WithUser, res: Response, next: NextFunction): void {
  const auth = req.headers.authorization;
  if (auth === 'Bearer boom') return next(new Error('token store down'));
  if (!auth?.startsWith('Bearer ')) {
    res.status(401).json({ message: 'Unauthorized' });
    return;
  }
  req.user = { id: Number(auth.slice(7)), role: 'admin' };
  next();
}

for (const [name, impl] of VERSIONS) {
  describe(`route middleware and deps (${name})`, () => {
    let srv: Listening;
    let dbOpened = 0;
    const order: string[] = [];
    before(async () => {
      const app = createApp({ docs: false }, impl);
      app.use(impl.json());
      const requireAuth = (req: Request, res: Response, next: NextFunction) => {
        order.push('auth');
        if (req.headers.authorization !== 'Bearer 1') return void res.status(401).json({ message: 'no' });
        (req as WithUser).user = { id: 1, role: 'admin' };
        next();
      };
      const currentUser = depends((_input, { req }) => (req as WithUser).user);
      app.post('/items', { body: z.object({ name: z.string() }), deps: { me: currentUser } }, requireAuth, async ({ body, deps }) => {
        order.push('handler');
        return { name: body.name, by: (deps.me as User).id };
      });

      const db = depends(async () => {
        dbOpened++;
        await new Promise((r) => setImmediate(r));
        return { find: (id: number) => ({ id, name: `user${id}` }) };
      });
      const repo = depends(async (_input, _ctx, solve) => ({ db: await solve(db), kind: 'repo' }));
      const owner = depends((input) => (input.params as { id: number }).id * 10);
      app.get('/users/:id', {
        params: z.object({ id: z.coerce.number() }),
        deps: { db, repo, owner, flag: () => 'bare function dep' },
      }, async ({ params, deps }) => ({
        user: deps.db.find(params.id),
        sameDb: deps.repo.db === deps.db,
        owner: deps.owner,
        flag: deps.flag,
      }));

      const me = fromMiddleware(passportLike as never, (req) => (req as WithUser).user!);
      app.get('/me', { deps: { me } }, async ({ deps }) => ({ id: deps.me.id, role: deps.me.role }));
      const guard = depends((_input, { req }) => {
        if (req.headers['x-ban'] === '1') throw new HTTPException(403, 'Banned', { 'X-Why': 'ban' });
        return true;
      });
      app.get('/guarded', { deps: { guard } }, async () => ({ ok: true }));
      app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => void res.status(503).json({ legacy: err.message }));
      srv = await listen(app);
    });
    after(() => srv.close());

    it('runs route middleware before validation: 401 wins over 422', async () => {
      order.length = 0;
      await request(srv.url).post('/items').send({ name: 5 }).expect(401, { message: 'no' });
      const bad = await request(srv.url).post('/items').set('Authorization', 'Bearer 1').send({ name: 5 }).expect(422);
      assert.deepEqual(bad.body.detail[0].loc, ['body', 'name']);
      assert.deepEqual(order, ['auth', 'auth']);
    });

    it('lets deps read what legacy middleware set on req', async () => {
      order.length = 0;
      await request(srv.url).post('/items').set('Authorization', 'Bearer 1').send({ name: 'pen' }).expect(200, { name: 'pen', by: 1 });
      assert.deepEqual(order, ['auth', 'handler']);
    });

    it('solves each dependency once per request, with parsed input and nested deps', async () => {
      dbOpened = 0;
      const res = await request(srv.url).get('/users/4').expect(200);
      assert.deepEqual(res.body, { user: { id: 4, name: 'user4' }, sameDb: true, owner: 40, flag: 'bare function dep' });
      assert.equal(dbOpened, 1);
      await request(srv.url).get('/users/5').expect(200);
      assert.equal(dbOpened, 2);
    });

    it('fromMiddleware hands pick(req) to the handler', async () => {
      await request(srv.url).get('/me').set('Authorization', 'Bearer 9').expect(200, { id: 9, role: 'admin' });
    });

    it('fromMiddleware lets the middleware answer by itself', async () => {
      await request(srv.url).get('/me').expect(401, { message: 'Unauthorized' });
    });

    it("fromMiddleware passes the middleware's next(err) to legacy error middleware", async () => {
      await request(srv.url).get('/me').set('Authorization', 'Bearer boom').expect(503, { legacy: 'token store down' });
    });

    it('sends an HTTPException thrown by a dependency', async () => {
      const res = await request(srv.url).get('/guarded').set('X-Ban', '1').expect(403, { detail: 'Banned' });
      assert.equal(res.headers['x-why'], 'ban');
      await request(srv.url).get('/guarded').expect(200, { ok: true });
    });
  });
}
