import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import express4 from 'express4';
import { z } from 'zod';
import { createApp, buildOpenApiDocument, type AppOptions, type ExpressModule } from '../../compat/index.js';
import { DOCS_CSP } from '../../compat/docs.js';

const require = createRequire(import.meta.url);

async function listen(handler: (req: any, res: any) => void): Promise<{ base: string; server: Server }> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function withApp(opts: AppOptions, run: (base: string, app: ReturnType<typeof createApp>) => Promise<void>, impl?: ExpressModule) {
  const app = createApp({ title: 'Docs <Test>', ...opts }, impl);
  app.get('/items/:id', { params: z.object({ id: z.coerce.number().int() }), responses: { 200: z.object({ id: z.number() }) } }, async ({ params }) => ({ id: params.id }));
  const { base, server } = await listen(app);
  try {
    await run(base, app);
  } finally {
    server.close();
  }
}

/** Every URL a page makes the browser load: src/href attributes, data-* settings, CSS url(). */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href|spec-url|data-url|data-oauth2-redirect)="([^"]*)"/g)].map((m) => m[1]);
}

const contentType = (r: Response) => (r.headers.get('content-type') ?? '').split(';')[0];

test('/openapi.json serves the cached generated document', async () => {
  await withApp({}, async (base, app) => {
    const r = await fetch(`${base}/openapi.json`);
    assert.equal(r.status, 200);
    assert.equal(contentType(r), 'application/json');
    const body = await r.json();
    assert.deepEqual(body, JSON.parse(JSON.stringify(buildOpenApiDocument(app))));
    assert.deepEqual(Object.keys(body.paths), ['/items/{id}'], 'docs routes are not in the document');
    assert.equal(body.info.title, 'Docs <Test>');
  });
});

