// MA005 end to end on the docs-less fixture app (fixtures/apps/notes-nodocs): a default migration wraps its
// routes with empty specs; `migrate-api infer --run "node --test"` records the app's own suite and fills them;
// then the suite still passes with those specs enforced, and the served /openapi.json lists each inferred
// operation with its statuses and shapes and no invented response. Needs `npm run build` (dist/).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { main } from '../../codemods/cli.js';
import type { InferredRoute } from '../../codemods/infer/apply.js';
import { linkDependencies, prepareApp, runAppSuite } from '../helpers/legacy-app.js';
import { startApp } from './app-process.js';

type Json = Record<string, any>;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

describe('infer on a docs-less app, from its own suite', () => {
  let dir: string;
  let routes: InferredRoute[];

  before(async () => {
    dir = await prepareApp('notes-nodocs');
    const migrated = await cli([dir]);
    assert.equal(migrated.code, 0, migrated.err);
    await linkDependencies(dir); // the migration added migrate-api and zod to package.json
    const inferred = await cli(['infer', dir, '--run', 'node --test', '--json']);
    assert.equal(inferred.code, 0, inferred.err);
    routes = (JSON.parse(inferred.out) as { routes: InferredRoute[] }).routes;
  });
  after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('infers a spec for >= 90% of the routes the suite exercises, each marked for review with its sources', async () => {
    const exercised = routes.filter((r) => (r.requests ?? 0) > 0);
    assert.equal(routes.length, 14, 'the app has 14 routes, all undocumented');
    assert.equal(exercised.length, 14, 'its suite exercises each of them');
    const inferred = exercised.filter((r) => r.status === 'inferred');
    assert.ok(inferred.length / exercised.length >= 0.9, `${inferred.length} of ${exercised.length}`);
    const notes = await readFile(join(dir, 'routes/notes.js'), 'utf8');
    assert.match(notes, /\/\/ TODO\(migrate-api MA005\): inferred from code and 5 requests, review\nrouter\.get\('\/', \{/);
    assert.doesNotMatch(notes, /, \{\}, legacy/, 'no empty spec is left');
    // what the code shows: Number(), parseInt(), === 'true'; the redirect; the body keys
    assert.match(notes, /page: z\.string\(\)\.regex\(\/\^-\?\\d\+\(\\\.\\d\+\)\?\$\/\)\.optional\(\)/);
    assert.match(notes, /limit: z\.string\(\)\.regex\(\/\^-\?\\d\+\$\/\)\.optional\(\)/);
    assert.match(notes, /archived: z\.enum\(\['true', 'false'\]\)\.optional\(\)/);
    assert.match(notes, /302: \{ description: 'Redirect/);
    assert.match(notes, /createdAt: z\.iso\.datetime\(\)/);
    // values never written: the seeded e-mail and password do not appear in any spec
    const users = await readFile(join(dir, 'routes/users.js'), 'utf8');
    assert.doesNotMatch(users, /ada@example\.com|lovelace/);
  });

  it('the suite passes with the inferred specs enforced', async () => {
    const before = process.env.MIGRATE_API_VALIDATION;
    process.env.MIGRATE_API_VALIDATION = 'enforce';
    try {
      const result = await runAppSuite(dir);
      assert.equal(result.failed, 0, result.output);
      assert.equal(result.passed, 16);
    } finally {
      if (before === undefined) delete process.env.MIGRATE_API_VALIDATION; else process.env.MIGRATE_API_VALIDATION = before;
    }
  });

  it('/openapi.json lists each inferred operation with its statuses and shapes, and no invented response', async () => {
    const app = await startApp(dir, 'app.js');
    let doc: Json;
    try {
      const res = await fetch(`${app.url}/openapi.json`);
      assert.equal(res.status, 200, app.output());
      doc = (await res.json()) as Json;
    } finally {
      await app.close();
    }
    await SwaggerParser.validate(structuredClone(doc) as never);
    assert.equal(JSON.stringify(doc).includes('Successful response'), false);
    for (const r of routes.filter((x) => x.status === 'inferred')) {
      const path = r.path!.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1');
      const op = doc.paths[path]?.[r.method];
      assert.ok(op, `${r.method} ${path} is in the document`);
      assert.deepEqual(Object.keys(op.responses).sort(), [...r.statuses!].sort(), `${r.method} ${path}: the statuses inferred, nothing else`);
    }
    const list = doc.paths['/api/notes'].get;
    assert.deepEqual(list.parameters.map((p: Json) => [p.name, p.in, p.required]), [['page', 'query', false], ['limit', 'query', false], ['archived', 'query', false], ['tag', 'query', false]]);
    const item = list.responses['200'].content['application/json'].schema.properties.items.items;
    assert.deepEqual(item.required, ['id', 'title', 'body', 'authorId', 'archived', 'tags', 'createdAt']);
    assert.equal(item.properties.createdAt.format, 'date-time');
    assert.equal(doc.paths['/'].get.responses['302'].content, undefined, 'a redirect documents no body');
    const created = doc.paths['/api/notes'].post;
    assert.deepEqual(Object.keys(created.responses).sort(), ['201', '400']);
    assert.deepEqual(Object.keys(created.requestBody.content['application/json'].schema.properties), ['title', 'body', 'tags']);
  });
});
