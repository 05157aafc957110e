// `dateTime()`, what a migrated route file writes for `format: date-time`: it accepts and refuses what
// ajv-formats (the docs' own validators) accepts and refuses, and the served document says
// `format: date-time` with no pattern, through the checks and wrappers an emitted spec chains after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, dateTime } from '../../compat/index.js';
import { createAjv } from '../helpers/ajv.js';
import { listen } from './helpers.js';

const SAMPLES = [
  '2024-05-01T10:00:00Z', '2024-05-01t10:00:00z', '2024-05-01 10:00:00Z', '2024-05-01T10:00:00.123456+02:00',
  '2024-05-01T10:00:00+0200', '2024-05-01T10:00:00+02', '2024-02-29T00:00:00Z', '2021-02-29T00:00:00Z',
  '2024-05-01T10:00:00', '2024-05-01', '10:00:00Z', '2024-13-01T00:00:00Z', '2024-04-31T00:00:00Z',
  '2024-05-01T24:00:00Z', '2024-05-01T10:60:00Z', '2024-05-01T23:59:60Z', '2024-05-01T10:00:00+24:00',
  ' 2024-05-01T10:00:00Z', '2024-05-01T10:00:00Zx', '', '2024-5-1T10:00:00Z', '2024-05-01T10:00Z',
];

test('dateTime() accepts exactly what ajv-formats accepts as format: date-time', () => {
  const ajv = createAjv();
  const check = ajv.compile({ type: 'string', format: 'date-time' });
  const schema = dateTime();
  for (const s of SAMPLES) assert.equal(schema.safeParse(s).success, check(s), JSON.stringify(s));
  // Not a string at all.
  assert.equal(schema.safeParse(20240501).success, false);
});

test('dateTime() gives the value back as it is (no coercion to Date, no normalising)', () => {
  assert.equal(dateTime().parse('2024-05-01t10:00:00z'), '2024-05-01t10:00:00z');
});

test('the served document: format date-time, no pattern, whatever is chained after dateTime()', async () => {
  const app = createApp({ title: 't', version: '1' });
  const r = createRouter();
  r.get('/events/:at', {
    params: z.object({ at: dateTime() }),
    query: z.object({ since: dateTime().min(20).max(35).meta({ description: 'Lower bound' }).optional() }),
    responses: { 200: z.array(dateTime().nullable()) },
  }, async () => []);
  app.use(r);
  const srv = await listen(app);
  try {
    const doc = (await request(srv.url).get('/openapi.json').expect(200)).body;
    const op = doc.paths['/events/{at}'].get;
    const param = (name: string) => op.parameters.find((p: { name: string }) => p.name === name).schema;
    assert.deepEqual(param('at'), { type: 'string', format: 'date-time' });
    assert.deepEqual(param('since'), { type: 'string', minLength: 20, maxLength: 35, format: 'date-time', description: 'Lower bound' });
    assert.deepEqual(op.responses['200'].content['application/json'].schema, { type: 'array', items: { type: ['string', 'null'], format: 'date-time' } });
    assert.ok(!JSON.stringify(doc).includes('pattern'));
  } finally {
    await srv.close();
  }
});
