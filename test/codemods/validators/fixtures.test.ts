// Every fixtures/validators/<library>/<case>.input.ts must translate to exactly <case>.schema.json: each route's
// middleware arguments that the library's translator claims, with their schemas and untranslated rules.
// UPDATE_FIXTURES=1 rewrites the outputs (review the diff before keeping it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TRANSLATORS } from '../../../codemods/validators/registry.js';
import { translateRoutes } from './route-arguments.js';

const ROOT = resolve(import.meta.dirname, '../../../fixtures/validators');

for (const library of readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  const translator = TRANSLATORS.find((t) => t.library === library);
  const dir = join(ROOT, library);
  const cases = readdirSync(dir).filter((f) => f.endsWith('.input.ts')).sort();
  test(`${library}: has a noop case and an untranslated case`, () => {
    assert.ok(translator, `no translator registered for ${library}`);
    assert.ok(cases.includes('noop.input.ts'), 'missing noop.input.ts');
    assert.ok(cases.includes('untranslated.input.ts'), 'missing untranslated.input.ts');
  });
  for (const c of cases) {
    const name = c.replace(/\.input\.ts$/, '');
    test(`${library} fixture: ${name}`, () => {
      const actual = `${JSON.stringify(translateRoutes(join(dir, c), translator!, dir), null, 2)}\n`;
      const file = join(dir, `${name}.schema.json`);
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(file, actual);
      assert.ok(existsSync(file), `missing ${name}.schema.json (run with UPDATE_FIXTURES=1 and review it)`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }
}
