// Every fixtures/schema-to-zod/<case>.input.yaml must emit exactly <case>.output.ts.
// UPDATE_FIXTURES=1 rewrites the outputs (review the diff before keeping it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureCases, renderFixture } from './render-fixture.js';

const cases = fixtureCases();

test('there is a fixture for every mapping row', () => {
  for (const row of ['string-formats', 'numbers', 'boolean-null', 'enum-const', 'nullable', 'required-optional', 'default',
    'number-bounds', 'string-constraints', 'array-constraints', 'additional-properties', 'all-of', 'one-of-any-of',
    'discriminator', 'ref', 'recursion', 'read-write-only', 'metadata', 'lossy', 'identifiers', 'operation-params',
    'operation-body-responses', 'operation-form-body']) {
    assert.ok(cases.includes(row), `missing fixture ${row}`);
  }
});

for (const name of cases) {
  test(`schema-to-zod fixture: ${name}`, () => {
    const actual = renderFixture(name);
    const file = join(FIXTURES, `${name}.output.ts`);
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(file, actual);
    assert.ok(existsSync(file), `missing ${name}.output.ts (run with UPDATE_FIXTURES=1 and review it)`);
    assert.equal(actual, readFileSync(file, 'utf8'));
  });
}
