// The report-mode invariant for request bodies: a key the body schema does not list reaches a typed handler
// in report mode and is stripped in enforce, so report counts it (the handler that stores `body` whole stores
// less after the flip). Legacy handlers read req.body, which enforce leaves alone: nothing counted for them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, getViolations, legacy } from '../../compat/index.js';
import { servedPerSuite, VERSIONS } from './helpers.js';

const Todo = z.object({ id: z.number() });

for (const [name, impl] of VERSIONS) {
  for (const validation of ['report', 'enforce'] as const) {
    describe(`a body key the spec does not list, ${validation} mode (${name})`, () => {
      const served = servedPerSuite(() => {
        const app = createApp({ docs: false, validation }, impl);
        app.use(impl.json());
        const r = createRouter({}, impl);
        r.put('/todo', { body: Todo }, async ({ body }) => body);
        r.put('/legacy', { body: Todo }, legacy((req: Request, res: Response) => { res.json(req.body); }));
        app.use(r);
        return app;
      });

      it(validation === 'report' ? 'reaches the typed handler and is counted at its path' : 'is stripped before the typed handler', async () => {
        const res = await request(served().srv.url).put('/todo').send({ id: 1, task: 'write', meta: { a: 1 } }).expect(200);
        const [route] = getViolations().routes;
        if (validation === 'report') {
          assert.deepEqual(res.body, { id: 1, task: 'write', meta: { a: 1 } });
          assert.equal(route?.route, 'PUT /todo');
          assert.deepEqual(route?.violations.map((v) => [v.kind, v.location, v.example.loc, v.example.type]), [['request', 'body', ['body', 'task'], 'unrecognized_keys']]);
        } else {
          assert.deepEqual(res.body, { id: 1 });
          assert.equal(route, undefined);
        }
      });

      it('a body with only listed keys, and a legacy handler, count nothing', async () => {
        await request(served().srv.url).put('/todo').send({ id: 2 }).expect(200, { id: 2 });
        await request(served().srv.url).put('/legacy').send({ id: 3, task: 'x' }).expect(200, { id: 3, task: 'x' });
        assert.deepEqual(getViolations().routes, []);
      });
    });
  }
}
