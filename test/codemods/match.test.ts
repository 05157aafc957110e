import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchRoutes, normalizePath } from '../../codemods/match.js';
import type { DocOperation } from '../../codemods/model.js';
import type { MatchResult, RouteRecord, ScanResult } from '../../codemods/plan.js';
import { scanProject } from '../../codemods/scan/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/scan');

function doc(method: string, path: string, extra: Partial<DocOperation> = {}): DocOperation {
  return { method, path, operation: { summary: `${method} ${path}` }, style: 'jsdoc', at: { file: 'docs.yaml', line: 1 }, ...extra };
}

function route(method: RouteRecord['method'], openapiPath: string | null, extra: Partial<RouteRecord> = {}): RouteRecord {
  return {
    file: '/app/routes.js', at: { file: '/app/routes.js', line: 1, col: 1 }, method, path: openapiPath, fullPath: openapiPath, openapiPath,
    receiver: 'router', handler: { kind: 'identifier', text: 'h' }, middleware: [], ...extra,
  };
}

function scanOf(routes: RouteRecord[]): ScanResult {
  return { root: '/app', files: ['/app/routes.js'], routers: [], mounts: [], routes, diagnostics: [] };
}

/** `METHOD fullPath -> doc summary | -` for every route, in scan order. */
function table(r: MatchResult): string[] {
  return r.matched.map((m) => `${m.route.method.toUpperCase()} ${m.route.fullPath ?? m.route.path} -> ${m.doc ? m.doc.operation.summary : '-'}`);
}

test('normalizePath drops trailing and doubled slashes and param names', () => {
  assert.equal(normalizePath('/users/{id}/'), '/users/{}');
  assert.equal(normalizePath('//a//b'), '/a/b');
  assert.equal(normalizePath('/'), '/');
  assert.equal(normalizePath('users'), '/users');
});

test('a real multi-file scan: documented, undocumented and documented-without-route', () => {
  const scan = scanProject(join(fixtures, 'cjs-app'));
  const docs = [
    doc('get', '/api/users'),
    doc('post', '/api/users/'),
    doc('get', '/api/users/{userId}'),
    doc('delete', '/api/users/{id}'),
    doc('put', '/api/posts/{postId}'),
    doc('get', '/api/orders'),
    doc('patch', '/api/users/{id}'),
  ];
  const r = matchRoutes(scan, docs);
  assert.deepEqual(table(r), [
    'GET / -> -',
    'GET /healthz -> -',
    'GET /api/posts -> -',
    'PUT /api/posts/:postId/ -> put /api/posts/{postId}',
    'GET /api/users -> get /api/users',
    'POST /api/users -> post /api/users/',
    'GET /api/users/:id -> get /api/users/{userId}',
    'DELETE /api/users/:id -> delete /api/users/{id}',
  ]);
  assert.deepEqual(r.unmatchedDocs.map((d) => `${d.method} ${d.path}`), ['get /api/orders', 'patch /api/users/{id}']);
  assert.deepEqual(r.diagnostics, []);
});

test('flasgger blocks match the route under them by location, whatever their path says', () => {
  const scan = scanProject(join(fixtures, 'cjs-app'));
  const target = scan.routes.find((x) => x.method === 'get' && x.fullPath === '/api/users/:id')!;
  // The docs reader may give a path relative to the root: locations are compared as absolute paths.
  const flasgger = doc('get', '/:id', { style: 'flasgger', routeAt: { file: relative(scan.root, target.file), line: target.at.line, col: target.at.col } });
  const r = matchRoutes(scan, [flasgger, doc('get', '/api/users/{id}')]);
  assert.equal(r.matched.find((m) => m.route === target)!.doc, flasgger);
  // The path-keyed doc for the same route finds nothing else to document.
  assert.deepEqual(r.unmatchedDocs.map((d) => d.path), ['/api/users/{id}']);
});

test('a flasgger block whose route the scan did not see falls back to method + path', () => {
  const r = matchRoutes(scanOf([route('get', '/x')]), [doc('get', '/x', { style: 'flasgger', routeAt: { file: '/app/other.js', line: 9 } })]);
  assert.deepEqual(table(r), ['GET /x -> get /x']);
});

test('chained verbs on one line pick the block by method', () => {
  const at = { file: '/app/routes.js', line: 4 };
  const scan = scanOf([route('get', '/books', { at: { ...at, col: 1 } }), route('post', '/books', { at: { ...at, col: 30 } })]);
  const r = matchRoutes(scan, [doc('post', '/', { style: 'flasgger', routeAt: at })]);
  assert.deepEqual(table(r), ['GET /books -> -', 'POST /books -> post /']);
});

