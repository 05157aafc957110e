import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocOperation } from '../../../codemods/model.js';
import type { RouteRecord } from '../../../codemods/plan.js';
import { variantSpecs, withoutOptionalParams } from '../../../codemods/zod/path-variants.js';

test('variant keys: the route path with its optional params left out (Express 4 and 5 forms)', () => {
  const cases: Array<[string, string[], string]> = [
    ['/:id/loans/:status?', ['status'], '/:id/loans'],
    ['/files/:id(\\d+)/:format(json|csv)?', ['format'], '/files/:id(\\d+)'],
    ['/a/:x?/:y?', ['y', 'x'], '/a'],
    ['/files/:name{/:rev}', ['rev'], '/files/:name'],
    ['/:only?', ['only'], '/'],
  ];
  for (const [path, names, key] of cases) {
    assert.equal(withoutOptionalParams(path, names), key, path);
  }
});

const op = (path: string, summary: string, description?: string): DocOperation => ({
  method: 'get', path, style: 'jsdoc', at: { file: 'r.js', line: 1 }, operation: { summary, ...(description ? { description } : {}) },
});

test('variantSpecs: the shorter path keeps its own words; words equal to the route operation are not repeated', () => {
  const route = { path: '/books/:id/loans/:status?', openapiPath: '/api/books/{id}/loans/{status}', optionalParams: ['status'] } as RouteRecord;
  const own = op('/api/books/{bookId}/loans/{status}', 'Loans in one status', 'Same words');
  assert.deepEqual(variantSpecs(route, own, [op('/api/books/{bookId}/loans', 'All loans', 'Same words')]), {
    '/books/:id/loans': { summary: 'All loans' },
  });
  assert.deepEqual(variantSpecs(route, own, [op('/api/books/{id}/loans', 'Loans in one status', 'Same words')]), {}, 'nothing differs');
  assert.deepEqual(variantSpecs(route, own, [op('/elsewhere/{id}/loans', 'Second mount')]), {}, 'not an optional-param variant');
});
