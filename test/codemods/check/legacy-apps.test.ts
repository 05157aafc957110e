// The three legacy apps: `check` finds exactly the drifts their READMEs list, and nothing else. The
// integer-documented SKU id of inventory-ts cannot be seen statically (runtime-drift.test.ts proves it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../../codemods/check/index.js';

const APPS = join(import.meta.dirname, '../../../fixtures/apps');

/** The 1-based line of the first line of `file` containing `text`: the expectations name code, not numbers. */
function lineOf(app: string, file: string, text: string): number {
  const index = readFileSync(join(APPS, app, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  assert.ok(index >= 0, `${file} contains ${text}`);
  return index + 1;
}

const summary = (findings: Awaited<ReturnType<typeof checkProject>>['findings']) =>
  findings.map(({ kind, file, line, route }) => ({ kind, file, line, route }));

test('inventory-ts: the renamed query param and the undocumented history route', async () => {
  const { findings } = await checkProject(join(APPS, 'inventory-ts'));
  assert.deepEqual(summary(findings), [
    // express-validator's rules (MA004): stricter than the docs for the new item, `.trim()` and `.custom()` named.
    { kind: 'validator-drift', file: 'openapi.yaml', line: lineOf('inventory-ts', 'openapi.yaml', '    post:'), route: 'POST /api/items' },
    { kind: 'validator-untranslated', file: 'src/routes/items.ts', line: lineOf('inventory-ts', 'src/routes/items.ts', "body('name').isString().trim()"), route: 'POST /api/items' },
    { kind: 'validator-untranslated', file: 'src/routes/items.ts', line: lineOf('inventory-ts', 'src/routes/items.ts', "body('warehouse')"), route: 'POST /api/items' },
    { kind: 'undocumented-input', file: 'src/routes/items.ts', line: lineOf('inventory-ts', 'src/routes/items.ts', 'const { category, inStock } = req.query'), route: 'GET /api/items' },
    { kind: 'undocumented-route', file: 'src/routes/items.ts', line: lineOf('inventory-ts', 'src/routes/items.ts', "router.get('/:id/history'"), route: 'GET /api/items/:id/history' },
  ]);
  assert.match(findings.find((f) => f.kind === 'undocumented-input')!.message, /req\.query\.inStock.*the docs say "in_stock"/);
});

test('users-cjs: only the undocumented GET /health', async () => {
  const { findings } = await checkProject(join(APPS, 'users-cjs'));
  assert.deepEqual(summary(findings), [
    { kind: 'undocumented-route', file: 'app.js', line: lineOf('users-cjs', 'app.js', "app.get('/health'"), route: 'GET /health' },
  ]);
});

test('orders-esm: only the undocumented GET /healthz', async () => {
  const { findings } = await checkProject(join(APPS, 'orders-esm'));
  assert.deepEqual(summary(findings), [
    { kind: 'undocumented-route', file: 'app.js', line: lineOf('orders-esm', 'app.js', "app.get('/healthz'"), route: 'GET /healthz' },
  ]);
});
