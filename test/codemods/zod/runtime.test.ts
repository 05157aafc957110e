// The generated modules (the fixture outputs, which fixtures.test.ts pins to the emitter) are
// imported and must accept and reject values exactly as the JSON Schema they came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { z } from 'zod';
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { FIXTURES } from './render-fixture.js';

type Schemas = Record<string, z.ZodType>;
const load = async (name: string): Promise<Schemas> => (await import(join(FIXTURES, `${name}.output.ts`))) as Schemas;
const ok = (s: z.ZodType, v: unknown) => assert.ok(s.safeParse(v).success, `expected ${JSON.stringify(v)} to be accepted`);
const no = (s: z.ZodType, v: unknown) => assert.ok(!s.safeParse(v).success, `expected ${JSON.stringify(v)} to be rejected`);

test('date-time as ajv-formats checks it: either case, space, short offsets, real calendar dates', async () => {
  const { Formats } = await load('string-formats');
  for (const t of ['2021-06-01t12:30:00z', '2021-06-01 12:30:00+02', '2021-06-01T12:30:00.5+0200', '2024-02-29T00:00:00Z', '2021-06-01T23:59:60Z']) ok(Formats, { createdAt: t });
  for (const t of ['2021-02-29T00:00:00Z', '2021-06-01T12:30:00', '2021-06-01T24:00:00Z', '2021-06-01T12:30:00+24:00', '2021-06-01TT12:30:00Z']) no(Formats, { createdAt: t });
  const schemas = new OpenApiGeneratorV31([Formats].map((schema) => ({ type: 'schema', schema })) as never)
    .generateComponents().components?.schemas as Record<string, { properties: Record<string, object> }>;
  assert.deepEqual(schemas.Formats.properties.createdAt, { type: 'string', format: 'date-time' });
});

test('string formats: offsets in date-time, emails, uuids, urls', async () => {
  const { Formats } = await load('string-formats');
  ok(Formats, { createdAt: '2024-01-02T03:04:05+02:00', birthday: '2024-02-29', email: 'a@b.co', id: '3f2c8a4e-1b2d-4c5e-8f9a-0b1c2d3e4f5a', homepage: 'https://x.dev', v4: '10.0.0.1', blob: 'aGk=', color: 'anything' });
  no(Formats, { createdAt: 'yesterday' });
  no(Formats, { birthday: '2024-13-01' });
  no(Formats, { email: 'not-an-email' });
  no(Formats, { id: '1234' });
  no(Formats, { v4: '300.1.1.1' });
});

test('integers, enums, const and nullability', async () => {
  const n = await load('numbers');
  ok(n.BigId, 9007199254740991); no(n.Count, 1.5); ok(n.Ratio, 1.5);
  const e = await load('enum-const');
  ok(e.Status, 'pending'); no(e.Status, 'gone');
  ok(e.Level, 2); no(e.Level, 4); no(e.Level, '2');
  ok(e.Mixed, true); no(e.Mixed, false);
  ok(e.MaybeColor, null); no(e.MaybeColor, 'blue');
  const nl = await load('nullable');
  ok(nl.Legacy, null); ok(nl.NullableRef, null); no(nl.Modern, 'x'); ok(nl.Either, 'x'); ok(nl.Either, 3); no(nl.Either, 3.5);
});

test('required, optional, presence-only and defaults', async () => {
  const r = await load('required-optional');
  ok(r.Person, { name: 'a', tags: [] }); no(r.Person, { tags: [] });
  no(r.Presence, {}); ok(r.Presence, { token: null });
  const d = await load('default');
  assert.deepEqual(d.Paging.parse({ cursor: 'c' }), { limit: 20, order: 'asc', cursor: 'c', filters: {} });
  no(d.Paging, {});
});

test('numeric and string bounds', async () => {
  const b = await load('number-bounds');
  no(b.Percent, 101); ok(b.Percent, 100); no(b.Positive, 0); ok(b.Positive, 0.1);
  ok(b.Below, 9.5); no(b.Below, 9.7); no(b.Below, 10); no(b.Legacy30, 1); ok(b.Legacy30, 1.1); no(b.Legacy30, 5);
  const s = await load('string-constraints');
  ok(s.Code, 'AB'); no(s.Code, 'ab'); no(s.Code, 'A'); no(s.Pin, '123'); ok(s.Pin, '1234'); ok(s.Path, '/api/users'); no(s.Path, '/x');
});

