// A request variant that checks readOnly properties before stripping them (the emitter's
// `z.preprocess(readOnlyChecked(check), object)`, here the generated fixture itself): report mode still hands
// the typed handler the body as sent and only counts; enforce refuses a bad readOnly value and strips a good one.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { z } from 'zod';
import { createApp, createRouter, getViolations, resetViolations } from '../../compat/index.js';
import { BaseInput } from '../../fixtures/schema-to-zod/read-only-checked.output.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

for (const [name, impl] of VERSIONS) {
  for (const validation of ['report', 'enforce'] as const) {
    describe(`a readOnly property sent in a request body, ${validation} mode (${name})`, () => {
      let srv: Listening;
      let log: ReturnType<typeof captureLog>;
      before(async () => {
        log = captureLog();
        const app = createApp({ docs: false, validation }, impl);
        app.use(impl.json());
        const r = createRouter({}, impl);
        r.post('/things', { body: BaseInput as z.ZodType<{ name: string }> }, async ({ body }) => body);
        app.use(r);
        srv = await listen(app);
      });
      beforeEach(() => resetViolations());
      after(async () => {
        log.restore();
        await srv.close();
      });

      it(validation === 'report' ? 'a bad value reaches the handler as sent and is reported at its path' : 'a bad value is refused', async () => {
        if (validation === 'report') {
          await request(srv.url).post('/things').send({ id: 'x', name: 'a' }).expect(200, { id: 'x', name: 'a' });
          const [route] = getViolations().routes;
          assert.deepEqual(route?.violations.map((v) => [v.kind, v.location, v.example.loc]), [['request', 'body', ['body', 'id']]]);
        } else {
          const res = await request(srv.url).post('/things').send({ id: 'x', name: 'a' }).expect(422);
          assert.match(JSON.stringify(res.body), /"id"/);
        }
      });

      it(validation === 'report' ? 'a good value reaches the handler as sent (counted as stripped)' : 'a good value is stripped before the handler', async () => {
        const res = await request(srv.url).post('/things').send({ id: 7, name: 'a' }).expect(200);
        assert.deepEqual(res.body, validation === 'report' ? { id: 7, name: 'a' } : { name: 'a' });
      });
    });
  }
}
