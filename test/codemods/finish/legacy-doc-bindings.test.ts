// Which names hold a legacy document, in a file and across a local import (MA006 rewires endpoints sending one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedLegacyDocs, importedLegacyDocs, legacyDocBindings } from '../../../codemods/finish/legacy-doc-bindings.js';
import { parseProgram } from '../../../codemods/finish/source.js';
import { Resolver } from '../../../codemods/scan/resolve.js';
import type { FileScan } from '../../../codemods/scan/file-scan.js';

const program = (text: string, file = 'docs.ts') => parseProgram(text, file)!;
const exported = (text: string, file = 'docs.ts') => [...exportedLegacyDocs(program(text, file), text)].sort();

test('bindings: swagger-jsdoc output, a loaded spec file, what swagger-ui-express is set up with; not other values', () => {
  const text = `import swaggerJSDoc from 'swagger-jsdoc';
import swaggerUi from 'swagger-ui-express';
const fromJsdoc = swaggerJSDoc({ apis: [] });
const fromFile = require('./openapi.json');
const shown = buildSomething();
const options = { apis: [] };
swaggerUi.setup(shown);`;
  assert.deepEqual([...legacyDocBindings(program(text), text)].sort(), ['fromFile', 'fromJsdoc', 'shown']);
});

test('exports: ESM renames, declarations and default; an export of anything else is not a document', () => {
  assert.deepEqual(exported(`import jsdoc from 'swagger-jsdoc';
const spec = jsdoc({ apis: [] });
const uiOptions = { explorer: true };
export { spec as swaggerSpec, uiOptions };
export const direct = jsdoc({ apis: [] });
export default spec;`), ['default', 'direct', 'swaggerSpec']);
  assert.deepEqual(exported(`import jsdoc from 'swagger-jsdoc';\nexport default jsdoc({ apis: [] });`), ['default']);
  assert.deepEqual(exported(`const spec = { openapi: '3.0.0' };\nexport { spec };`), []);
});

test('exports: CommonJS module.exports, its object form and exports.<name>', () => {
  assert.deepEqual(exported(`const swaggerJsdoc = require('swagger-jsdoc');\nmodule.exports = swaggerJsdoc({ apis: [] });`, 'docs.js'), ['default']);
  assert.deepEqual(exported(`const swaggerJsdoc = require('swagger-jsdoc');
const spec = swaggerJsdoc({ apis: [] });
module.exports = { spec, renamed: spec, other: 1 };
exports.again = spec;
module.exports.more = spec;`, 'docs.js'), ['again', 'more', 'renamed', 'spec']);
});

test('imports: named, default, require, destructured require and require(...).name; type-only imports are not values', () => {
  const docsOf = (spec: string) => new Set(spec === './docs' ? ['swaggerSpec', 'default'] : []);
  const text = `import api, { swaggerSpec as spec, uiOptions } from './docs';
import type { swaggerSpec as OnlyAType } from './docs';
import other from './other';
const whole = require('./docs');
const { swaggerSpec: picked, uiOptions: notADoc } = require('./docs');
const member = require('./docs').swaggerSpec;
const fromPackage = require('docs');`;
  assert.deepEqual([...importedLegacyDocs(program(text), docsOf)].sort(), ['api', 'member', 'picked', 'spec', 'whole']);
});

test('the finish steps resolve local imports as the scan does: TS sources behind .js specifiers, extensionless and folder index imports', () => {
  const files = ['/app/src/docs/swagger.ts', '/app/src/routes/index.js', '/app/src/spec.cjs'];
  const resolver = new Resolver(new Map(files.map((f) => [f, {} as FileScan])));
  const resolveLocalModule = (from: string, spec: string) => resolver.resolveModule(from, spec);
  assert.equal(resolveLocalModule('/app/src/app.ts', './docs/swagger.js'), '/app/src/docs/swagger.ts');
  assert.equal(resolveLocalModule('/app/src/app.ts', './docs/swagger'), '/app/src/docs/swagger.ts');
  assert.equal(resolveLocalModule('/app/src/docs/swagger.ts', '../routes'), '/app/src/routes/index.js');
  assert.equal(resolveLocalModule('/app/src/app.ts', './spec.cjs'), '/app/src/spec.cjs');
  assert.equal(resolveLocalModule('/app/src/app.ts', './missing.js'), null);
});
