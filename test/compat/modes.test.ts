// Validation modes on Express 5 and 4: report changes nothing but counts (once-logged, readable,
// written to a file), off checks nothing, route > router > app precedence, env override.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request, Response } from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp, createRouter, getViolations, legacy, resetViolations, writeViolations } from '../../compat/index.js';
import { captureLog, listen, VERSIONS, type Listening } from './helpers.js';

const Item = z.object({ id: z.number(), name: z.string() });
const params = z.object({ id: z.coerce.number().int() });
const query = z.object({ limit: z.coerce.number().max(10).default(5) });

for (const [name, impl] of VERSIONS) {
  describe(`report mode (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => {
      log = captureLog();
      const app = createApp({ docs: false, validation: 'report' }, impl);
      app.use(impl.json());
      const r = createRouter({}, impl);
      r.get('/items/:id', { params, query, responses: { 200: Item } }, async ({ params, query }) => ({ id: params.id, name: 'x', limit: query.limit, secret: 's' }));
      // @ts-expect-error the response breaks its schema on purpose (a compile error since outputs are typed)
      r.post('/items', { body: Item, responses: { 200: Item } }, async ({ body }) => ({ got: body }));
      r.get('/legacy/:id', { params, responses: { 200: Item } }, legacy((req: Request, res: Response) => {
        res.json({ raw: req.params.id, query: req.query, secret: 's' });
      }));
      app.use('/api', r);
      srv = await listen(app);
    });
    beforeEach(() => resetViolations());
    after(async () => {
      log.restore();
      await srv.close();
    });

    it('rejects nothing and changes nothing, but counts each violation per route and location', async () => {
      const warned = log.warnings.length;
      const res = await request(srv.url).get('/api/items/abc?limit=99').expect(200);
      // Raw values where validation failed, no stripping of the (failing) response.
      assert.deepEqual(res.body, { id: 'abc', name: 'x', limit: '99', secret: 's' });
      await request(srv.url).get('/api/items/def').expect(200);
      await request(srv.url).post('/api/items').send({ id: 'no' }).expect(200, { got: { id: 'no' } });

      const report = getViolations();
      assert.equal(report.version, 1);
      assert.equal(report.total, 7);
      assert.deepEqual(report.routes.map((r) => [r.route, r.total]), [['GET /api/items/:id', 5], ['POST /api/items', 2]]);
      const get = report.routes[0].violations.map(({ kind, location, status, count }) => ({ kind, location, status, count }));
      assert.deepEqual(get, [
        { kind: 'request', location: 'path', status: undefined, count: 2 },
        { kind: 'request', location: 'query', status: undefined, count: 1 },
        { kind: 'response', location: 'response', status: 200, count: 2 },
      ]);
      assert.deepEqual(report.routes[0].violations[0].example.loc, ['path', 'id']);
      assert.deepEqual(report.routes[1].violations.map((v) => [v.kind, v.location]), [['request', 'body'], ['response', 'response']]);
      // Logged once per route, not once per violation.
      const lines = log.warnings.slice(warned);
      assert.equal(lines.length, 2);
      assert.match(lines[0], /GET \/api\/items\/:id violates its request contract at path\.id/);
      assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    });

    it('does not strip a valid response, and counts the key enforce would strip', async () => {
      const res = await request(srv.url).get('/api/items/7').expect(200);
      assert.deepEqual(res.body, { id: 7, name: 'x', limit: 5, secret: 's' });
      const [route] = getViolations().routes;
      assert.deepEqual(route.violations.map((v) => [v.kind, v.status, v.example.loc.join('.'), v.example.type]),
        [['response', 200, 'response.limit', 'unrecognized_keys']]); // the first of limit and secret
    });

    it('checks what a legacy handler sends without changing it', async () => {
      const res = await request(srv.url).get('/api/legacy/x?limit=1').expect(200);
      assert.deepEqual(res.body, { raw: 'x', query: { limit: '1' }, secret: 's' });
      const [route] = getViolations().routes;
      assert.equal(route.route, 'GET /api/legacy/:id');
      assert.deepEqual(route.violations.map((v) => [v.kind, v.location, v.count]), [['request', 'path', 1], ['response', 'response', 1]]);
    });

    it('writes the report to a file on demand', () => {
      const dir = mkdtempSync(join(tmpdir(), 'migrate-api-'));
      try {
        const file = writeViolations(join(dir, 'v.json'));
        const written = JSON.parse(readFileSync(file, 'utf8'));
        assert.equal(written.version, 1);
        assert.deepEqual(written.routes, []);
        assert.throws(() => writeViolations(undefined), /MIGRATE_API_VIOLATIONS_FILE/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe(`off mode and precedence (${name})`, () => {
    let srv: Listening;
    let log: ReturnType<typeof captureLog>;
    before(async () => {
      log = captureLog();
      resetViolations();
      const app = createApp({ docs: false, validation: 'off' }, impl);
      // @ts-expect-error the response breaks its schema on purpose
      app.get('/off/:id', { params, responses: { 200: Item } }, async ({ params }) => ({ id: params.id, extra: true }));
      const strict = createRouter({ validation: 'enforce' }, impl);
      strict.get('/r/:id', { params }, async ({ params }) => params);
      strict.get('/route-report/:id', { params, validation: 'report' }, async ({ params }) => params);
      app.use(strict);
      srv = await listen(app);
    });
    after(async () => {
      log.restore();
      await srv.close();
    });

    it('off parses nothing, checks nothing, counts nothing', async () => {
      const res = await request(srv.url).get('/off/abc').expect(200);
      assert.deepEqual(res.body, { id: 'abc', extra: true });
      assert.equal(getViolations().total, 0);
    });

    it("a router's mode beats the app's, a route's beats the router's", async () => {
      await request(srv.url).get('/r/abc').expect(422);
      await request(srv.url).get('/route-report/abc').expect(200, { id: 'abc' });
      assert.equal(getViolations().total, 1);
      assert.equal(log.warnings.length, 1);
    });
  });

  describe(`MIGRATE_API_VALIDATION (${name})`, () => {
    const saved = process.env.MIGRATE_API_VALIDATION;
    afterEach(() => {
      if (saved === undefined) delete process.env.MIGRATE_API_VALIDATION;
      else process.env.MIGRATE_API_VALIDATION = saved;
    });

    it('overrides app, router and route modes', async () => {
      process.env.MIGRATE_API_VALIDATION = 'off';
      const app = createApp({ docs: false, validation: 'enforce' }, impl);
      app.get('/n/:id', { params, validation: 'enforce' }, async ({ params }) => params);
      const srv = await listen(app);
      try {
        await request(srv.url).get('/n/abc').expect(200, { id: 'abc' });
      } finally {
        await srv.close();
      }
    });

    it('refuses an unknown value when the route is registered', () => {
      process.env.MIGRATE_API_VALIDATION = 'loose';
      const app = createApp({ docs: false }, impl);
      assert.throws(() => app.get('/x', {}, async () => 1), /MIGRATE_API_VALIDATION must be one of enforce, report, off, got "loose"/);
    });
  });
}

describe('MIGRATE_API_VIOLATIONS_FILE', () => {
  /** A report-mode app that takes one invalid request, then exits by itself or waits to be stopped. */
  function runApp(ending: 'exit' | 'SIGTERM') {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-api-'));
    const file = join(dir, 'violations.json');
    const script = join(dir, 'app.mts');
    const compat = pathToFileURL(resolve('compat/index.ts')).href;
    writeFileSync(script, `
      import { z } from ${JSON.stringify(import.meta.resolve('zod'))};
      import { createApp, setLogger } from ${JSON.stringify(compat)};
      setLogger({ warn() {}, error() {} });
      const app = createApp({ docs: false, validation: 'report' });
      app.get('/q', { query: z.object({ n: z.coerce.number() }) }, async ({ query }) => query);
      const server = app.listen(0, '127.0.0.1', async () => {
        await fetch('http://127.0.0.1:' + server.address().port + '/q?n=x');
        ${ending === 'exit' ? 'server.close(() => process.exit(0));' : "console.log('served');"}
      });
    `);
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, MIGRATE_API_VIOLATIONS_FILE: file }, cwd: resolve('.'), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    if (ending === 'SIGTERM') child.stdout.on('data', (d) => { if (String(d).includes('served')) child.kill('SIGTERM'); });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    return { dir, file, exit, stderr: () => stderr };
  }

  function assertReport(file: string) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(report.routes.map((x: { route: string; total: number }) => [x.route, x.total]), [['GET /q', 1]]);
    assert.deepEqual(report.routes[0].violations[0].example.loc, ['query', 'n']);
  }

  it('writes the report when the process exits', async () => {
    const run = runApp('exit');
    try {
      const { code } = await run.exit;
      assert.equal(code, 0, run.stderr());
      assertReport(run.file);
    } finally {
      rmSync(run.dir, { recursive: true, force: true });
    }
  });

  it('writes the report when a server nothing else stops is killed with SIGTERM, which still ends it', async () => {
    const run = runApp('SIGTERM');
    try {
      const { signal } = await run.exit;
      assert.equal(signal, 'SIGTERM', run.stderr());
      assertReport(run.file);
    } finally {
      rmSync(run.dir, { recursive: true, force: true });
    }
  });
});
