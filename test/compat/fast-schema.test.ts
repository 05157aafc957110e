// A hot route parses through zod's compiled twin of its schemas (compat/fast-schema.ts): the same values, the
// same issues, the same bytes on the wire, before and after the switch; a schema with user callbacks is never
// switched (zod's fast path would run them a second time on invalid input).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../compat/index.js';
import { fastSchema, HOT_AFTER } from '../../compat/fast-schema.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';
import { schemas } from '../../bench/runtime/data.js';

const hasCompile = typeof (z as { compile?: unknown }).compile === 'function';

// The runtime bench's schemas (what the valid POST budget is measured on), with more kinds of field.
const NewUser = schemas(z).NewUser.extend({
  nick: z.string().optional(),
  role: z.enum(['admin', 'user']).default('user'),
  note: z.string().nullable().optional(),
});
const User = NewUser.extend({ id: z.number().int(), createdAt: z.iso.datetime() });

// Each schema with inputs that pass and inputs that fail; compiled and runtime parses must agree on all of them.
const CASES: Array<[name: string, schema: z.ZodType, inputs: unknown[]]> = [
  ['nested object (strip)', User, [
    { name: 'Ada', email: 'a@b.co', age: 3, address: { street: 's', city: 'c', zip: '12345', x: 1 }, tags: ['a'], id: 1, createdAt: '2024-01-01T00:00:00Z', password: 'p' },
    { id: 2, tags: [], address: { zip: '12345', city: 'c', street: 's' }, age: 1, email: 'x@y.io', name: 'B', createdAt: '2024-01-01T00:00:00.123Z', role: 'admin', note: null },
    { name: '', email: 'no', age: -1, address: { street: 's', zip: 'x' }, tags: 'a', id: 1.5, createdAt: 'yesterday' },
    null, [], 'text', { },
  ]],
  ['strict object', z.strictObject({ a: z.number(), b: z.string().optional() }), [{ a: 1 }, { a: 1, b: 'x' }, { a: 1, c: 2 }, { a: 'x' }]],
  ['loose object', z.looseObject({ a: z.number() }), [{ a: 1, extra: { deep: true } }, { a: null }]],
  ['catchall', z.object({ a: z.number() }).catchall(z.string()), [{ a: 1, b: 'x' }, { a: 1, b: 2 }]],
  ['array of objects', z.array(z.object({ id: z.number(), name: z.string() })).min(1), [[{ id: 1, name: 'a', x: 0 }], [], [{ id: '1' }]]],
  ['union', z.union([z.object({ kind: z.literal('a'), a: z.number() }), z.object({ kind: z.literal('b'), b: z.string() })]), [{ kind: 'a', a: 1, z: 0 }, { kind: 'b', b: 'x' }, { kind: 'c' }]],
  ['discriminated union', z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), a: z.number() }), z.object({ kind: z.literal('b'), b: z.string() })]), [{ kind: 'b', b: 'x', y: 1 }, { kind: 'a', a: 'x' }]],
  ['record', z.record(z.string(), z.number()), [{ a: 1, b: 2 }, { a: 'x' }]],
  ['numbers', z.object({ n: z.number().min(0).max(10).multipleOf(2), i: z.int().nonnegative() }), [{ n: 4, i: 0 }, { n: 3, i: -1 }, { n: Infinity, i: 1.5 }]],
  ['strings', z.object({ u: z.uuid(), url: z.url(), s: z.string().max(3).trim() }), [{ u: '123e4567-e89b-42d3-a456-426614174000', url: 'https://x.io/a', s: 'abc' }, { u: 'x', url: 'nope', s: 'abcd' }]],
];

describe('fastSchema: zod compiled twin, used only where it is exact', { skip: !hasCompile && 'this zod has no z.compile' }, () => {
  it('compiles a plain schema once (cached), and keeps schemas with user callbacks or runtime islands as they are', () => {
    const fast = fastSchema(User);
    assert.notEqual(fast, User);
    assert.equal(fastSchema(User), fast);
    const refined = z.object({ a: z.string().refine((s) => s.length > 1) });
    assert.equal(fastSchema(refined), refined);
    const transformed = z.object({ a: z.string().transform((s) => s.length) });
    assert.equal(fastSchema(transformed), transformed);
    const coerced = z.object({ id: z.coerce.number().int() });
    assert.equal(fastSchema(coerced), coerced);
    const asyncRefined = z.object({ a: z.string().refine(async () => true) });
    assert.equal(fastSchema(asyncRefined), asyncRefined);
  });

  it('leaves the schema alone when the app runs zod jitless (no new Function)', () => {
    const fresh = z.object({ a: z.number() });
    z.config({ jitless: true });
    try {
      assert.equal(fastSchema(fresh), fresh);
    } finally {
      z.config({ jitless: false });
    }
  });

  for (const [name, schema, inputs] of CASES) {
    it(`${name}: the same value (same JSON, same key order) or the same issues as zod's runtime parser`, () => {
      const fast = fastSchema(schema);
      for (const input of inputs) {
        const a = schema.safeParse(input);
        const b = fast.safeParse(input);
        assert.equal(b.success, a.success, JSON.stringify(input));
        if (a.success) assert.equal(JSON.stringify(b.data), JSON.stringify(a.data), JSON.stringify(input));
        else assert.deepEqual(b.error!.issues, a.error!.issues, JSON.stringify(input));
        const ra = schema._zod.run({ value: input, issues: [] }, { async: false }) as { value: unknown; issues: unknown[] };
        const rb = fast._zod.run({ value: input, issues: [] }, { async: false }) as { value: unknown; issues: unknown[] };
        assert.equal(rb.issues.length, ra.issues.length);
        if (ra.issues.length === 0) assert.equal(JSON.stringify(rb.value), JSON.stringify(ra.value));
      }
    });
  }
});

