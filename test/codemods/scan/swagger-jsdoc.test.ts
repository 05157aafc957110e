import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { docCommentReaders } from '../../../codemods/scan/swagger-jsdoc.js';
import { textFacts } from '../../../codemods/scan/text-facts.js';

/** Which files the migration reads for a call: those whose analysis saw one may be there (scan/text-facts.ts). */
const mayCall = (f: string) => !!textFacts(readFileSync(f, 'utf8')).docReader;

/** A package folder from { path: text }; returns its root and the absolute paths of its files. */
function tree(files: Record<string, string>): { root: string; abs: (f: string) => string; all: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'swagger-jsdoc-scan-'));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), text);
  }
  return { root, abs: (f) => join(root, f), all: Object.keys(files).filter((f) => /\.[cm]?[jt]s$/.test(f)).map((f) => join(root, f)) };
}

const ROUTES = { 'routes/a.js': '/** @openapi */', 'routes/nested/b.js': '/** @openapi */', 'admin/c.js': '/** @openapi */' };

function covered(files: Record<string, string>): string[] {
  const t = tree({ ...ROUTES, ...files });
  try {
    const readers = docCommentReaders(t.root, t.all, mayCall);
    return Object.keys(ROUTES).filter((f) => readers.covers(t.abs(f)));
  } finally {
    rmSync(t.root, { recursive: true, force: true });
  }
}

test('by package name: require, import, TS import =, an inline require call; globs from the package folder', () => {
  assert.deepEqual(covered({ 'docs.js': "const j = require('swagger-jsdoc');\nmodule.exports = j({ apis: ['./routes/*.js'] });" }), ['routes/a.js']);
  assert.deepEqual(covered({ 'docs.mjs': "import j from 'swagger-jsdoc';\nexport default j({ definition: {}, apis: ['./routes/**/*.js'] });" }), ['routes/a.js', 'routes/nested/b.js']);
  assert.deepEqual(covered({ 'docs.ts': "import j = require('swagger-jsdoc');\nexport = j({ apis: ['admin/*.js'] });" }), ['admin/c.js']);
  assert.deepEqual(covered({ 'docs.js': "module.exports = require('swagger-jsdoc')({ apis: ['./admin/c.js'] });" }), ['admin/c.js']);
});

test('through a relative path: the swagger-jsdoc package folder itself, or a local module called with its options', () => {
  // swagger-jsdoc's own examples: require('../..') is the package folder.
  const pkg = { 'vendor/sj/package.json': JSON.stringify({ name: 'swagger-jsdoc' }), 'vendor/sj/index.js': 'module.exports = () => ({});' };
  assert.deepEqual(covered({ ...pkg, 'vendor/sj/examples/app/app.js': "const j = require('../..');\nconst options = { definition: {}, apis: ['./routes/a.js'] };\nmodule.exports = j(options);" }), ['routes/a.js']);
  assert.deepEqual(covered({ 'lib/swagger-jsdoc.js': 'module.exports = () => ({});', 'app.js': "const swaggerJsdoc = require('./lib/swagger-jsdoc');\nconst options = { swaggerDefinition: {}, apis: [`${__dirname}/routes/*.js`] };\nmodule.exports = swaggerJsdoc(options);" }), ['routes/a.js']);
  // A local module called with some other object is not swagger-jsdoc.
  assert.deepEqual(covered({ 'lib/setup.js': '', 'app.js': "const setup = require('./lib/setup');\nsetup({ apis: ['./routes/*.js'], port: 3 });" }), []);
});

test("globs: path.join/resolve with __dirname or process.cwd(), the file's own folder tried too; what cannot be read covers every file", () => {
  assert.deepEqual(covered({ 'config/docs.js': "const path = require('path');\nrequire('swagger-jsdoc')({ apis: [path.resolve(__dirname, '..', 'admin/*.js'), path.join(process.cwd(), 'routes/nested/*.js')] });" }), ['routes/nested/b.js', 'admin/c.js']);
  assert.deepEqual(covered({ 'routes/docs.js': "require('swagger-jsdoc')({ apis: ['./a.js'] });" }), ['routes/a.js']);
  assert.deepEqual(covered({ 'docs.js': "require('swagger-jsdoc')({ apis: FILES });" }), Object.keys(ROUTES));
  assert.deepEqual(covered({ 'docs.js': "require('swagger-jsdoc')({ ...base, apis: [] });" }), Object.keys(ROUTES));
  assert.deepEqual(covered({ 'docs.js': "const j = require('swagger-jsdoc');\nj(loadOptions());" }), Object.keys(ROUTES));
});

test('no call, or only the package in package.json: nothing is covered', () => {
  assert.deepEqual(covered({ 'package.json': JSON.stringify({ dependencies: { 'swagger-jsdoc': '^6' } }), 'app.js': "const express = require('express');" }), []);
  assert.deepEqual(covered({ 'docs.js': "const j = require('swagger-jsdoc');\nmodule.exports = j;" }), []);
});
