// Generated TypeScript must compile under strict tsc (fixtures are outside the project's tsconfig).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FIXTURES, fixtureCases } from './render-fixture.js';

const ROOT = resolve(import.meta.dirname, '../../..');

test('every schema-to-zod fixture output type-checks under strict tsc', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zod-tsc-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext',
        skipLibCheck: true, noUnusedLocals: false,
        // Operation fixtures import the route-file helpers (dateTime, readOnlyChecked) from the runtime's sources.
        types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')],
        paths: { zod: [join(ROOT, 'node_modules/zod')], 'migrate-api/compat': [join(ROOT, 'compat/index.ts')] },
      },
      files: fixtureCases().map((c) => join(FIXTURES, `${c}.output.ts`)),
    }));
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, `tsc failed:\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
