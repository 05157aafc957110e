import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrow, binary, chain, id, json, lit, obj, zc } from '../../../codemods/zod/ast.js';
import { printZod, quote } from '../../../codemods/zod/printer.js';

test('short expressions stay on one line', () => {
  assert.equal(printZod(chain(zc('object', obj([{ key: 'a', value: zc('string') }])), 'optional')), 'z.object({ a: z.string() }).optional()');
});

test('long objects break one property per line and hug the call', () => {
  const props = Array.from({ length: 6 }, (_, i) => ({ key: `property${i}`, value: chain(zc('string'), 'optional') }));
  assert.equal(printZod(chain(zc('object', obj(props)), 'meta', obj([{ key: 'id', value: lit('X') }]))), [
    'z.object({',
    ...props.map((p) => `  ${p.key}: z.string().optional(),`),
    "}).meta({ id: 'X' })",
  ].join('\n'));
});

test('a long chain whose head fits breaks one call per line', () => {
  const e = chain(chain(zc('array', zc('string')), 'refine', arrow(['a'], binary('===', id('a'), id('a'))), obj([{ key: 'message', value: lit('x'.repeat(50)) }])), 'optional');
  assert.equal(printZod(e), `z.array(z.string())\n  .refine((a) => a === a, { message: '${'x'.repeat(50)}' })\n  .optional()`);
});

test('getters print as zod 4 recursive properties', () => {
  assert.equal(printZod(obj([{ key: 'kids', value: zc('array', id('Node')), getter: true }])), '{ get kids() { return z.array(Node); } }');
});

test('keys and strings are quoted only when needed, with the fewest escapes', () => {
  assert.equal(printZod(obj([{ key: 'x-id', value: lit(1) }, { key: '200', value: lit(2) }, { key: 'ok_1', value: lit(3) }])), "{ 'x-id': 1, 200: 2, ok_1: 3 }");
  assert.equal(printZod(obj([{ key: '__proto__', value: lit(1) }])), "{ ['__proto__']: 1 }");
  assert.equal(quote("it's"), '"it\'s"');
  assert.equal(quote('say "hi" it\'s'), "'say \"hi\" it\\'s'");
  assert.equal(quote('line\nbreak'), "'line\\nbreak'");
  assert.equal(printZod(json({ a: [1, null, true], b: 'x' })), "{ a: [1, null, true], b: 'x' }");
});
