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

test('every response media type is kept: one sharing the schema is listed beside it, one of its own is otherContent', () => {
  // Swagger 2 `produces: [application/json, application/xml]` gives both types the one schema; an OpenAPI 3
  // response may give each its own. Only JSON was written: the other types left the served document unsaid.
  const pet = { $ref: '#/components/schemas/Pet' };
  const r = operationSpecSource({
    responses: {
      '200': { description: 'A pet', content: { 'application/json': { schema: pet }, 'application/xml': { schema: pet } } },
      '201': {
        description: 'Made',
        content: {
          'application/xml': { schema: { type: 'string' }, example: '<pet/>' },
          'application/json': { schema: pet },
          'text/plain': {},
        },
      },
      '202': { description: 'Queued', content: { 'application/xml': { schema: { type: 'string' } } } },
    },
  }, { refName, format: 'ts' });
  assert.equal(r.source, [
    '{',
    '  responses: {',
    "    200: { description: 'A pet', schema: Pet, contentType: ['application/json', 'application/xml'] },",
    '    201: {',
    "      description: 'Made',",
    '      schema: Pet,',
    '      otherContent: {',
    "        'application/xml': { schema: z.string(), example: '<pet/>' },",
    "        'text/plain': {},",
    '      },',
    '    },',
    "    202: { description: 'Queued', otherContent: { 'application/xml': { schema: z.string() } } },",
    '  },',
    '}',
  ].join('\n'));
  assert.deepEqual(r.diagnostics.map((d) => [d.pointer, d.message]), [
    ['#/responses/201', 'only application/json content is validated (also served as documented: application/xml, text/plain)'],
    ['#/responses/202', 'only no content is validated (also served as documented: application/xml)'],
  ]);
});

test("a request body's description (a Swagger 2 in: body parameter's) is kept for the document", () => {
  const r = operationSpecSource({
    requestBody: { description: 'the new order', required: true, content: { 'application/json': { schema: { type: 'object', properties: { price: { type: 'number' } } } } } },
  }, { refName, format: 'ts' });
  assert.equal(r.source, "{ body: z.object({ price: z.number().optional() }), bodyDescription: 'the new order' }");
});

test('every request body media type is kept: one sharing the schema is listed beside it, one of its own is bodyOtherContent', () => {
  // An upload takes JSON or multipart with a file; Swagger 2's `consumes` gives JSON and form the one schema. Only the
  // picked type was written: the others left the served document unsaid.
  const pet = { $ref: '#/components/schemas/Pet' };
  const upload = { type: 'object', properties: { file: { type: 'string', format: 'binary' } } };
  const shared = operationSpecSource({
    requestBody: { required: true, content: { 'application/json': { schema: pet }, 'application/x-www-form-urlencoded': { schema: pet } } },
  }, { refName, format: 'ts' });
  assert.equal(shared.source, "{ body: PetInput, bodyContentType: ['application/json', 'application/x-www-form-urlencoded'] }");
  const own = operationSpecSource({
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': { schema: upload, example: { file: 'a.png' } },
        'application/json': { schema: pet },
        'application/octet-stream': {},
      },
    },
  }, { refName, format: 'ts' });
  assert.equal(own.source, [
    '{',
    '  body: PetInput,',
    '  bodyOtherContent: {',
    "    'multipart/form-data': {",
    "      schema: z.object({ file: z.string().meta({ format: 'binary' }).optional() }),",
    "      example: { file: 'a.png' },",
    '    },',
    "    'application/octet-stream': {},",
    '  },',
    '}',
  ].join('\n'));
  assert.deepEqual(own.diagnostics.map((d) => [d.pointer, d.message]), [
    ['#/requestBody', 'only application/json content is validated (also served as documented: multipart/form-data, application/octet-stream)'],
  ]);
});