const valid = { name: 'Ada', email: 'ada@example.com', age: 36, address: { street: '12 St James Square', city: 'London', zip: '12345', floor: 2 }, tags: ['math'], extra: 'dropped' };
const invalid = { name: '', email: 'not-an-email', age: -3, address: { street: 'x', zip: '12345' }, tags: 'math' };

for (const [name, impl] of VERSIONS) {
  describe(`a hot typed route answers as a cold one (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    let refineCalls = 0;
    before(async () => {
      log = captureLog();
      const app = createApp({ docs: false }, impl);
      app.use(impl.json());
      app.post('/users', { body: NewUser, status: 201, responses: { 201: User } }, async ({ body }) => ({ ...body, id: 42, createdAt: '2024-01-01T00:00:00Z', password: 'hunter2' }));
      app.get('/broken', { responses: { 200: User } }, async () => ({ id: 'x' }) as never);
      const Refined = z.object({ code: z.string().refine((s) => (refineCalls++, s.startsWith('A')), 'must start with A') });
      app.post('/refined', { body: Refined, responses: { 200: Refined } }, async ({ body }) => body);
      srv = await listen(app);
    });
    after(async () => {
      await srv.close();
      log.restore();
    });

    it(`valid and invalid requests get the same status, bytes and ETag before and after the switch (${HOT_AFTER * 2} of each)`, async () => {
      const seen = new Map<string, string>();
      for (let i = 0; i < HOT_AFTER * 2; i++) {
        for (const [kind, body] of [['valid', valid], ['invalid', invalid]] as const) {
          const res = await request(srv.url).post('/users').send(body);
          const got = JSON.stringify([res.status, res.text, res.headers.etag, res.headers['content-type']]);
          if (!seen.has(kind)) seen.set(kind, got);
          assert.equal(got, seen.get(kind), `${kind} request ${i + 1}`);
        }
      }
      const [status, text] = JSON.parse(seen.get('valid')!);
      assert.equal(status, 201);
      assert.deepEqual(JSON.parse(text), { name: 'Ada', email: 'ada@example.com', age: 36, address: { street: '12 St James Square', city: 'London', zip: '12345' }, tags: ['math'], role: 'user', id: 42, createdAt: '2024-01-01T00:00:00Z' });
      const [badStatus, badText] = JSON.parse(seen.get('invalid')!);
      assert.equal(badStatus, 422);
      assert.deepEqual(JSON.parse(badText).detail.map((d: { loc: unknown[] }) => d.loc.join('.')), ['body.name', 'body.email', 'body.age', 'body.address.city', 'body.tags']);
    });

    it('a response breaking its schema is a 500 with the same log line, hot or cold', async () => {
      const before = log.errors.length;
      for (let i = 0; i < HOT_AFTER * 2; i++) {
        const res = await request(srv.url).get('/broken');
        assert.equal(res.status, 500);
        assert.deepEqual(res.body, { detail: 'Internal Server Error' });
      }
      const lines = log.errors.slice(before);
      assert.equal(lines.length, HOT_AFTER * 2);
      assert.equal(new Set(lines).size, 1);
    });

    it('a body schema with a refine keeps the runtime parser: the refine runs once per request, valid or not', async () => {
      for (let i = 0; i < HOT_AFTER * 2; i++) {
        refineCalls = 0;
        const bad = await request(srv.url).post('/refined').send({ code: 'B1' });
        assert.equal(bad.status, 422);
        assert.equal(refineCalls, 1, `invalid request ${i + 1}`);
        refineCalls = 0;
        const good = await request(srv.url).post('/refined').send({ code: 'A1', x: 1 });
        assert.equal(good.status, 200);
        assert.deepEqual(good.body, { code: 'A1' });
        assert.equal(refineCalls, 2, `valid request ${i + 1}: once for the body, once for the response`);
      }
    });
  });
}
