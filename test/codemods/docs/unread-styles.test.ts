// Doc comments in the comment languages of express-jsdoc-swagger and express-swagger-generator are not read:
// the run must say so, once per file and style, at the first such comment (manabie-com/togo's 5 documented
// routes came out "undocumented" without a word before this).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeProject } from '../../../codemods/analyze.js';
import { findUnreadDocs, operationKey, unreadDocsWarnings } from '../../../codemods/docs/unread-styles.js';
import { parseSource } from '../../../codemods/parse.js';

const JSDOC_SWAGGER = `const router = require('express').Router();

/**
 * A shelf
 * @typedef {object} Shelf
 * @property {string} label.required - its label
 */

/**
 * POST /shelves
 * @summary Add a shelf
 * @param {Shelf} request.body.required - the shelf
 * @return {Shelf} 201 - created - application/json
 */
router.post('/shelves', (req, res) => res.status(201).json(req.body));

/**
 * GET /shelves/{id}
 * @param {string} id.path.required - which one
 * @return {Shelf} 200 - the shelf
 */
router.get('/shelves/:id', (req, res) => res.json({ label: req.params.id }));

module.exports = router;
`;

const SWAGGER_GENERATOR = `const router = require('express').Router();
/**
 * Finds lamps.
 * @route GET /lamps
 * @group lamps - lighting
 * @param {string} colour.query.required - which colour
 * @returns {object} 200 - the lamps
 */
router.get('/lamps', (req, res) => res.json([]));
module.exports = router;
`;

/** apiDoc, in the shapes public apps write it: a lower- or upper-case method, a whole URL, a title after the path. */
const APIDOC = `const router = require('express').Router();
/**
 * @apiGroup Drug
 * @api {GET} /api/drugs Get all drugs
 * @apiName GetAllDrug
 */
router.get('/api/drugs', (req, res) => res.json([]));
/**
 * @api {get} /api/drugs/:id Get one drug
 * @apiParam {Number} id the drug's id
 * @apiSuccess {String} name its name
 */
router.get('/api/drugs/:id', (req, res) => res.json({ name: 'x' }));
/**
 * @api {post} http://localhost:4000/api/drugs/news Add drugs
 */
router.post('/api/drugs/news', (req, res) => res.status(201).end());
/**
 * @apiDefine DrugNotFoundError
 * @apiError DrugNotFound no such drug
 */
module.exports = router;
`;

/** Prose that looks like an operation, in plain JSDoc: not a generator's comment. */
const PLAIN = `/**
 * GET /notes - lists the notes
 * @param req the request
 * @param res the response
 */
function list(req, res) { res.json([]); }
/**
 * @openapi
 * /notes:
 *   get:
 *     responses: { 200: { description: ok } }
 */
/**
 * @route POST /notes
 * @desc Create a note
 * @access Private
 */
function create(req, res) { res.status(201).json(req.body); }
/**
 * POST /notes/upload
 *
 * @route POST /notes/upload
 * @param {Object} req.body - the upload
 * @param {Object} res - the response
 * @returns {Promise<void>}
 */
async function upload(req, res) { res.end(); }
module.exports = { list, create, upload };
`;

function warnings(code: string, file = 'routes.js', documented = new Set<string>()) {
  const parsed = parseSource(code, file);
  assert.ok('ast' in parsed);
  return unreadDocsWarnings(findUnreadDocs(parsed.ast, code, file), (key) => documented.has(key));
}

test('express-jsdoc-swagger comments: one warning at the first operation, counting them', () => {
  const found = warnings(JSDOC_SWAGGER);
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'doc-source-unread');
  assert.equal(found[0].severity, 'warning');
  assert.deepEqual(found[0].at, { file: 'routes.js', line: 9, col: 1 });
  assert.match(found[0].message, /^2 express-jsdoc-swagger doc comments \(POST \/shelves, GET \/shelves\/\{id\}\) not read/);
  assert.match(found[0].message, /--spec/);
});

