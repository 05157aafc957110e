// Request validation over real HTTP, on Express 5 and Express 4: every location, coercion,
// defaults, FastAPI's 422 shape, body-parser's 400/413, and prototype keys in bodies.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../compat/index.js';
import { listen, VERSIONS, type Listening } from './helpers.js';

const Address = z.object({ city: z.string().min(1), zip: z.string().regex(/^\d{5}$/) });
const NewUser = z.object({ email: z.email(), age: z.number().int().min(0).optional(), address: Address });

for (const [name, impl] of VERSIONS) {
  describe(`request validation (${name})`, () => {
    let srv: Listening;
    before(async () => {
      const app = createApp({ docs: false }, impl);
      app.use(impl.json({ limit: '1kb' }));
      app.get('/items/:id', { params: z.object({ id: z.coerce.number().int().positive() }) }, async ({ params }) => ({ id: params.id, type: typeof params.id }));
      app.get('/search', {
        query: z.object({
          page: z.coerce.number().int().min(1).default(1),
          flag: z.stringbool().default(false),
          tags: z.array(z.string()).default([]),
          ids: z.array(z.coerce.number()).optional(),
          sort: z.enum(['asc', 'desc']).default('asc'),
        }),
      }, async ({ query }) => query);
      app.get('/secure', { headers: z.object({ 'x-api-key': z.string().min(8) }) }, async ({ headers }) => ({ key: headers['x-api-key'], all: Object.keys(headers) }));
      app.get('/session', { cookies: z.object({ session: z.uuid(), theme: z.enum(['dark', 'light']).default('light') }) }, async ({ cookies }) => cookies);
      app.post('/users/:org', { params: z.object({ org: z.string().min(3) }), body: NewUser, status: 201 }, async ({ body, params }) => ({ ...body, org: params.org }));
      app.post('/bag', { body: z.record(z.string(), z.unknown()) }, async ({ body }) => ({
        keys: Object.keys(body),
        nestedKeys: Object.keys((body.nested ?? {}) as object),
        ownProto: Object.hasOwn(body, '__proto__'),
        polluted: ({} as Record<string, unknown>).polluted ?? null,
      }));
      app.get('/cased', { headers: z.object({ 'X-Request-Id': z.string().length(4) }) }, async ({ headers }) => ({ id: headers['X-Request-Id'] }));
      const taken = new Set(['ann']);
      app.post('/async-check', { body: z.object({ name: z.string().refine(async (n) => !taken.has(n), 'name taken') }) }, async ({ body }) => body);
      srv = await listen(app);
    });
    after(() => srv.close());

    it('coerces a path param to a number', async () => {
      const res = await request(srv.url).get('/items/42').expect(200);
      assert.deepEqual(res.body, { id: 42, type: 'number' });
    });

    it('rejects a bad path param with a FastAPI 422', async () => {
      const res = await request(srv.url).get('/items/abc').expect(422).expect('content-type', /json/);
      assert.equal(res.body.detail.length, 1);
      const [d] = res.body.detail;
      assert.deepEqual(d.loc, ['path', 'id']);
      assert.equal(d.type, 'invalid_type');
      assert.equal(typeof d.msg, 'string');
      assert.ok(d.msg.length > 0);
      assert.deepEqual(Object.keys(d).sort(), ['loc', 'msg', 'type']);
    });

    it('coerces and defaults the query', async () => {
      const res = await request(srv.url).get('/search?page=2&flag=false').expect(200);
      assert.deepEqual(res.body, { page: 2, flag: false, tags: [], sort: 'asc' });
      const empty = await request(srv.url).get('/search').expect(200);
      assert.deepEqual(empty.body, { page: 1, flag: false, tags: [], sort: 'asc' });
      const yes = await request(srv.url).get('/search?flag=true').expect(200);
      assert.equal(yes.body.flag, true);
    });

    it('reads repeated query params as arrays, and a single one as a one-item array', async () => {
      const many = await request(srv.url).get('/search?tags=a&tags=b&ids=1&ids=2').expect(200);
      assert.deepEqual(many.body.tags, ['a', 'b']);
      assert.deepEqual(many.body.ids, [1, 2]);
      const one = await request(srv.url).get('/search?tags=solo&ids=7').expect(200);
      assert.deepEqual(one.body.tags, ['solo']);
      assert.deepEqual(one.body.ids, [7]);
    });

    it('reports every bad query field at once', async () => {
      const res = await request(srv.url).get('/search?page=0&flag=maybe&sort=up').expect(422);
      assert.deepEqual(res.body.detail.map((d: { loc: unknown[] }) => d.loc), [['query', 'page'], ['query', 'flag'], ['query', 'sort']]);
      assert.deepEqual(res.body.detail.map((d: { type: string }) => d.type), ['too_small', 'invalid_value', 'invalid_value']);
    });

    it('validates headers and hands only the declared ones to the handler', async () => {
      const missing = await request(srv.url).get('/secure').expect(422);
      assert.deepEqual(missing.body.detail.map((d: { loc: unknown[] }) => d.loc), [['header', 'x-api-key']]);
      const ok = await request(srv.url).get('/secure').set('X-Api-Key', 'secret-key-1').expect(200);
      assert.deepEqual(ok.body, { key: 'secret-key-1', all: ['x-api-key'] });
    });

    it('reads a header declared in mixed case', async () => {
      await request(srv.url).get('/cased').set('x-request-id', 'abcd').expect(200, { id: 'abcd' });
      const bad = await request(srv.url).get('/cased').expect(422);
      assert.deepEqual(bad.body.detail.map((d: { loc: unknown[] }) => d.loc), [['header', 'X-Request-Id']]);
    });

    it('runs schemas with async refinements', async () => {
      const bad = await request(srv.url).post('/async-check').send({ name: 'ann' }).expect(422);
      assert.deepEqual(bad.body.detail, [{ loc: ['body', 'name'], msg: 'name taken', type: 'custom' }]);
      await request(srv.url).post('/async-check').send({ name: 'bob' }).expect(200, { name: 'bob' });
      await request(srv.url).post('/async-check').send({ name: 'ann' }).expect(422);
    });

    it('validates cookies from the Cookie header and applies their defaults', async () => {
      const bad = await request(srv.url).get('/session').set('Cookie', 'session=nope').expect(422);
      assert.deepEqual(bad.body.detail.map((d: { loc: unknown[] }) => d.loc), [['cookie', 'session']]);
      const id = '8f14e45f-ceea-4a67-9d2b-6c1f5e8b7a01';
      const ok = await request(srv.url).get('/session').set('Cookie', `session=${id}; other=1`).expect(200);
      assert.deepEqual(ok.body, { session: id, theme: 'light' });
    });

    it('validates a nested body and reports each location in one 422', async () => {
      const res = await request(srv.url).post('/users/x').send({ email: 'not-an-email', address: { city: '', zip: '123' } }).expect(422);
      assert.deepEqual(res.body.detail.map((d: { loc: unknown[] }) => d.loc), [['path', 'org'], ['body', 'email'], ['body', 'address', 'city'], ['body', 'address', 'zip']]);
      assert.equal(res.body.detail[1].type, 'invalid_format');
    });

    it('accepts a valid body and answers with spec.status', async () => {
      const body = { email: 'a@b.co', age: 3, address: { city: 'Oslo', zip: '01234' } };
      const res = await request(srv.url).post('/users/acme').send(body).expect(201);
      assert.deepEqual(res.body, { ...body, org: 'acme' });
    });

    it('rejects a missing body at loc ["body"]', async () => {
      const res = await request(srv.url).post('/users/acme').expect(422);
      assert.deepEqual(res.body.detail.map((d: { loc: unknown[] }) => d.loc), [['body']]);
      assert.equal(res.body.detail[0].type, 'invalid_type');
    });

    it('answers malformed JSON with a 400 JSON body', async () => {
      const res = await request(srv.url).post('/users/acme').set('Content-Type', 'application/json').send('{"email": ').expect(400).expect('content-type', /json/);
      assert.match(res.body.detail, /^Malformed JSON body: /);
    });

    it("lets body-parser's 413 through with its status", async () => {
      const res = await request(srv.url).post('/users/acme').send({ email: 'a@b.co', pad: 'x'.repeat(4096), address: { city: 'a', zip: '12345' } }).expect(413).expect('content-type', /json/);
      assert.deepEqual(res.body, { detail: 'request entity too large' });
    });

    it('never lets __proto__ or constructor keys reach a handler', async () => {
      const raw = '{"name":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nested":{"__proto__":{"polluted":true},"ok":1},"list":[{"constructor":1}]}';
      const res = await request(srv.url).post('/bag').set('Content-Type', 'application/json').send(raw).expect(200);
      assert.deepEqual(res.body, { keys: ['name', 'nested', 'list'], nestedKeys: ['ok'], ownProto: false, polluted: null });
    });
  });
}
