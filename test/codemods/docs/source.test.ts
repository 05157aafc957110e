import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSourceDocs } from '../../../codemods/docs/index.js';
import { parseSource } from '../../../codemods/parse.js';

const code = `
class Api {
  @Get() list() {}
}
/**
 * @openapi
 * /a:
 *   get:
 *     responses: { 200: { description: ok } }
 */
/**
 * B
 * ---
 * responses: { 200: { description: ok } }
 */
router.get('/b', (req: any, res: any) => res.end());
`;

test('a given AST is reused and gives the same model as parsing', () => {
  const parsed = parseSource(code, 'api.ts');
  assert.ok('ast' in parsed);
  const withAst = readSourceDocs(code, 'api.ts', parsed.ast);
  const alone = readSourceDocs(code, 'api.ts');
  assert.deepEqual(withAst, alone);
  assert.deepEqual(alone.operations.map((o) => [o.style, o.method, o.path, o.at.line]), [['jsdoc', 'get', '/a', 8], ['flasgger', 'get', '/b', 11]]);
  assert.deepEqual(alone.operations[1].routeAt, { file: 'api.ts', line: 16, col: 1 });
  assert.deepEqual(alone.operations[0].comment, { start: code.indexOf('/**'), end: code.indexOf('*/') + 2, startLine: 5, endLine: 10 });
});

test('a file that does not parse gives a parse-error diagnostic, not a throw', () => {
  const model = readSourceDocs('/** @openapi\n * /a: {}\n */\nconst = ;', 'bad.js');
  assert.deepEqual(model.operations, []);
  assert.equal(model.diagnostics.length, 1);
  assert.equal(model.diagnostics[0].code, 'parse-error');
  assert.equal(model.diagnostics[0].at?.line, 4);
});

test('a file without doc comments gives an empty model', () => {
  const model = readSourceDocs('/** just docs */\nrouter.get("/x", h);', 'plain.js');
  assert.deepEqual(model, { operations: [], schemas: {}, schemaSources: {}, securitySchemes: {}, tags: [], diagnostics: [] });
});
