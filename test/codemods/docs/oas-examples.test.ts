// Every document of @readme/oas-examples (Swagger 2.0, OpenAPI 3.0, 3.1) loads through readSpecFile into a
// model that keeps all its operations and whose every `$ref` names an existing schema component.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSpecFile } from '../../../codemods/docs/index.js';

const root = 'node_modules/@readme/oas-examples';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Diagnostics the corpus is known to raise, by file (none today: a new one fails here and gets listed). */
const KNOWN_DIAGNOSTICS: Record<string, string[]> = {};

function countOperations(doc: { paths?: Record<string, Record<string, unknown>> }): number {
  const follow = (item: Record<string, unknown>): Record<string, unknown> => typeof item.$ref === 'string'
    ? item.$ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).reduce((o: any, s) => o[s], doc)
    : item;
  return Object.entries(doc.paths ?? {}).filter(([p]) => !p.startsWith('x-'))
    .reduce((n, [, item]) => n + Object.keys(follow(item)).filter((k) => METHODS.includes(k)).length, 0);
}

/** Keys of `properties`-like maps are names, not keywords; everything else is checked as a schema keyword. */
function walk(node: unknown, visit: (obj: Record<string, unknown>) => void, names = false): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (!names) visit(obj);
  for (const [k, v] of Object.entries(obj)) {
    if (names || !['example', 'examples', 'default', 'const', 'enum'].includes(k)) walk(v, visit, !names && ['properties', 'patternProperties', '$defs', 'content', 'responses', 'headers'].includes(k));
  }
}

for (const version of ['2.0', '3.0', '3.1']) {
  const dir = join(root, version, 'json');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    test(`oas-examples ${version}/${file}`, async () => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const model = await readSpecFile(join(dir, file));
      // `base-path` says which servers/basePath prefix was applied: a fact about the document, not a problem
      assert.deepEqual(model.diagnostics.filter((d) => d.code !== 'base-path').map((d) => d.code), KNOWN_DIAGNOSTICS[`${version}/${file}`] ?? []);
      const base = model.diagnostics.find((d) => d.code === 'base-path');
      if (base) assert.ok(model.operations.every((op) => op.basePath && op.path.startsWith(op.basePath)), base.message);
      assert.equal(model.operations.length, countOperations(raw));
      const rawSchemas = Object.keys(raw.definitions ?? raw.components?.schemas ?? {});
      assert.deepEqual(Object.keys(model.schemas).sort(), rawSchemas.sort());
      for (const op of model.operations) assert.ok(op.at.line > 1, `${op.method} ${op.path} has a source line`);
      walk([model.schemas, model.operations.map((o) => o.operation)], (obj) => {
        if (typeof obj.$ref === 'string') {
          assert.match(obj.$ref, /^#\/components\/schemas\/[^/]+$/);
          assert.ok(decodeURIComponent(obj.$ref.slice(21)).replace(/~1/g, '/').replace(/~0/g, '~') in model.schemas, obj.$ref);
        }
        assert.ok(!('nullable' in obj) && !('x-nullable' in obj), 'nullable is normalized away');
        assert.ok(typeof obj.exclusiveMinimum !== 'boolean' && typeof obj.exclusiveMaximum !== 'boolean');
        assert.ok(!('in' in obj && (obj.in === 'body' || obj.in === 'formData')), 'no 2.0 body parameters left');
      });
    });
  }
}
