import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPaths, toOpenApiPath } from '../../../codemods/scan/paths.js';

test('joinPaths applies prefixes the way Express mounts them', () => {
  assert.equal(joinPaths('', '/users'), '/users');
  assert.equal(joinPaths('/api', '/'), '/api');
  assert.equal(joinPaths('/', '/'), '/');
  assert.equal(joinPaths('', '/', '/'), '/');
  assert.equal(joinPaths('/api/', '/users'), '/api/users');
  assert.equal(joinPaths('/api', 'users'), '/api/users');
  assert.equal(joinPaths('/api', '/v1', '/users/'), '/api/v1/users/');
});

test('Express 4 params become OpenAPI templates', () => {
  assert.deepEqual(toOpenApiPath('/users/:id'), { path: '/users/{id}', optional: [], constrained: [] });
  assert.deepEqual(toOpenApiPath('/users/:id(\\d+)/posts/:postId'), { path: '/users/{id}/posts/{postId}', optional: [], constrained: ['id'] });
  assert.deepEqual(toOpenApiPath('/orders/:status?'), { path: '/orders/{status}', optional: ['status'], constrained: [] });
  assert.deepEqual(toOpenApiPath('/range/:from-:to'), { path: '/range/{from}-{to}', optional: [], constrained: [] });
  assert.deepEqual(toOpenApiPath('/v/:n((?:a|b))'), { path: '/v/{n}', optional: [], constrained: ['n'] });
});

test('Express 5 optional groups', () => {
  assert.deepEqual(toOpenApiPath('/files{/:name}'), { path: '/files/{name}', optional: ['name'], constrained: [] });
});

test('what OpenAPI cannot express is dynamic, with the reason', () => {
  for (const [p, why] of [
    ['/files/*', /wildcard/],
    ['/files/*splat', /wildcard/],
    ['/ab?cd', /pattern character "\?"/],
    ['/ab+cd', /pattern character "\+"/],
    ['/:path*', /repeated parameter/],
    ['/x/:', /unnamed parameter/],
    ['/x/:id(\\d+', /unbalanced/],
    ['/x{/:id', /unbalanced "\{"/],
  ] as const) {
    const r = toOpenApiPath(p);
    assert.equal(r.path, null, p);
    assert.match(r.dynamic!, why, p);
  }
});

test('escaped characters are literal', () => {
  assert.equal(toOpenApiPath('/a\\(b\\)').path, '/a(b)');
});
