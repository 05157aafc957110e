// The report-mode invariant as one property, over real HTTP on Express 5 and 4: the same app served in report
// and in enforce, the same requests sent to both, and every request whose answer the flip changes was counted
// by report (so a clean report means the flip changes no response). The requests are those of items 1-4 of
// issue 14: ORM instances and Dates (their JSON view is checked), a controller that replies then calls next(),
// keys enforce strips and a handler returning nothing, empty query values and a JSON `null` body.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, getViolations, legacy, replyEmptyJson, resetViolations, type ValidationMode } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type ExpressModule, type Listening } from './helpers.js';

class UserRecord {
  constructor(readonly id: number, readonly createdAt: Date) {}
  toJSON() { return { id: this.id, token: `t-${this.id}`, createdAt: this.createdAt }; }
}
const User = z.object({ id: z.number(), token: z.string(), createdAt: z.iso.datetime() });
const Item = z.object({ id: z.number(), name: z.string() });
const Row = z.object({ name: z.string().min(1) });
const CREATED = new Date('2026-01-02T03:04:05.000Z');

function build(impl: ExpressModule, validation: ValidationMode) {
  const app = createApp({ docs: false, validation }, impl);
  app.use(impl.json());
  app.get('/record', { responses: { 200: User } }, async () => new UserRecord(1, CREATED));
  app.get('/legacy-record', { responses: { 200: User } }, legacy((_req, res) => res.json([new UserRecord(2, CREATED)][0])));
  app.get('/dates', { responses: { 200: z.object({ at: z.iso.datetime(), gone: z.string().optional() }) } }, async () => ({ at: CREATED, gone: undefined }));
  app.get('/leak', { responses: { 200: Item } }, async () => ({ id: 1, name: 'a', secret: 's3cret' }));
  app.get('/legacy-leak', { responses: { 200: Item } }, legacy((_req, res) => res.json({ id: 1, name: 'a', passwordHash: 'h' })));
  app.get('/nothing', { responses: { 200: Item } }, async () => undefined);
  app.get('/nothing-declared', { responses: { 200: Item, 204: { description: 'none' } } }, async () => undefined);
  // `res.status(200).json()` typed: no body, neither counted nor refused, as legacy() leaves it.
  app.get('/empty-json', { responses: { 200: Item } }, async () => replyEmptyJson(200));
  app.get('/legacy-empty-json', { responses: { 200: Item } }, legacy((_req, res) => res.status(200).json()));
  app.get('/n', { query: z.object({ n: z.coerce.number().int().optional(), q: z.string().optional() }) },
    async ({ query }) => ({ n: query.n ?? 'absent', q: query.q ?? 'absent' }));
  app.get('/legacy-n', { query: z.object({ n: z.coerce.number().int().optional() }) }, legacy((req, res) => res.json({ n: req.query.n ?? 'absent' })));
  app.get('/required', { query: z.object({ n: z.coerce.number().int() }) }, async ({ query }) => ({ n: query.n ?? 'absent' }));
  app.post('/items', { body: Item }, async ({ body }) => body);
  app.post('/legacy-items', { body: Item }, legacy((req, res) => res.json({ got: req.body })));
  const rows = createRouter();
  const insertRow = (req: { body: unknown }, res: { status(n: number): { json(x: unknown): void } }, next: () => void) => {
    res.status(201).json({ inserted: req.body });
    next();
  };
  rows.post('/rows', { body: Row, responses: { 201: z.object({ inserted: Row }) } }, legacy(insertRow as never), () => {});
  app.use('/api', rows);
  return app;
}