test('arrays: counts, uniqueness, tuples', async () => {
  const a = await load('array-constraints');
  ok(a.Tags, ['a', 'b']); no(a.Tags, ['a', 'a']); no(a.Tags, []);
  no(a.Rows, [{ id: 1 }, { id: 1 }]); ok(a.Rows, [{ id: 1 }, { id: 2 }]);
  ok(a.Point, [1, 2]); no(a.Point, [1, 2, 3]); no(a.Pair, [1]);
});

test('additionalProperties true/false/schema and records', async () => {
  const a = await load('additional-properties');
  assert.deepEqual(a.Loose.parse({ a: 'x', b: 1 }), { a: 'x', b: 1 });
  no(a.Strict, { a: 'x', b: 1 });
  ok(a.Typed, { a: 'x', b: 1 }); no(a.Typed, { b: 'x' });
  ok(a.Dictionary, { x: 1 }); no(a.Dictionary, { x: 'y' });
  assert.deepEqual(a.FreeForm.parse({ any: { thing: 1 } }), { any: { thing: 1 } });
  no(a.Empty, { x: 1 }); ok(a.Keys, { abc: true }); no(a.Keys, { ABC: true });
});

test('allOf merge/extend/intersection, oneOf exclusivity, discriminators', async () => {
  const a = await load('all-of');
  no(a.Extended, { name: 'x' }); ok(a.Extended, { id: 1, name: 'x' }); no(a.Merged, { a: 'x' });
  no(a.Intersected, { a: 'x' }); ok(a.Intersected, { a: 'xy' }); ok(a.WithSiblings, { id: 1, extra: true });
  const o = await load('one-of-any-of');
  ok(o.IdOrName, 1); ok(o.IdOrName, 'x'); no(o.IdOrName, true); ok(o.MaybeId, null);
  const d = await load('discriminator');
  ok(d.Pet, { kind: 'dog', barks: true }); no(d.Pet, { kind: 'cow' }); no(d.Pet, { kind: 'cat', meows: 'yes' });
  // oneOf: a value matching both branches is rejected, as JSON Schema does.
  no(d.Mixed, { kind: 'cat' }); ok(d.Mixed, { kind: 'bird' });
});

test('recursive schemas validate at depth', async () => {
  const r = await load('recursion');
  ok(r.Category, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] });
  no(r.Category, { children: [{ children: [{ name: 3 }] }] });
  ok(r.Employee, { manager: { reports: [{ manager: { reports: [] } }] } });
  ok(r.Json, ['a', [1, ['b']]]); no(r.Json, [true]);
});

test('readOnly/writeOnly give response and request variants', async () => {
  const u = await load('read-write-only');
  ok(u.User, { id: 1, email: 'a@b.co' });
  assert.deepEqual(u.UserInput.parse({ id: 9, email: 'a@b.co', password: 'p' }), { email: 'a@b.co', password: 'p' });
  no(u.UserInput, { email: 'a@b.co' });
  no(u.TeamInput, { members: [{ email: 'a@b.co' }] });
});

test('not and if/then/else are enforced by refinements', async () => {
  const l = await load('lossy');
  no(l.NotEmpty, ''); ok(l.NotEmpty, 'x');
  no(l.Conditional, { country: 'US' }); ok(l.Conditional, { country: 'US', zip: '1' }); ok(l.Conditional, { country: 'FR' });
  no(l.Sized, {}); ok(l.Sized, { a: 1 }); no(l.Sized, { a: 1, b: 2, c: 3, d: 4 });
});

