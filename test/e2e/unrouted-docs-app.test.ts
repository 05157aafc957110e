// An app whose spec file documents an operation no route the scan sees serves (middleware mounted at a path
// from the environment, like simple-metrics-server's `express.static` at OPENAPI_SPEC): after the migration the
// served document still has it, marked not validated, and the routed operation only once; finish (which deletes
// the spec file here) keeps it served; a re-run reads it back from apiDocs byte for byte and points at it; once a
// route for it appears, it becomes that route's spec and the mark goes.
// Fails on the previous code: the served document lost GET /health (3 facts of the old one).
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import type { MigrationReport } from '../../codemods/report.js';
import { linkDependencies } from '../helpers/legacy-app.js';
import { compareDocuments } from '../helpers/openapi-compare.js';
import { startApp } from './app-process.js';

type Json = Record<string, any>;

const SPEC = {
  openapi: '3.0.0',
  info: { title: 'Items', version: '1.0.0' },
  paths: {
    '/items/{itemId}': { get: { summary: 'One item', parameters: [{ name: 'itemId', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'the item' } } } },
    '/health': { get: { tags: ['ops'], summary: 'Liveness', responses: { 200: { description: 'alive' } } } },
  },
};

const APP = `const express = require('express');
const spec = require('./openapi.json');

const app = express();
app.get('/api-docs.json', (req, res) => res.json(spec));
app.get('/items/:id', (req, res) => res.json({ id: req.params.id }));
// Served at a path from the environment: no route the scan can see.
app.use(process.env.HEALTH_PATH || '/health', (req, res) => res.json({ ok: true }));
module.exports = app;
`;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

async function get(dir: string, urls: string[]): Promise<Json[]> {
  const app = await startApp(dir, 'app.js');
  try {
    return await Promise.all(urls.map(async (u) => {
      const res = await fetch(`${app.url}${u}`);
      assert.equal(res.status, 200, `${u}: ${app.output()}`);
      return (await res.json()) as Json;
    }));
  } finally {
    await app.close();
  }
}

const MARK = { validated: false, source: 'openapi.json' };

/** The legacy document with the path parameter named as the route names it (the served document's choice). */
const asRouted = (doc: Json): Json => JSON.parse(JSON.stringify(doc).replaceAll('itemId', 'id')) as Json;

describe('a documented operation with no route stays in the served document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unrouted-app-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let legacy: Json;

  it('migrates: GET /health is served, marked not validated; GET /items/{id} once, unmarked', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'items', version: '1.0.0', main: 'app.js', dependencies: { express: '^5.1.0' } }));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(SPEC, null, 2));
    writeFileSync(join(dir, 'app.js'), APP);
    await linkDependencies(dir);
    [legacy] = await get(dir, ['/api-docs.json']);
    const run = await cli([dir, '--json']);
    const report = JSON.parse(run.out) as MigrationReport;
    assert.deepEqual(report.docsWithoutRoute.map((d) => `${d.method} ${d.path}`), ['get /health']);
    const [doc] = await get(dir, ['/openapi.json']);
    assert.deepEqual(doc!.paths['/health'], { get: { ...SPEC.paths['/health'].get, 'x-migrate-api-unrouted': MARK } });
    assert.equal(doc!.paths['/items/{itemId}'], undefined, 'the routed operation is not merged a second time');
    assert.equal(doc!.paths['/items/{id}'].get['x-migrate-api-unrouted'], undefined);
    assert.deepEqual(compareDocuments(asRouted(legacy!), doc!).lost.filter((f) => !/^openapi/.test(f)), []);
  });

  it('finish deletes the spec file and the operation is still served', async () => {
    const r = await cli(['finish', dir, '--delete-spec-files', '--json']);
    assert.equal(r.code, 0, r.err.slice(-2000));
    const steps = (JSON.parse(r.out) as { steps: Array<{ id: string; did: string[]; reasons: string[] }> }).steps;
    assert.ok(!existsSync(join(dir, 'openapi.json')), JSON.stringify(steps.find((s) => s.id === 'MA007')));
    assert.match(steps.find((s) => s.id === 'MA008')!.reasons.join('\n'), /apiDocs stays: .*paths\.\/health/);
    const [generated, old] = await get(dir, ['/openapi.json', '/api-docs.json']);
    assert.deepEqual(old, generated, 'the old docs URL answers the generated document');
    assert.deepEqual(generated!.paths['/health'].get['x-migrate-api-unrouted'], MARK);
    assert.deepEqual(compareDocuments(asRouted(legacy), generated!).lost.filter((f) => !/^openapi/.test(f)), []);
  });

  it('a re-run reads it back from apiDocs: the schemas module stays byte for byte, and the report and check point at the schemas module', async () => {
    const schemas = readFileSync(join(dir, 'api-schemas.cjs'), 'utf8');
    const line = schemas.split('\n').indexOf('    "/health": {') + 1;
    const run = await cli([dir, '--json']);
    const report = JSON.parse(run.out) as MigrationReport;
    assert.equal(readFileSync(join(dir, 'api-schemas.cjs'), 'utf8'), schemas);
    // Nothing else either: the docs endpoint MA006 wrote, `app.get('/api-docs.json', serveOpenApi())`, is not a
    // route to migrate (it was wrapped as an undocumented one).
    assert.equal(report.summary.filesChanged, 0, JSON.stringify(report.files));
    assert.equal(report.routes.some((r) => r.path === '/api-docs.json'), false);
    assert.deepEqual(report.docsWithoutRoute, [{ method: 'get', path: '/health', file: 'api-schemas.cjs', line }]);
    const check = await cli(['check', dir]);
    assert.match(check.out + check.err, /remove the operation from apiDocs\.paths in api-schemas\.cjs \(its source openapi\.json is gone\), or add the route/);
  });

  it('once a route serves it, the operation is that route\'s spec and the mark goes', async () => {
    writeFileSync(join(dir, 'app.js'), readFileSync(join(dir, 'app.js'), 'utf8').replace('module.exports = app;', "app.get('/health', (req, res) => res.json({ ok: true }));\nmodule.exports = app;"));
    const run = await cli([dir, '--force', '--json']);
    const report = JSON.parse(run.out) as MigrationReport;
    assert.deepEqual(report.docsWithoutRoute, []);
    assert.doesNotMatch(readFileSync(join(dir, 'api-schemas.cjs'), 'utf8'), /x-migrate-api-unrouted|"paths"/);
    const [doc] = await get(dir, ['/openapi.json']);
    assert.equal(doc!.paths['/health'].get['x-migrate-api-unrouted'], undefined);
    assert.equal(doc!.paths['/health'].get.summary, 'Liveness');
    assert.deepEqual(doc!.paths['/health'].get.tags, ['ops']);
    assert.equal((await cli([dir, '--dry'])).code, 0, 'a second run changes nothing');
  });
});
