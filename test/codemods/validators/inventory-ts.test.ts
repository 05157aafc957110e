// fixtures/apps/inventory-ts validates item creation with express-validator chains kept in a local array; with
// the real ValidatorScope (the CATEGORIES constant comes from another module) every rule is translated, and the
// sanitizers and the `.custom()` warehouse lookup are named. Whole output against
// fixtures/validators-apps/inventory-ts.schema.json (UPDATE_FIXTURES=1 rewrites it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expressValidator } from '../../../codemods/validators/express-validator.js';
import { FileValidatorScope } from '../../../codemods/validators/scope.js';
import { translateRoutes } from './route-arguments.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const APP = join(ROOT, 'fixtures/apps/inventory-ts');
const EXPECTED = join(ROOT, 'fixtures/validators-apps/inventory-ts.schema.json');

test('inventory-ts: the express-validator rules of every route translate', () => {
  const scope = new FileValidatorScope();
  const routes = join(APP, 'src/routes');
  const results = readdirSync(routes).filter((f) => f.endsWith('.ts')).sort()
    .flatMap((f) => translateRoutes(join(routes, f), expressValidator, APP, scope).map((r) => ({ file: `src/routes/${f}`, ...r })));
  const actual = `${JSON.stringify(results, null, 2)}\n`;
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(EXPECTED, actual);
  assert.ok(existsSync(EXPECTED), 'run with UPDATE_FIXTURES=1 and review the output');
  assert.equal(actual, readFileSync(EXPECTED, 'utf8'));
  // The one validated route: POST /items' body, with the category list read from src/store.ts.
  assert.equal(results.length, 1);
  const body = results[0]!.result.locations.body as { properties: Record<string, { enum?: string[] }>; required: string[] };
  assert.deepEqual(Object.keys(body.properties), ['sku', 'name', 'category', 'price', 'quantity', 'warehouse', 'tags']);
  assert.ok((body.properties.category!.enum ?? []).length > 0);
});
