import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceDocs } from '../../../codemods/docs/index.js';

const block = (route: string) => `
/**
 * A
 * ---
 * responses: { 200: { description: ok } }
 */
router.get(${route}, (req, res) => res.end());
`;

const pathOf = (route: string) => readSourceDocs(block(route), 'api.js').operations.map((o) => o.path);

test('a flasgger block documents its route at the OpenAPI path the scan reads from the same Express path', () => {
  // Before, the docs readers had their own converter: an escape stayed (`/a\\(b\\)`, where Express and the scan
  // answer `/a(b)`), and a nested Express 5 group came out half read (`/a/b{/{c}}`)
  assert.deepEqual(pathOf(String.raw`'/a\\(b\\)'`), ['/a(b)']);
  assert.deepEqual(pathOf(`'/a{/b{/:c}}'`), ['/a/b/{c}']);
});

test('a block on a route OpenAPI cannot express still documents it, at the closest path', () => {
  assert.deepEqual(pathOf(`'/files/*splat'`), ['/files/{splat}']);
  assert.deepEqual(pathOf('`${base}/:id(\\\\d+)`'), ['${base}/{id}']);
});
