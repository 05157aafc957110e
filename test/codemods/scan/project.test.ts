// Shapes of real Express code, each in a small temp tree, checked through scanProject's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { File } from '@babel/types';
import { linkProject, scanFile, scanProject, type FileScan, type ScanOptions } from '../../../codemods/scan/index.js';
import type { ScanResult } from '../../../codemods/plan.js';

function scanTree(files: Record<string, string>, opts?: ScanOptions): ScanResult {
  const root = mkdtempSync(join(tmpdir(), 'scan-project-'));
  try {
    for (const [p, c] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), c);
    }
    return scanProject(root, opts);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const routesOf = (s: ScanResult): string[] => s.routes.map((r) => `${r.method} ${r.openapiPath ?? `(${r.dynamic})`}`);
const codes = (s: ScanResult): string[] => s.diagnostics.map((d) => d.code);

test('calls that only look like routes are not routes', () => {
  const s = scanTree({
    'app.js': `const express = require('express');
const axios = require('axios');
const app = express();
const cache = new Map();
const api = axios.create({ baseURL: '/' });
axios.get('/remote', { params: {} });
api.post('/users', { name: 'x' });
cache.get('/key', () => 1);
app.get('env');
app.set('/x', 1);
app.get('/real', (req, res) => res.send(req.get('host')));
`,
  });
  assert.deepEqual(routesOf(s), ['get /real']);
});

test('module.exports = exports = router, export default class routes, named router exports', () => {
  const s = scanTree({
    'a.js': `const router = require('express').Router();\nrouter.get('/a', h);\nmodule.exports = exports = router;\n`,
    'b.ts': `import { Router } from 'express';\nexport const router = Router();\nrouter.put('/b', h);\n`,
    'c.ts': `import { Router } from 'express';\nexport default class C { router = Router(); constructor() { this.router.post('/c', this.create); } create = () => {}; }\n`,
    'main.ts': `import express from 'express';\nimport a from './a.js';\nimport { router as b } from './b.js';\nimport C from './c.js';\nconst app = express();\napp.use('/a', a);\napp.use('/b', b);\napp.use('/c', new C().router);\n`,
  });
  assert.deepEqual(routesOf(s), ['get /a/a', 'put /b/b', 'post /c/c']);
  const c = s.routes.find((r) => r.method === 'post')!;
  assert.equal(c.handler.definedAt?.line, 2);
  assert.ok(c.handler.definedAt?.file.endsWith('c.ts'));
});

test('prefix constants, several routers in one use(), a middleware call before the router', () => {
  const s = scanTree({
    'app.js': `const express = require('express');
const { API } = require('./config');
const users = express.Router(); users.get('/u', h);
const posts = express.Router(); posts.get('/p', h);
const other = express.Router(); other.get('/o', h);
const app = express();
app.use(API, users);
app.use(users, posts);
app.use(helmet(), other);
`,
    'config.js': `module.exports = { API: '/api' };\n`,
  });
  assert.deepEqual(s.mounts.map((m) => `${m.parent.name} ${m.prefix} ${m.child?.name}`), ['app /api users', 'app  posts', 'app  users', 'app  other']);
  // users is mounted twice: under /api (first) and at the root.
  assert.deepEqual(routesOf(s), ['get /api/u', 'get /p', 'get /o']);
  assert.deepEqual(s.routes[0].alternatePaths, ['/u']);
  assert.deepEqual(codes(s), ['multiple-mounts']);
});

test('mount loops over literal arrays resolve per element; unresolvable ones are reported', () => {
  const s = scanTree({
    'app.js': `const express = require('express');
const a = express.Router(); a.get('/x', h);
const b = express.Router(); b.get('/y', h);
const c = express.Router(); c.get('/z', h);
const routes = [{ path: '/a', router: a }, { path: '/b', router: b }];
const app = express();
for (const r of routes) app.use(r.path, r.router);
getRouters().forEach((r) => app.use('/dyn', r));
`,
  });
  assert.deepEqual(routesOf(s), ['get /a/x', 'get /b/y', 'get /z']);
  assert.deepEqual(codes(s), ['dynamic-route']);
  assert.equal(s.diagnostics[0].at?.line, 8);
});