test('optional params match a doc with or without the segment; both docs are served', () => {
  const scan = scanProject(join(fixtures, 'params'));
  const r = matchRoutes(scan, [doc('get', '/orders'), doc('get', '/docs/{section}'), doc('get', '/orders/{status}'), doc('get', '/items/{id}')]);
  const orders = r.matched.find((m) => m.route.path === '/orders/:status?')!;
  assert.equal(orders.doc?.path, '/orders/{status}', 'the full path wins over the variant');
  assert.equal(r.matched.find((m) => m.route.path === '/docs{/:section}')!.doc?.path, '/docs/{section}');
  assert.equal(r.matched.find((m) => m.route.path === '/items/:id/')!.doc?.path, '/items/{id}');
  assert.deepEqual(r.unmatchedDocs, []);
  assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.route}`), ['also-served GET /orders']);
});

test('an optional param alone: the doc without the segment matches', () => {
  const r = matchRoutes(scanOf([route('get', '/orders/{status}', { optionalParams: ['status'] })]), [doc('get', '/orders')]);
  assert.deepEqual(table(r), ['GET /orders/{status} -> get /orders']);
});

test('dynamic routes are never matched by path', () => {
  const scan = scanProject(join(fixtures, 'params'));
  const r = matchRoutes(scan, [doc('get', '/files/{path}'), doc('get', '/one')]);
  assert.ok(r.matched.every((m) => !m.doc));
  assert.equal(r.unmatchedDocs.length, 2);
});

test('a router mounted twice matches docs on either path', () => {
  const scan = scanProject(join(fixtures, 'nested'));
  const r = matchRoutes(scan, [doc('get', '/api/v2/ping'), doc('get', '/api/v1/users/{id}/posts/{postId}'), doc('get', '/api/v2/users/{userId}/posts/{postId}')]);
  assert.deepEqual(table(r), [
    'GET /api/v1/users/:userId/posts -> -',
    'GET /api/v1/users/:userId/posts/:postId -> get /api/v1/users/{id}/posts/{postId}',
    'GET /api/v1/ping -> get /api/v2/ping',
  ]);
  assert.deepEqual(r.unmatchedDocs, []);
  assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${d.route}`), ['also-served GET /api/v2/users/{userId}/posts/{postId}']);
});

test('param names break a positional tie; a tie they cannot break is reported', () => {
  const docs = [doc('get', '/users/{name}'), doc('get', '/users/{id}')];
  const exact = matchRoutes(scanOf([route('get', '/users/{id}')]), docs);
  assert.deepEqual(table(exact), ['GET /users/{id} -> get /users/{id}']);
  assert.deepEqual(exact.diagnostics, []);
  const tie = matchRoutes(scanOf([route('get', '/users/{x}')]), docs);
  assert.deepEqual(table(tie), ['GET /users/{x} -> get /users/{name}']);
  assert.deepEqual(tie.diagnostics.map((d) => d.code), ['ambiguous-match']);
  assert.deepEqual(tie.unmatchedDocs.map((d) => d.path), ['/users/{id}']);
});

test('an `all` route takes every method documented on its path', () => {
  const r = matchRoutes(scanOf([route('all', '/ping')]), [doc('post', '/ping'), doc('get', '/ping'), doc('get', '/other')]);
  assert.deepEqual(table(r), ['ALL /ping -> get /ping']);
  assert.deepEqual(r.unmatchedDocs.map((d) => `${d.method} ${d.path}`), ['get /other']);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['all-route']);
});

test('the same method + path documented twice, or registered twice, is reported', () => {
  const twice = matchRoutes(scanOf([route('get', '/a')]), [doc('get', '/a'), doc('get', '/a/')]);
  assert.deepEqual(twice.diagnostics.map((d) => d.code), ['duplicate-operation']);
  assert.deepEqual(twice.unmatchedDocs, []);
  const routes = [route('get', '/a'), route('get', '/a', { at: { file: '/app/routes.js', line: 7 } })];
  const dup = matchRoutes(scanOf(routes), [doc('get', '/a')]);
  assert.deepEqual(table(dup), ['GET /a -> get /a', 'GET /a -> -']);
  assert.deepEqual(dup.diagnostics.map((d) => `${d.code} ${d.at?.line}`), ['duplicate-route 7']);
});

test('methods must agree', () => {
  const r = matchRoutes(scanOf([route('get', '/a')]), [doc('post', '/a')]);
  assert.deepEqual(table(r), ['GET /a -> -']);
  assert.equal(r.unmatchedDocs.length, 1);
});

test('docs under a base path match the prefixed routes first, the bare ones when the app answers without it', () => {
  const docs = [
    doc('get', '/api/pets', { basePath: '/api' }),
    doc('get', '/api/pets/{id}', { basePath: '/api' }),
    doc('post', '/api/pets', { basePath: '/api' }),
  ];
  const r = matchRoutes(scanOf([route('get', '/api/pets'), route('get', '/pets/{petId}'), route('post', '/v1/pets')]), docs);
  assert.deepEqual(table(r), ['GET /api/pets -> get /api/pets', 'GET /pets/{petId} -> get /api/pets/{id}', 'POST /v1/pets -> -']);
  assert.deepEqual(r.unmatchedDocs.map((d) => `${d.method} ${d.path}`), ['post /api/pets']);
});

test('a block above a mounted route that writes its path as the code does, optional param and all, is the route\'s', () => {
  // `/:id?` written in the block read as the route's `/:id?` is: before, the block's `?` (and a `(\\d+)`) stayed
  // in its key, so the block matched nothing and the route was migrated as undocumented
  const r = route('get', '/jobs/{id}', { path: '/:id?', fullPath: '/jobs/:id?', optionalParams: ['id'], at: { file: '/app/routes.js', line: 10, col: 1 } });
  const d = doc('get', '/:id?', { at: { file: '/app/routes.js', line: 3 }, comment: { start: 0, end: 0, startLine: 3, endLine: 9 } });
  const m = matchRoutes(scanOf([r]), [d]);
  assert.deepEqual(table(m), ['GET /jobs/:id? -> get /:id?']);
  assert.deepEqual(m.diagnostics.map((x) => x.code), ['mount-relative-doc']);
});
