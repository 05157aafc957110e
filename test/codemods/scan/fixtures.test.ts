// Every fixtures/scan/<case>/ is a small project tree; scanning it must give exactly scan.expected.json.
// A case may hold extra-files.json ({ path: content }): files git would not keep (ignored, node_modules)
// written into a temporary copy of the case before the scan. UPDATE_FIXTURES=1 rewrites the expectations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanProject } from '../../../codemods/scan/index.js';
import { snapshot } from './snapshot.js';

const casesDir = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/scan');
const cases = readdirSync(casesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

test('fixture cases exist', () => {
  assert.ok(cases.length >= 10, `found ${cases.length} cases`);
});

for (const name of cases) {
  test(`scan fixture: ${name}`, () => {
    const caseDir = join(casesDir, name);
    const extrasFile = join(caseDir, 'extra-files.json');
    let root = caseDir;
    if (existsSync(extrasFile)) {
      root = mkdtempSync(join(tmpdir(), `scan-${name}-`));
      cpSync(caseDir, root, { recursive: true });
      const extras = JSON.parse(readFileSync(extrasFile, 'utf8')) as Record<string, string>;
      for (const [p, content] of Object.entries(extras)) {
        if (p === '//') continue;
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), content);
      }
    }
    try {
      const actual = snapshot(scanProject(root));
      const expectedFile = join(caseDir, 'scan.expected.json');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
    } finally {
      if (root !== caseDir) rmSync(root, { recursive: true, force: true });
    }
  });
}
