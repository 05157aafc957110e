// The converter API others call directly (the ajv differential and the route codemod).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../codemods/diagnostics.js';
import { printZod, schemaToZod, type ZodContext } from '../../../codemods/zod/index.js';

const ctx = (extra: Partial<ZodContext> = {}): ZodContext & { diagnostics: Diagnostic[] } =>
  ({ refName: (r) => (r === '#/components/schemas/Pet' ? 'Pet' : undefined), pointer: '#/x', diagnostics: [], ...extra });
const emit = (s: Parameters<typeof schemaToZod>[0], extra?: Partial<ZodContext>) => printZod(schemaToZod(s, ctx(extra)));

test('body values keep their JSON types; wire values are coerced', () => {
  assert.equal(emit({ type: 'integer' }), 'z.number().int()');
  assert.equal(emit({ type: 'integer' }, { location: 'query' }), 'z.coerce.number().int()');
  assert.equal(emit({ type: 'boolean' }, { location: 'header' }), 'z.stringbool()');
  assert.equal(emit({ type: 'boolean' }, { location: 'body' }), 'z.boolean()');
  assert.equal(emit({ type: 'array', items: { type: 'integer' } }, { location: 'path' }),
    "z.preprocess((v) => typeof v === 'string' ? v.split(',') : v, z.array(z.coerce.number().int()))");
});

test('variants drop readOnly (request) and writeOnly (response) properties', () => {
  const s = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, pw: { type: 'string', writeOnly: true } } };
  assert.equal(emit(s), 'z.object({ id: z.number().int().optional(), pw: z.string().optional() })');
  assert.equal(emit(s, { variant: 'request' }), 'z.object({ pw: z.string().optional() })');
  assert.equal(emit(s, { variant: 'response' }), 'z.object({ id: z.number().int().optional() })');
});

test('refs use refName; unknown refs are reported with their pointer, never thrown', () => {
  assert.equal(emit({ type: 'array', items: { $ref: '#/components/schemas/Pet' } }), 'z.array(Pet)');
  const c = ctx();
  assert.equal(printZod(schemaToZod({ type: 'object', properties: { a: { $ref: '#/definitions/Nope' } } }, c)), 'z.object({ a: z.unknown().optional() })');
  assert.deepEqual(c.diagnostics.map((d) => [d.code, d.severity, d.pointer]), [['ref-missing', 'error', '#/x/properties/a']]);
});

test('boolean schemas and garbage input', () => {
  assert.equal(emit(true), 'z.unknown()');
  assert.equal(emit(false), 'z.never()');
  const c = ctx();
  assert.equal(printZod(schemaToZod(42 as never, c)), 'z.unknown()');
  assert.equal(c.diagnostics[0].code, 'unknown-keyword');
});

// The printer lays a long union out one branch per line; the tests read it on one.
const oneLine = (code: string) => code.replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/, \]/g, ']');

test('a type omitted: the keywords check their own type only, every other JSON type passes (as in JSON Schema)', () => {
  assert.equal(oneLine(emit({ properties: { a: { type: 'string' } }, required: ['a'] })),
    'z.union([z.object({ a: z.string() }), z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown())])');
  assert.equal(oneLine(emit({ minimum: 1 })),
    'z.union([z.number().min(1), z.string(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())])');
  // A 3.0 `nullable` already admits null: no second null branch.
  assert.equal(oneLine(emit({ items: { type: 'string' }, nullable: true })),
    'z.union([z.array(z.string()), z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown())]).nullable()');
  // On the wire the schema decides the type a string is coerced to: the implied type is kept.
  assert.equal(emit({ minimum: 1 }, { location: 'query' }), 'z.coerce.number().min(1)');
});

test('a sub-schema of a typed parent (not, if/then/else) takes the parent type it implies', () => {
  assert.equal(emit({ type: 'string', not: { maxLength: 0 } }), 'z.string().refine((v) => !z.string().max(0).safeParse(v).success)');
});
