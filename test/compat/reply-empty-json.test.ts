// `res.json()` / `res.status(n).json()` with no argument (MuniBoard's `routecheck` probes, a bare 400): express sets
// `Content-Type: application/json; charset=utf-8` and sends no bytes (Content-Length: 0; 204/304 and HEAD stripped
// as express strips them), on Express 5 and 4. MA003 writes `replyEmptyJson(n)` for it, which must answer the same
// raw header list (order included, Date aside) and bytes, in report and in enforce; and, as legacy() leaves a
// `res.json()` without an argument unchecked, it is checked against nothing: a status whose docs give a schema
// counts no violation in report and is sent as it is in enforce (a default migration changes no count, no answer).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { getViolations, replyEmptyJson, resetViolations } from '../../compat/index.js';
import { fetchWire, oldSendsAndTypedReplies, VERSIONS, type SendCase } from './helpers.js';


/** Each old no-argument send, and what MA003 writes for it now. */
const CASES: SendCase[] = [
  ['res.json() -> replyEmptyJson(200)', (_req, res) => res.json(), () => replyEmptyJson(200)],
  ['status(200).json(), a status with a schema -> replyEmptyJson(200)', (_req, res) => res.status(200).json(), () => replyEmptyJson(200)],
  ['status(400).json() -> replyEmptyJson(400)', (_req, res) => res.status(400).json(), () => replyEmptyJson(400)],
  ['status(204).json() -> replyEmptyJson(204)', (_req, res) => res.status(204).json(), () => replyEmptyJson(204)],
  ['status(304).json() -> replyEmptyJson(304)', (_req, res) => res.status(304).json(), () => replyEmptyJson(304)],
  ['set + status(201).json() -> replyEmptyJson(201, headers)', (req, res) => { res.set('X-Id', String(req.params.id)); res.status(201).json(); },
    ({ req }) => replyEmptyJson(201, { 'X-Id': String(req.params.id) })],
];

const REQUESTS: Array<[method: string, headers: Record<string, string>]> = [
  ['GET', {}], ['HEAD', {}], ['GET', { 'if-none-match': '*' }], ['GET', { 'if-none-match': 'W/"nope"' }],
];

for (const [version, impl] of VERSIONS) {
  for (const validation of ['report', 'enforce'] as const) {
    describe(`res.json() without an argument answers as before once typed (${version}, ${validation})`, () => {
      const Post = z.object({ id: z.string(), title: z.string() });
      const responses = { 200: Post, 201: Post, 204: { description: 'none' }, 304: { description: 'same' }, 400: z.object({ detail: z.string() }) };
      const served = oldSendsAndTypedReplies(impl, validation, responses, CASES);

      CASES.forEach(([name], i) => {
        it(`${name}: the same status, headers and bytes (GET, HEAD, conditional)`, async () => {
          for (const [method, headers] of REQUESTS) {
            const path = `/${i}/7`;
            assert.deepEqual(await fetchWire(served().migrated.url + path, method, headers), await fetchWire(served().old.url + path, method, headers), `${method} ${path} ${JSON.stringify(headers)}`);
          }
        });
      });

      it('no body is checked against nothing: a 200 whose schema wants a post counts no violation and is sent as it is', async () => {
        const got = await fetchWire(`${served().migrated.url}/1/7`);
        assert.equal(got.status, 200);
        assert.equal(got.body, '');
        assert.deepEqual(got.headers.slice(got.headers.indexOf('Content-Type'), got.headers.indexOf('Content-Type') + 2), ['Content-Type', 'application/json; charset=utf-8']);
        assert.ok(got.headers.includes('Content-Length') && got.headers[got.headers.indexOf('Content-Length') + 1] === '0', JSON.stringify(got.headers));
        resetViolations();
        for (const i of [0, 1, 2, 5]) await fetchWire(`${served().migrated.url}/${i}/7`);
        assert.deepEqual(getViolations().routes, []);
      });
    });
  }
}
