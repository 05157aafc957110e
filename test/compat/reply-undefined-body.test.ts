// A body that turns out undefined at run time (`res.json(map.get(id))`, `res.status(201).json(row)` with no row)
// answers, once migrated, what express answered: res.json(undefined) sets a JSON Content-Type and sends no bytes
// (its status kept, 204/304 stripped, HEAD alike), on Express 5 and 4. `reply(n, x)` carries it so; `reply(n)` and
// replyEnd(n, headers) stand for `res.status(n).end()` (no Content-Type); a bare `return x` is only what MA003
// writes for a value that cannot be undefined. The same raw header list (order included, Date aside) and bytes as
// the old route in report mode, and as the old route kept legacy() in enforce (which checks res.json(undefined)).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { getViolations, reply, replyEnd, resetViolations } from '../../compat/index.js';
import { fetchWire, oldSendsAndTypedReplies, VERSIONS, type SendCase } from './helpers.js';

const store = new Map<number, { ok: boolean }>([[1, { ok: true }]]);
const find = (id: string) => store.get(Number(id));

/** Each old send of a maybe-undefined value, and what MA003 writes for it now. /:id = 1 finds a value, 2 none. */
const CASES: SendCase[] = [
  ['res.json(x) -> reply(200, x)', (req, res) => res.json(find(String(req.params.id))), ({ req }) => reply(200, find(String(req.params.id)))],
  ['status(201).json(x) -> reply(201, x)', (req, res) => res.status(201).json(find(String(req.params.id))), ({ req }) => reply(201, find(String(req.params.id)))],
  ['status(204).json(x) -> reply(204, x)', (req, res) => res.status(204).json(find(String(req.params.id))), ({ req }) => reply(204, find(String(req.params.id)))],
  ['status(304).json(x) -> reply(304, x)', (req, res) => res.status(304).json(find(String(req.params.id))), ({ req }) => reply(304, find(String(req.params.id)))],
  ['set + status(201).json(x) -> reply(201, x, headers)', (req, res) => { res.set('X-Id', String(req.params.id)); res.status(201).json(find(String(req.params.id))); },
    ({ req }) => reply(201, find(String(req.params.id)), { 'X-Id': String(req.params.id) })],
  // The guarded identifier keeps its bare return: it is never undefined there.
  ['guarded res.json(u) -> return u', (req, res) => { const u = find(String(req.params.id)); if (!u) return res.status(404).json({ detail: 'no' }); res.json(u); },
    ({ req }) => { const u = find(String(req.params.id)); if (!u) return reply(404, { detail: 'no' }); return u; }],
  // No body argument: no Content-Type, as res.status(n).end() answered.
  ['status(202).end() -> reply(202)', (_req, res) => res.status(202).end(), () => reply(202)],
  ['set + status(201).end() -> replyEnd(201, headers)', (req, res) => { res.set('X-Id', String(req.params.id)); res.status(201).end(); },
    ({ req }) => replyEnd(201, { 'X-Id': String(req.params.id) })],
];

const REQUESTS: Array<[method: string, headers: Record<string, string>]> = [
  ['GET', {}], ['HEAD', {}], ['GET', { 'if-none-match': '*' }], ['GET', { 'if-none-match': 'W/"nope"' }],
];

for (const [version, impl] of VERSIONS) {
  for (const validation of ['report', 'enforce'] as const) {
    describe(`a body undefined at run time answers as before (${version}, ${validation})`, () => {
      const Ok = z.object({ ok: z.boolean() });
      const responses = { 200: Ok, 201: Ok, 202: { description: 'accepted' }, 204: { description: 'none' }, 304: { description: 'same' }, 404: z.object({ detail: z.string() }) };
      const served = oldSendsAndTypedReplies(impl, validation, responses, CASES);

      CASES.forEach(([name], i) => {
        it(`${name}: the same status, headers and bytes, found or not (GET, HEAD, conditional)`, async () => {
          for (const id of ['1', '2']) {
            for (const [method, headers] of REQUESTS) {
              const path = `/${i}/${id}`;
              assert.deepEqual(await fetchWire(served().migrated.url + path, method, headers), await fetchWire(served().old.url + path, method, headers), `${method} ${path} ${JSON.stringify(headers)}`);
            }
          }
        });
      });

      it('an undefined body is checked against its status\'s schema as legacy() checks res.json(undefined): counted in report, a 500 in enforce', async () => {
        resetViolations();
        const got = await fetchWire(`${served().migrated.url}/1/2`);
        if (validation === 'report') {
          assert.equal(got.status, 201);
          assert.equal(got.body, '');
          assert.ok(got.headers.includes('application/json; charset=utf-8'), JSON.stringify(got.headers));
          const [route, ...more] = getViolations().routes;
          assert.equal(more.length, 0);
          assert.deepEqual(route!.violations.map((v) => [v.kind, v.status, v.count]), [['response', 201, 1]]);
        } else {
          assert.equal(got.status, 500);
          assert.equal(got.body, '{"detail":"Internal Server Error"}');
        }
        // reply(202) gives no body: nothing to check (202 has no schema here either way).
        resetViolations();
        assert.equal((await fetchWire(`${served().migrated.url}/6/2`)).status, 202);
        assert.deepEqual(getViolations().routes, []);
      });
    });
  }
}
