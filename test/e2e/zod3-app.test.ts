// An app on zod 3.25 (fixtures/migrate/zod3-ts: TypeScript, CommonJS, its own zod 3 validation middleware),
// installed with zod 3.25.76 (this repo's `zod325` alias), migrated with default options: the migrated code imports
// zod/v4, the runtime (dist/compat/index.cjs, and the ESM build) reads those zod 4 schemas from the app's zod 3.25,
// requests are answered as before in report mode and checked in enforce mode, the app's own zod 3 middleware
// still answers, /openapi.json is served, and the app type-checks (its zod 3 code beside the migrated code).
// The dist build must be current (`npm run build`): migrated apps import migrate-api/compat from dist/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { main } from '../../codemods/cli.js';
import { linkDependencies, repoRoot, typecheckApp } from '../helpers/legacy-app.js';
import { startApp } from './app-process.js';

const FIXTURE = join(repoRoot, 'fixtures', 'migrate', 'zod3-ts', 'input');

interface Answer { status: number; body: unknown }

async function ask(url: string, path: string, init?: { method: string; body: unknown }): Promise<Answer> {
  const res = await fetch(url + path, init ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : undefined);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('an app on zod 3.25 migrates and runs on zod/v4', () => {
  let dir: string;
  let code: number;
  let err = '';

  before(async () => {
    assert.ok(existsSync(join(repoRoot, 'dist', 'compat', 'index.cjs')), 'dist/compat is missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'zod3-app-'));
    cpSync(FIXTURE, dir, { recursive: true });
    await linkDependencies(dir);
    code = await main([join(dir, 'src')], { out: () => {}, err: (s) => (err += s), isTTY: false });
    await linkDependencies(dir); // migrate-api, now in package.json
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('is installed with zod 3.25, migrates (no refusal), keeps zod 3.25 in package.json, imports zod/v4', () => {
    assert.equal(JSON.parse(readFileSync(join(dir, 'node_modules/zod/package.json'), 'utf8')).version, '3.25.76');
    assert.equal(code, 0, err);
    // Colours are on where CI is set (picocolors), as in .ci/run.
    assert.match(stripVTControlCharacters(err), /note: added migrate-api to package\.json/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.zod, '3.25.76');
    const users = readFileSync(join(dir, 'src/routes/users.ts'), 'utf8');
    assert.match(users, /^import \{ z \} from 'zod';$/m, "the app's own zod 3 import stays");
    assert.match(users, /^import \{ z as zod \} from 'zod\/v4';$/m);
    assert.match(users, /validateRequest\(CreateUserSchema\)/);
    assert.match(readFileSync(join(dir, 'src/api-schemas.ts'), 'utf8'), /^import \{ z \} from 'zod\/v4';$/m);
  });

  for (const mode of ['report', 'enforce'] as const) {
    it(`serves requests in ${mode} mode`, async () => {
      const app = await startApp(dir, 'src/app.ts', { MIGRATE_API_VALIDATION: mode });
      try {
        assert.deepEqual(await ask(app.url, '/users/1'), { status: 200, body: { id: 1, name: 'Ada', age: 36 } }, app.output());
        const created = await ask(app.url, '/users', { method: 'POST', body: { name: 'Bo', age: 7 } });
        assert.deepEqual(created, { status: 201, body: { id: 2, name: 'Bo', age: 7 } }, app.output());
        // The app's own zod 3 middleware answers an invalid body first, in both modes (it runs before validation).
        assert.deepEqual(await ask(app.url, '/users', { method: 'POST', body: { name: 'Cy' } }), { status: 400, body: { message: 'Invalid input', issues: 1 } });
        // A param the docs type as an integer: report lets the handler answer as before, enforce answers 422.
        const bad = await ask(app.url, '/users/abc');
        if (mode === 'report') assert.deepEqual(bad, { status: 404, body: { message: 'not found' } });
        else {
          assert.equal(bad.status, 422, app.output());
          assert.deepEqual((bad.body as { detail: Array<{ loc: unknown[] }> }).detail.map((d) => d.loc), [['path', 'id']]);
        }
        const stringbool = await ask(app.url, '/health?verbose=maybe');
        assert.equal(stringbool.status, mode === 'report' ? 200 : 422);
        const doc = await ask(app.url, '/openapi.json');
        assert.equal(doc.status, 200);
        const spec = doc.body as { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };
        assert.deepEqual(Object.keys(spec.paths).sort(), ['/health', '/users', '/users/{id}']);
        assert.deepEqual(spec.paths['/users/{id}']!.get.parameters[0].schema, { type: 'integer' });
        assert.ok(spec.components.schemas.User, 'the named schema from zod/v4 .meta({ id })');
      } finally {
        await app.close();
      }
    });
  }

  it('the ESM runtime runs on the app\'s zod 3.25 too', () => {
    const script = join(dir, 'esm-check.mjs');
    writeFileSync(script, `import express from 'express';
import { z } from 'zod/v4';
import { typed } from 'migrate-api/compat';
import { buildOpenApiDocument } from 'migrate-api/compat';
const app = typed(express(), { title: 't', version: '1' });
app.get('/n/:n', { params: z.object({ n: z.coerce.number().int() }), responses: { 200: z.object({ n: z.number() }).meta({ id: 'N' }) } }, async ({ params }) => params);
const doc = buildOpenApiDocument(app);
console.log(JSON.stringify([Object.keys(doc.paths), doc.components.schemas.N]));
`);
    const out = execFileSync(process.execPath, [script], { cwd: dir, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), [['/n/{n}'], { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }]);
    assert.equal(realpathSync(join(dir, 'node_modules/zod')), join(repoRoot, 'node_modules/zod325'));
  });

  it('type-checks: the app\'s zod 3 code and the migrated zod/v4 code, against zod 3.25\'s types', async () => {
    const { ok, output } = await typecheckApp(dir);
    assert.ok(ok, output);
  });
});
