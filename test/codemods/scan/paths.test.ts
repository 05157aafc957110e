import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPaths } from '../../../codemods/scan/paths.js';

test('joinPaths applies prefixes the way Express mounts them', () => {
  assert.equal(joinPaths('', '/users'), '/users');
  assert.equal(joinPaths('/api', '/'), '/api');
  assert.equal(joinPaths('/', '/'), '/');
  assert.equal(joinPaths('', '/', '/'), '/');
  assert.equal(joinPaths('/api/', '/users'), '/api/users');
  assert.equal(joinPaths('/api', 'users'), '/api/users');
  assert.equal(joinPaths('/api', '/v1', '/users/'), '/api/v1/users/');
});
