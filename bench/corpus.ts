// A generated corpus of realistic Express route files for the codemod benchmark: CommonJS routers
// with 4-8 routes each, most documented with swagger-jsdoc @openapi blocks, middleware chains,
// controller handlers and inline async handlers, plus an index.js that mounts them all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32) so every run measures the same corpus. */
function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOUNS = ['user', 'order', 'invoice', 'product', 'ticket', 'project', 'comment', 'team', 'payment', 'shipment'];

function routeFile(i: number, rand: () => number): string {
  const noun = NOUNS[i % NOUNS.length];
  const Noun = noun[0].toUpperCase() + noun.slice(1);
  const routes: string[] = [];
  const count = 4 + Math.floor(rand() * 5);
  const shapes = [
    (doc: boolean) => `${doc ? `/**
 * @openapi
 * /${noun}s${i}:
 *   get:
 *     summary: List ${noun}s
 *     tags: [${Noun}s]
 *     parameters:
 *       - in: query
 *         name: page
 *         schema: { type: integer, minimum: 1, default: 1 }
 *       - in: query
 *         name: active
 *         schema: { type: boolean }
 *     responses:
 *       200:
 *         description: A page of ${noun}s
 *         content:
 *           application/json:
 *             schema:
 *               type: array
 *               items: { $ref: '#/components/schemas/${Noun}${i}' }
 */
` : ''}router.get('/', auth, async (req, res) => {
  const page = Number(req.query.page || 1);
  res.json(await store.list('${noun}', page));
});`,
    (doc: boolean) => `${doc ? `/**
 * @openapi
 * /${noun}s${i}/{id}:
 *   get:
 *     summary: Get one ${noun}
 *     parameters:
 *       - in: path
 *         name: id
 *         required: true
 *         schema: { type: integer }
 *     responses:
 *       200:
 *         description: The ${noun}
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/${Noun}${i}' }
 *       404:
 *         description: Not found
 */
` : ''}router.get('/:id', controller.get${Noun});`,
    (doc: boolean) => `${doc ? `/**
 * @openapi
 * /${noun}s${i}:
 *   post:
 *     summary: Create a ${noun}
 *     requestBody:
 *       required: true
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/New${Noun}${i}' }
 *     responses:
 *       201:
 *         description: Created
 *         content:
 *           application/json:
 *             schema: { $ref: '#/components/schemas/${Noun}${i}' }
 *       400:
 *         description: Invalid
 */
` : ''}router.post('/', auth, validate(schemas.create${Noun}), async (req, res, next) => {
  try {
    const created = await store.insert('${noun}', req.body);
    res.status(201).json(created);
  } catch (err) {
    next(err);
  }
});`,
    (doc: boolean) => `${doc ? `/**
 * @openapi
 * /${noun}s${i}/{id}:
 *   put:
 *     summary: Replace a ${noun}
 *     parameters:
 *       - in: path
 *         name: id
 *         required: true
 *         schema: { type: integer }
 *     requestBody:
 *       content:
 *         application/json:
 *           schema: { $ref: '#/components/schemas/New${Noun}${i}' }
 *     responses:
 *       200:
 *         description: Replaced
 */
` : ''}router.put('/:id', auth, controller.replace${Noun});`,
    (doc: boolean) => `${doc ? `/**
 * @openapi
 * /${noun}s${i}/{id}:
 *   delete:
 *     summary: Delete a ${noun}
 *     parameters:
 *       - in: path
 *         name: id
 *         required: true
 *         schema: { type: integer }
 *     responses:
 *       204:
 *         description: Deleted
 */
` : ''}router.delete('/:id', auth, asyncHandler(async (req, res) => {
  await store.remove('${noun}', req.params.id);
  res.sendStatus(204);
}));`,
  ];
  for (let r = 0; r < count; r++) routes.push(shapes[r % shapes.length](rand() < 0.85));
  const components = `/**
 * @openapi
 * components:
 *   schemas:
 *     ${Noun}${i}:
 *       type: object
 *       required: [id, name]
 *       properties:
 *         id: { type: integer, readOnly: true }
 *         name: { type: string, minLength: 1, maxLength: 120 }
 *         email: { type: string, format: email }
 *         status: { type: string, enum: [active, archived] }
 *         createdAt: { type: string, format: date-time, readOnly: true }
 *     New${Noun}${i}:
 *       type: object
 *       required: [name]
 *       properties:
 *         name: { type: string, minLength: 1 }
 *         email: { type: string, format: email }
 */`;
  return `'use strict';
const express = require('express');
const { auth } = require('../middleware/auth');
const { validate } = require('../middleware/validate');
const asyncHandler = require('../lib/async-handler');
const store = require('../lib/store');
const schemas = require('../schemas');
const controller = require('../controllers/${noun}');

const router = express.Router();

${components}

${routes.join('\n\n')}

module.exports = router;
`;
}

/** Writes the corpus into dir/routes/*.js plus dir/index.js mounting them; returns the file count. */
export function writeCorpus(dir: string, files = 1000, seed = 42): number {
  const rand = rng(seed);
  mkdirSync(join(dir, 'routes'), { recursive: true });
  const mounts: string[] = [];
  for (let i = 0; i < files; i++) {
    const name = `${NOUNS[i % NOUNS.length]}s${i}`;
    writeFileSync(join(dir, 'routes', `${name}.js`), routeFile(i, rand));
    mounts.push(`app.use('/${name}', require('./routes/${name}'));`);
  }
  writeFileSync(join(dir, 'index.js'), `'use strict';
const express = require('express');
const app = express();
app.use(express.json());
${mounts.join('\n')}
module.exports = app;
`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-corpus', private: true, dependencies: { express: '^4.21.0' } }, null, 2) + '\n');
  return files + 1;
}
