import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toOpenApiPath } from '../../codemods/express-path.js';

// input | default path (null: not an OpenAPI template) | bestEffort path | braces: 'template' path (bestEffort) |
// optional | constrained (both as bestEffort reads them)
const TABLE: Array<[string, string | null, string, string, string[], string[]]> = [
  ['/users', '/users', '/users', '/users', [], []],
  ['/users/:id', '/users/{id}', '/users/{id}', '/users/{id}', [], []],
  ['/users/:id?', '/users/{id}', '/users/{id}', '/users/{id}', ['id'], []],
  ['/users/:id(\\d+)', '/users/{id}', '/users/{id}', '/users/{id}', [], ['id']],
  ['/users/:id(\\d+)?', '/users/{id}', '/users/{id}', '/users/{id}', ['id'], ['id']],
  ['/users/:id(\\d+)/posts/:postId', '/users/{id}/posts/{postId}', '/users/{id}/posts/{postId}', '/users/{id}/posts/{postId}', [], ['id']],
  ['/v/:n((?:a|b))', '/v/{n}', '/v/{n}', '/v/{n}', [], ['n']],
  ['/files/:name((?:[a-z]+)\\.txt)/raw', '/files/{name}/raw', '/files/{name}/raw', '/files/{name}/raw', [], ['name']],
  ['/a/:from-:to', '/a/{from}-{to}', '/a/{from}-{to}', '/a/{from}-{to}', [], []],
  ['/a.:ext', '/a.{ext}', '/a.{ext}', '/a.{ext}', [], []],
  ['/a/:file.:ext?', '/a/{file}.{ext}', '/a/{file}.{ext}', '/a/{file}.{ext}', ['ext'], []],
  ['/a/:$x', '/a/{$x}', '/a/{$x}', '/a/{$x}', [], []],
  ['/users/', '/users/', '/users/', '/users/', [], []], // trailing slash kept: callers that key paths drop it
  ['/', '/', '/', '/', [], []],
  // `{x}` is an Express 5 group of the literal x; in a doc comment it is an OpenAPI template
  ['/users/{id}', '/users/id', '/users/id', '/users/{id}', [], []],
  ['/files{/:name}', '/files/{name}', '/files/{name}', '/files{/{name}}', ['name'], []],
  ['/a{.:ext}', '/a.{ext}', '/a.{ext}', '/a{.{ext}}', ['ext'], []],
  ['/a{/b{/:c}}', '/a/b/{c}', '/a/b/{c}', '/a{/b{/{c}}}', ['c'], []],
  ['*', null, '*', '*', [], []],
  ['/files/*', null, '/files/*', '/files/*', [], []],
  ['/files/*splat', null, '/files/{splat}', '/files/{splat}', [], []],
  ['/:path*', null, '/{path}', '/{path}', [], []],
  ['/:path+', null, '/{path}', '/{path}', [], []],
  ['/ab?cd', null, '/ab?cd', '/ab?cd', [], []],
  ['/ab+cd', null, '/ab+cd', '/ab+cd', [], []],
  ['/a/(\\d+)', null, '/a/(\\d+)', '/a/(\\d+)', [], []],
  ['/x/:', null, '/x/:', '/x/:', [], []],
  ['/x/:id(\\d+', null, '/x/{id}', '/x/{id}', [], ['id']],
  ['/x{/:id', null, '/x{/{id}', '/x{/{id}', [], []],
  ['/x}', null, '/x}', '/x}', [], []],
  ['/a\\(b\\)', '/a(b)', '/a(b)', '/a(b)', [], []],
  ['/a\\:b', '/a:b', '/a:b', '/a:b', [], []],
  // a computed path's text, as the docs readers get it; the scan converts only resolved strings
  ['${this.path}/:id(\\d+)', '$this.path/{id}', '${this.path}/{id}', '${this.path}/{id}', [], ['id']],
];

test('one table: the default reading, bestEffort, and doc-comment braces', () => {
  for (const [input, path, bestEffort, template, optional, constrained] of TABLE) {
    assert.equal(toOpenApiPath(input).path, path, input);
    const best = toOpenApiPath(input, { bestEffort: true });
    assert.deepEqual([best.path, best.optional, best.constrained], [bestEffort, optional, constrained], input);
    assert.equal(toOpenApiPath(input, { bestEffort: true, braces: 'template' }).path, template, input);
  }
});

test('what OpenAPI cannot express is dynamic, with the reason, null by default and kept with bestEffort', () => {
  for (const [p, why] of [
    ['/files/*', /wildcard/],
    ['/files/*splat', /wildcard/],
    ['/ab?cd', /pattern character "\?"/],
    ['/ab+cd', /pattern character "\+"/],
    ['/a/(\\d+)', /pattern character "\("/],
    ['/:path*', /repeated parameter/],
    ['/x/:', /unnamed parameter/],
    ['/x/:id(\\d+', /unbalanced "\("/],
    ['/x{/:id', /unbalanced "\{"/],
    ['/x}', /unbalanced "\}"/],
  ] as const) {
    const r = toOpenApiPath(p);
    assert.equal(r.path, null, p);
    assert.match(r.dynamic!, why, p);
    assert.match(toOpenApiPath(p, { bestEffort: true }).dynamic!, why, p);
  }
  assert.equal(toOpenApiPath('/users/:id').dynamic, undefined);
  assert.match(toOpenApiPath('${base}/x', { bestEffort: true }).dynamic!, /template expression/);
});

test('an optional param is listed once', () => {
  assert.deepEqual(toOpenApiPath('/a{/:b?}').optional, ['b']);
});
