// Every document of @readme/oas-examples (Swagger 2.0, OpenAPI 3.0, 3.1: circular refs,
// discriminators, polymorphism, enums, additionalProperties, file uploads...) converts: the docs
// reader normalizes it without an error, the emitter writes its schemas module in each output
// format, every TypeScript module type-checks (one strict tsc run over all of them) and every
// JavaScript module (ESM and CommonJS) loads, exporting a zod schema per component and variant.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { formatDiagnostic } from '../../../codemods/diagnostics.js';
import { exampleDocuments, prepareDocument, type PreparedDocument } from '../../helpers/corpus.js';
import { createModuleDir } from '../../helpers/zod-module.js';

const dir = createModuleDir('migrate-api-oas-');
const docs: Array<{ ts: PreparedDocument; js: PreparedDocument; cjs: PreparedDocument }> = [];

before(async () => {
  for (const file of exampleDocuments()) {
    const [ts, js, cjs] = await Promise.all([prepareDocument(file, 'ts'), prepareDocument(file, 'js'), prepareDocument(file, 'cjs')]);
    dir.write(`${ts.moduleBase}.ts`, ts.code);
    dir.write(`${js.moduleBase}.mjs`, js.code);
    dir.write(`${cjs.moduleBase}.cjs`, cjs.code);
    docs.push({ ts, js, cjs });
  }
});

after(() => dir.remove());

test('every example document is read with no error and has something to emit', () => {
  assert.ok(docs.length >= 60, `documents: ${docs.length}`);
  const errors = docs.flatMap(({ js }) => js.model.diagnostics.filter((d) => d.severity === 'error').map((d) => `${js.label}: ${formatDiagnostic(d)}`));
  assert.deepEqual(errors, []);
  // A document that declares operations or schemas must yield some (openapi-workshop/title.json declares none).
  const declares = (file: string) => {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { paths?: object; components?: { schemas?: object }; definitions?: object };
    return Object.keys(raw.paths ?? {}).length + Object.keys(raw.components?.schemas ?? {}).length + Object.keys(raw.definitions ?? {}).length > 0;
  };
  const lost = docs.filter(({ js }) => js.model.operations.length === 0 && Object.keys(js.model.schemas).length === 0 && declares(js.file)).map(({ js }) => js.label);
  assert.deepEqual(lost, []);
});

test('the emitter reports no error for any document', () => {
  const errors = docs.flatMap(({ ts }) => ts.diagnostics.filter((d) => d.severity === 'error').map((d) => `${ts.label}: ${formatDiagnostic(d)}`));
  assert.deepEqual(errors, []);
});

test('the three output formats export the same names', () => {
  for (const { ts, js, cjs } of docs) {
    assert.deepEqual(js.exports, ts.exports, ts.label);
    assert.deepEqual(cjs.exports, ts.exports, ts.label);
  }
});

test('every generated TypeScript module type-checks (strict, NodeNext)', () => {
  const errors = dir.typeCheck();
  assert.deepEqual(errors.slice(0, 20), []);
});

test('every generated ESM and CommonJS module loads and exports a zod schema per component and variant', async () => {
  const require = createRequire(join(dir.dir, 'index.js'));
  for (const { js, cjs } of docs) {
    const esm = await dir.load(`${js.moduleBase}.mjs`);
    const common = require(`./${cjs.moduleBase}.cjs`) as Record<string, unknown>;
    for (const [name, ex] of Object.entries(js.exports)) {
      for (const id of new Set([ex.response, ex.request])) {
        for (const [kind, mod] of [['esm', esm], ['cjs', common]] as const) {
          const schema = mod[id] as { safeParse?: unknown } | undefined;
          assert.equal(typeof schema?.safeParse, 'function', `${js.label} ${kind}: export ${id} (schema ${name})`);
        }
      }
    }
  }
});