test('request locations: wire strings are coerced, "false" is false, arrays per style', async () => {
  const { spec } = (await load('operation-params')) as unknown as { spec: Record<string, z.ZodType> };
  assert.deepEqual(spec.params.parse({ id: '5' }), { id: 5 });
  no(spec.params, { id: '0' }); no(spec.params, { id: 'abc' });
  assert.deepEqual(spec.query.parse({ sort: 'asc', size: '10', active: 'false' }), { sort: 'asc', size: 10, active: false, limit: 20 });
  no(spec.query, { sort: 'asc', size: '10', active: 'maybe' });
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', ids: '1' }) as Record<string, unknown>).ids, [1]);
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', ids: ['1', '2'] }) as Record<string, unknown>).ids, [1, 2]);
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', csv: 'a,b' }) as Record<string, unknown>).csv, ['a', 'b']);
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', piped: '1|2.5' }) as Record<string, unknown>).piped, [1, 2.5]);
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', spaced: 'a b' }) as Record<string, unknown>).spaced, ['a', 'b']);
  assert.deepEqual((spec.query.parse({ sort: 'asc', size: '10', level: '2' }) as Record<string, unknown>).level, 2);
  no(spec.query, { sort: 'asc', size: '10', level: '3' });
  // form/explode object parameters: their properties are query keys of their own.
  no(spec.query, { sort: 'asc' });
  assert.equal((spec.query.parse({ sort: 'asc', size: '10', from: '5' }) as Record<string, unknown>).from, 5);
  const headers = spec.headers.parse({ 'x-request-id': '3f2c8a4e-1b2d-4c5e-8f9a-0b1c2d3e4f5a', 'x-flags': 'a, b' }) as Record<string, unknown>;
  assert.deepEqual(headers['x-flags'], ['a', 'b']);
  assert.deepEqual(spec.cookies.parse({ debug: 'true' }), { debug: true });
  const form = (await load('operation-form-body')) as unknown as { spec: { body: z.ZodType } };
  assert.deepEqual(form.spec.body.parse({ qty: '3', gift: 'no' }), { qty: 3, gift: false });
});

test('no type: the implied type is checked, every other JSON value passes (as ajv judges it)', async () => {
  const u = await load('untyped');
  ok(u.Address, { street: 'Main St', zip: '12345' }); no(u.Address, { zip: '12345' }); no(u.Address, { street: 'x', zip: 'abc' });
  for (const other of ['text', 3, true, null, [1, 2]]) ok(u.Address, other);
  assert.deepEqual(u.Address.parse({ street: 'x', extra: 1 }), { street: 'x' });
  ok(u.Tags, ['a']); no(u.Tags, ['a', 'b', 'c', 'd', 'e', 'f']); no(u.Tags, [1]); ok(u.Tags, { any: 'object' }); ok(u.Tags, 'text');
  ok(u.Code, 'ab'); no(u.Code, 'a'); ok(u.Code, null); ok(u.Code, 7);
  // Typed by its other member: a string fails the allOf.
  ok(u.Shipping, { tracking: '1Z' }); no(u.Shipping, { carrier: 'ups' }); no(u.Shipping, 'text');
  no(u.NonEmpty, ''); ok(u.NonEmpty, 'x');
});

test('\\p{...} patterns run with the u flag; the served document shows the pattern as written', async () => {
  const p = await load('unicode-pattern');
  ok(p.Name, 'Élodie'); ok(p.Name, 'Пётр Ильич'); ok(p.Name, "O'Brien"); no(p.Name, 'p{L}'); no(p.Name, '42');
  ok(p.Emoji, '\u{1F600}\u{1F600}'); no(p.Emoji, 'u{1F600}');
  ok(p.Plain, 'ab'); no(p.Plain, 'Ab');
  ok(p.Escaped, '\\p{L}'); no(p.Escaped, 'a');
  const schemas = new OpenApiGeneratorV31([p.Name, p.Emoji, p.Plain, p.Escaped].map((schema) => ({ type: 'schema', schema })) as never)
    .generateComponents().components?.schemas as Record<string, { pattern?: string }>;
  assert.deepEqual(Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, v.pattern])), {
    Name: "^\\p{L}[\\p{L} .'-]*$", Emoji: '^\\u{1F600}+$', Plain: '^[a-z]{2,}$', Escaped: '^\\\\p{L}$',
  });
});

test('format int32/int64 on a number: integers only', async () => {
  const n = await load('integer-formats');
  ok(n.Count32, 3); no(n.Count32, 1.5); ok(n.Count64, 0); no(n.Count64, -1); no(n.Count64, 2.5); ok(n.Step, 4); no(n.Step, 4.5); ok(n.Ratio, 1.5);
});

