import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { mergeShapes, observe, type Shape } from '../../../compat/shape.js';
import { shapeToZod, wireToZod } from '../../../codemods/infer/shape-to-zod.js';

const seen = (...values: unknown[]): Shape => values.map((v) => observe(v, { enums: true })).reduce<Shape | undefined>((a, b) => mergeShapes(a, b), undefined)!;
const schema = (source: string) => new Function('z', `return ${source}`)(z) as z.ZodType;

test('a key is required only when every one of at least two values carried it; objects stay loose', () => {
  const src = shapeToZod(seen({ id: 1, name: 'a' }, { id: 2 }));
  assert.equal(src, 'z.looseObject({ id: z.number(), name: z.string().optional() })');
  assert.equal(shapeToZod(seen({ id: 1 })), 'z.looseObject({ id: z.number().optional() })', 'one value proves nothing required');
  assert.equal(schema(src).safeParse({ id: 3, extra: true }).success, true, 'a key never seen passes');
});

test('formats and enums need every string to have them, at least twice; null makes it nullable; mixed types a union', () => {
  assert.equal(shapeToZod(seen('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00Z')), 'z.iso.datetime()');
  assert.equal(shapeToZod(seen('2024-01-01T00:00:00.000Z')), 'z.string()');
  assert.equal(shapeToZod(seen('a@b.co', 'not an email')), 'z.string()');
  assert.equal(shapeToZod(seen('asc', 'desc', 'asc', 'desc')), "z.enum(['asc', 'desc'])");
  assert.equal(shapeToZod(seen('asc', 'desc', 'asc')), 'z.string()', 'too few values for an enum of two');
  assert.equal(shapeToZod(seen(1, null)), 'z.number().nullable()');
  assert.equal(shapeToZod(seen(1, 'x')), 'z.union([z.string(), z.number()])');
  assert.equal(shapeToZod(seen([1, 2], [])), 'z.array(z.number())');
});

test('wire values: the code reading gives the type unless a request seen contradicts it', () => {
  assert.equal(wireToZod(undefined, 'int'), 'z.string().regex(/^-?\\d+$/)');
  assert.equal(wireToZod(seen('1', '2'), 'number'), 'z.string().regex(/^-?\\d+(\\.\\d+)?$/)');
  assert.equal(wireToZod(seen('1', 'abc'), 'number'), 'z.string()', 'a request sent abc: the handler copes with it');
  assert.equal(wireToZod(seen('true', 'false'), 'bool'), "z.enum(['true', 'false'])");
  assert.equal(wireToZod(seen('yes'), 'bool'), 'z.string()');
  assert.equal(wireToZod(seen('1', '2'), undefined), 'z.string()', 'traffic alone never narrows a string to a number');
  assert.equal(wireToZod(seen('a', ['a', 'b']), undefined), 'z.union([z.string(), z.array(z.string())])');
  assert.equal(schema(wireToZod(undefined, 'int')).safeParse('12').success, true);
  assert.equal(schema(wireToZod(undefined, 'int')).safeParse('1.5').success, false);
});
