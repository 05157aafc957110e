import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aliasCandidates, parseJsonc, tsPathsFor } from '../../../codemods/scan/tsconfig.js';

test('tsconfig is read as JSONC: comments and trailing commas, strings with // and /* kept', () => {
  const text = `{
    // a comment
    "compilerOptions": { /* block */ "paths": { "@/*": ["src/*"], "http://x": ["y"], }, },
  }`;
  assert.deepEqual(parseJsonc(text), { compilerOptions: { paths: { '@/*': ['src/*'], 'http://x': ['y'] } } });
});

test('paths and baseUrl through extends: the longest matching pattern wins, baseUrl resolves the rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'tsconfig-'));
  try {
    mkdirSync(join(root, 'config'));
    mkdirSync(join(root, 'src', 'routes'), { recursive: true });
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'config', 'base.json'), JSON.stringify({ compilerOptions: { baseUrl: '../src', paths: { '@server/*': ['server/*', 'legacy/*'], '@server/routes/*': ['routes/*'] } } }));
    writeFileSync(join(root, 'tsconfig.json'), '{ "extends": "./config/base" }');
    const paths = tsPathsFor(join(root, 'src', 'routes', 'users.ts'), new Map())!;
    assert.ok(paths, 'the nearest tsconfig (at the package root) is found from a nested file');
    assert.deepEqual(aliasCandidates(paths, '@server/routes/users'), [join(root, 'src', 'routes', 'users')]);
    assert.deepEqual(aliasCandidates(paths, '@server/db'), [join(root, 'src', 'server', 'db'), join(root, 'src', 'legacy', 'db')]);
    assert.deepEqual(aliasCandidates(paths, 'routes/users'), [join(root, 'src', 'routes', 'users')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('no tsconfig up to the package root: no aliases', () => {
  const root = mkdtempSync(join(tmpdir(), 'tsconfig-'));
  try {
    writeFileSync(join(root, 'package.json'), '{}');
    assert.equal(tsPathsFor(join(root, 'app.ts'), new Map()), null);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a JavaScript app\'s jsconfig.json declares aliases too; a folder with both is read as TypeScript reads it', () => {
  const root = mkdtempSync(join(tmpdir(), 'jsconfig-'));
  try {
    writeFileSync(join(root, 'package.json'), '{}');
    writeFileSync(join(root, 'jsconfig.json'), '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }');
    assert.deepEqual(aliasCandidates(tsPathsFor(join(root, 'src', 'app.js'), new Map())!, '@/routes/users'), [join(root, 'src', 'routes', 'users')]);
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["lib/*"] } } }');
    assert.deepEqual(aliasCandidates(tsPathsFor(join(root, 'src', 'app.js'), new Map())!, '@/routes/users'), [join(root, 'lib', 'routes', 'users')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('module-alias: package.json `_moduleAliases` name a target and the files under it, longest alias first; a config with paths wins', () => {
  const root = mkdtempSync(join(tmpdir(), 'module-alias-'));
  try {
    writeFileSync(join(root, 'package.json'), JSON.stringify({ _moduleAliases: { '@app': 'src', '@app/admin': 'admin/src', '@db': 'lib/db.js' } }));
    const paths = tsPathsFor(join(root, 'src', 'app.js'), new Map())!;
    assert.deepEqual(aliasCandidates(paths, '@app/routes/users'), [join(root, 'src', 'routes', 'users')]);
    assert.deepEqual(aliasCandidates(paths, '@app/admin/panel'), [join(root, 'admin', 'src', 'panel')]);
    assert.deepEqual(aliasCandidates(paths, '@db'), [join(root, 'lib', 'db.js')]);
    assert.deepEqual(aliasCandidates(paths, '@dbx'), [], 'an alias is a whole path segment');
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, "checkJs": true } }');
    assert.deepEqual(aliasCandidates(tsPathsFor(join(root, 'src', 'app.js'), new Map())!, '@db'), [join(root, 'lib', 'db.js')], 'a tsconfig without paths leaves the package\'s aliases');
    rmSync(join(root, 'tsconfig.json'));
    writeFileSync(join(root, 'jsconfig.json'), '{ "compilerOptions": { "paths": { "@app/*": ["other/*"] } } }');
    assert.deepEqual(aliasCandidates(tsPathsFor(join(root, 'src', 'app.js'), new Map())!, '@app/routes/users'), [join(root, 'other', 'routes', 'users')]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
