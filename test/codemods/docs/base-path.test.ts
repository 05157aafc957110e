import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBasePath } from '../../../codemods/docs/base-path.js';

const pathOf = (doc: Record<string, unknown>) => readBasePath(doc)?.path;

test('an OpenAPI 3 server URL carries the base path; a bare host or / has none', () => {
  assert.equal(pathOf({ servers: [{ url: 'https://host.example.com/api/' }] }), '/api');
  assert.equal(pathOf({ servers: [{ url: '/api/v1' }] }), '/api/v1');
  assert.equal(pathOf({ servers: [{ url: '//host/api' }] }), '/api');
  assert.equal(pathOf({ servers: [{ url: 'http://localhost:3000' }] }), undefined);
  assert.equal(pathOf({ servers: [{ url: '/' }] }), undefined);
  // relative to where the docs are served: not a prefix of the app's routes
  assert.equal(pathOf({ servers: [{ url: 'api' }] }), undefined);
});

test('server variables take their defaults; one without a default makes the URL unusable', () => {
  assert.equal(pathOf({ servers: [{ url: 'https://{env}.host/{base}/v1', variables: { env: { default: 'prod' }, base: { default: 'api' } } }] }), '/api/v1');
  assert.equal(pathOf({ servers: [{ url: 'https://host/{base}' }] }), undefined);
  // a host or port known only at run time (`http://localhost:${config.port}/v1` in code) leaves the path known
  assert.equal(pathOf({ servers: [{ url: 'http://localhost:{port}/v1' }] }), '/v1');
  assert.equal(pathOf({ servers: [{ url: 'http://{host}' }] }), undefined);
});

test('several servers: the path they share', () => {
  assert.equal(pathOf({ servers: [{ url: 'https://a/api/v1' }, { url: 'https://b/api/v2' }] }), '/api');
  assert.equal(pathOf({ servers: [{ url: 'https://a/api' }, { url: 'http://localhost:3000' }] }), undefined);
  assert.match(readBasePath({ servers: [{ url: 'https://a/api/v1' }, { url: 'https://b/api/v2' }] })!.from, /shared by 2 servers/);
});

test('Swagger 2.0 basePath, with or without its slashes', () => {
  assert.equal(pathOf({ swagger: '2.0', basePath: '/v2/' }), '/v2');
  assert.equal(pathOf({ swagger: '2.0', basePath: 'v2' }), '/v2');
  assert.equal(pathOf({ swagger: '2.0', basePath: '/' }), undefined);
});
