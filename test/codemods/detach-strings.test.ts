// detachStrings: every string under a scan keeps its value, every object its identity, and an accessor is
// left alone (a copy that changed a value or threw on a getter would change what the migration reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detached, detachStrings } from '../../codemods/detach-strings.js';

test('a long string comes back equal; a short one and non-strings unchanged', () => {
  const source = `const handler = require('./controllers/users-controller');`;
  const cut = source.slice(24, 55);
  assert.equal(detached(cut), cut);
  assert.equal(detached('get'), 'get');
});

test('objects, arrays, maps and sets are walked in place: same values, same identities, same order', () => {
  const source = 'router.get("/a-rather-long-route-path", listEverythingHandler);';
  const name = source.slice(source.indexOf('list'), source.indexOf(')'));
  const path = source.slice(source.indexOf('"'), source.indexOf(','));
  const val = { k: 'member', obj: { k: 'local', name: source.slice(0, 6) }, prop: name };
  const scan = {
    routes: [{ at: { file: '/app/src/routes/users.js', line: 3, col: 1 }, pathText: path, handler: val }],
    bindings: new Map([[name, val]]),
    seen: new Set([path]),
    count: 2,
    none: null,
  };
  const before = structuredClone(scan);
  const routes = scan.routes;
  assert.equal(detachStrings(scan), scan);
  assert.deepEqual(scan, before);
  assert.equal(scan.routes, routes);
  assert.equal(scan.bindings.get('listEverythingHandler'), val);
  assert.deepEqual([...scan.bindings.keys()], ['listEverythingHandler']);
});

test('a cycle is walked once and an accessor property is neither read into nor written', () => {
  let reads = 0;
  const node: Record<string, unknown> = { text: 'a string of more than thirteen characters' };
  node.self = node;
  Object.defineProperty(node, 'computed', { enumerable: true, get: () => { reads++; return 'computed value of some length'; } });
  detachStrings(node);
  assert.equal(node.self, node);
  assert.equal(node.text, 'a string of more than thirteen characters');
  assert.equal(reads, 0);
});
