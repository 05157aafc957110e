// The generated import must resolve in the project as it is written: the specifier follows the module format
// and the project's import style, and the format follows the route files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSpecifier, projectFormat } from '../../codemods/module-paths.js';
import { textFacts } from '../../codemods/scan/text-facts.js';

/** The syntax each file's analysis records (scan/text-facts.ts). */
const esmOf = (f: string) => textFacts(readFileSync(f, 'utf8')).esm;

test('importSpecifier: TS imports the emitted .js unless the project writes none or .ts; a .cjs keeps its extension', () => {
  assert.equal(importSpecifier('/app/src/routes/users.ts', '/app/src/api-schemas.ts', 'ts', null), '../api-schemas.js');
  assert.equal(importSpecifier('/app/src/routes/users.ts', '/app/src/api-schemas.ts', 'ts', 'none'), '../api-schemas');
  assert.equal(importSpecifier('/app/src/routes/users.ts', '/app/src/api-schemas.ts', 'ts', 'ts'), '../api-schemas.ts');
  assert.equal(importSpecifier('/app/src/app.js', '/app/src/api-schemas.js', 'js', 'none'), './api-schemas');
  assert.equal(importSpecifier('/app/src/app.js', '/app/src/api-schemas.js', 'js', null), './api-schemas.js');
  assert.equal(importSpecifier('/app/app.js', '/app/lib/api-schemas.cjs', 'cjs', 'none'), './lib/api-schemas.cjs');
});

test('projectFormat: TS when any route file is TS, else ESM or CommonJS by majority', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ma-format-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, code: string) => { writeFileSync(join(dir, name), code); return join(dir, name); };
  const esm = file('a.js', "import express from 'express';\nexport default express.Router();\n");
  const cjs1 = file('b.js', "const express = require('express');\nmodule.exports = express.Router();\n");
  const cjs2 = file('c.cjs', "module.exports = {};\n");
  assert.equal(projectFormat([esm, cjs1, join(dir, 'd.ts')], esmOf), 'ts');
  assert.equal(projectFormat([esm, cjs1, cjs2], esmOf), 'cjs');
  assert.equal(projectFormat([esm, file('e.mjs', ''), cjs1], esmOf), 'js');
  // One file with several routes counts once.
  assert.equal(projectFormat([esm, esm, cjs1, cjs2], esmOf), 'cjs');
});
