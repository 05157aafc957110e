// The report-mode invariant over real HTTP: a small CommonJS app is migrated with default options (report mode,
// MA003 on), and the original and the migrated app answer the same requests with the same status and bytes, on
// Express 4 and 5: bodies with keys the docs do not list (top level and nested), query values the schema coerces,
// a POST without a body, a handler answering from its database's node-style callback (rules/callback-send.ts: an
// error, the rows, and a throw out of the call itself). The migrated handlers must really be typed, or the test
// proves nothing.
// Needs `npm run build` (the app requires migrate-api/compat from dist/, as an installed app would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkDependencies, repoRoot } from '../../examples/app-copy.js';
import { migrateProject } from '../../codemods/migrate.js';
import { listen } from '../compat/helpers.js';

const ROUTES = `const express = require('express');

const router = express.Router();

/**
 * @openapi
 * /api/login:
 *   post:
 *     requestBody:
 *       content:
 *         application/json:
 *           schema:
 *             type: object
 *             properties:
 *               password: { type: string }
 *               profile:
 *                 type: object
 *                 properties:
 *                   name: { type: string }
 *     responses:
 *       200:
 *         description: what was sent
 */
router.post('/login', (req, res) => res.json({ received: req.body }));

/**
 * @openapi
 * /api/echo:
 *   post:
 *     requestBody:
 *       content:
 *         application/json:
 *           schema:
 *             type: object
 *             properties:
 *               password: { type: string }
 *     responses:
 *       200:
 *         description: what was sent
 */
router.post('/echo', (req, res) => res.json(req.body));

/**
 * @openapi
 * /api/items/{id}:
 *   get:
 *     parameters:
 *       - { in: path, name: id, required: true, schema: { type: string } }
 *       - { in: query, name: page, schema: { type: integer } }
 *     responses:
 *       200:
 *         description: the item
 */
router.get('/items/:id', (req, res) => {
  res.json({ id: req.params.id, next: Number(req.query.page) + 1 });
});

/**
 * @openapi
 * /api/legacy/{n}:
 *   get:
 *     parameters:
 *       - { in: path, name: n, required: true, schema: { type: integer } }
 *     responses:
 *       200:
 *         description: the raw value
 */
router.get('/legacy/:n', (req, res) => res.json({ n: req.params.n, type: typeof req.params.n }));

/**
 * @openapi
 * /api/rows:
 *   get:
 *     parameters:
 *       - { in: query, name: table, schema: { type: string } }
 *     responses:
 *       200:
 *         description: the rows
 */
router.get('/rows', (req, res) => {
  req.app.locals.db.all(req.query.table, (err, rows) => {
    if (err) {
      return res.send({ error_code: 'SERVER_ERROR', message: err.message });
    }
    res.send(rows);
  });
});

module.exports = router;
`;

const APP = `const express = require('express');
const routes = require('./routes');

const app = express();
// Injected as sqlite3's Database would be: node-style callbacks, called back later; a table name that is not a
// string throws before any I/O.
app.locals.db = {
  all(table, cb) {
    if (typeof table !== 'string') throw new TypeError('the table must be a string');
    setImmediate(() => (table === 'rides' ? cb(null, [{ id: 1 }]) : cb(new Error('no such table: ' + table))));
  },
};
app.use(express.json());
app.use('/api', routes);
// The thrown error reaches the app's own error middleware (express's default page would print the stack).
app.use((err, req, res, next) => res.status(500).json({ error: err.message, type: err.constructor.name }));
module.exports = app;
`;

interface Call { method: string; path: string; body?: unknown }
const CALLS: Call[] = [
  { method: 'POST', path: '/api/login', body: { username: 'ada', password: 'pw', extra: 1, profile: { name: 'Ada', age: 36 } } },
  { method: 'POST', path: '/api/login', body: { password: 7 } },
  { method: 'POST', path: '/api/login' },
  { method: 'POST', path: '/api/echo', body: { username: 'ada', password: 'pw' } },
  { method: 'POST', path: '/api/echo' },
  { method: 'GET', path: '/api/items/abc?page=4&debug=1' },
  { method: 'GET', path: '/api/items/007?page=x' },
  { method: 'GET', path: '/api/legacy/042' },
  { method: 'GET', path: '/api/rows?table=rides' },
  { method: 'GET', path: '/api/rows?table=nope' },
  { method: 'GET', path: '/api/rows' },
];