type Call = { method: 'get' | 'post'; path: string; body?: string };
const CALLS: Call[] = [
  { method: 'get', path: '/record' },
  { method: 'get', path: '/legacy-record' },
  { method: 'get', path: '/dates' },
  { method: 'get', path: '/leak' },
  { method: 'get', path: '/legacy-leak' },
  { method: 'get', path: '/nothing' },
  { method: 'get', path: '/nothing-declared' },
  { method: 'get', path: '/empty-json' },
  { method: 'get', path: '/legacy-empty-json' },
  { method: 'get', path: '/n?n=' },
  { method: 'get', path: '/n?n=%20&q=' },
  { method: 'get', path: '/n?n=7' },
  { method: 'get', path: '/n?n=x' },
  { method: 'get', path: '/legacy-n?n=' },
  { method: 'get', path: '/required?n=' },
  { method: 'get', path: '/required?n=%20' },
  { method: 'get', path: '/required?n=3' },
  { method: 'post', path: '/items', body: 'null' },
  { method: 'post', path: '/items', body: '{"id":1,"name":"a"}' },
  { method: 'post', path: '/items', body: '{"id":1,"name":"a","role":"admin"}' },
  { method: 'post', path: '/legacy-items', body: 'null' },
  { method: 'post', path: '/legacy-items', body: '{"id":"1","name":"a"}' },
  { method: 'post', path: '/api/rows', body: '{"name":"a"}' },
  { method: 'post', path: '/api/rows', body: '{"name":""}' },
];

async function send(url: string, c: Call): Promise<{ status: number; body: string }> {
  const r = c.method === 'get' ? request(url).get(c.path) : request(url).post(c.path).set('content-type', 'application/json').send(c.body);
  const res = await r.buffer(true).parse((response, done) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => done(null, text));
  });
  return { status: res.status, body: res.body as string };
}

for (const [name, impl] of VERSIONS) {
  describe(`a clean report means the flip changes no response (${name})`, () => {
    let reportSrv: Listening;
    let enforceSrv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => {
      log = captureLog();
      reportSrv = await listen(build(impl, 'report'));
      enforceSrv = await listen(build(impl, 'enforce'));
    });
    after(async () => { log.restore(); await reportSrv.close(); await enforceSrv.close(); resetViolations(); });

    it('every request enforce answers differently was counted in report; the others were not', async () => {
      const changed: string[] = [];
      const counted: string[] = [];
      for (const c of CALLS) {
        const label = `${c.method.toUpperCase()} ${c.path}${c.body ? ` ${c.body}` : ''}`;
        resetViolations();
        const inReport = await send(reportSrv.url, c);
        if (getViolations().total > 0) counted.push(label);
        resetViolations();
        const inEnforce = await send(enforceSrv.url, c);
        if (inReport.status !== inEnforce.status || inReport.body !== inEnforce.body) changed.push(label);
      }
      assert.deepEqual(changed.filter((l) => !counted.includes(l)), [], 'changed by the flip but not counted by report');
      // And what was counted is what changes: report raises no alarm enforce would not act on.
      assert.deepEqual(counted.filter((l) => !changed.includes(l)), [], 'counted by report but not changed by the flip');
      // The requests that do change, so the property above is not met by an app where nothing differs. A JSON
      // `null` body is answered 422 by the app's error handler before the route, in both modes alike.
      assert.deepEqual(changed, [
        'GET /leak',
        'GET /legacy-leak',
        'GET /nothing',
        'GET /n?n=',
        'GET /n?n=%20&q=',
        'GET /n?n=x',
        'GET /required?n=',
        'GET /required?n=%20',
        'POST /items {"id":1,"name":"a","role":"admin"}',
        'POST /legacy-items {"id":"1","name":"a"}',
        'POST /api/rows {"name":""}',
      ]);
    });

    it('an empty query value: the typed handler still reads "", counted at its key once per request; a legacy one, not counted', async () => {
      resetViolations();
      assert.equal((await send(reportSrv.url, { method: 'get', path: '/n?n=%20&q=' })).body, '{"n":" ","q":""}');
      await send(reportSrv.url, { method: 'get', path: '/n?n=' });
      await send(reportSrv.url, { method: 'get', path: '/legacy-n?n=' });
      assert.deepEqual(getViolations().routes.map((r) => ({ route: r.route, violations: r.violations.map((v) => ({ count: v.count, loc: v.example.loc.join('.'), type: v.example.type })) })),
        [{ route: 'GET /n', violations: [{ count: 2, loc: 'query.n', type: 'empty_value' }] }]);
    });
  });
}