test('mount cycles terminate', () => {
  const s = scanTree({
    'app.js': `const { Router } = require('express');\nconst a = Router(); const b = Router();\na.use('/b', b); b.use('/a', a);\nb.get('/x', h);\n`,
  });
  assert.equal(s.routes.length, 1);
  assert.equal(s.routes[0].method, 'get');
});

test('a relative import that names no file is reported at the mount', () => {
  const s = scanTree({ 'app.js': `const app = require('express')();\napp.use('/x', require('./missing'));\n` });
  assert.deepEqual(s.diagnostics.map((d) => `${d.code}:${d.at?.line}`), ['unresolved-import:2']);
  assert.deepEqual(s.mounts.map((m) => [m.at.line, m.parent.name, m.prefix, m.child]), [[2, 'app', '/x', null]]);
});

test('files option, onFile sees each AST once, parsed keeps them only when asked', () => {
  const seen: string[] = [];
  const parsed = new Map<string, File>();
  const s = scanTree(
    { 'a.js': `require('express')().get('/a', h);\n`, 'b.js': `const x = ;\n`, 'c.js': '' },
    { files: ['a.js', 'b.js'], onFile: (f, code, ast) => { seen.push(f); assert.equal(ast.type, 'File'); assert.ok(code.length > 0); }, parsed },
  );
  assert.equal(s.files.length, 2);
  assert.deepEqual(seen.map((f) => f.slice(-4)), ['a.js']);
  assert.deepEqual([...parsed.keys()], seen);
  assert.deepEqual(codes(s), ['parse-error']);
  assert.match(s.diagnostics[0].at!.file, /b\.js$/);
  assert.equal(s.diagnostics[0].at!.line, 1);
});

test('scanFile without an AST parses, and reports a syntax error instead of throwing', () => {
  const bad = scanFile('router.get("/x", (req, res) => {', 'bad.js');
  assert.deepEqual(bad.diagnostics.map((d) => d.code), ['parse-error']);
  assert.equal(bad.routes.length, 0);
  const ok = scanFile(`import { Router } from 'express';\nconst r = Router();\nr.get('/x', h);\nexport { r as users };\nexport * from './more.js';\n`, 'ok.ts');
  assert.deepEqual(ok.routers.map((r) => `${r.name} ${r.kind} ${r.created}`), ['r router Router()']);
  assert.deepEqual([...ok.exports.entries()], [['users', { k: 'local', name: 'r' }]]);
  assert.deepEqual(ok.starExports, ['./more.js']);
  assert.deepEqual(ok.routes.map((r) => `${r.method} ${r.at.line}:${r.at.col}`), ['get 3:1']);
});

test('the route location is the receiver start, so a multi-line call keeps the line of its first token', () => {
  const s = scanTree({ 'app.js': `const app = require('express')();\n\napp\n  .post(\n    '/x',\n    auth,\n    h\n  );\n` });
  assert.deepEqual(s.routes.map((r) => [r.at.line, r.at.col, r.middleware]), [[3, 1, ['auth']]]);
});

test('a function that registers routes on its parameter gets the router its callers pass', () => {
  const s = scanTree({
    'server.js': `const express = require('express');
const setupLegacy = require('./legacy');
const app = express();
const api = express.Router();
app.use('/api', api);
setupLegacy(api);
require('./plain')(app);
`,
    'legacy.js': `module.exports = function (router) {\n  router.get('/old', h);\n  router.del('/old/:id', h);\n  nested(router);\n};\nfunction nested(r) { r.post('/nested', h); }\n`,
    'plain.js': `module.exports = (app) => app.get('/plain', h);\n`,
    'orphan.js': `module.exports = (app) => { app.put('/orphan', h); };\n`,
  });
  assert.deepEqual(routesOf(s), ['get /api/old', 'delete /api/old/{id}', 'post /api/nested', 'put /orphan', 'get /plain']);
  assert.deepEqual(s.diagnostics.map((d) => `${d.code} ${d.message}`), [
    'unresolved-router `app` is not created in this file (a parameter no call passes a router to); its routes are assumed mounted at /',
  ]);
});

test('TypeScript `import x = require()` and `export =`', () => {
  const s = scanTree({
    'app.ts': `import express = require('express');\nimport users = require('./users');\nconst app = express();\napp.use('/users', users);\n`,
    'users.ts': `import express = require('express');\nconst router = express.Router();\nrouter.get('/:id', h);\nexport = router;\n`,
  });
  assert.deepEqual(routesOf(s), ['get /users/{id}']);
});

