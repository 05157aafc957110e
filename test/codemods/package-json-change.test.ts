// A migrated app imports migrate-api and zod: package.json gains what it lacks, in its own indentation, and
// nothing else changes; what it already lists (in any dependency field) is left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addedDependencies, packageJsonChange } from '../../codemods/package-json-change.js';
import { ownPackage } from '../../codemods/own-package.js';

function app(t: { after: (fn: () => void) => void }, pkg: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma-pkg-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), pkg);
  return dir;
}

test('adds the missing dependencies, keeping the indentation and the final newline', (t) => {
  const before = '{\n    "name": "shop",\n    "dependencies": {\n        "express": "^4.18.0"\n    }\n}\n';
  const dir = app(t, before);
  const change = packageJsonChange(dir);
  assert.ok(change);
  assert.equal(change.file, join(dir, 'package.json'));
  assert.equal(change.before, before);
  assert.equal(change.after, JSON.stringify({
    name: 'shop', dependencies: { express: '^4.18.0', 'migrate-api': `^${ownPackage()!.version}`, zod: '^4.1.0' },
  }, null, '    ') + '\n');
});

test('nothing to change when both are listed, in any dependency field, or the package is migrate-api itself', (t) => {
  assert.equal(packageJsonChange(app(t, JSON.stringify({ dependencies: { 'migrate-api': '^0.1.0' }, peerDependencies: { zod: '^4.0.0' } }))), null);
  assert.equal(packageJsonChange(app(t, JSON.stringify({ name: 'migrate-api' }))), null);
  assert.equal(packageJsonChange(app(t, '{ not json')), null);
});

test('only zod is added when migrate-api is already a devDependency', (t) => {
  const change = packageJsonChange(app(t, JSON.stringify({ devDependencies: { 'migrate-api': '^0.1.0' } })));
  assert.deepEqual(JSON.parse(change!.after), { devDependencies: { 'migrate-api': '^0.1.0' }, dependencies: { zod: '^4.1.0' } });
  assert.ok(!change!.after.endsWith('\n'), 'no final newline where there was none');
});

test('an app on zod 3.25 keeps its zod range (the migrated code imports zod/v4); only migrate-api is added', (t) => {
  const change = packageJsonChange(app(t, JSON.stringify({ dependencies: { express: '^5.1.0', zod: '3.25.76' } })));
  assert.deepEqual(JSON.parse(change!.after), { dependencies: { express: '^5.1.0', zod: '3.25.76', 'migrate-api': `^${ownPackage()!.version}` } });
  // The CLI's note names what was added, not zod.
  assert.deepEqual(addedDependencies(change!), ['migrate-api']);
});
