import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isSourceFile, isTestFile, listSourceFiles } from '../../../codemods/scan/files.js';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'scan-files-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), c);
  }
  return root;
}

test('every source extension, no declaration files, no other files', () => {
  assert.deepEqual(['a.js', 'a.cjs', 'a.mjs', 'a.jsx', 'a.ts', 'a.mts', 'a.cts', 'a.tsx'].filter(isSourceFile).length, 8);
  assert.deepEqual(['a.d.ts', 'a.d.mts', 'a.json', 'a.md', 'a.js.map', 'ats'].filter(isSourceFile), []);
});

test('lists sorted absolute paths, honouring nested .gitignore files and skipping output dirs', () => {
  const root = tree({
    '.gitignore': '/tmp-*\n*.gen.ts\nlogs/\n!keep.gen.ts\n',
    'src/app.ts': '', 'src/b.js': '', 'src/x.gen.ts': '', 'src/keep.gen.ts': '', 'tmp-1.js': '', 'src/tmp-2.js': '',
    'src/sub/.gitignore': 'secret.js\n', 'src/sub/secret.js': '', 'src/sub/open.js': '', 'secret.js': '',
    'logs/a.js': '', 'node_modules/x/index.js': '', 'src/node_modules/y.js': '', 'dist/a.js': '', 'build/a.js': '',
    'coverage/a.js': '', 'src/types.d.ts': '', 'src/data.json': '',
  });
  try {
    const files = listSourceFiles(root);
    assert.ok(files.every((f) => f.startsWith(root)));
    assert.deepEqual(files.map((f) => relative(root, f).split('\\').join('/')), [
      'secret.js', 'src/app.ts', 'src/b.js', 'src/keep.gen.ts', 'src/sub/open.js', 'src/tmp-2.js',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a missing root lists nothing instead of throwing', () => {
  assert.deepEqual(listSourceFiles(join(tmpdir(), 'does-not-exist-scan-files')), []);
});

test('a root that is a file lists that file alone', () => {
  const root = tree({ 'src/app.ts': '', 'src/b.js': '', 'notes.md': '' });
  try {
    assert.deepEqual(listSourceFiles(join(root, 'src/app.ts')), [join(root, 'src/app.ts')]);
    assert.deepEqual(listSourceFiles(join(root, 'notes.md')), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('isTestFile: *.test.* / *.spec.* files and test folders, by path', () => {
  for (const p of ['routes/auth.test.ts', 'a.spec.mjs', 'x.test.cjs', '__tests__/app.js', 'test/app.js', 'tests/fixtures/app.js', 'src/e2e/x.ts', 'spec/h.js']) {
    assert.ok(isTestFile(p), p);
  }
  for (const p of ['routes/auth.ts', 'testing/app.js', 'src/latest/x.js', 'contest.js', 'routes/tests.js', 'specs.js']) assert.ok(!isTestFile(p), p);
});
