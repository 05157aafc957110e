import { test } from 'node:test';
import assert from 'node:assert/strict';
import { joinPaths, toOpenApiPaths } from '../../compat/express-path.js';

test('Express 4 and 5 path syntaxes become OpenAPI templates, one per optional combination', () => {
  const cases: Array<[string, Array<[string, string[]]>]> = [
    ['/users/:id', [['/users/{id}', ['id']]]],
    ['/users/:id/posts/:postId', [['/users/{id}/posts/{postId}', ['id', 'postId']]]],
    ['/users/:id(\\d+)', [['/users/{id}', ['id']]]],
    ['/users/:status?', [['/users', []], ['/users/{status}', ['status']]]],
    ['/a/:x?/:y?', [['/a', []], ['/a/{y}', ['y']], ['/a/{x}', ['x']], ['/a/{x}/{y}', ['x', 'y']]]],
    ['/files{/:name}', [['/files', []], ['/files/{name}', ['name']]]],
    ['/files/*splat', [['/files/{splat}', ['splat']]]],
    ['/static/*', [['/static/{0}', ['0']]]],
    ['/:"quoted name"', [['/{quoted name}', ['quoted name']]]],
    ['/v1\\:batch', [['/v1:batch', []]]],
    ['/', [['/', []]]],
    ['/users/', [['/users', []]]],
  ];
  for (const [input, expected] of cases) {
    assert.deepEqual(
      toOpenApiPaths(input).map((v) => [v.path, v.params.map((p) => p.name)]),
      expected,
      input,
    );
  }
  assert.deepEqual(toOpenApiPaths('/n/:id(\\d+(?:\\.\\d+)?)')[0].params, [{ name: 'id', pattern: '\\d+(?:\\.\\d+)?' }]);
});

test('mount prefixes join like Express matches them', () => {
  assert.equal(joinPaths('/api', '/users'), '/api/users');
  assert.equal(joinPaths('/api/', '/'), '/api');
  assert.equal(joinPaths('', '/'), '/');
  assert.equal(joinPaths('/', 'x', '/y/'), '/x/y');
});
