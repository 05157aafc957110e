import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toOpenapiPath } from '../../../codemods/docs/route-path.js';

test('express paths become OpenAPI paths, with optional and regex params noted', () => {
  const cases: Array<[string, string, string[], string[]]> = [
    ['/users', '/users', [], []],
    ['/users/:id', '/users/{id}', [], []],
    ['/users/:id(\\d+)', '/users/{id}', [], ['id']],
    ['/files/:name((?:[a-z]+)\\.txt)/raw', '/files/{name}/raw', [], ['name']],
    ['/posts/:status?', '/posts/{status}', ['status'], []],
    ['/a/:from-:to', '/a/{from}-{to}', [], []],
    ['/users{/:id}', '/users/{id}', ['id'], []],
    ['/assets/*path', '/assets/{path}', [], []],
    ['*', '*', [], []],
    ['${this.path}/:id(\\d+)', '${this.path}/{id}', [], ['id']],
  ];
  for (const [input, path, optional, regex] of cases) {
    assert.deepEqual(toOpenapiPath(input), { path, optional, regex }, input);
  }
});
