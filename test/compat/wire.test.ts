// What goes on the wire, over real HTTP on Express 5 and 4: responses are checked on their JSON view (toJSON,
// Dates), report mode counts every change enforce would make (stripped keys, a missing body) while sending what
// the handler sent, empty query values read as missing, and a JSON `null` body is a 422, not malformed JSON.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp, getViolations, legacy, resetViolations, type ValidationMode } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

/** An ORM-style record: the token exists only in its JSON, createdAt is a Date in memory. */
class UserRecord {
  #secret = 'hash';
  constructor(readonly id: number, readonly createdAt: Date) {}
  toJSON() { return { id: this.id, token: `t-${this.id}`, createdAt: this.createdAt }; }
}
const User = z.object({ id: z.number(), token: z.string(), createdAt: z.iso.datetime() });
const Item = z.object({ id: z.number(), name: z.string() });
const CREATED = new Date('2026-01-02T03:04:05.000Z');

function build(impl: (typeof VERSIONS)[number][1], validation: ValidationMode) {
  const app = createApp({ docs: false, validation }, impl);
  app.use(impl.json());
  app.get('/record', { responses: { 200: User } }, async () => new UserRecord(1, CREATED));
  app.get('/records', { responses: { 200: z.array(User) } }, async () => [new UserRecord(1, CREATED), new UserRecord(2, CREATED)]);
  app.get('/legacy-record', { responses: { 200: User } }, legacy((_req, res) => res.json(new UserRecord(3, CREATED))));
  app.get('/leak', { responses: { 200: Item } }, async () => ({ id: 1, name: 'a', secret: 's3cret' }));
  app.get('/legacy-leak', { responses: { 200: Item } }, legacy((_req, res) => res.json({ id: 1, name: 'a', secret: 's3cret' })));
  app.get('/nothing', { responses: { 200: Item } }, async () => undefined);
  app.get('/nothing-declared', { responses: { 200: Item, 204: { description: 'none' } } }, async () => undefined);
  app.get('/n', { query: z.object({ n: z.coerce.number().int().optional(), flag: z.stringbool().optional(), q: z.string().optional() }) },
    async ({ query }) => ({ n: query.n ?? 'absent', flag: query.flag ?? 'absent', q: query.q ?? 'absent' }));
  app.get('/required', { query: z.object({ n: z.coerce.number().int() }) }, async ({ query }) => ({ n: query.n }));
  app.post('/items', { body: Item }, async ({ body }) => body);
  return app;
}

for (const [name, impl] of VERSIONS) {
  describe(`responses on the wire (${name}, enforce)`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => { log = captureLog(); srv = await listen(build(impl, 'enforce')); });
    after(async () => { log.restore(); await srv.close(); });

    it('checks toJSON() and Dates as JSON: no false 500 for an ORM instance', async () => {
      const one = await request(srv.url).get('/record').expect(200);
      assert.deepEqual(one.body, { id: 1, token: 't-1', createdAt: '2026-01-02T03:04:05.000Z' });
      const many = await request(srv.url).get('/records').expect(200);
      assert.deepEqual(many.body.map((u: { token: string }) => u.token), ['t-1', 't-2']);
      const viaLegacy = await request(srv.url).get('/legacy-record').expect(200);
      assert.equal(viaLegacy.body.token, 't-3');
      assert.deepEqual(log.errors, []);
    });

    it('strips undeclared keys, typed and legacy', async () => {
      assert.deepEqual((await request(srv.url).get('/leak').expect(200)).body, { id: 1, name: 'a' });
      assert.deepEqual((await request(srv.url).get('/legacy-leak').expect(200)).body, { id: 1, name: 'a' });
    });

    it('a handler returning nothing where a 200 body is promised is a 500; with 204 declared, a 204', async () => {
      await request(srv.url).get('/nothing').expect(500);
      await request(srv.url).get('/nothing-declared').expect(204);
    });

    it('reads ?n= and ?n=%20 as missing: optional -> absent, required -> 422; strings keep ""', async () => {
      assert.deepEqual((await request(srv.url).get('/n?n=&flag=%20&q=').expect(200)).body, { n: 'absent', flag: 'absent', q: '' });
      assert.deepEqual((await request(srv.url).get('/n?n=%20').expect(200)).body, { n: 'absent', flag: 'absent', q: 'absent' });
      assert.deepEqual((await request(srv.url).get('/n?n=0&flag=false').expect(200)).body, { n: 0, flag: false, q: 'absent' });
      const missing = await request(srv.url).get('/required?n=').expect(422);
      assert.deepEqual(missing.body.detail.map((d: { loc: string[] }) => d.loc), [['query', 'n']]);
    });

    it('a JSON null body is a 422 against the body, malformed JSON stays a 400', async () => {
      const nul = await request(srv.url).post('/items').set('content-type', 'application/json').send('null').expect(422);
      assert.deepEqual(nul.body, { detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] });
      await request(srv.url).post('/items').set('content-type', 'application/json').send('7').expect(422);
      const bad = await request(srv.url).post('/items').set('content-type', 'application/json').send('{"id":').expect(400);
      assert.match(bad.body.detail, /^Malformed JSON body/);
    });
  });

  describe(`report mode counts what enforce would change (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => { log = captureLog(); srv = await listen(build(impl, 'report')); });
    after(async () => { log.restore(); await srv.close(); });
    afterEach(() => resetViolations());

    const countsFor = (route: string) => getViolations().routes.find((r) => r.route === route)?.violations
      .map((v) => ({ status: v.status, count: v.count, loc: v.example.loc.join('.'), type: v.example.type }));

    it('sends what the handler sent and counts each key enforce would strip', async () => {
      assert.deepEqual((await request(srv.url).get('/leak').expect(200)).body, { id: 1, name: 'a', secret: 's3cret' });
      assert.deepEqual((await request(srv.url).get('/legacy-leak').expect(200)).body, { id: 1, name: 'a', secret: 's3cret' });
      await request(srv.url).get('/leak').expect(200);
      assert.deepEqual(countsFor('GET /leak'), [{ status: 200, count: 2, loc: 'response.secret', type: 'unrecognized_keys' }]);
      assert.deepEqual(countsFor('GET /legacy-leak'), [{ status: 200, count: 1, loc: 'response.secret', type: 'unrecognized_keys' }]);
    });

    it('counts nothing for ORM instances and Dates that satisfy their schema on the wire', async () => {
      await request(srv.url).get('/record').expect(200);
      await request(srv.url).get('/records').expect(200);
      await request(srv.url).get('/legacy-record').expect(200);
      assert.deepEqual(getViolations().routes, []);
    });

    it('counts a missing body where a 200 body is promised, and still answers 204', async () => {
      await request(srv.url).get('/nothing').expect(204);
      await request(srv.url).get('/nothing-declared').expect(204);
      assert.deepEqual(countsFor('GET /nothing'), [{ status: 200, count: 1, loc: 'response', type: 'invalid_type' }]);
      assert.equal(countsFor('GET /nothing-declared'), undefined);
    });
  });
}
