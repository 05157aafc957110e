import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { relativeImportStyle, tsconfigImportStyle } from '../../../codemods/scan/import-style.js';
import { textFacts } from '../../../codemods/scan/text-facts.js';

/** The style of files with these texts, from the counts each file's analysis takes (scan/text-facts.ts). */
function styleOf(sources: string[]): ReturnType<typeof relativeImportStyle> {
  const files = sources.map((_, i) => `/app/f${i}.ts`);
  return relativeImportStyle(files, (f) => textFacts(sources[files.indexOf(f)]!).imports);
}

test('relative imports: the majority convention, packages and data files not counted', () => {
  assert.equal(styleOf(["import { a } from './a';\nimport b = require('../b');\nimport x from 'express';\nimport data from './data.json';"]), 'none');
  assert.equal(styleOf(["import { a } from './a.js';", "const b = require('./b.cjs');\nconst c = await import('./c.mjs');"]), 'js');
  assert.equal(styleOf(["import { a } from './a.ts';\nimport type { B } from './b.ts';\nimport { c } from './c';"]), 'ts');
  // A file name with dots is not an extension: `./user.service` is extensionless.
  assert.equal(styleOf(["import { s } from './user.service';\nimport { t } from './user.controller';\nimport { u } from './u.js';"]), 'none');
});

test('relative imports: none, or a tie, says nothing', () => {
  assert.equal(styleOf(["import express from 'express';"]), null);
  assert.equal(styleOf(["import { a } from './a';\nimport { b } from './b.js';"]), null);
});

test('a TS project that imports through path aliases only: the compiler options decide', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-style-'));
  const styleFor = (config: string) => { writeFileSync(join(dir, 'tsconfig.json'), config); return tsconfigImportStyle(dir); };
  try {
    assert.equal(tsconfigImportStyle(dir), null, 'no tsconfig.json');
    // CommonJS with node10 resolution, as ts-jest and ts-node run it: './api-schemas.js' would not load
    assert.equal(styleFor('{ "compilerOptions": { "module": "commonjs", "moduleResolution": "node", // jsonc\n "paths": { "@routes/*": ["routes/*"] }, } }'), 'none');
    assert.equal(styleFor('{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler" } }'), 'none');
    assert.equal(styleFor('{ "compilerOptions": { "module": "NodeNext" } }'), 'js');
    assert.equal(styleFor('{ "compilerOptions": { "module": "esnext", "moduleResolution": "node16" } }'), 'js');
    assert.equal(styleFor('{ "compilerOptions": {} }'), 'none');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
