// MA007 deletes a swagger-jsdoc options module nothing imports any more also when the app imported it through a
// tsconfig `paths` alias (`import { swaggerSpec } from "@/config/swagger"`), not only through a relative path; with
// it gone, swagger-jsdoc no longer runs, so the YAML doc comments and the package go too (ts-livros-zod-sqlite).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { finishProject, type FinishResult } from '../../../codemods/finish/index.js';

const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true, esModuleInterop: true, baseUrl: './', paths: { '@/*': ['./src/*'] } } }, null, 2),
  'package.json': JSON.stringify({
    name: 'library', version: '1.0.0',
    dependencies: { express: '^5.1.0', 'migrate-api': '^0.1.0', 'swagger-jsdoc': '^6.2.8', 'swagger-ui-express': '^5.0.1', zod: '^4.1.5' },
  }, null, 2) + '\n',
  'src/api-schemas.ts': `import { z } from "zod";

export const Book = z.object({ id: z.number().int(), title: z.string() }).meta({ id: "Book" });
`,
  'src/config/swagger.ts': `import swaggerJsdoc from "swagger-jsdoc";

export const swaggerOptions = {
  definition: { openapi: "3.0.0", info: { title: "Library", version: "1.0.0" } },
  apis: ["./src/routes/*.ts"],
};

export const swaggerSpec = swaggerJsdoc(swaggerOptions);
`,
  'src/app.ts': `import express from "express";
import swaggerUi from "swagger-ui-express";
import { swaggerSpec } from "@/config/swagger";
import books from "@/routes/books";
import { typed } from "migrate-api/compat";

const app = typed(express(), { validation: "report", title: "Library", version: "1.0.0" });

app.use("/books", books);
app.use("/api-docs", swaggerUi.serve, swaggerUi.setup(swaggerSpec));

export default app;
`,
  'src/routes/books.ts': `import { Router } from "express";
import { z } from "zod";
import { typed, legacy } from "migrate-api/compat";
import { Book } from "@/api-schemas";

const router = typed(Router(), { validation: "report" });

/**
 * @openapi
 * /books:
 *   get:
 *     summary: List books
 *     responses:
 *       200:
 *         description: The books
 */
router.get("/", {
  summary: "List books",
  responses: { 200: { description: "The books", schema: z.array(Book) } },
}, legacy((req, res) => { res.json([]); }));

export default router;
`,
};

/** Writes `files` to a temp folder, runs MA006 and MA007 there, and hands `check` the result and each file's text
 *  after it (null: deleted). */
async function finishedTree(files: Record<string, string>, check: (r: FinishResult, after: (f: string) => string | null) => void, target = '.') {
  const dir = mkdtempSync(join(tmpdir(), 'finish-ma007-alias-'));
  try {
    for (const [f, text] of Object.entries(files)) { mkdirSync(dirname(join(dir, f)), { recursive: true }); writeFileSync(join(dir, f), text); }
    const r = await finishProject(join(dir, target), { only: ['MA006', 'MA007'] });
    check(r, (f) => { const c = r.changes.find((x) => x.file === join(dir, f)); return c ? c.after : readFileSync(join(dir, f), 'utf8'); });
  } finally { rmSync(dir, { recursive: true, force: true }); }
}

test('MA007: a swagger-jsdoc options module imported through a tsconfig paths alias goes once nothing imports it', () =>
  finishedTree(FILES, (r, after) => {
    const ma007 = r.steps.find((s) => s.id === 'MA007')!;
    assert.equal(after('src/config/swagger.ts'), null, ma007.reasons.join('\n'));
    assert.ok(ma007.did.includes('src/config/swagger.ts: deleted (it only built the legacy document, and nothing imports it any more)'), ma007.did.join('\n'));
    assert.doesNotMatch(after('src/app.ts')!, /@\/config\/swagger|swagger-ui-express/);
    assert.doesNotMatch(after('src/routes/books.ts')!, /@openapi/);
    assert.doesNotMatch(after('package.json')!, /swagger-jsdoc|swagger-ui-express/);
    assert.deepEqual(ma007.reasons, []);
    assert.notEqual(after('src/api-schemas.ts'), null);
  }));

