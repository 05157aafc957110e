// MA011's standing tells an undocumented route (legacy() with an empty spec: `migrate-api infer` is its next
// step) apart from a documented one no rule could type (a person's step), and counts both as legacy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishProject } from '../../../codemods/finish/index.js';

const APP = `const express = require('express');
const { z } = require('zod');
const { typed, legacy } = require('migrate-api/compat');

const app = typed(express(), { validation: 'enforce', title: 'Shop', version: '1.0.0' });

app.get('/health', { responses: { 200: { description: 'up', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } } } }, async () => ({ ok: true }));
app.get('/orders', { responses: { 200: { description: 'orders' } } }, legacy((req, res) => res.status(req.query.code).json([])));
app.get('/basket', {}, legacy((req, res) => res.json([])));
app.post('/basket', {}, legacy((req, res) => res.status(201).json(req.body)));

module.exports = app;
`;

test('MA011: undocumented legacy routes point to infer, refused ones to a person', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'finish-ma011-'));
  try {
    writeFileSync(join(dir, 'app.js'), APP);
    const { standing } = await finishProject(dir, { only: [] });
    assert.deepEqual({ routes: standing.routes, typed: standing.typed, legacy: standing.legacy, reportMode: standing.reportMode },
      { routes: 4, typed: 1, legacy: 3, reportMode: 0 });
    assert.deepEqual(standing.left, [
      '1 route still wrapped in legacy(): no rule proved a typed handler safe (app.js:8)',
      '2 routes still wrapped in legacy() with an empty spec, undocumented: `migrate-api infer --run "<test command>"` drafts one from the code and the suite\'s traffic, or write it by hand (app.js:9, app.js:10)',
    ]);
    assert.equal(standing.complete, false);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});

// A migrated route whose doc comment is in a style no reader knows (express-jsdoc-swagger's `GET /path` + tags):
// the standing says the docs are not read; before, finish called such an app done once its routes were typed.
const UNREAD = `const express = require('express');
const { typed } = require('migrate-api/compat');

const app = typed(express(), { validation: 'enforce', title: 'Clock', version: '1.0.0' });

/**
 * GET /time
 * @summary The time
 * @return {string} 200 - now
 */
app.get('/time', { responses: { 200: { description: 'now' } } }, async () => 'now');

module.exports = app;
`;

test('MA011: doc sources the analysis could not read are left to do, with where they are', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'finish-ma011-'));
  try {
    writeFileSync(join(dir, 'app.js'), UNREAD);
    const { standing } = await finishProject(dir, { only: [] });
    assert.equal(standing.typed, 1);
    assert.equal(standing.left.length, 1);
    assert.match(standing.left[0], /^1 doc source not read \(doc-source-unread\), what they document is in no generated document: app\.js:6: 1 express-jsdoc-swagger doc comment \(GET \/time\)/);
    assert.equal(standing.complete, false);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
