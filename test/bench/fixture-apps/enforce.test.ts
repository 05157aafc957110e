// The fixture-enforce link: a test that moved under enforce is tied to the findings of the route its title
// names (method and path, then the path alone, then its last literal segment, singular or plural), then of the
// route its failure names; with no such mention bench/real-apps' own link decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkFixtureChanges } from '../../../bench/fixture-apps/enforce.js';
import type { DriftFinding } from '../../../codemods/check/findings.js';

const finding = (kind: DriftFinding['kind'], route: string): DriftFinding => ({ kind, route, file: 'routes/x.js', line: 1, message: '1x request violation at path.id: x', hint: '' });
const runtime = [
  finding('type-drift', 'GET /api/items'),
  finding('type-drift', 'GET /api/items/:id'),
  finding('runtime', 'PATCH /api/items/:id'),
  finding('type-drift', 'POST /api/v2/owners'),
  finding('type-drift', 'GET /api/users/:id'),
];
const moved = (name: string, error?: string) => ({ name, before: 'passed' as const, after: 'failed' as const, error });
const link = (name: string, error?: string) => {
  const [c] = linkFixtureChanges({ same: false, changed: [moved(name, error)] }, runtime);
  return [c!.link, c!.findings];
};

test('the route the title names, method and path, and not a longer path that starts the same', () => {
  assert.deepEqual(link('test/items.test.ts > GET /api/items > rejects an unknown category'), ['title-route', ['type-drift GET /api/items']]);
  assert.deepEqual(link('test/items.test.ts > GET /api/items/:id > returns an item'), ['title-route', ['type-drift GET /api/items/:id']]);
});

test('a path named without its method; a path named with another method is not that route', () => {
  assert.deepEqual(link('test/u.test.js > GET /api/users/me and /api/users/:id > 400s for a non-numeric id'), ['title-path', ['type-drift GET /api/users/:id']]);
  assert.equal(link('test/items.test.ts > POST /api/items > creates an item')[0], 'title-segment');
});

test('a segment, singular or plural, in the title', () => {
  assert.deepEqual(link('test/clinic.test.js > /api/v2 (three routers deep) > rejects an owner without a name'), ['title-segment', ['type-drift POST /api/v2/owners']]);
});

test('no mention: bench/real-apps\' link decides (which reads the file name too), else none', () => {
  assert.deepEqual(link('test/owners.test.js > health > answers'), ['path', ['type-drift POST /api/v2/owners']]);
  assert.deepEqual(link('test/app.test.js > health > answers'), ['none', []]);
});

test('the failure names a segment when the title does not', () => {
  assert.deepEqual(link('test/a.test.js > misc > works', 'expected 400 from /api/v2/owners, got 422'), ['error-segment', ['type-drift POST /api/v2/owners']]);
});
