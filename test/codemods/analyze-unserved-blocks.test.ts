// Two documents of one operation: the served api.yaml (server.js loads it and hands it to swaggerUi.setup) and the
// doc blocks of a server2.js that no swagger-jsdoc `apis` glob reads (its own options read server.js only). The
// served one is kept, and its info; the blocks and the idle options were, being read first (ddthilindra/Node-Unit-Test-And-Swagger
// lost 24 facts so).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyzeProject } from '../../codemods/analyze.js';

const SERVER2_BLOCK = `/**
 * @openapi
 * /users:
 *   get:
 *     summary: Old list of users
 *     responses:
 *       200:
 *         description: users
 */
app.get('/users', (req, res) => res.json([]));
`;

function tree(apis: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'users', version: '1.0.0', main: 'server.js', dependencies: { express: '^4.18.2', yamljs: '^0.3.0', 'swagger-jsdoc': '^6.2.8', 'swagger-ui-express': '^4.6.2' } }),
    'api.yaml': `openapi: 3.0.0
info: { title: User API, version: 1.0.11 }
paths:
  /users:
    get:
      summary: List the users
      tags: [Users]
      responses:
        '200': { description: the users }
`,
    'server.js': `const express = require('express');
const swaggerUI = require('swagger-ui-express');
const YAML = require('yamljs');
const doc = YAML.load('./api.yaml');

const app = express();
app.use('/api-docs', swaggerUI.serve, swaggerUI.setup(doc));
app.use('/', require('./routes'));
module.exports = app;
`,
    'routes/index.js': `const router = require('express').Router();
router.get('/users', (req, res) => res.json([]));
module.exports = router;
`,
    'server2.js': `const express = require('express');
const swaggerJsDoc = require('swagger-jsdoc');
const swaggerUI = require('swagger-ui-express');

const app = express();
const specs = swaggerJsDoc({ definition: { openapi: '3.0.0', info: { title: 'Old', version: '1.0.0' } }, apis: [${apis}] });
app.use('/api-docs', swaggerUI.serve, swaggerUI.setup(specs));

${SERVER2_BLOCK}`,
  };
}

async function usersDoc(apis: string) {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-api-unserved-'));
  try {
    for (const [f, text] of Object.entries(tree(apis))) { mkdirSync(dirname(join(dir, f)), { recursive: true }); writeFileSync(join(dir, f), text); }
    const a = await analyzeProject(dir);
    const ops = a.docs.operations.filter((o) => o.method === 'get' && o.path === '/users');
    const dup = a.docs.diagnostics.filter((d) => d.code === 'duplicate-operation').map((d) => `${d.at?.file.slice(dir.length + 1)}:${d.at?.line} ${d.message.replace(dir + '/', '')}`);
    return { title: a.docs.info?.title, summaries: ops.map((o) => o.operation.summary), dup };
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('doc blocks no apis glob reads, and options whose apis read none, come after the served spec file', async () => {
  assert.deepEqual(await usersDoc("'server.js'"), {
    title: 'User API',
    summaries: ['List the users'],
    dup: ['server2.js:12 GET /users is documented twice (first at api.yaml:5); this one is ignored'],
  });
});

test('doc blocks an apis glob reads keep their place (first read, first kept)', async () => {
  assert.deepEqual(await usersDoc("'server*.js'"), {
    title: 'Old',
    summaries: ['Old list of users'],
    dup: ['api.yaml:5 GET /users is documented twice (first at server2.js:12); this one is ignored'],
  });
});
