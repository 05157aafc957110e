// Type-level proof (checked by `npm run typecheck`): a handler's input is inferred from its spec.
// Each `@ts-expect-error` line fails the type check if inference ever degrades to `any`/`unknown`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import express from 'express';
import { z } from 'zod';
import { createApp, createRouter, depends, fromMiddleware, legacy, reply, replyEnd, routeTableOf, typed, type InputOf } from '../../compat/index.js';

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

describe('handler output types', () => {
  const User = z.object({ id: z.number(), name: z.string(), createdAt: z.iso.datetime() });
  const NotFound = z.object({ detail: z.string() });

  it('a plain return is checked against the default status, reply(s) against responses[s]', () => {
    const app = createApp({ docs: false });
    const row = { id: 1, name: 'a', createdAt: new Date(), password: 'x' };
    // Extra keys (stripped at run time) and Dates (sent as ISO strings) are fine.
    app.get('/ok', { responses: { 200: User, 404: NotFound } }, async () => row);
    app.get('/reply', { responses: { 200: User, 404: NotFound } }, async () => (Math.random() > 0.5 ? row : reply(404, { detail: 'no' })));
    app.post('/created', { status: 201, responses: { 201: User } }, async () => reply(201, row, { Location: '/users/1' }));
    app.delete('/nothing', { responses: { 204: { description: 'gone' } } }, async () => undefined);
    // What compiled as a plain return of a value that may be undefined compiles as the reply MA003 writes for it.
    const maybe = new Map([[1, row]]).get(2);
    app.get('/maybe', { responses: { 200: User, 404: NotFound } }, async () => maybe);
    app.get('/maybe-reply', { responses: { 200: User, 404: NotFound } }, async () => reply(200, maybe));
    app.post('/maybe-created', { status: 201, responses: { 201: User } }, async () => reply(201, maybe, { Location: '/users/1' }));
    app.post('/ended', { responses: { 201: User } }, async () => replyEnd(201, { Location: '/users/1' }));
    // @ts-expect-error a value of another type is still refused next to undefined
    app.get('/maybe-wrong', { responses: { 200: User } }, async () => reply(200, Math.random() > 0.5 ? undefined : { id: 'x' }));
    // @ts-expect-error id is a number in the 200 schema
    app.get('/bad-type', { responses: { 200: User } }, async () => ({ id: 'not-a-number', name: 'a', createdAt: '2026-01-01T00:00:00Z' }));
    // @ts-expect-error name is required by the 200 schema
    app.get('/missing-key', { responses: { 200: User } }, async () => ({ id: 1, createdAt: '2026-01-01T00:00:00Z' }));
    // @ts-expect-error 418 is not a declared status
    app.get('/undeclared', { responses: { 200: User } }, async () => reply(418, { detail: 'teapot' }));
    // @ts-expect-error the 404 body is { detail: string }
    app.get('/wrong-404', { responses: { 200: User, 404: NotFound } }, async () => reply(404, { message: 'no' }));
    // @ts-expect-error only 201 is declared: a plain return (200) has nowhere to go
    app.post('/no-200', { responses: { 201: User } }, async () => row);
    assert.equal(typeof app.get, 'function');
  });

  it('routes without responses, or with a range or default entry, take anything; legacy() stays untyped', () => {
    const app = createApp({ docs: false });
    app.get('/free', {}, async () => ({ anything: true }));
    app.get('/range', { responses: { '2XX': User } }, async () => reply(299, 'whatever'));
    app.get('/default', { responses: { default: NotFound } }, async () => 42);
    app.get('/legacy', { responses: { 200: User } }, legacy((_req, res) => res.json({ id: 'unchecked at compile time' })));
    assert.equal(typeof app.get, 'function');
  });
});
