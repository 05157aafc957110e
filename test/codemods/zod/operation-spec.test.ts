import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationSpecSource } from '../../../codemods/zod/index.js';

const refName = (ref: string, variant: 'request' | 'response') => {
  const name = ref.split('/').pop()!;
  return name === 'Missing' ? undefined : variant === 'request' ? `${name}Input` : name;
};

test('only the keys the operation has; usedRefs lists what to import', () => {
  const r = operationSpecSource({
    operationId: 'getPet',
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
  }, { refName, format: 'ts' });
  assert.equal(r.source, "{ operationId: 'getPet', params: z.object({ id: z.string() }), responses: { 200: Pet } }");
  assert.deepEqual(r.usedRefs, ['Pet']);
  assert.deepEqual(r.diagnostics, []);
});

test('an empty operation is an empty spec', () => {
  assert.equal(operationSpecSource({}, { refName, format: 'js' }).source, '{}');
});

test('request bodies ask for the request variant; missing refs are diagnostics', () => {
  const r = operationSpecSource({
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } } },
    responses: { '200': { description: 'Fine', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } },
  }, { refName, format: 'ts' });
  assert.equal(r.source, "{ body: z.array(PetInput), responses: { 200: { description: 'Fine', schema: z.unknown() } } }");
  assert.deepEqual(r.usedRefs, ['PetInput']);
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.pointer]), [['ref-missing', '#/responses/200/content/application~1json/schema']]);
});