test('/docs: Swagger UI page and its assets, all served locally, no external URL, CSP set', async () => {
  await withApp({}, async (base) => {
    const r = await fetch(`${base}/docs`);
    assert.equal(r.status, 200);
    assert.equal(contentType(r), 'text/html');
    assert.equal(r.headers.get('content-security-policy'), DOCS_CSP);
    const html = await r.text();
    assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL in the page');
    assert.match(html, /<title>Docs &lt;Test&gt; - Swagger UI<\/title>/);
    const urls = referencedUrls(html);
    assert.deepEqual(urls, [
      '/docs/swagger-ui.css',
      '/docs/favicon-32x32.png',
      '/openapi.json',
      '/docs/oauth2-redirect.html',
      '/docs/swagger-ui-bundle.js',
      '/docs/swagger-ui-standalone-preset.js',
      '/docs/swagger-initializer.js',
    ]);
    const expected: Record<string, string> = {
      '/docs/swagger-ui.css': 'text/css',
      '/docs/favicon-32x32.png': 'image/png',
      '/openapi.json': 'application/json',
      '/docs/oauth2-redirect.html': 'text/html',
      '/docs/swagger-ui-bundle.js': 'application/javascript',
      '/docs/swagger-ui-standalone-preset.js': 'application/javascript',
      '/docs/swagger-initializer.js': 'application/javascript',
    };
    for (const url of urls) {
      const a = await fetch(base + url);
      assert.equal(a.status, 200, url);
      assert.match(contentType(a), new RegExp(expected[url].replace('application/javascript', '(application|text)/javascript')), url);
      await a.arrayBuffer();
    }
    const bundle = await (await fetch(`${base}/docs/swagger-ui-bundle.js`)).text();
    assert.equal(bundle, readFileSync(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'), 'utf8'), 'the installed file, unchanged');
    const init = await (await fetch(`${base}/docs/swagger-initializer.js`)).text();
    assert.match(init, /validatorUrl: null/, 'the online validator badge is off');
    assert.doesNotMatch(init, /https?:\/\//);
    const css = await (await fetch(`${base}/docs/swagger-ui.css`)).text();
    assert.doesNotMatch(css, /@import|url\((["']?)https?:/, 'the stylesheet loads nothing remote');
  });
});

test('/redoc: the standalone bundle served locally, no fonts or scripts from elsewhere, CSP blocks redoc\'s CDN logo', async () => {
  await withApp({}, async (base) => {
    const r = await fetch(`${base}/redoc`);
    assert.equal(r.status, 200);
    assert.equal(contentType(r), 'text/html');
    const html = await r.text();
    assert.doesNotMatch(html, /https?:\/\//);
    assert.deepEqual(referencedUrls(html), ['/openapi.json', '/redoc/redoc.standalone.js']);
    const js = await fetch(`${base}/redoc/redoc.standalone.js`);
    assert.equal(js.status, 200);
    assert.match(contentType(js), /^(application|text)\/javascript$/);
    const bundle = await js.text();
    assert.equal(bundle, readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8'));
    assert.doesNotMatch(bundle, /fonts\.googleapis|fonts\.gstatic/, 'the bundle loads no web fonts');
    // The one remote resource the bundle would draw (its sidebar logo) is refused by the policy.
    assert.match(bundle, /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg/);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /img-src 'self' data:(;|$)/);
    assert.match(csp, /default-src 'self'/);
    assert.doesNotMatch(csp, /https?:|\*/);
  });
});

test('paths are configurable; a disabled one answers 404', async () => {
  await withApp({ docs: { openapi: '/spec.json', swagger: 'api-docs/', redoc: false } }, async (base) => {
    assert.equal((await fetch(`${base}/openapi.json`)).status, 404);
    assert.equal((await fetch(`${base}/docs`)).status, 404);
    assert.equal((await fetch(`${base}/redoc`)).status, 404);
    assert.equal((await fetch(`${base}/spec.json`)).status, 200);
    const html = await (await fetch(`${base}/api-docs`)).text();
    assert.deepEqual(referencedUrls(html).slice(0, 3), ['/api-docs/swagger-ui.css', '/api-docs/favicon-32x32.png', '/spec.json']);
    assert.equal((await fetch(`${base}/api-docs/swagger-ui-bundle.js`)).status, 200);
  });
});

test('the API\'s own absolute servers may be called from "Try it out"; nothing else is allowed', async () => {
  await withApp({ servers: [{ url: 'https://api.example.com/v1' }, { url: '/relative' }] }, async (base) => {
    const csp = (await fetch(`${base}/docs`)).headers.get('content-security-policy') ?? '';
    assert.match(csp, /connect-src 'self' https:\/\/api\.example\.com;/);
    assert.equal(csp.match(/https?:/g)?.length, 1);
  });
});

test('docs: false serves nothing; a UI without /openapi.json gets its own copy of the document', async () => {
  await withApp({ docs: false }, async (base) => {
    for (const p of ['/openapi.json', '/docs', '/redoc', '/docs/swagger-ui.css']) assert.equal((await fetch(base + p)).status, 404, p);
  });
  await withApp({ docs: { openapi: false } }, async (base) => {
    assert.equal((await fetch(`${base}/openapi.json`)).status, 404);
    const html = await (await fetch(`${base}/redoc`)).text();
    assert.deepEqual(referencedUrls(html), ['/redoc/openapi.json', '/redoc/redoc.standalone.js']);
    const r = await fetch(`${base}/redoc/openapi.json`);
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(((await r.json()) as { paths: object }).paths), ['/items/{id}']);
  });
});

test('files of the UI packages other than the listed assets are not served', async () => {
  await withApp({}, async (base) => {
    for (const p of ['/docs/package.json', '/docs/index.html', '/docs/../package.json', '/docs/swagger-initializer.js/..%2F..%2Fpackage.json']) {
      assert.equal((await fetch(base + p)).status, 404, p);
    }
  });
});

test('an app mounted under a prefix links its assets under that prefix', async () => {
  const inner = createApp({ title: 'inner' });
  inner.get('/x', {}, async () => 'x');
  const outer = express();
  outer.use('/v1', inner);
  const { base, server } = await listen(outer);
  try {
    const html = await (await fetch(`${base}/v1/docs`)).text();
    assert.deepEqual(referencedUrls(html).slice(0, 3), ['/v1/docs/swagger-ui.css', '/v1/docs/favicon-32x32.png', '/v1/openapi.json']);
    assert.equal((await fetch(`${base}/v1/docs/swagger-ui.css`)).status, 200);
    assert.equal((await fetch(`${base}/v1/openapi.json`)).status, 200);
  } finally {
    server.close();
  }
});

test('Express 4 apps serve the same docs', async () => {
  await withApp({}, async (base) => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as Record<string, any>;
    assert.deepEqual(doc.paths['/items/{id}'].get.parameters, [{ schema: { type: 'integer' }, required: true, name: 'id', in: 'path' }]);
    for (const p of ['/docs', '/docs/swagger-ui-bundle.js', '/redoc', '/redoc/redoc.standalone.js']) {
      const r = await fetch(base + p);
      assert.equal(r.status, 200, p);
      await r.arrayBuffer();
    }
  }, express4 as unknown as ExpressModule);
});

test('a document that cannot be built answers 500 with a JSON detail, not a crash', async () => {
  await withApp({ legacyDocs: { swagger: '2.0' } }, async (base) => {
    const r = await fetch(`${base}/openapi.json`);
    assert.equal(r.status, 500);
    assert.match(((await r.json()) as { detail: string }).detail, /^OpenAPI document could not be built: migrate-api: legacyDocs is Swagger 2\.0/);
  });
});
