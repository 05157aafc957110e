import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isKnown, knownGapClasses } from './known-gaps.js';

const doc = `# Gaps

## Differential check

| class | count | reason |
|---|---:|---|
| \`zod-looser/format:regex\` | 6 | no check |
| \`zod-stricter/format:*\` | 1 | glob |

## Round trip

| class | count | reason |
|---|---:|---|
| \`pattern-changed\` | 126 | upstream |
`;

test('class ids are read from the first cell of the named section only', () => {
  assert.deepEqual([...knownGapClasses('Differential check', doc)], ['zod-looser/format:regex', 'zod-stricter/format:*']);
  assert.deepEqual([...knownGapClasses('Round trip', doc)], ['pattern-changed']);
  assert.throws(() => knownGapClasses('Nope', doc), /no "## Nope" section/);
});

test('an id ending in * covers the classes it prefixes, others match exactly', () => {
  const known = knownGapClasses('Differential check', doc);
  assert.equal(isKnown('zod-looser/format:regex', known), true);
  assert.equal(isKnown('zod-stricter/format:email', known), true);
  assert.equal(isKnown('zod-looser/format:uuid', known), false);
  assert.equal(isKnown('zod-looser/format:regex2', known), false);
});

test('the real KNOWN-GAPS.md has both sections, each with classes', () => {
  assert.ok(knownGapClasses('Differential check').size > 0);
  assert.ok(knownGapClasses('Round trip').size > 0);
});
