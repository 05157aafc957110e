import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { componentRef, documentValidator } from './ajv.js';
import type { CorpusSchema } from './corpus.js';
import { ajvClass, checkSchema, classCounts, zodClass } from './differential.js';

const components = {
  Pet: {
    type: 'object',
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 2 },
      age: { type: 'integer', minimum: 0 },
      born: { type: 'string', format: 'date' },
    },
    additionalProperties: false,
  },
};
const entry: CorpusSchema = { name: 'Pet', label: '#/components/schemas/Pet', schema: { $ref: componentRef('Pet') }, variant: 'response', inline: false };
const exact = z.strictObject({ name: z.string().min(2), age: z.number().int().min(0).optional(), born: z.iso.date().optional() });

test('an exact zod schema agrees with ajv on every instance', () => {
  const stats = checkSchema('doc', entry, components, documentValidator(components), exact, { valid: 30, mutated: 60 });
  assert.equal(stats.checks, 90);
  assert.equal(stats.generated, 30);
  assert.equal(stats.generatedValid, 30);
  assert.ok(stats.mutatedInvalid > 50);
  assert.deepEqual(stats.disagreements, []);
  assert.equal(stats.agreements, stats.checks);
});

test('a loose or strict zod schema is caught and its disagreements classed', () => {
  const loose = z.object({ name: z.string(), age: z.number().int().min(0).optional(), born: z.iso.date().optional() });
  const a = checkSchema('doc', entry, components, documentValidator(components), loose, { valid: 30, mutated: 120 });
  const classes = classCounts(a.disagreements).map(([c]) => c);
  assert.ok(classes.includes('zod-looser/minLength'), classes.join());
  assert.ok(classes.includes('zod-looser/additionalProperties'), classes.join());
  assert.ok(a.disagreements.every((d) => d.cls.startsWith('zod-looser/') && d.doc === 'doc' && d.zod === 'valid'));

  const strict = z.strictObject({ name: z.string().min(2), age: z.number().int().min(0).optional(), born: z.iso.date().optional() }).refine((p) => p.age === undefined);
  const s = checkSchema('doc', entry, components, documentValidator(components), strict, { valid: 60, mutated: 0 });
  assert.ok(s.disagreements.length > 0);
  for (const d of s.disagreements) assert.equal(d.cls, 'zod-stricter/custom');
});

test('ajv errors are classed by their keyword, format and OpenAPI role', () => {
  const err = (keyword: string, params: object, parentSchema: object = {}, schemaPath = '#/x') => ({ keyword, params, parentSchema, schemaPath, instancePath: '', message: '' });
  assert.equal(ajvClass([err('format', { format: 'uuid' })], 'response'), 'format:uuid');
  assert.equal(ajvClass([err('type', {}, { readOnly: true })], 'request'), 'readOnly-in-request');
  assert.equal(ajvClass([err('type', {}, { readOnly: true })], 'response'), 'type');
  assert.equal(ajvClass([err('type', {}, { writeOnly: true })], 'response'), 'writeOnly-in-response');
  assert.equal(ajvClass([err('additionalProperties', {}, {}, '#/allOf/1/additionalProperties')], 'response'), 'additionalProperties-in-allOf');
  assert.equal(ajvClass([err('type', {}), err('oneOf', { passingSchemas: [0, 1] })], 'response'), 'oneOf-exclusive');
});

test('zod issues are classed by code, format, expected type and union branches', () => {
  assert.equal(zodClass([{ code: 'invalid_format', format: 'email', path: [], message: '' }]), 'format:email');
  assert.equal(zodClass([{ code: 'invalid_type', expected: 'number', path: [], message: '' }]), 'invalid_type:number');
  assert.equal(zodClass([{ code: 'invalid_union', path: [], message: '', errors: [[{ code: 'too_small', path: [], message: '' }], [{ code: 'invalid_type', expected: 'string', path: [], message: '' }]] }]), 'invalid_union(invalid_type:string|too_small)');
});
