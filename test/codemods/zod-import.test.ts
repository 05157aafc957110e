// Which module the migrated code imports `z` from: `zod/v4` where the app's zod can be a 3.x (installed, else
// the range its package.json asks for), `zod` where it is 4 or missing (the migration then adds zod ^4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canBeZod3, zodModuleFor } from '../../codemods/zod-import.js';

function app(t: { after: (fn: () => void) => void }, range: string | undefined, installed?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma-zod-import-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', dependencies: { express: '^5.1.0', ...(range ? { zod: range } : {}) } }));
  mkdirSync(join(dir, 'src'));
  if (installed) {
    mkdirSync(join(dir, 'node_modules/zod'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/zod/package.json'), JSON.stringify({ name: 'zod', version: installed }));
  }
  return dir;
}

test('versions and ranges that can give a zod 3', () => {
  for (const yes of ['3.25.76', '^3.25.0', '~3.25.1', '>=3.25', '>= 3.25.0 <4', '^3.25.0 || ^4.0.0', '^4.0.0 || ^3.25.0', 'v3.25.0', '3.x', '3']) assert.equal(canBeZod3(yes), true, yes);
  for (const no of ['4.1.5', '^4.0.0', '~4.1', '>=4', 'latest', '*', 'github:colinhacks/zod', '13.0.0', '^30.1.0']) assert.equal(canBeZod3(no), false, no);
});

test('an app on zod 3.25 (installed) gets zod/v4, from any folder of the package', (t) => {
  const dir = app(t, '^3.25.0', '3.25.76');
  assert.equal(zodModuleFor(dir), 'zod/v4');
  assert.equal(zodModuleFor(join(dir, 'src')), 'zod/v4');
});

test('the installed zod wins over the range', (t) => {
  assert.equal(zodModuleFor(app(t, '^3.25.0 || ^4.0.0', '4.1.5')), 'zod');
  assert.equal(zodModuleFor(app(t, '*', '3.25.76')), 'zod/v4');
});

test('without node_modules the package.json range decides', (t) => {
  assert.equal(zodModuleFor(app(t, '^3.25.0')), 'zod/v4');
  assert.equal(zodModuleFor(app(t, '^3.25.0 || ^4.0.0')), 'zod/v4');
  assert.equal(zodModuleFor(app(t, '^4.1.0')), 'zod');
});

test('an app without zod gets zod (the migration adds zod ^4 to its package.json)', (t) => {
  assert.equal(zodModuleFor(app(t, undefined)), 'zod');
});
