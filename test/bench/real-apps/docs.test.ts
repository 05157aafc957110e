import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compareDocs } from '../../../bench/real-apps/docs.js';

const op = { responses: { 200: { description: 'OK' } } };

describe('compareDocs', () => {
  it('compares operations where they are on the wire: under servers[].url or basePath', () => {
    const original = { openapi: '3.0.0', servers: [{ url: '/v1' }], paths: { '/users': { get: op } } };
    const served = { openapi: '3.1.0', paths: { '/v1/users': { get: op } } };
    assert.deepEqual(compareDocs(original, served), { compared: 2, lost: [] });
    const swagger = { swagger: '2.0', basePath: '/api/', paths: { '/users': { get: op } } };
    assert.deepEqual(compareDocs(swagger, { openapi: '3.1.0', paths: {} }).lost, ['operation GET /api/users', 'response GET /api/users 200']);
  });

  it('keeps paths as written when the servers disagree or sit at the root', () => {
    const original = { openapi: '3.0.0', servers: [{ url: 'http://localhost:3000/' }, { url: 'https://x.example/' }], paths: { '/users': { get: op } } };
    assert.deepEqual(compareDocs(original, { openapi: '3.1.0', paths: { '/users': { get: op } } }).lost, []);
  });

  it('says n/a with the reason when a side is missing', () => {
    assert.deepEqual(compareDocs('the app has no docs', {}), { compared: null, lost: [], na: 'the app has no docs' });
    assert.deepEqual(compareDocs({ openapi: '3.0.0', paths: {} }, 'GET /openapi.json answered 404'), { compared: null, lost: [], na: 'GET /openapi.json answered 404' });
  });
});