const CJS_FILES: Record<string, string> = {
  // A JavaScript app whose aliases tsconfig-paths/register resolves at run time.
  'tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true, baseUrl: './', paths: { '@/*': ['./src/*'] } } }, null, 2),
  'package.json': JSON.stringify({
    name: 'library', version: '1.0.0',
    dependencies: { express: '^5.1.0', 'migrate-api': '^0.1.0', 'swagger-jsdoc': '^6.2.8', zod: '^4.1.5' },
  }, null, 2) + '\n',
  'src/config/swagger.js': `const swaggerJsdoc = require('swagger-jsdoc');

module.exports = swaggerJsdoc({
  definition: { openapi: '3.0.0', info: { title: 'Library', version: '1.0.0' } },
  apis: ['./src/*.js'],
});
`,
  'src/app.js': `const express = require('express');
const swaggerSpec = require('@/config/swagger');
const { typed, legacy } = require('migrate-api/compat');

const app = typed(express(), { validation: 'report', title: 'Library', version: '1.0.0' });

app.get('/api-docs.json', {}, legacy((req, res) => res.json(swaggerSpec)));

module.exports = app;
`,
};

test('MA006 + MA007: a document required through a paths alias is served as the generated one, and its module goes', () =>
  finishedTree(CJS_FILES, (r, after) => {
    assert.equal(after('src/app.js'), `const express = require('express');
const { typed, serveOpenApi } = require('migrate-api/compat');

const app = typed(express(), { validation: 'report', title: 'Library', version: '1.0.0' });

app.get('/api-docs.json', serveOpenApi());

module.exports = app;
`);
    assert.equal(after('src/config/swagger.js'), null, r.steps.map((s) => s.reasons.join('\n')).join('\n'));
  }));

// The swagger-jsdoc setup beside src/, not in it (`config/swagger.ts`, heuone/BED_demo): finish on src/ rewrites
// src/ only, and what config/swagger.ts imports and runs is still the app's. Removing the packages it imports broke
// a fresh install; removing the doc block it reads emptied the legacy docs page.
const OUTSIDE_FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', strict: true, esModuleInterop: true } }, null, 2),
  'package.json': JSON.stringify({
    name: 'tasks', version: '1.0.0',
    dependencies: { express: '^4.21.2', 'migrate-api': '^0.1.0', 'swagger-jsdoc': '^6.2.8', 'swagger-ui-express': '^5.0.1', zod: '^4.1.5' },
  }, null, 2) + '\n',
  'config/swagger.ts': `import swaggerUi from "swagger-ui-express";
import swaggerJSDoc from "swagger-jsdoc";
import { Express } from "express";

const swaggerDocs = swaggerJSDoc({
  definition: { openapi: "3.0.0", info: { title: "Tasks", version: "1.0.0" } },
  apis: ["./src/app.ts"],
});

const setupSwagger = (app: Express): void => {
  app.use("/api-docs", swaggerUi.serve, swaggerUi.setup(swaggerDocs));
};

export default setupSwagger;
`,
  'src/app.ts': `import express from "express";
import setupSwagger from "../config/swagger";
import { typed, replySend } from "migrate-api/compat";

const app = typed(express(), { validation: "report", title: "Tasks", version: "1.0.0" });

setupSwagger(app);

/**
 * @openapi
 * /tasks:
 *  get:
 *   summary: Retrieve a list of tasks
 *   responses:
 *    200:
 *     description: A list of tasks
 */
app.get("/tasks", {
  summary: "Retrieve a list of tasks",
  responses: { 200: { description: "A list of tasks" } },
}, async () => replySend(200, "Retrieved Tasks"));

export default app;
`,
};

test('MA006 + MA007 on src/: the packages, doc blocks and docs endpoint of a module beside src/ stay, with the reasons', () =>
  finishedTree(OUTSIDE_FILES, (r, after) => {
    const ma007 = r.steps.find((s) => s.id === 'MA007')!;
    assert.equal(after('package.json'), OUTSIDE_FILES['package.json']);
    assert.equal(after('src/app.ts'), OUTSIDE_FILES['src/app.ts']);
    assert.equal(after('config/swagger.ts'), OUTSIDE_FILES['config/swagger.ts']);
    assert.deepEqual(ma007.did, []);
    assert.deepEqual(ma007.reasons, [
      'app.ts: its YAML doc comments stay: swagger-jsdoc still runs in ../config/swagger.ts',
      'package.json: swagger-jsdoc stays (still imported)',
      'package.json: swagger-ui-express stays (still imported)',
    ]);
    assert.deepEqual(r.steps.find((s) => s.id === 'MA006')!.reasons, [
      '../config/swagger.ts:11: Swagger UI at /api-docs serves the legacy document from outside src, the folder finish changes: left (run finish on a folder that holds it, or use serveSwaggerUi()/serveOpenApi() from migrate-api/compat there)',
    ]);
  }, 'src'));

// A spec file required as a module (`require('./swagger.json')`, davidrogger/trybe-project-store-manager): once
// MA006 serves the generated document, the require is code that built the legacy one, like an import of it.
const JSON_SPEC_FILES: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'store', version: '1.0.0',
    dependencies: { express: '^4.21.2', 'migrate-api': '^0.1.0', 'swagger-ui-express': '^5.0.1', zod: '^4.1.5' },
  }, null, 2) + '\n',
  'swagger.json': JSON.stringify({
    openapi: '3.0.0', info: { title: 'Store', version: '1.0.0' },
    paths: { '/products': { get: { summary: 'List products', responses: { 200: { description: 'The products' } } } } },
  }, null, 2) + '\n',
  'app.js': `const express = require('express');
const swaggerUi = require('swagger-ui-express');
const swaggerFile = require('./swagger.json');
const { typed } = require('migrate-api/compat');

const app = typed(express(), { validation: 'report', title: 'Store', version: '1.0.0' });

app.get('/products', {
  summary: 'List products',
  responses: { 200: { description: 'The products' } },
}, async () => []);
app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(swaggerFile));

module.exports = app;
`,
};

test('MA007: a spec file required as a module goes with the legacy docs endpoint, and the file is listed', () =>
  finishedTree(JSON_SPEC_FILES, (r, after) => {
    const ma007 = r.steps.find((s) => s.id === 'MA007')!;
    assert.equal(after('app.js'), `const express = require('express');
const { typed, serveSwaggerUi } = require('migrate-api/compat');

const app = typed(express(), { validation: 'report', title: 'Store', version: '1.0.0' });

app.get('/products', {
  summary: 'List products',
  responses: { 200: { description: 'The products' } },
}, async () => []);
app.use('/api-docs', serveSwaggerUi());

module.exports = app;
`, [...ma007.did, ...ma007.reasons].join('\n'));
    assert.ok(ma007.did.includes('app.js:3: swaggerFile (nothing uses it any more)'), ma007.did.join('\n'));
    assert.ok(ma007.reasons.some((x) => x.startsWith('swagger.json: nothing reads it any more')), ma007.reasons.join('\n'));
  }));