test('an object whose properties are all readOnly: its request variant is an empty object that allOf extends', async () => {
  const r = await load('read-only-all');
  assert.deepEqual(r.AuditedInput.parse({ createdAt: '2024-01-02T03:04:05Z' }), {});
  no(r.AuditedInput, 'text');
  assert.deepEqual(r.DocumentInput.parse({ title: 't', createdAt: '2024-01-02t03:04:05z' }), { title: 't' });
  no(r.DocumentInput, { title: 't', createdAt: 'yesterday' });
  no(r.DocumentInput, {});
  ok(r.Document, { title: 't', createdAt: '2024-01-02T03:04:05Z' }); no(r.Document, { title: 't', createdAt: 'yesterday' });
});

test('json-pointer and uri-reference are checked and keep their format in the document', async () => {
  const f = await load('pointer-uri-formats');
  ok(f.Pointer, ''); ok(f.Pointer, '/a/b~0c/d~1e'); no(f.Pointer, 'a/b'); no(f.Pointer, '/a~2');
  ok(f.Link, '../docs/index.html?x=1#top'); ok(f.Link, 'https://example.com/a%20b'); no(f.Link, 'has space'); no(f.Link, 'bad%zz'); no(f.Link, '\\\\server');
  const schemas = new OpenApiGeneratorV31([f.Pointer, f.Link].map((schema) => ({ type: 'schema', schema })) as never)
    .generateComponents().components?.schemas as Record<string, { format?: string }>;
  assert.deepEqual([schemas.Pointer.format, schemas.Link.format], ['json-pointer', 'uri-reference']);
});

test('a strict object keeps its readOnly properties in the request variant: optional, checked', async () => {
  const s = await load('strict-read-only');
  ok(s.SettingInput, { name: 'a' }); ok(s.SettingInput, { name: 'a', settingId: 3 }); no(s.SettingInput, { name: 'a', settingId: 'x' });
  no(s.SettingInput, { name: 'a', other: 1 }); no(s.Setting, { name: 'a' }); ok(s.Setting, { name: 'a', settingId: 3 });
});

test('integers past 2^53 within documented bounds: any integral number; the document says integer with its bounds', async () => {
  const n = await load('numbers');
  ok(n.Epoch, 2 ** 60 / 128); ok(n.Epoch, 0); no(n.Epoch, 2795659525295112.5); no(n.Epoch, -1); no(n.Epoch, 2 ** 60);
  const schemas = new OpenApiGeneratorV31([n.Epoch].map((schema) => ({ type: 'schema', schema })) as never).generateComponents().components?.schemas;
  assert.deepEqual(schemas?.Epoch, { type: 'integer', minimum: 0, maximum: 31556889864403199 });
});

test('readOnly properties in a request: checked when sent, then left out of the value, the type and the document', async () => {
  const r = await load('read-only-checked');
  assert.deepEqual(r.BaseInput.parse({ id: 7, name: 'a' }), { name: 'a' });
  no(r.BaseInput, { id: 'x', name: 'a' });
  assert.deepEqual(r.DerivedInput.parse({ id: 1, name: 'a', kind: 'derived', stamp: '2024-01-02T03:04:05Z' }), { name: 'a', kind: 'derived' });
  no(r.DerivedInput, { id: 'x', name: 'a', kind: 'derived' }); no(r.DerivedInput, { name: 'a', kind: 'derived', stamp: 'yesterday' });
  assert.deepEqual(r.PickInput.parse({ id: 1, name: 'a', kind: 'derived' }), { name: 'a', kind: 'derived' });
  no(r.PickInput, { id: 'x', name: 'a', kind: 'derived' }); ok(r.PickInput, { kind: 'other', level: 'high' });
  // A required key whose component has a default: the default does not stand in for it.
  no(r.Other, { kind: 'other' }); no(r.PickInput, { kind: 'other' });
  const schemas = new OpenApiGeneratorV31([r.BaseInput, r.DerivedInput, r.PickInput].map((schema) => ({ type: 'schema', schema })) as never)
    .generateComponents().components?.schemas as Record<string, Record<string, unknown>>;
  assert.deepEqual(schemas.BaseInput, { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
  assert.deepEqual(schemas.DerivedInput, { type: 'object', properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['derived'] } }, required: ['name', 'kind'] });
  assert.deepEqual(schemas.PickInput, {
    oneOf: [{ $ref: '#/components/schemas/DerivedInput' }, { $ref: '#/components/schemas/Other' }],
    discriminator: { propertyName: 'kind', mapping: { derived: '#/components/schemas/DerivedInput', other: '#/components/schemas/Other' } },
  });
});
