import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { documentAt, initOptions } from '../../../bench/real-apps/finish.js';

const doc = { openapi: '3.0.0', info: { title: 'a } brace "in" a string', version: '1' }, paths: {} };

// swagger-ui-express writes its options into an init script as JSON inside a function (our own text, same shape).
const initScript = (options: object) => `window.onload = function() {
  var url = window.location.search.match(/url=([^&]+)/);
  var options = ${JSON.stringify(options, null, 2)};
  url = options.swaggerUrl || url
  var ui = SwaggerUIBundle({ spec: options.swaggerDoc });
}
`;

describe('initOptions', () => {
  it('reads the options object whole, braces and quotes inside strings included', () => {
    assert.deepEqual(initOptions(initScript({ swaggerDoc: doc, customOptions: {} })), { swaggerDoc: doc, customOptions: {} });
  });

  it('is null where there is no options object or it does not parse', () => {
    assert.equal(initOptions('console.log(1)'), null);
    assert.equal(initOptions('var options = {"a": '), null);
  });
});

describe('documentAt', () => {
  let server: Server;
  let base = '';
  const pages: Record<string, { type: string; body: string }> = {
    '/openapi.json': { type: 'application/json', body: JSON.stringify(doc) },
    '/docs/': { type: 'text/html', body: '<div id="swagger-ui" data-url="/openapi.json"></div>' },
    '/legacy/': { type: 'text/html', body: '<script src="./swagger-ui-init.js"></script>' },
    '/legacy/swagger-ui-init.js': { type: 'application/javascript', body: initScript({ swaggerDoc: { ...doc, info: { title: 'legacy', version: '0' } } }) },
    '/plain/': { type: 'text/html', body: '<h1>hello</h1>' },
    '/data.json': { type: 'application/json', body: '{"items":[]}' },
  };
  before(async () => {
    server = createServer((req, res) => {
      const page = pages[req.url ?? ''];
      if (!page) { res.statusCode = 404; res.end('not found'); return; }
      res.setHeader('content-type', page.type);
      res.end(page.body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  it('takes a JSON document as it is', async () => {
    assert.deepEqual(await documentAt(base, '/openapi.json'), { doc, via: 'json' });
  });

  it('follows a Swagger UI page to the document its data-url names', async () => {
    assert.deepEqual(await documentAt(base, '/docs/'), { doc, via: 'swagger-ui data-url' });
  });

  it('reads the document swagger-ui-express put inline in its init script', async () => {
    const r = await documentAt(base, '/legacy/');
    assert.equal(r.via, 'swagger-ui-express init');
    assert.equal(r.doc?.info.title, 'legacy');
  });

  it('says why there is no document: a status, a page without one, JSON that is not a document', async () => {
    assert.deepEqual(await documentAt(base, '/gone'), { detail: 'GET /gone answered 404' });
    assert.deepEqual(await documentAt(base, '/plain/'), { detail: 'GET /plain/ answered a page with no document' });
    assert.deepEqual(await documentAt(base, '/data.json'), { detail: 'GET /data.json answered JSON that is not a document' });
  });
});
