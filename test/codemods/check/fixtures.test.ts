// One fixture per drift kind: `drift/` must produce exactly its expected.json (the whole list), and
// `lookalike/` (code that resembles the drift but is not) must produce exactly its own, usually [].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../../codemods/check/index.js';
import { DRIFT_KINDS, RUNTIME_KINDS, type DriftKind } from '../../../codemods/check/findings.js';

const ROOT = join(import.meta.dirname, '../../../fixtures/check');
const cases = readdirSync(ROOT, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => ['drift', 'lookalike'].map((v) => join(e.name, v)))
  .filter((dir) => existsSync(join(ROOT, dir, 'expected.json')));

test('every static drift kind has a drift and a look-alike fixture', () => {
  const staticKinds = Object.keys(DRIFT_KINDS).filter((k) => !RUNTIME_KINDS.has(k as DriftKind)).sort();
  for (const variant of ['drift', 'lookalike']) {
    assert.deepEqual(cases.filter((c) => c.endsWith(`/${variant}`)).map((c) => c.split('/')[0]).sort(), staticKinds);
  }
});

for (const dir of cases) {
  test(`fixtures/check/${dir}`, async () => {
    const expected = JSON.parse(readFileSync(join(ROOT, dir, 'expected.json'), 'utf8'));
    const { findings } = await checkProject(join(ROOT, dir));
    assert.deepEqual(findings, expected);
    const kind = dir.split('/')[0];
    if (dir.endsWith('/drift')) assert.ok(findings.some((f) => f.kind === kind), `the drift fixture shows ${kind}`);
    else assert.ok(!findings.some((f) => f.kind === kind), `the look-alike is not ${kind}`);
  });
}