test('operations another source documents are left out of the warning; none left, no warning', () => {
  const some = warnings(JSDOC_SWAGGER, 'routes.js', new Set(['POST /shelves']));
  assert.equal(some.length, 1);
  assert.match(some[0].message, /^1 of 2 express-jsdoc-swagger doc comments \(GET \/shelves\/\{id\}\) not read/);
  assert.deepEqual(warnings(JSDOC_SWAGGER, 'routes.js', new Set(['POST /shelves', 'GET /shelves/{id}'])), []);
});

test('a comment writing the path as the code does, regex and all, is documented by the spec\'s template', () => {
  // The key reads paths with the codemods' one converter: `:id(\\d+)` is `{id}`, as in the scan and the docs
  // readers; before, the key kept `(\\d+)` and the operation was reported unread though a --spec documents it
  const code = JSDOC_SWAGGER.replace('GET /shelves/{id}', 'GET /shelves/:id(\\d+)/');
  assert.deepEqual(warnings(code, 'routes.js', new Set(['POST /shelves', 'GET /shelves/{id}'])), []);
  assert.equal(operationKey('get', '/shelves/:id(\\d+)/'), 'GET /shelves/{id}');
  assert.equal(operationKey('get', '/shelves/{id}/'), 'GET /shelves/{id}');
  assert.equal(operationKey('get', '/shelves/:id?'), 'GET /shelves/{id}');
});

test('express-swagger-generator comments: @route is the operation', () => {
  const found = warnings(SWAGGER_GENERATOR);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].at, { file: 'routes.js', line: 2, col: 1 });
  assert.match(found[0].message, /^1 express-swagger-generator doc comment \(GET \/lamps\) not read/);
  assert.match(found[0].message, /api-docs\.json/);
});

test('apiDoc comments: @api {method} path is the operation, a whole URL read for its path; @apiDefine blocks are not operations', () => {
  const found = warnings(APIDOC);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].at, { file: 'routes.js', line: 2, col: 1 });
  assert.match(found[0].message, /^3 apidoc doc comments \(GET \/api\/drugs, GET \/api\/drugs\/:id, POST \/api\/drugs\/news\) not read/);
  assert.match(found[0].message, /apidoc-openapi/);
  assert.deepEqual(warnings(APIDOC, 'routes.js', new Set(['GET /api/drugs', 'GET /api/drugs/{id}', 'POST /api/drugs/news'])), [], 'a --spec documenting them quiets it');
});

test('plain JSDoc prose, the @route/@desc/@access convention and @openapi blocks are not flagged', () => {
  assert.deepEqual(warnings(PLAIN), []);
});

const SPEC = JSON.stringify({
  openapi: '3.0.0', info: { title: 'lamps', version: '1' },
  paths: { '/lamps': { get: { parameters: [{ name: 'colour', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the lamps' } } } } },
});

test('in a tree: a warning per file at its first comment, the routes undocumented; a --spec of the served document quiets its file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unread-styles-'));
  try {
    writeFileSync(join(dir, 'shelves.js'), JSDOC_SWAGGER);
    writeFileSync(join(dir, 'lamps.js'), SWAGGER_GENERATOR);
    const name = (file = '') => file.slice(dir.length + 1);
    const alone = await analyzeProject(dir);
    const unread = alone.diagnostics.filter((d) => d.code === 'doc-source-unread');
    assert.deepEqual(unread.map((d) => [name(d.at?.file), d.at?.line]).sort(), [['lamps.js', 2], ['shelves.js', 9]]);
    assert.equal(alone.scan.routes.length, 3);
    assert.equal(alone.docs.operations.length, 0);

    const spec = join(mkdtempSync(join(tmpdir(), 'unread-styles-spec-')), 'served.json');
    writeFileSync(spec, SPEC);
    const withSpec = await analyzeProject(dir, { specs: [spec] });
    assert.deepEqual(withSpec.diagnostics.filter((d) => d.code === 'doc-source-unread').map((d) => name(d.at?.file)), ['shelves.js']);
    assert.equal(withSpec.docs.operations.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
