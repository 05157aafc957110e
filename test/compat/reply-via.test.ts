// replySend / replyStatus / reply headers answer byte for byte what the express calls they stand for answer
// (status, every header but Date, body), in report and enforce mode, on Express 5 and 4.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { typed, rawHeader, reply, replySend, replyStatus } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

async function answer(url: string, init?: RequestInit): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => { if (k !== 'date' && k !== 'connection' && k !== 'keep-alive') headers[k] = v; });
  return { status: res.status, headers, body: await res.text() };
}

for (const [name, impl] of VERSIONS) {
  for (const validation of ['report', 'enforce'] as const) {
    describe(`reply helpers vs express's own sends (${name}, ${validation})`, () => {
      let srv: Listening;
      let log: ReturnType<typeof captureLog>;
      before(async () => {
        log = captureLog();
        const app = typed(impl(), { validation });
        const Ok = z.object({ ok: z.boolean() });
        // Each pair: /legacy/<x> is the express code, /typed/<x> what MA003 writes for it.
        app.get('/legacy/status', (_req, res) => { res.sendStatus(404); });
        app.get('/typed/status', { responses: { 404: { description: 'gone' } } }, async () => replyStatus(404));
        app.get('/legacy/status204', (_req, res) => { res.sendStatus(204); });
        app.get('/typed/status204', { responses: { 204: { description: 'none' } } }, async () => replyStatus(204));
        app.get('/legacy/text', (_req, res) => { res.status(202).send('<b>hi</b>'); });
        app.get('/typed/text', { responses: { 202: { description: 'html' } } }, async () => replySend(202, '<b>hi</b>'));
        app.get('/legacy/object', (_req, res) => { res.send({ ok: true }); });
        app.get('/typed/object', { responses: { 200: Ok } }, async () => replySend(200, { ok: true }));
        app.get('/legacy/buffer', (_req, res) => { res.send(Buffer.from('raw')); });
        app.get('/typed/buffer', { responses: { 200: { description: 'bytes' } } }, async () => replySend(200, Buffer.from('raw')));
        app.get('/legacy/headers', (_req, res) => {
          res.set('X-Count', 3 as unknown as string).location('/a b/ü?x=%20').status(201).json({ ok: true });
        });
        app.get('/typed/headers', { responses: { 201: Ok } }, async () => reply(201, { ok: true }, { 'X-Count': 3, Location: '/a b/ü?x=%20' }));
        // res.set('Location', url) sends it as it is (no percent-encoding): rawHeader() keeps those bytes.
        app.get('/legacy/raw-location', (_req, res) => { res.status(201).set('Location', '/a b/%zz').json({ ok: true }); });
        app.get('/typed/raw-location', { responses: { 201: Ok } }, async () => reply(201, { ok: true }, { Location: rawHeader('/a b/%zz') }));
        app.get('/legacy/end', (_req, res) => { res.status(202).end(); });
        app.get('/typed/end', { responses: { 202: { description: 'accepted' } } }, async () => reply(202));
        srv = await listen(app);
      });
      after(async () => {
        await srv.close();
        log.restore();
      });
      for (const path of ['status', 'status204', 'text', 'object', 'buffer', 'headers', 'raw-location', 'end']) {
        it(`${path}: same status, headers and bytes (GET and HEAD, with and without If-None-Match)`, async () => {
          for (const init of [{}, { method: 'HEAD' }, { headers: { 'if-none-match': 'W/"nope"' } }] as RequestInit[]) {
            assert.deepEqual(await answer(`${srv.url}/typed/${path}`, init), await answer(`${srv.url}/legacy/${path}`, init));
          }
        });
      }
      it('a conditional request with the ETag express gave: answered alike', async () => {
        for (const path of ['text', 'object', 'status']) {
          const first = await answer(`${srv.url}/legacy/${path}`);
          assert.ok(first.headers.etag, `${path} has an ETag`);
          const init = { headers: { 'if-none-match': first.headers.etag! } };
          assert.deepEqual(await answer(`${srv.url}/typed/${path}`, init), await answer(`${srv.url}/legacy/${path}`, init));
        }
      });
    });
  }
}
