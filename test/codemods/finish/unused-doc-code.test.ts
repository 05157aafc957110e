// The legacy-doc code MA007 removes once nothing uses it, and what it reports removing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { removeUnusedDocCode } from '../../../codemods/finish/unused-doc-code.js';

test('a named import only the rewired endpoint used goes, is reported, and its neighbours stay', () => {
  const original = `import express from 'express';
import { swaggerSpec, swaggerUi, uiOptions } from './docs/swagger.js';

const app = express();
app.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, uiOptions));
app.get('/swagger.json', (_req, res) => {
  res.setHeader('Content-Type', 'application/json');
  res.send(swaggerSpec);
});
`;
  const rewired = original.replace(/app\.get\('\/swagger\.json'[\s\S]*?\n}\);\n/, "app.get('/swagger.json', serveOpenApi());\n");
  const r = removeUnusedDocCode(rewired, original, 'app.ts', () => false);
  assert.equal(r.output, rewired.replace('{ swaggerSpec, swaggerUi, uiOptions }', '{ swaggerUi, uiOptions }'));
  assert.deepEqual(r.removed, ['app.ts:2: swaggerSpec']);
});

test('nothing used before and unused now: nothing removed, nothing reported', () => {
  const text = `import { swaggerSpec } from './docs/swagger.js';\nexport const x = 1;\n`;
  assert.deepEqual(removeUnusedDocCode(text, text, 'app.ts', () => false), { output: undefined, removed: [] });
});
