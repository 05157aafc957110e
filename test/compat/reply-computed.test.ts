// replyWith / replySendWith / replyStatusWith answer exactly what the old `res.status(code).json(body)` (and
// .send, .end, res.sendStatus) answered, for every status a computed value can hold, on Express 5 and 4: the
// same status, raw header list (ETag included) and bytes, and an invalid status fails the same way (Express 5's
// res.status throws where the old code called it, Express 4 fails when node writes the head), reaching the
// same catch block or the same error middleware.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { getViolations, replySendWith, replyStatusWith, replyWith, resetViolations, typed } from '../../compat/index.js';
import { fetchWire, listen, oldAndMigratedPerSuite, VERSIONS, type Listening } from './helpers.js';

/** What a computed status can hold: plain codes, ones the docs would not list, and values express or node refuse. */
const CODES: Record<string, unknown> = {
  ok: 200, created: 201, odd2xx: 299, notFound: 404, noContent: 204, notModified: 304, resetContent: 205,
  six: 600, max: 999, string: '404', stringOk: '200', undefined: undefined, null: null, low: 99, high: 1000,
  fraction: 404.5, nan: Number.NaN, zero: 0, word: 'abc',
};
const BODY = { ok: true, extra: 'kept' };

type Res = Response & { status(code: unknown): Response; sendStatus(code: unknown): Response };
/** Each old send, and the typed return the codemod writes for it. */
const SENDS: Array<[name: string, old: (res: Res, code: unknown) => unknown, typed: (res: Res, code: unknown) => unknown]> = [
  ['json', (res, code) => res.status(code).json(BODY), (res, code) => replyWith(res.status(code), BODY)],
  ['json of undefined', (res, code) => res.status(code).json(undefined), (res, code) => replyWith(res.status(code), undefined)],
  ['end', (res, code) => res.status(code).end(), (res, code) => replyWith(res.status(code))],
  ['send text', (res, code) => res.status(code).send('<p>hi</p>'), (res, code) => replySendWith(res.status(code), '<p>hi</p>')],
  ['send object', (res, code) => res.status(code).send(BODY), (res, code) => replySendWith(res.status(code), BODY)],
  ['send nothing', (res, code) => res.status(code).send(), (res, code) => replySendWith(res.status(code))],
  ['sendStatus', (res, code) => res.sendStatus(code), (res, code) => replyStatusWith(res, code)],
];

const errorMiddleware = (err: Error & { code?: string }, _req: Request, res: Response, _next: NextFunction): void => {
  res.status(500).json({ handledBy: 'error middleware', name: err.name, message: err.message, code: err.code });
};

for (const [version, impl] of VERSIONS) {
  describe(`a computed status answers as before (${version})`, () => {
    const served = oldAndMigratedPerSuite(() => {
      const plain = impl() as any;
      const app = typed(impl() as any, { validation: 'report', docs: false } as never) as any;
      const responses = { 200: z.object({ ok: z.boolean() }), 404: z.object({ ok: z.boolean() }) };
      SENDS.forEach(([, send, reply], i) => {
        // A sync legacy handler: express catches what it throws; the typed handler is async (a rejection).
        plain.get(`/${i}/bare/:code`, (req: Request, res: Res) => { send(res, CODES[String(req.params.code)]); });
        app.get(`/${i}/bare/:code`, { responses }, async (_input: unknown, { req, res }: { req: Request; res: Res }) => reply(res, CODES[String(req.params.code)]));
        // The real-app shape: the send inside a try whose catch answers 500 itself.
        plain.get(`/${i}/caught/:code`, async (req: Request, res: Res) => {
          try {
            return send(res, CODES[String(req.params.code)]);
          } catch (e) {
            res.status(500).json({ handledBy: 'catch', name: (e as Error).name, message: (e as Error).message });
          }
        });
        app.get(`/${i}/caught/:code`, { responses }, async (_input: unknown, { req, res }: { req: Request; res: Res }) => {
          try {
            return reply(res, CODES[String(req.params.code)]);
          } catch (e) {
            res.status(500).json({ handledBy: 'catch', name: (e as Error).name, message: (e as Error).message });
          }
        });
      });
      plain.use(errorMiddleware);
      app.use(errorMiddleware);
      return [plain, app];
    });

    SENDS.forEach(([name], i) => {
      for (const shape of ['bare', 'caught']) {
        it(`${name}, ${shape}: every status answers the same bytes`, async () => {
          for (const code of Object.keys(CODES)) {
            const path = `/${i}/${shape}/${code}`;
            assert.deepEqual(await fetchWire(served().migrated.url + path), await fetchWire(served().old.url + path), `${path} (${String(CODES[code])})`);
          }
        });
      }
    });

    it('an invalid status fails as express decides: Express 5 in res.status, Express 4 when node writes the head', async () => {
      const got = JSON.parse((await fetchWire(`${served().migrated.url}/0/bare/undefined`)).body) as { name: string; code?: string };
      if (version === 'express 5') assert.equal(got.name, 'TypeError');
      else assert.deepEqual([got.name, got.code], ['RangeError', 'ERR_HTTP_INVALID_STATUS_CODE']);
    });

    it('report mode counts a body the docs refuse and sends it unchanged; an undeclared status is not checked', async () => {
      resetViolations();
      await fetchWire(`${served().migrated.url}/0/bare/ok`);
      await fetchWire(`${served().migrated.url}/0/bare/six`);
      const routes = getViolations().routes.filter((r) => r.path === '/0/bare/:code');
      assert.deepEqual(routes.map((r) => r.violations.map((v) => [v.status, v.example.type])), [[[200, 'unrecognized_keys']]]);
    });
  });
}

describe('a computed status in enforce mode', () => {
  let srv: Listening;
  before(async () => {
    const [, impl] = VERSIONS[0]!;
    const app = typed(impl() as any, { validation: 'enforce', docs: false } as never) as any;
    app.get('/:code', { responses: { 200: z.object({ ok: z.boolean() }) } }, async (_input: unknown, { req, res }: { req: Request; res: Res }) =>
      replyWith(res.status(Number(req.params.code)), BODY));
    srv = await listen(app);
  });
  after(() => srv.close());

  it('shapes a declared status and sends an undeclared one as it is, as for reply(n, body)', async () => {
    assert.deepEqual(JSON.parse((await fetchWire(`${srv.url}/200`)).body), { ok: true });
    const undeclared = await fetchWire(`${srv.url}/418`);
    assert.deepEqual([undeclared.status, JSON.parse(undeclared.body)], [418, BODY]);
  });
});
