import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeDocs, normalizeDocument, readSourceDocs } from '../../../codemods/docs/index.js';

const spec = normalizeDocument({
  openapi: '3.0.0',
  info: { title: 'Spec', version: '1' },
  tags: [{ name: 'users' }],
  paths: { '/users': { get: { responses: { 200: { description: 'from the spec' } } } } },
  components: {
    schemas: { User: { type: 'object' }, Same: { type: 'string' } },
    parameters: { Body: { in: 'query', name: 'q', schema: { type: 'string' } } },
  },
}, { file: 'openapi.yaml', lineOf: (p) => (p === '/paths/~1users/get' ? 7 : undefined) });

test('mergeDocs: duplicate operations across files are reported and the first kept', () => {
  const jsdoc = readSourceDocs('/**\n * @openapi\n * /users:\n *   get:\n *     responses: { 200: { description: from code } }\n */', 'users.js');
  const merged = mergeDocs([spec, jsdoc]);
  assert.equal(merged.operations.length, 1);
  assert.equal(merged.operations[0].operation.responses?.['200'].description, 'from the spec');
  assert.deepEqual(merged.diagnostics.map((d) => [d.code, d.at?.file, d.at?.line, d.message]), [
    ['duplicate-operation', 'users.js', 4, 'GET /users is documented twice (first at openapi.yaml:7); this one is ignored'],
  ]);
});

test('mergeDocs: same schema name with other content is a diagnostic, identical content is not', () => {
  const other = readSourceDocs('/**\n * @openapi\n * components:\n *   schemas:\n *     Same: { type: string }\n *     User: { type: array }\n */', 'models.js');
  const merged = mergeDocs([spec, other]);
  assert.deepEqual(merged.schemas.User, { type: 'object' });
  assert.deepEqual(merged.diagnostics.map((d) => [d.code, d.at?.file, d.at?.line]), [['duplicate-schema', 'models.js', 6]]);
  assert.match(merged.diagnostics[0].message, /schema 'User' is defined twice.*first defined at openapi\.yaml:1/);
});

test('mergeDocs: flasgger blocks with the same relative path on different routers are not duplicates', () => {
  const a = readSourceDocs('/**\n * List\n * ---\n * responses: { 200: { description: a } }\n */\nusers.get("/", h);', 'users.js');
  const b = readSourceDocs('/**\n * List\n * ---\n * responses: { 200: { description: b } }\n */\nposts.get("/", h);', 'posts.js');
  const merged = mergeDocs([a, b]);
  assert.equal(merged.operations.length, 2);
  assert.deepEqual(merged.diagnostics, []);
});

test('mergeDocs: a 2.0 body parameter defined in another file becomes the requestBody', () => {
  const route = readSourceDocs('/**\n * @swagger\n * /pets:\n *   post:\n *     parameters:\n *       - $ref: "#/parameters/PetBody"\n *     responses: { 201: { description: ok } }\n */', 'pets.js');
  assert.deepEqual(route.operations[0].operation.parameters, [{ $ref: '#/components/parameters/PetBody' }], 'pending until merged');
  const shared = readSourceDocs('/**\n * @swagger\n * parameters:\n *   PetBody:\n *     in: body\n *     name: pet\n *     required: true\n *     schema: { $ref: "#/definitions/Pet" }\n * definitions:\n *   Pet: { type: object }\n */', 'shared.js');
  const merged = mergeDocs([route, shared]);
  assert.deepEqual(merged.operations[0].operation, {
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
    responses: { 201: { description: 'ok' } },
  });
  assert.deepEqual(merged.diagnostics, []);
});

test('mergeDocs is idempotent: a merged model merges to itself without new diagnostics', () => {
  const broken = readSourceDocs('/**\n * @openapi\n * /x:\n *   get:\n *     responses:\n *       200:\n *         $ref: "#/components/responses/Nope"\n *       201:\n *         description: ok\n *         content: { application/json: { schema: { $ref: "#/components/schemas/Nope" } } }\n */', 'x.js');
  const once = mergeDocs([broken, spec]);
  assert.deepEqual(once.diagnostics.map((d) => [d.code, d.at?.line]), [['ref-missing', 7], ['ref-missing', 10]]);
  const twice = mergeDocs([once]);
  assert.deepEqual(twice, once);
});

test('mergeDocs: schemas that only point to each other round a cycle are any value, reported where written', () => {
  const a = readSourceDocs('/**\n * @openapi\n * components:\n *   schemas:\n *     A: { $ref: "#/components/schemas/B" }\n *     Self: { $ref: "#/components/schemas/Self" }\n *     C: { $ref: "#/components/schemas/A" }\n */', 'a.js');
  const b = readSourceDocs('/**\n * @openapi\n * components:\n *   schemas:\n *     B: { $ref: "#/components/schemas/A" }\n *     Tree: { type: object, properties: { kids: { type: array, items: { $ref: "#/components/schemas/Tree" } } } }\n */', 'b.js');
  const merged = mergeDocs([a, b]);
  assert.deepEqual(merged.schemas.A, {});
  assert.deepEqual(merged.schemas.B, {});
  assert.deepEqual(merged.schemas.Self, {});
  assert.deepEqual(merged.schemas.C, { $ref: '#/components/schemas/A' }, 'leads into the cycle without being on it');
  assert.deepEqual((merged.schemas.Tree as { properties?: Record<string, unknown> }).properties?.kids, { type: 'array', items: { $ref: '#/components/schemas/Tree' } }, 'a recursive schema with structure is no alias cycle');
  assert.deepEqual(merged.diagnostics.map((d) => [d.code, d.severity, d.at?.file, d.at?.line, d.message]), [
    ['ref-cycle', 'error', 'a.js', 5, "schema 'A' only points to schemas that point back to it (A -> B -> A); treated as any value"],
    ['ref-cycle', 'error', 'a.js', 6, "schema 'Self' only points to schemas that point back to it (Self -> Self); treated as any value"],
  ]);
});
