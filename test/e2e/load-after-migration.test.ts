// Small CommonJS apps in the shapes real code takes (requires below the router, `var app = module.exports =
// express()`, factories, routes on a parameter), migrated with default options and then actually loaded:
// each must `require` without a ReferenceError and answer its requests exactly as before.
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';
import { linkDependencies } from '../helpers/legacy-app.js';

interface AppCase {
  name: string;
  files: Record<string, string>;
  /** How the probe gets the app from the entry module: module.exports, a named export, or a factory call. */
  get: 'module' | 'exports.app' | 'factory';
  /** [method, path] requests whose answers must not change. */
  requests: Array<[string, string]>;
  /** What the migration must have produced (a shape, checked on the text). */
  expect: Array<[file: string, pattern: RegExp]>;
}

const cases: AppCase[] = [
  {
    name: 'router above the other requires',
    files: {
      'app.js': "const express = require('express');\nconst app = express();\nconst users = require('./routes/users');\napp.use('/users', users);\nmodule.exports = app;\n",
      'routes/users.js': "const express = require('express');\nconst router = express.Router();\nconst data = require('../data');\n\nrouter.get('/', (req, res) => res.json(data.users));\nrouter.get('/:id', function (req, res) { res.json(data.users[req.params.id] || null); });\n\nmodule.exports = router;\n",
      'data.js': "module.exports = { users: [{ name: 'ada' }] };\n",
    },
    get: 'module',
    requests: [['GET', '/users'], ['GET', '/users/0'], ['GET', '/nope']],
    expect: [['routes/users.js', /^const express = require\('express'\);\nconst \{ typed, legacy \} = require\('migrate-api\/compat'\);\n\nconst router = typed\(/]],
  },
  {
    name: 'var app = module.exports = express(), above other requires',
    files: {
      'app.js': "'use strict';\nvar express = require('express');\nvar app = module.exports = express();\nvar helper = require('./helper');\napp.get('/a', function (req, res) { res.json({ a: helper() }); });\n",
      'helper.js': 'module.exports = () => 1;\n',
    },
    get: 'module',
    requests: [['GET', '/a'], ['POST', '/a']],
    expect: [['app.js', /var app = module\.exports = typed\(express\(\), \{[^\n]*\}\);\n[^\n]*\napp\.get\('\/a', \{\}, legacy\(/]],
  },
  {
    name: 'module.exports = app = express()',
    files: { 'app.js': "const express = require('express');\nlet app;\nmodule.exports = app = express();\napp.get('/c', (req, res) => res.json({ c: 1 }));\n" },
    get: 'module',
    requests: [['GET', '/c']],
    expect: [['app.js', /\napp\.get\('\/c', \{\}, legacy\(/]],
  },
  {
    name: 'exports.app = express()',
    files: { 'app.js': "const express = require('express');\nexports.app = express();\nexports.app.get('/d', (req, res) => res.json({ d: 1 }));\n" },
    get: 'exports.app',
    requests: [['GET', '/d']],
    expect: [['app.js', /exports\.app = typed\(express\(\), \{ validation: 'report', title/], ['app.js', /\nexports\.app\.get\('\/d', \{\}, legacy\(/]],
  },
  {
    name: 'a factory creates the app',
    files: { 'app.js': "const express = require('express');\nmodule.exports = createApp;\nfunction createApp() {\n  const app = express();\n  app.get('/e', (req, res) => res.json({ e: 1 }));\n  return app;\n}\n" },
    get: 'factory',
    requests: [['GET', '/e']],
    expect: [['app.js', /^const express = require\('express'\);\nconst \{ typed, legacy \} = require\('migrate-api\/compat'\);\n\nmodule\.exports = createApp;/]],
  },
  {
    name: 'routes on a parameter: one typed copy per file',
    files: {
      'app.js': "const express = require('express');\nconst mount = require('./routes');\nconst app = express();\nmount(app);\nmodule.exports = app;\n",
      'routes.js': "module.exports = function (app) {\n  app.get('/g', (req, res) => res.json({ g: 1 }));\n  app.post('/g', (req, res) => res.json({ g: 2 }));\n};\n",
    },
    get: 'module',
    requests: [['GET', '/g'], ['POST', '/g']],
    expect: [['routes.js', /\{\n  const api = typed\(app, \{ validation: 'report' \}\);\n  api\.get\('\/g', \{\}, legacy\([^\n]*\n  api\.post\('\/g', \{\}, legacy\(/]],
  },
  {
    name: 'a local `apiDocs` in the setup function does not meet the imported one',
    files: {
      'app.js': "const express = require('express');\n\nfunction setup() {\n  const app = express();\n  const apiDocs = require('./openapi.json');\n  app.get('/spec', (req, res) => res.json(apiDocs.info));\n  app.get('/items/:id', (req, res) => {\n    res.json({ id: req.params.id });\n  });\n  return app;\n}\n\nmodule.exports = setup;\n",
      'openapi.json': JSON.stringify({
        openapi: '3.0.0', info: { title: 'H', version: '1.0.0' },
        components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'x-key' } } },
        paths: { '/items/{id}': { get: { summary: 'One item', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok' } } } } },
      }),
    },
    get: 'factory',
    requests: [['GET', '/spec'], ['GET', '/items/7']],
    expect: [['app.js', /const \{ apiDocs: apiDocsSchema \} = require\('\.\/api-schemas\.cjs'\);[\s\S]*legacyDocs: apiDocsSchema \}\);\n  const apiDocs = require/]],
  },
  {
    name: 'the file has its own `typed` and `reply`',
    files: {
      'app.js': "const express = require('express');\nconst { typed } = require('./typed');\n\nconst app = express();\napp.get('/t', (req, res) => res.json(typed(1)));\n\nfunction reply(x) { return x; }\napp.get('/r', (req, res) => res.json(reply(2)));\nmodule.exports = app;\n",
      'typed.js': 'exports.typed = (v) => ({ typed: v });\n',
    },
    get: 'module',
    requests: [['GET', '/t'], ['GET', '/r']],
    expect: [['app.js', /const \{ typed: migrateTyped, legacy \} = require\('migrate-api\/compat'\);\n\nconst app = migrateTyped\(express\(\)/]],
  },
];

const probe = `
const http = require('node:http');
const [entry, get, requests] = [process.argv[1], process.argv[2], JSON.parse(process.argv[3])];
const m = require(entry);
const app = get === 'factory' ? m() : get === 'exports.app' ? m.app : m;
const server = http.createServer(app).listen(0, async () => {
  const out = [];
  for (const [method, path] of requests) {
    const res = await fetch('http://127.0.0.1:' + server.address().port + path, { method });
    out.push([method, path, res.status, res.headers.get('content-type'), await res.text()]);
  }
  server.close();
  console.log(JSON.stringify(out));
});
`;

function answers(dir: string, c: AppCase): unknown {
  return JSON.parse(execFileSync(process.execPath, ['-e', probe, join(dir, 'app.js'), c.get, JSON.stringify(c.requests)], { cwd: dir, encoding: 'utf8' }));
}

for (const c of cases) {
  test(`loads and answers as before after a migration: ${c.name}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-api-load-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'load-case', version: '1.0.0', dependencies: { express: '^5.1.0' } }));
      for (const [file, text] of Object.entries(c.files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      await linkDependencies(dir);
      const before = answers(dir, c);
      const { writes } = await migrateProject(dir);
      for (const w of writes) if (!w.file.endsWith('package.json')) writeFileSync(w.file, w.after);
      for (const [file, pattern] of c.expect) {
        const w = writes.find((x) => x.file === join(dir, file));
        assert.ok(w, `${file} was rewritten`);
        assert.match(w.after, pattern, `${file}:\n${w.after}`);
      }
      assert.deepEqual(answers(dir, c), before);
      const again = await migrateProject(dir);
      assert.deepEqual(again.writes.map((w) => w.file), [], 'a second run changes nothing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

// ts-node and ts-jest compile each .ts file as it is required and leave resolution to Node: `'./api-schemas.js'`
// names no file there. This hook does the same (transpile on require), so the test sees what they would.
const tsProbe = `
const ts = require(process.argv[2]);
require.extensions['.ts'] = (m, filename) => {
  const src = require('node:fs').readFileSync(filename, 'utf8');
  m._compile(ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, esModuleInterop: true, target: ts.ScriptTarget.ES2022 } }).outputText, filename);
};
const app = require(process.argv[1]).default;
const server = require('node:http').createServer(app).listen(0, async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/users/1');
  console.log(JSON.stringify([res.status, await res.text()]));
  server.close();
});
`;

test('a CommonJS TypeScript app that imports without extensions gets extensionless imports, and still loads', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-api-load-ts-'));
  try {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'ts-cjs', version: '1.0.0', dependencies: { express: '^5.1.0' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', esModuleInterop: true, strict: true } }),
      'src/app.ts': "import express from 'express';\nimport { users } from './routes/users';\n\nconst app = express();\napp.use('/users', users);\nexport default app;\n",
      'src/routes/users.ts': "import { Router } from 'express';\nimport { find } from '../store';\n\nexport const users = Router();\nusers.get('/:id', (req, res) => {\n  res.json(find(req.params.id));\n});\n",
      'src/store.ts': "export function find(id: string) {\n  return { id, name: 'ada' };\n}\n",
      'openapi.json': JSON.stringify({
        openapi: '3.0.0', info: { title: 'T', version: '1.0.0' },
        components: { schemas: { User: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } } } },
        paths: { '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } } } },
      }),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    await linkDependencies(dir);
    const typescript = join(import.meta.dirname, '../../node_modules/typescript');
    const load = () => execFileSync(process.execPath, ['-e', tsProbe, join(dir, 'src/app.ts'), typescript], { cwd: dir, encoding: 'utf8' });
    const before = load();
    const { writes } = await migrateProject(dir);
    for (const w of writes) if (!w.file.endsWith('package.json')) writeFileSync(w.file, w.after);
    const users = writes.find((w) => w.file === join(dir, 'src/routes/users.ts'));
    assert.match(users?.after ?? '', /^import \{ User \} from '\.\.\/api-schemas';$/m);
    assert.equal(load(), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
