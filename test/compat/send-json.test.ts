// sendJsonBody answers exactly as express's res.status(s).json(body) does, on Express 5 and 4: the
// same status, raw header list (names, order, values, ETag included) and bytes, for every etag
// setting, conditional requests (304), HEAD, 204, json settings and a preset Content-Type.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sendJsonBody } from '../../compat/send-json.js';
import { createApp } from '../../compat/index.js';
import { fetchWire, listen, VERSIONS, type Listening } from './helpers.js';

const BODY = { name: 'Zoë 🚀', tags: ['a', 'b'], n: 1.5, nested: { ok: true, none: null } };

const CONFIGS: Array<[name: string, setup: (app: any) => void]> = [
  ['default etag', () => {}],
  ['etag strong', (app) => app.set('etag', 'strong')],
  ['etag off', (app) => app.set('etag', false)],
  ['custom etag fn', (app) => app.set('etag', (body: Buffer) => `"custom-${body.length}"`)],
  ['json spaces', (app) => app.set('json spaces', 2)],
];

for (const [version, impl] of VERSIONS) {
  for (const [config, setup] of CONFIGS) {
    describe(`sendJsonBody matches res.json (${version}, ${config})`, () => {
      let srv: Listening;
      before(async () => {
        const app = impl();
        setup(app);
        for (const [path, send] of [
          ['/json', (res: any, status: number, body: unknown) => res.status(status).json(body)],
          ['/fast', (res: any, status: number, body: unknown) => sendJsonBody(res, status, body)],
        ] as const) {
          app.all(`${path}/ok`, (_req, res) => send(res, 200, BODY));
          app.all(`${path}/created`, (_req, res) => send(res, 201, [1, 'two', { three: 3 }]));
          app.all(`${path}/empty`, (_req, res) => send(res, 204, BODY));
          app.all(`${path}/typed`, (_req, res) => {
            res.setHeader('Content-Type', 'application/vnd.api+json');
            send(res, 200, BODY);
          });
          app.all(`${path}/own-etag`, (_req, res) => {
            res.setHeader('ETag', '"mine"');
            send(res, 200, BODY);
          });
        }
        srv = await listen(app);
      });
      after(() => srv.close());

      const cases: Array<[string, string, string, Record<string, string>?]> = [
        ['a 200 body', 'GET', 'ok'],
        ['a 201 array', 'POST', 'created'],
        ['a 204', 'GET', 'empty'],
        ['HEAD', 'HEAD', 'ok'],
        ['a preset Content-Type', 'GET', 'typed'],
        ['an ETag set by the handler', 'GET', 'own-etag'],
        ['If-Modified-Since', 'GET', 'ok', { 'if-modified-since': new Date(0).toUTCString() }],
      ];
      for (const [what, method, path, headers] of cases) {
        it(`answers ${what} the same`, async () => {
          const want = await fetchWire(`${srv.url}/json/${path}`, method, headers);
          const got = await fetchWire(`${srv.url}/fast/${path}`, method, headers);
          assert.deepEqual(got, want);
        });
      }

      it('answers If-None-Match with the ETag it sent the same (304 when it matches)', async () => {
        const first = await fetchWire(`${srv.url}/json/ok`);
        const etagAt = first.headers.indexOf('ETag');
        const etag = etagAt >= 0 ? first.headers[etagAt + 1] : '"none"';
        const want = await fetchWire(`${srv.url}/json/ok`, 'GET', { 'if-none-match': etag });
        const got = await fetchWire(`${srv.url}/fast/ok`, 'GET', { 'if-none-match': etag });
        assert.deepEqual(got, want);
        assert.equal(want.status, etagAt >= 0 ? 304 : 200);
      });
    });
  }
}

for (const [version, impl] of VERSIONS) {
  describe(`sendJsonBody paths (${version})`, () => {
    let srv: Listening;
    const sentThrough: unknown[] = [];
    before(async () => {
      const app = impl();
      app.get('/plain', (_req, res) => {
        // express's res.json/res.send read headers through res.get; the direct path never does.
        res.get = () => {
          throw new Error('express path taken');
        };
        sendJsonBody(res, 200, { ok: true });
      });
      const typedApp = createApp({ docs: false }, impl as never);
      // A logging middleware that wraps res.send keeps seeing typed responses.
      typedApp.use((_req: any, res: any, next: () => void) => {
        const send = res.send;
        res.send = function (body: unknown) {
          sentThrough.push(body);
          return send.call(this, body);
        };
        next();
      });
      typedApp.get('/typed', {}, async () => ({ hello: 'world' }));
      app.use(typedApp);
      srv = await listen(app);
    });
    after(() => srv.close());

    it('answers a plain request without express\'s res.json path', async () => {
      const got = await fetchWire(`${srv.url}/plain`);
      assert.equal(got.status, 200);
      assert.equal(got.body, '{"ok":true}');
    });

    it('goes through a wrapped res.send', async () => {
      const got = await fetchWire(`${srv.url}/typed`);
      assert.equal(got.body, '{"hello":"world"}');
      assert.deepEqual(sentThrough, ['{"hello":"world"}']);
    });
  });
}
