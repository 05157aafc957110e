// Responses over real HTTP on Express 5 and 4: shaped by the status's schema, spec.status and
// reply() headers, 204 for undefined, a handler that used `res` left alone, 500 for a broken contract.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp, reply } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

const User = z.object({ id: z.number(), name: z.string(), profile: z.object({ bio: z.string() }) });
const Row = { id: 1, name: 'Ann', password: 'hunter2', profile: { bio: 'hi', ssn: '000' } };

for (const [name, impl] of VERSIONS) {
  describe(`responses (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => {
      log = captureLog();
      const app = createApp({ docs: false }, impl);
      app.use(impl.json());
      app.get('/users/1', { responses: { 200: User } }, async () => Row);
      app.get('/described', { responses: { 200: { schema: User, description: 'A user' } } }, async () => Row);
      app.get('/range', { responses: { '2XX': User } }, async () => reply(203, Row));
      app.get('/default', { responses: { default: User } }, async () => Row);
      app.post('/users', { status: 201, responses: { 201: User } }, async () => Row);
      app.post('/created', { responses: { 201: User } }, async () => reply(201, Row, { Location: '/users/1', 'X-Trace': 'abc' }));
      app.delete('/users/1', {}, async () => undefined);
      app.put('/users/1', { status: 202 }, async () => undefined);
      // @ts-expect-error returns a value it never sends (the response went through res)
      app.get('/raw', { responses: { 200: User } }, async (_input, { res }) => {
        res.status(207).type('text/plain').send('sent by hand');
        return { ignored: true };
      });
      // @ts-expect-error the response breaks its schema on purpose
      app.get('/broken', { responses: { 200: User } }, async () => ({ id: 'one', name: 'Ann' }));
      app.get('/sync', { responses: { 200: z.object({ ok: z.boolean() }) } }, () => ({ ok: true, extra: 1 }));
      // @ts-expect-error 404 is not a declared status
      app.get('/undeclared', { responses: { 200: User } }, async () => reply(404, { detail: 'gone', extra: 1 }));
      srv = await listen(app);
    });
    after(async () => {
      log.restore();
      await srv.close();
    });

    it('strips keys the 200 schema does not declare, nested too', async () => {
      const res = await request(srv.url).get('/users/1').expect(200);
      assert.deepEqual(res.body, { id: 1, name: 'Ann', profile: { bio: 'hi' } });
      assert.ok(!res.text.includes('hunter2'));
    });

    it('reads { schema, description } entries, 2XX ranges and default', async () => {
      for (const [path, status] of [['/described', 200], ['/range', 203], ['/default', 200]] as const) {
        const res = await request(srv.url).get(path).expect(status);
        assert.deepEqual(res.body, { id: 1, name: 'Ann', profile: { bio: 'hi' } }, path);
      }
    });

    it('answers with spec.status and shapes by that status', async () => {
      const res = await request(srv.url).post('/users').expect(201);
      assert.deepEqual(res.body, { id: 1, name: 'Ann', profile: { bio: 'hi' } });
    });

    it('sends reply() status and headers', async () => {
      const res = await request(srv.url).post('/created').expect(201);
      assert.equal(res.headers.location, '/users/1');
      assert.equal(res.headers['x-trace'], 'abc');
      assert.equal(res.body.password, undefined);
    });

    it('answers undefined with 204, or spec.status with an empty body', async () => {
      const del = await request(srv.url).delete('/users/1').expect(204);
      assert.equal(del.text, '');
      const put = await request(srv.url).put('/users/1').expect(202);
      assert.equal(put.text, '');
    });

    it('leaves a response the handler sent through res alone', async () => {
      const res = await request(srv.url).get('/raw').expect(207).expect('content-type', /text\/plain/);
      assert.equal(res.text, 'sent by hand');
    });

    it('sends 500 for a response that breaks its schema, logged with the route', async () => {
      const before = log.errors.length;
      const res = await request(srv.url).get('/broken').expect(500);
      assert.deepEqual(res.body, { detail: 'Internal Server Error' });
      const lines = log.errors.slice(before);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /GET \/broken: the 200 response does not match its schema/);
      assert.match(lines[0], /"loc":\["response","id"\]/);
    });

    it('shapes the result of a sync handler', async () => {
      const res = await request(srv.url).get('/sync').expect(200);
      assert.deepEqual(res.body, { ok: true });
    });

    it('sends a status with no schema as returned', async () => {
      const res = await request(srv.url).get('/undeclared').expect(404);
      assert.deepEqual(res.body, { detail: 'gone', extra: 1 });
    });
  });

  describe(`response sampling (${name})`, () => {
    it('responseSampling 0 sends unsampled responses as returned', async () => {
      const app = createApp({ docs: false, responseSampling: 0 }, impl);
      app.get('/u', { responses: { 200: User } }, async () => Row);
      const srv = await listen(app);
      try {
        const res = await request(srv.url).get('/u').expect(200);
        assert.equal(res.body.password, 'hunter2');
      } finally {
        await srv.close();
      }
    });
  });
}
