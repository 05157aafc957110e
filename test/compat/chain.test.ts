// A chain whose controller replies and then calls next() for post-response middleware, over real HTTP on
// Express 5 and 4: `spec, validate, legacy(insertRow), broadcast`. Input is validated before insertRow (the
// first function that can reply), so enforce rejects invalid input before a row is written; broadcast still
// runs after a reply; report mode changes nothing.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createRouter, getViolations, legacy, resetViolations, typed, type ValidationMode } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

const Row = z.object({ name: z.string().min(1) });

for (const [name, impl] of VERSIONS) {
  for (const validation of ['enforce', 'report'] as ValidationMode[]) {
    describe(`a controller that replies then calls next() (${name}, ${validation})`, () => {
      let srv: Listening;
      let log: ReturnType<typeof captureLog>;
      const seen: string[] = [];
      before(async () => {
        log = captureLog();
        const app = typed(impl(), { validation, docs: false });
        app.use(impl.json());
        const rows = createRouter();
        const checkAuth = (_req: unknown, _res: unknown, next: () => void) => { seen.push('auth'); next(); };
        const insertRow = (req: { body: { name: string } }, res: { status(n: number): { json(x: unknown): void } }, next: () => void) => {
          seen.push(`insert ${JSON.stringify(req.body)}`);
          res.status(201).json({ inserted: req.body });
          next();
        };
        const broadcast = () => { seen.push('broadcast'); };
        rows.post('/rows', { body: Row, responses: { 201: z.object({ inserted: Row }) } }, checkAuth, legacy(insertRow as never), broadcast);
        app.use('/api', rows);
        srv = await listen(app);
      });
      after(async () => { log.restore(); await srv.close(); });
      beforeEach(() => { seen.length = 0; resetViolations(); });

      it('valid input: auth, the reply, then the post-response middleware', async () => {
        const res = await request(srv.url).post('/api/rows').send({ name: 'a' }).expect(201);
        assert.deepEqual(res.body, { inserted: { name: 'a' } });
        await new Promise((r) => setImmediate(r));
        assert.deepEqual(seen, ['auth', 'insert {"name":"a"}', 'broadcast']);
      });

      it(validation === 'enforce' ? 'invalid input: 422 before any row is written' : 'invalid input: handled as before, counted', async () => {
        const res = await request(srv.url).post('/api/rows').send({ name: '' });
        await new Promise((r) => setImmediate(r));
        if (validation === 'enforce') {
          assert.equal(res.status, 422);
          assert.deepEqual(seen, ['auth']);
        } else {
          assert.equal(res.status, 201);
          assert.deepEqual(seen, ['auth', 'insert {"name":""}', 'broadcast']);
          assert.equal(getViolations().routes[0]?.route, 'POST /api/rows');
        }
        assert.deepEqual(log.errors, []);
      });
    });
  }
}
