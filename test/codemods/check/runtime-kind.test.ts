// Which drift kind a counted violation becomes (codemods/check/runtime-drift.ts): each kind from the issue a
// report-mode runtime records. The examples are zod's own issues (so a change of zod's wording that our
// `received null` / `received undefined` reading misses fails here), and the stripped-key examples are the
// ones compat/execute.ts records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { Analysis } from '../../../codemods/analyze.js';
import { runtimeDrift } from '../../../codemods/check/runtime-drift.js';

type Example = { loc: Array<string | number>; msg: string; type: string };

/** zod's first issue for `value` against `schema`, in the shape compat records it (loc, msg, type). */
function issue(schema: z.ZodType, value: unknown, loc: Array<string | number>): Example {
  const r = schema.safeParse(value);
  assert.equal(r.success, false);
  const i = r.error!.issues[0]!;
  return { loc: [...loc, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], msg: i.message, type: i.code };
}

const noRoutes = { scan: { routes: [] } } as unknown as Analysis;

function kindOf(kind: 'request' | 'response', example: Example | undefined): string {
  const dump = { version: 1, routes: [{ route: 'GET /x', method: 'GET', path: '/x',
    violations: [{ kind, location: kind === 'request' ? 'body' : 'response', ...(kind === 'response' ? { status: 200 } : {}), count: 1, ...(example ? { example } : {}) }] }] };
  const findings = runtimeDrift(JSON.stringify(dump), 'dump.json', noRoutes, (f) => f);
  assert.equal(findings.length, 1);
  return findings[0]!.kind;
}

const Item = z.object({ id: z.number(), name: z.string(), email: z.email().optional(), status: z.enum(['a', 'b']).optional() });

test('type-drift: a value of another type, format or enum value, in a request or a response', () => {
  assert.equal(kindOf('request', issue(z.object({ id: z.coerce.number() }), { id: 'SKU-1' }, ['path'])), 'type-drift');
  assert.equal(kindOf('response', issue(Item, { id: 'SKU-1', name: 'x' }, ['response'])), 'type-drift');
  assert.equal(kindOf('request', issue(Item, { id: 1, name: 'x', email: 'not-an-email' }, ['body'])), 'type-drift');
  assert.equal(kindOf('response', issue(Item, { id: 1, name: 'x', status: 'c' }, ['response'])), 'type-drift');
});

test('a request field that is missing is type drift of the request (the client left it out), not a response key', () => {
  assert.equal(kindOf('request', issue(Item, { id: 1 }, ['body'])), 'type-drift');
});

test('null-drift: null where the docs do not allow it, in a response or a request', () => {
  const example = issue(Item, { id: 1, name: null }, ['response']);
  assert.match(example.msg, /received null/);
  assert.equal(kindOf('response', example), 'null-drift');
  assert.equal(kindOf('request', issue(Item, { id: null, name: 'x' }, ['body'])), 'null-drift');
});

test('missing-response-key: a response without a key the docs require', () => {
  const example = issue(Item, { id: 1 }, ['response']);
  assert.match(example.msg, /received undefined/);
  assert.equal(kindOf('response', example), 'missing-response-key');
});

test('leaked-response-key: a response key enforce strips', () => {
  assert.equal(kindOf('response', { loc: ['response', 'passwordHash'], msg: 'key not in the response schema: enforce strips it', type: 'unrecognized_keys' }), 'leaked-response-key');
});

test('undocumented-request-key: a body key a typed handler receives that enforce strips', () => {
  assert.equal(kindOf('request', { loc: ['body', 'role'], msg: 'a key the spec does not list: enforce strips it before the handler', type: 'unrecognized_keys' }), 'undocumented-request-key');
});

test('runtime: any other violation (a bound, a refinement, an empty query value a typed handler reads as "", no example at all)', () => {
  assert.equal(kindOf('request', issue(z.object({ limit: z.number().max(100) }), { limit: 500 }, ['query'])), 'runtime');
  assert.equal(kindOf('request', issue(z.object({}).refine(() => false, 'At least 1 properties'), {}, ['body'])), 'runtime');
  assert.equal(kindOf('request', { loc: ['query', 'n'], msg: 'an empty value: enforce reads it as missing (the handler gets undefined, not "")', type: 'empty_value' }), 'runtime');
  assert.equal(kindOf('response', undefined), 'runtime');
});
