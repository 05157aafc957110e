// A request schema that checks readOnly properties before stripping them (the emitter's
// `z.preprocess(readOnlyChecked(check), object)`), here the generated fixtures themselves: a schemas module's
// `BaseInput` (its own helper) and a route file's inline body (`readOnlyChecked` from migrate-api/compat).
// Report mode still hands the typed handler the body as sent and only counts; enforce refuses a bad readOnly
// value and strips a good one; the served document shows the request body without the readOnly property.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { z } from 'zod';
import { createApp, createRouter, getViolations, resetViolations } from '../../compat/index.js';
import { BaseInput } from '../../fixtures/schema-to-zod/read-only-checked.output.js';
import { spec as inlineSpec } from '../../fixtures/schema-to-zod/operation-inline-read-only.output.js';
import { captureLog, listen, servedPerSuite, VERSIONS } from './helpers.js';

const SCHEMAS: ReadonlyArray<readonly [string, z.ZodType]> = [
  ['a schemas module\'s request variant', BaseInput],
  ['a route file\'s inline body', inlineSpec.body],
];

for (const [schemaName, schema] of SCHEMAS) {
  for (const [name, impl] of VERSIONS) {
    for (const validation of ['report', 'enforce'] as const) {
      describe(`a readOnly property sent in a request body, ${schemaName}, ${validation} mode (${name})`, () => {
        const served = servedPerSuite(() => {
          const app = createApp({ validation }, impl);
          app.use(impl.json());
          const r = createRouter({}, impl);
          r.post('/things', { body: schema as z.ZodType<{ name: string }> }, async ({ body }) => body);
          app.use(r);
          return app;
        });

        it(validation === 'report' ? 'a bad value reaches the handler as sent and is reported at its path' : 'a bad value is refused', async () => {
          if (validation === 'report') {
            await request(served().srv.url).post('/things').send({ id: 'x', name: 'a' }).expect(200, { id: 'x', name: 'a' });
            const [route] = getViolations().routes;
            assert.deepEqual(route?.violations.map((v) => [v.kind, v.location, v.example.loc]), [['request', 'body', ['body', 'id']]]);
          } else {
            const res = await request(served().srv.url).post('/things').send({ id: 'x', name: 'a' }).expect(422);
            assert.deepEqual((res.body as { detail: Array<{ loc: unknown }> }).detail.map((d) => d.loc), [['body', 'id']]);
          }
        });

        it(validation === 'report' ? 'a good value reaches the handler as sent (counted as stripped)' : 'a good value is stripped before the handler', async () => {
          const res = await request(served().srv.url).post('/things').send({ id: 7, name: 'a' }).expect(200);
          assert.deepEqual(res.body, validation === 'report' ? { id: 7, name: 'a' } : { name: 'a' });
        });

        it('the served document leaves the readOnly property out of the request body', async () => {
          const res = await request(served().srv.url).get('/openapi.json').expect(200);
          const body = res.body.paths['/things'].post.requestBody.content['application/json'].schema;
          const shown = body.$ref ? res.body.components.schemas[body.$ref.split('/').pop()] : body;
          assert.equal(shown.type, 'object');
          assert.deepEqual(shown.required, ['name']);
          assert.ok(!('id' in shown.properties), JSON.stringify(shown));
        });
      });
    }
  }
}

describe('readOnly properties nested in a route file\'s inline body', () => {
  for (const validation of ['report', 'enforce'] as const) {
    it(`a bad nested value and a bad value in a discriminated branch: ${validation === 'report' ? 'passed through and reported' : 'refused at their paths'}`, async () => {
      const log = captureLog();
      const app = createApp({ docs: false, validation }, VERSIONS[0]![1]);
      app.use(VERSIONS[0]![1].json());
      const r = createRouter({}, VERSIONS[0]![1]);
      r.post('/orders', { body: inlineSpec.body }, async ({ body }) => body);
      app.use(r);
      const srv = await listen(app);
      resetViolations();
      try {
        const sent = { name: 'a', address: { verified: 'yes', street: 'Main' }, payment: { kind: 'card', last4: '12' } };
        const res = await request(srv.url).post('/orders').send(sent).expect(validation === 'report' ? 200 : 422);
        // A discriminated branch is checked whole (the union of the branches runs before the discriminated union).
        const where = [['body', 'address', 'verified'], ['body', 'payment']];
        if (validation === 'report') {
          assert.deepEqual(res.body, sent);
          // All issues of one location in one request count once, the first as the example.
          assert.deepEqual(getViolations().routes[0]?.violations.map((v) => [v.kind, v.count, v.example.loc]), [['request', 1, where[0]]]);
        } else {
          assert.deepEqual((res.body as { detail: Array<{ loc: unknown }> }).detail.map((d) => d.loc).sort(), where);
        }
        // Good values: enforce strips them (from the nested object and the branch), report passes them on.
        const good = { name: 'a', address: { verified: true, street: 'Main' }, payment: { kind: 'card', last4: '1234' } };
        const ok = await request(srv.url).post('/orders').send(good).expect(200);
        assert.deepEqual(ok.body, validation === 'report' ? good : { name: 'a', address: { street: 'Main' }, payment: { kind: 'card' } });
      } finally {
        log.restore();
        await srv.close();
      }
    });
  }
});