test('a router that is named and exported in one statement is one router', () => {
  const s = scanTree({
    'app.js': `const app = require('express')();\napp.use('/a', require('./a'));\napp.use('/b', require('./b').b);\napp.use('/c', require('./c'));\n`,
    'a.js': `const router = module.exports = require('express').Router();\nrouter.get('/x', h);\n`,
    'b.js': `const b = exports.b = require('express').Router();\nb.get('/y', h);\n`,
    'c.js': `let router;\nmodule.exports = router = require('express').Router();\nrouter.get('/z', h);\n`,
  });
  assert.deepEqual(routesOf(s), ['get /a/x', 'get /b/y', 'get /c/z']);
  assert.equal(s.routers.length, 4);
});

test('`exports.app = express()` is an app, and `exports.app.get(...)` its route', () => {
  const s = scanTree({ 'app.js': `const express = require('express');\nexports.app = express();\nexports.app.get('/d', h);\n` });
  assert.deepEqual(routesOf(s), ['get /d']);
  assert.deepEqual(s.routers.map((r) => [r.name, r.kind]), [['exports.app', 'app']]);
});

test('`typed` imported under an alias still wraps a router the scan follows (a second run after a name clash)', () => {
  const s = scanTree({
    'app.js': `const express = require('express');\nconst { typed: migrateTyped } = require('migrate-api/compat');\nconst app = migrateTyped(express());\napp.use('/a', require('./a'));\n`,
    'a.js': `import { Router } from 'express';\nimport { typed as t2 } from 'migrate-api/compat';\nconst router = t2(Router());\nrouter.get('/x', {}, h);\nexport default router;\n`,
  });
  assert.deepEqual(routesOf(s), ['get /a/x']);
  assert.deepEqual(s.routers.map((r) => r.kind).sort(), ['app', 'router']);
});

test('scanFile + linkProject (the worker-thread split) gives what scanProject gives', async () => {
  const files: Record<string, string> = {
    'app.js': `const app = require('express')();\napp.use('/u', require('./u'));\n`,
    'u.js': `const r = require('express').Router();\nr.get('/:id', require('./c').show);\nmodule.exports = r;\n`,
    'c.js': `exports.show = (req, res) => res.end();\n`,
    'bad.js': `const = 1;\n`,
  };
  const root = mkdtempSync(join(tmpdir(), 'scan-link-'));
  try {
    for (const [p, c] of Object.entries(files)) writeFileSync(join(root, p), c);
    const whole = scanProject(root);
    const scans = new Map<string, FileScan>();
    const diagnostics = [];
    for (const f of whole.files) {
      // A structured clone stands in for the trip back from a worker.
      const fs = structuredClone(scanFile(readFileSync(f, 'utf8'), f));
      if (fs.diagnostics.some((d) => d.code === 'parse-error')) diagnostics.push(...fs.diagnostics);
      else scans.set(f, fs);
    }
    assert.deepEqual(linkProject(root, whole.files, scans, diagnostics), whole);
    assert.equal(whole.routes[0].fullPath, '/u/:id');
    assert.ok(whole.routes[0].handler.definedAt?.file.endsWith('c.js'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a single file as the root scans that file, rooted at its directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'scan-one-'));
  try {
    writeFileSync(join(root, 'users.js'), `const r = require('express').Router();\nr.get('/:id', h);\nmodule.exports = r;\n`);
    writeFileSync(join(root, 'other.js'), `require('express')().get('/other', h);\n`);
    const s = scanProject(join(root, 'users.js'));
    assert.equal(s.root, root);
    assert.deepEqual(s.files, [join(root, 'users.js')]);
    assert.deepEqual(routesOf(s), ['get /{id}']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('`this.constructor`, `this.toString` and other Object.prototype names are not class members (no crash)', () => {
  const s = scanTree({
    'errors.js': `class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
    Error.captureStackTrace(this, this.constructor);
    this.label = this.toString();
  }
}
module.exports = ApiError;
`,
    'app.js': `const express = require('express');
const ApiError = require('./errors');
const app = express();
const handlers = { list: (req, res) => res.json([]) };
app.get('/items', handlers.constructor, handlers.list);
app.get('/fail', (req, res, next) => next(new ApiError(404, 'no')));
module.exports = app;
`,
  });
  assert.deepEqual(routesOf(s), ['get /items', 'get /fail']);
});
