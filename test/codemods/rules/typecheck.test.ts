// Every migrated output in the fixtures parses, and the TypeScript ones type-check against the real compat types:
// one tsc run over all of them (rule fixtures import small stubs, support.ts and api-schemas.ts, beside them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseSource } from '../../../codemods/parse.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'fixtures');
const CODE = /\.(?:[cm]?js|tsx?)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const ruleOutputs = ['MA001', 'MA002', 'MA003'].flatMap((rule) =>
  filesUnder(join(FIXTURES, rule)).filter((f) => /\.output\.(?:[cm]?js|tsx?)$/.test(f)));
const migrateDir = join(FIXTURES, 'migrate');
const projectOutputs = (existsSync(migrateDir) ? readdirSync(migrateDir) : [])
  .map((c) => join(migrateDir, c, 'expected'))
  .filter((d) => existsSync(d))
  .flatMap((d) => filesUnder(d).filter((f) => CODE.test(f)));
const outputs = [...ruleOutputs, ...projectOutputs].sort();
const tsOutputs = outputs.filter((f) => /\.tsx?$/.test(f));

test('the fixtures have TypeScript outputs from the rules and from a migrated project', () => {
  assert.ok(ruleOutputs.some((f) => f.endsWith('.ts')));
  assert.ok(projectOutputs.some((f) => f.endsWith('.ts')));
});

for (const file of outputs) {
  test(`parses: ${file.slice(FIXTURES.length + 1)}`, () => {
    const parsed = parseSource(readFileSync(file, 'utf8'), file);
    assert.ok('ast' in parsed, 'diagnostic' in parsed ? JSON.stringify(parsed.diagnostic) : file);
  });
}

test('TypeScript outputs type-check against migrate-api/compat (tsc --noEmit, strict)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-typecheck-'));
  try {
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules/@types')],
        baseUrl: ROOT,
        paths: { 'migrate-api/compat': [join(ROOT, 'compat/index.ts')] },
      },
      files: tsOutputs,
    }, null, 2));
    // --listFiles proves each output really was in the program, not silently left out.
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig, '--listFiles'], { encoding: 'utf8' });
    const lines = (r.stdout + r.stderr).split('\n');
    const errors = lines.filter((l) => /error TS\d+/.test(l));
    assert.deepEqual(errors, [], `tsc errors:\n${r.stdout}${r.stderr}`);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const listed = new Set(lines.map((l) => resolve(l.trim())));
    for (const f of [...tsOutputs, join(ROOT, 'compat/index.ts')]) assert.ok(listed.has(f), `${f} was type-checked`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
