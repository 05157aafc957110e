// Type-level proof (checked by `npm run typecheck`): a handler's input is inferred from its spec.
// Each `@ts-expect-error` line fails the type check if inference ever degrades to `any`/`unknown`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { z } from 'zod';
import { createApp, createRouter, depends, fromMiddleware, legacy, reply, routeTableOf, typed, type InputOf } from '../../compat/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <T extends true>(value: T) => value;

describe('handler input types', () => {
  it('are inferred from the spec', () => {
    const app = createApp({ docs: false });
    const me = depends(async () => ({ id: 1, name: 'a' }));
    const user = fromMiddleware((_req, _res, next) => next(), (req) => req.ip ?? '');
    app.get('/users/:id', {
      params: z.object({ id: z.coerce.number().int() }),
      query: z.object({ flag: z.stringbool().default(false), tags: z.array(z.string()).optional() }),
      body: z.object({ email: z.email() }),
      deps: { me, user, n: () => 5 },
    }, async ({ params, query, body, deps, headers }, { req, res }) => {
      const n: number = params.id;
      // @ts-expect-error params.id is a number after z.coerce.number(), not a string
      const s: string = params.id;
      const flag: boolean = query.flag;
      const tags: string[] | undefined = query.tags;
      const email: string = body.email;
      // @ts-expect-error the body has no `name`
      void body.name;
      const meName: string = deps.me.name;
      const ip: string = deps.user;
      const five: number = deps.n;
      void headers['user-agent'];
      void req.method;
      void res.statusCode;
      return reply(201, { n, s, flag, tags, email, meName, ip, five });
    });
    expectType<Equal<InputOf<{ params: z.ZodObject<{ id: z.ZodCoercedNumber<unknown> }> }>['params'], { id: number }>>(true);
    expectType<Equal<InputOf<{}>['params'], Record<string, string>>>(true);
    assert.equal(typeof app.get, 'function');
  });

  it('keep plain express overloads and legacy handlers', () => {
    const router = typed(express.Router());
    router.get('/plain', (req, res) => void res.send(req.path));
    router.post('/legacy', { body: z.object({ a: z.number() }) }, (req, _res, next) => next(), legacy((req, res) => res.json(req.body)));
    const app = createApp({ docs: false });
    const env: unknown = app.get('env');
    // @ts-expect-error spec.status is a number (and registration refuses it at run time too)
    assert.throws(() => createRouter().get('/x', { status: 'ok' }, async () => 1), /spec\.status must be an HTTP status code/);
    assert.equal(env, process.env.NODE_ENV ?? 'development');
  });
});

describe('typed verbs chain', () => {
  it('return the typed app, so a chained call is typed too', () => {
    const app = createApp({ docs: false });
    app
      .get('/a', { params: z.object({ id: z.coerce.number() }) }, async ({ params }) => params.id + 1)
      .post('/b', { body: z.object({ n: z.number() }) }, async ({ body }) => body.n * 2);
    assert.deepEqual(routeTableOf(app)!.routes.map((r) => r.id), ['GET /a', 'POST /b']);
  });
});
