import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDocsValue, appOptionsSource, infoOptions, servedServers } from '../../codemods/app-plan.js';
import { emptyDocsModel } from '../../codemods/model.js';

test('servedServers: origins only (the generated paths carry the base path), relative servers dropped, no duplicates', () => {
  assert.deepEqual(servedServers([
    { url: 'https://api.example.com/v1', description: 'prod' },
    { url: 'https://api.example.com/v2' },
    { url: 'http://localhost:3000/api' },
    { url: '/api' },
    { url: 'http://localhost:{port}/v1' },
  ]), [{ url: 'https://api.example.com', description: 'prod' }, { url: 'http://localhost:3000' }]);
  assert.deepEqual(servedServers(undefined), []);
});

test("apiDocsValue: the docs' identity wins over package.json; form parameters stay out of OpenAPI 3 components", () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-plan-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pkg-name', version: '0.0.1', description: 'pkg words' }));
    const docs = emptyDocsModel();
    docs.info = { title: 'Lending library', version: '2.1.0', description: 'Books and loans.' };
    docs.servers = [{ url: 'https://library.example.com/api' }];
    docs.security = [{ apiKey: [] }];
    docs.components = { parameters: { username: { in: 'formData', name: 'username', schema: { type: 'string' } }, page: { in: 'query', name: 'page' } } };
    assert.deepEqual(apiDocsValue(dir, docs), {
      openapi: '3.1.0',
      info: { title: 'Lending library', version: '2.1.0', description: 'Books and loans.' },
      servers: [{ url: 'https://library.example.com' }],
      security: [{ apiKey: [] }],
      components: { parameters: { page: { in: 'query', name: 'page' } } },
    });
    const bare = emptyDocsModel();
    assert.equal(apiDocsValue(dir, bare), null, 'nothing the docs say: no apiDocs');
    bare.security = [{ apiKey: [] }];
    assert.deepEqual(apiDocsValue(dir, bare)?.info, { title: 'pkg-name', version: '0.0.1' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the docs' termsOfService, contact and license go to apiDocs as written, and to the app options where AppOptions types them", () => {
  const dir = mkdtempSync(join(tmpdir(), 'app-plan-'));
  try {
    const docs = emptyDocsModel();
    docs.info = { title: 'Users', version: '1.0.0', termsOfService: 'https://x/terms', contact: { name: "Jane O'Hara", email: 'jane@example.com' }, license: { name: 'MIT' } };
    assert.deepEqual(apiDocsValue(dir, docs)?.info, docs.info);
    const options = appOptionsSource({ validation: 'report', title: 'Users', version: '1.0.0', docsPaths: { openapi: '/openapi.json', swagger: '/docs', redoc: '/redoc' }, apiDocs: true, ...infoOptions(docs) });
    assert.equal(options, "{ validation: 'report', title: 'Users', version: '1.0.0', termsOfService: 'https://x/terms', contact: { name: 'Jane O\\'Hara', email: 'jane@example.com' }, license: { name: 'MIT' }, legacyDocs: apiDocs }");
    // An extension or a license without its name would not type-check in a TypeScript app: apiDocs alone carries those.
    docs.info = { contact: { name: 'Jane', 'x-team': 'a' }, license: { url: 'https://x/license' } };
    assert.deepEqual(infoOptions(docs), {});
    const bare = emptyDocsModel();
    bare.info = { license: { name: 'MIT' } };
    assert.deepEqual(apiDocsValue(dir, bare)?.info, { title: 'API', version: '1.0.0', license: { name: 'MIT' } }, 'a license alone is worth an apiDocs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
