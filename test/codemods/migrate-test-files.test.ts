// Test files are never rewritten by a default migration, nor read to learn routes; `--include-tests` opts in,
// and a test file or folder the user names is migrated like any other target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../codemods/cli.js';

const route = (path: string) => `const express = require('express');\nconst router = express.Router();\nrouter.get('${path}', (req, res) => res.json({}));\nmodule.exports = router;\n`;
const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'tf', version: '1.0.0', dependencies: { express: '^5.1.0', 'migrate-api': '*', zod: '^4.1.0' } }),
  'app.js': "const express = require('express');\nconst app = express();\napp.use('/users', require('./routes/users'));\nmodule.exports = app;\n",
  'routes/users.js': route('/'),
  'routes/auth.test.js': "const express = require('express');\nconst app = express();\napp.get('/fake-login', (req, res) => res.json({ ok: true }));\n",
  'routes/users.spec.ts': "import express from 'express';\nconst app = express();\napp.get('/spec', (req, res) => res.json({}));\n",
  '__tests__/helpers.js': route('/helper'),
  'test/app.js': "const express = require('express');\nconst app = express();\napp.use('/mock', require('./mock'));\n",
  'test/mock.js': route('/m'),
  'tests/fixtures/app.js': "const express = require('express');\nconst app = express();\napp.get('/t', (req, res) => res.json({}));\nmodule.exports = app;\n",
};

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-api-tests-'));
  for (const [f, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

async function run(argv: string[]): Promise<{ code: number; report: { routes: Array<{ file: string; path: string | null }>; files: Array<{ file: string }> } }> {
  let out = '';
  const code = await main([...argv, '--json', '--force'], { out: (s) => { out += s; }, err: () => {}, isTTY: false });
  return { code, report: JSON.parse(out) };
}

const changed = (dir: string) => Object.keys(FILES).filter((f) => readFileSync(join(dir, f), 'utf8') !== FILES[f]);

test('a default migration leaves every test file alone and learns no route from them', async () => {
  const dir = project();
  try {
    const r = await run([dir]);
    assert.equal(r.code, 0);
    assert.deepEqual(changed(dir).sort(), ['app.js', 'routes/users.js']);
    assert.deepEqual(r.report.routes.map((x) => `${x.file} ${x.path}`), ['routes/users.js /users']);
    assert.ok(!r.report.files.some((f) => /test|spec/.test(f.file)), 'test files are not even listed');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--include-tests migrates them too', async () => {
  const dir = project();
  try {
    const r = await run([dir, '--include-tests']);
    assert.equal(r.code, 0);
    assert.deepEqual(changed(dir).sort(), ['__tests__/helpers.js', 'app.js', 'routes/auth.test.js', 'routes/users.js',
      'routes/users.spec.ts', 'test/app.js', 'test/mock.js', 'tests/fixtures/app.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a test folder or file named as the target is migrated (the user asked for it)', async () => {
  const dir = project();
  try {
    const folder = await run([join(dir, 'tests/fixtures')]);
    assert.equal(folder.code, 0);
    assert.deepEqual(folder.report.routes.map((x) => `${x.file} ${x.path}`), ['app.js /t']);
    const file = await run([join(dir, 'routes/auth.test.js')]);
    assert.equal(file.code, 0);
    assert.deepEqual(file.report.routes.map((x) => `${x.file} ${x.path}`), ['auth.test.js /fake-login']);
    assert.deepEqual(changed(dir).sort(), ['routes/auth.test.js', 'tests/fixtures/app.js']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
