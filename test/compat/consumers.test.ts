// `migrate-api/compat` as an installed package: a CommonJS app (`require`) and an ESM app (`import`)
// in a temp dir whose node_modules/migrate-api links to this checkout, each serving a typed route.
// Reads the build output (dist/), which CI makes before the tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
let dir = '';

// The same app in both module styles; it requests itself and prints what it saw as JSON.
const body = (style: 'cjs' | 'esm') => `
const app = createApp({ title: '${style} consumer' });
app.use(express.json());
const User = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'User' });
app.post('/users/:id', {
  params: z.object({ id: z.coerce.number().int() }),
  body: z.object({ name: z.string() }),
  responses: { 200: User },
}, async ({ params, body }) => ({ id: params.id, name: body.name, password: 'never leaves' }));

const server = app.listen(0, '127.0.0.1', async () => {
  const base = 'http://127.0.0.1:' + server.address().port;
  const post = (path, payload) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const ok = await post('/users/7', { name: 'Ada' });
  const bad = await post('/users/seven', { name: 1 });
  const doc = await (await fetch(base + '/openapi.json')).json();
  const docs = await fetch(base + '/docs/swagger-ui-bundle.js');
  const redoc = await fetch(base + '/redoc/redoc.standalone.js');
  console.log(JSON.stringify({
    resolved: ${style === 'cjs' ? "require.resolve('migrate-api/compat')" : "import.meta.resolve('migrate-api/compat')"},
    ok: [ok.status, await ok.json()],
    bad: [bad.status, (await bad.json()).detail.map((d) => d.loc.join('.'))],
    docPaths: Object.keys(doc.paths),
    components: Object.keys(doc.components.schemas),
    assets: [docs.status, redoc.status],
  }));
  server.close();
});
`;

before(() => {
  const missing = ['dist/compat/index.js', 'dist/compat/index.cjs', 'dist/compat/index.d.ts'].filter((f) => !existsSync(join(root, f)));
  if (missing.length) {
    assert.fail(`build output missing (${missing.join(', ')}): run \`npm run build\` before these tests`);
  }
  dir = mkdtempSync(join(tmpdir(), 'migrate-api-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'migrate-api'), 'dir');
  for (const dep of ['zod', 'express']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
  writeFileSync(
    join(dir, 'app.cjs'),
    `const { createApp } = require('migrate-api/compat');\nconst { z } = require('zod');\nconst express = require('express');\n${body('cjs')}`,
  );
  writeFileSync(
    join(dir, 'app.mjs'),
    `import { createApp } from 'migrate-api/compat';\nimport { z } from 'zod';\nimport express from 'express';\n${body('esm')}`,
  );
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function consume(file: string) {
  const { stdout } = await run(process.execPath, [file], { cwd: dir, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const expected = {
  ok: [200, { id: 7, name: 'Ada' }],
  bad: [422, ['path.id', 'body.name']],
  docPaths: ['/users/{id}'],
  components: ['User', 'HTTPValidationError', 'ValidationError'],
  assets: [200, 200],
};

test('a CommonJS app require()s migrate-api/compat (the .cjs build) and serves a typed route and its docs', async () => {
  const seen = await consume('app.cjs');
  assert.equal(seen.resolved, join(root, 'dist/compat/index.cjs'));
  const { resolved: _r, ...rest } = seen;
  assert.deepEqual(rest, expected);
});

test('an ESM app imports migrate-api/compat (the .js build) and serves a typed route and its docs', async () => {
  const seen = await consume('app.mjs');
  assert.equal(seen.resolved, `file://${join(root, 'dist/compat/index.js')}`);
  const { resolved: _r, ...rest } = seen;
  assert.deepEqual(rest, expected);
});

test('the CommonJS build requires Node builtins by their bare names (jest before 27 resolves no `node:` prefix)', () => {
  const cjs = readFileSync(join(root, 'dist/compat/index.cjs'), 'utf8');
  assert.match(cjs, /require\("http"\)/, 'the runtime does require http');
  assert.deepEqual(cjs.match(/require\(["']node:[^"']+["']\)/g) ?? [], []);
  // signal-exit's own CommonJS file declares a top-level `const global`, a SyntaxError inside jest 26's module
  // wrapper: bundled, it is not required from node_modules at all
  assert.doesNotMatch(cjs, /require\(["']signal-exit["']\)/);
});

test('the declarations type-check against old @types/node too: no RequestListener<...> (generic only since 15)', () => {
  const dts = readFileSync(join(root, 'dist/compat/serve.d.ts'), 'utf8');
  assert.match(dts, /type App = /);
  assert.doesNotMatch(dts, /RequestListener</);
});

/** How many type arguments each `<name><...>` in the text is given (top-level commas + 1). */
function typeArgCounts(text: string, name: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(new RegExp(`\\b${name}<`, 'g'))) {
    let depth = 0;
    let args = 1;
    for (let i = m.index! + m[0].length - 1; i < text.length; i++) {
      const c = text[i];
      if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
      else if (c === '>' || c === ')' || c === ']' || c === '}') { if (--depth === 0) break; }
      else if (c === ',' && depth === 1) args++;
    }
    out.push(args);
  }
  return out;
}

test('the declarations type-check against old @types too: no `node:` modules (@types/node < 14.18), no Locals type argument (@types/express-serve-static-core 4.17.8)', () => {
  const dir = join(root, 'dist/compat');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.d.ts'))) {
    const dts = readFileSync(join(dir, f), 'utf8');
    assert.deepEqual(dts.match(/from ["']node:[^"']+["']/g) ?? [], [], `${f} imports a node: module`);
    // Request<P, ResBody, ReqBody, ReqQuery, Locals> / Response<ResBody, Locals>: TS2707 on typings before Locals
    assert.ok(typeArgCounts(dts, 'Request').every((n) => n <= 4), `${f}: Request given a fifth type argument`);
    assert.ok(typeArgCounts(dts, 'Response').every((n) => n <= 1), `${f}: Response given a second type argument`);
  }
});