async function answers(app: (req: any, res: any) => void): Promise<string[]> {
  const server = await listen(app);
  try {
    const out: string[] = [];
    for (const c of CALLS) {
      const r = await fetch(server.url + c.path, {
        method: c.method,
        ...(c.body !== undefined ? { body: JSON.stringify(c.body), headers: { 'content-type': 'application/json' } } : {}),
      });
      out.push(`${c.method} ${c.path} -> ${r.status} ${r.headers.get('content-type')} ${await r.text()}`);
    }
    return out;
  } finally {
    await server.close();
  }
}

for (const major of ['4', '5']) {
  test(`report mode: typed handlers see and send what they did before (express ${major})`, async (t) => {
    assert.ok(existsSync(join(repoRoot, 'dist/compat/index.cjs')), 'run `npm run build` before this test');
    const dir = await mkdtemp(join(tmpdir(), `report-mode-${major}-`));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'report-mode-app', version: '1.0.0', dependencies: { express: `^${major}.0.0` } }));
    await writeFile(join(dir, 'routes.js'), ROUTES);
    await writeFile(join(dir, 'app.js'), APP);
    await linkDependencies(dir);

    const before = await answers(createRequire(join(dir, 'app.js'))('./app.js'));

    const { report, writes } = await migrateProject(dir);
    for (const w of writes) await writeFile(w.file, w.after);
    const routes = writes.find((w) => w.file.endsWith('routes.js'))!.after;
    // The rewrite this test is about happened: body and query handlers are typed, the coerced param is read raw.
    assert.match(routes, /\n\}, async \(\{ body \}\) => \(\{ received: body \}\)\);/);
    // A location sent whole is a reply of the value as it is: "no body" answers 200, a JSON Content-Type and no bytes,
    // as res.json(undefined) did (a bare return of undefined would be a 204).
    assert.match(routes, /\n\}, async \(\{ body \}\) => reply\(200, body\)\);/);
    assert.match(routes, /async \(\{ params, query \}\) => \{\n\s+return \{ id: params\.id, next: Number\(query\.page\) \+ 1 \};/);
    // The coerced param is sent as the raw string it was: typed, read raw from ctx.req.
    assert.match(routes, /async \(_input, \{ req \}\) => \(\{ n: req\.params\.n/);
    // The callback's sends are resolve(<reply>) of a Promise the handler returns.
    assert.match(routes, /async \(\{ query \}, \{ req \}\) => \{\n\s+return new Promise\(\(resolve\) => req\.app\.locals\.db\.all\(query\.table, \(err, rows\) => \{/);
    assert.match(routes, /\n\s+resolve\(replySend\(200, rows\)\);\n\s+\}\)\);\n\}\);/);
    assert.deepEqual(report.routes.map((r) => r.status), ['typed', 'typed', 'typed', 'typed', 'typed']);

    const load = createRequire(join(dir, 'app.js'));
    // The original app is in require's cache: load the migrated files afresh.
    for (const f of ['app.js', 'routes.js']) delete load.cache[load.resolve(`./${f}`)];
    const after = await answers(load('./app.js'));
    assert.deepEqual(after, before);
    // And what enforce would change is what the report is for: the extra keys are still sent in report mode.
    assert.match(after[10]!, /-> 500 application\/json; charset=utf-8 \{"error":"the table must be a string","type":"TypeError"\}$/);
    assert.match(after[0]!, /\{"received":\{"username":"ada","password":"pw","extra":1,"profile":\{"name":"Ada","age":36\}\}\}/);
  });
}
