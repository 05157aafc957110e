// Typed TS handlers judged by the app's own TypeScript (codemods/typed-rewrite-check.ts), around the folder cases
// fixtures/MA003/ts-controllers-tsc and ts-inline-tsc (whose whole outputs test/codemods/handler-definitions.test.ts
// compares, and test/e2e/handler-definitions-run.test.ts type-checks): a handler whose sent values fit the docs is
// typed, one tsc rejects stays legacy with tsc's message (citing its route on disk), and so does an inline handler
// whose typed input tsc rejects; an error the app already has changes nothing; an app without typescript or without a tsconfig keeps
// MA003's guard's answer. The rounds' policy itself: test/codemods/typed-rewrite-check-rounds.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';

const fixture = join(import.meta.dirname, '../../fixtures/MA003/ts-controllers-tsc');
const GUARD = (status: number) => `legacy handler: sends a value to ${status}, whose docs give a schema: tsc would check the value's own type against it, which the migration cannot`;

async function migrated(parent: string, edit?: (dir: string) => Promise<void>, from = fixture) {
  await mkdir(parent, { recursive: true });
  const work = await mkdtemp(join(parent, 'body-types-'));
  try {
    await cp(join(from, 'input'), work, { recursive: true });
    await edit?.(work);
    const { report, writes } = await migrateProject(work);
    return {
      verdicts: report.routes.map((r) => `${r.status} ${r.method.toUpperCase()} ${r.path}${r.reason ? `: ${r.reason}` : ''}`),
      checked: report.diagnostics.filter((d) => d.code === 'type-checked').map((d) => d.message),
      routes: writes.find((w) => w.file.endsWith('books.routes.ts'))?.after,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// Under the repo's node_modules: the app resolves typescript, zod and express's types from there, as an installed app would.
const withTypeScript = join(import.meta.dirname, '../../node_modules/.cache');

// First in this file (one process): nothing before it has loaded typescript.
test('a JS app never loads typescript; a TS app whose handlers are typed does, and says it checked them', async () => {
  const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(k));
  const js = await migrated(withTypeScript, undefined, join(fixture, '../exports-wrappers-cjs'));
  assert.ok(js.verdicts.some((v) => v.startsWith('typed ')));
  assert.deepEqual(js.checked, []);
  assert.deepEqual(loaded(), []);
  const ts = await migrated(withTypeScript, undefined, join(fixture, '../ts-controllers'));
  assert.deepEqual(ts.verdicts, ['typed GET /users', 'typed GET /users/:id', 'typed POST /users', 'legacy DELETE /users/:id: legacy handler: sends in a callback']);
  assert.deepEqual(ts.checked, [`3 typed TS handler(s) were type-checked with the app's TypeScript ${(await import('typescript')).version}: 3 typed, 0 kept legacy`]);
  assert.equal(loaded().length, 1);
});

test('an inline handler reading an optional body into a string stays legacy with tsc\'s words; the others are typed', async () => {
  const inline = join(fixture, '../ts-inline-tsc');
  const { verdicts, checked } = await migrated(withTypeScript, undefined, inline);
  assert.deepEqual(verdicts, JSON.parse(await readFile(join(inline, 'expect.json'), 'utf8')));
  assert.match(verdicts[0]!, /^legacy POST \/users: .* of the route at src\/routes\/users\.routes\.ts:27: TS2322: Type 'string \| undefined' is not assignable to type 'string'/);
  assert.deepEqual(checked, [`3 typed TS handler(s) were type-checked with the app's TypeScript ${(await import('typescript')).version}: 2 typed, 1 kept legacy`]);
  // Without the app's typescript nothing can judge it: typed as before (an app that cannot run tsc has no tsc to break).
  const bare = await migrated(join(tmpdir(), 'migrate-api-no-typescript'), undefined, inline);
  assert.deepEqual(bare.verdicts.map((v) => v.split(':')[0]), ['typed POST /users', 'typed GET /users/', 'typed PUT /users/']);
});

test('the app\'s tsc types the handler whose values fit the docs and keeps the others legacy with its message', async () => {
  const { verdicts, checked, routes } = await migrated(withTypeScript);
  // Each cites its route call as it is on disk (the trial rewrite's lines were 32 and 50), and the line of tsc's
  // message that says what does not fit, not the handler types spelt out above it.
  assert.deepEqual(verdicts.map((v) => v.replace(/: legacy handler: .*? of the route at ([^ ]+): .*?(TS\d+): .*/, ': $2 at $1')), [
    'legacy GET /books: TS2345 at src/routes/books.routes.ts:40',
    'typed GET /books/:id',
    'legacy DELETE /books/:id: TS2345 at src/routes/books.routes.ts:85',
  ]);
  assert.match(verdicts[0]!, /what it sends does not fit the docs' 200 response \(the docs and the code disagree\): TS2345: Type 'null' is not assignable to type 'readonly \(/);
  assert.match(verdicts[2]!, /what it sends does not fit the docs' 404 response \(the docs and the code disagree\): TS2345: Type '\{ message: string; \}' is not assignable to type/);
  assert.ok(verdicts.every((v) => !/Argument of type|as rewritten/.test(v)));
  assert.deepEqual(checked, [`3 typed TS handler(s) were type-checked with the app's TypeScript ${(await import('typescript')).version}: 1 typed, 2 kept legacy`]);
  assert.equal(routes, await readFile(join(fixture, 'output/src/routes/books.routes.ts'), 'utf8'));
});

test('a value whose property the docs type otherwise (a UUID id documented integer): the docs and the code disagree, said with tsc\'s innermost lines', async () => {
  const players = join(fixture, '../ts-docs-disagree-tsc');
  const { verdicts } = await migrated(withTypeScript, undefined, players);
  assert.deepEqual(verdicts, JSON.parse(await readFile(join(players, 'expect.json'), 'utf8')));
  assert.ok(verdicts[0]!.endsWith("of the route at src/routes/players.routes.ts:34: what it sends does not fit the docs' 200 response (the docs and the code disagree): "
    + "TS2345: Types of property 'id' are incompatible. Type 'string' is not assignable to type 'number'."), verdicts[0]);
  assert.equal(verdicts[1], 'typed GET /players/count');
});

test('an error the app already has is not the rewrite\'s: the same verdicts', async () => {
  const { verdicts } = await migrated(withTypeScript, (dir) => writeFile(join(dir, 'src/broken.ts'), "export const year: number = 'MCMXC';\n"));
  assert.deepEqual(verdicts, JSON.parse(await readFile(join(fixture, 'expect.json'), 'utf8')));
});

test('a CommonJS app under NodeNext (its imports are require() calls): migrate-api/compat resolves to its require types, the same verdicts', async () => {
  const cjs = (dir: string) => readFile(join(dir, 'package.json'), 'utf8')
    .then((text) => writeFile(join(dir, 'package.json'), JSON.stringify({ ...JSON.parse(text), type: undefined })));
  const { verdicts } = await migrated(withTypeScript, cjs);
  assert.deepEqual(verdicts, JSON.parse(await readFile(join(fixture, 'expect.json'), 'utf8')));
});

test('without typescript installed, or without a tsconfig.json, every such handler keeps the guard\'s answer', async () => {
  const expected = ['legacy GET /books: ' + GUARD(200), 'legacy GET /books/:id: ' + GUARD(404), 'legacy DELETE /books/:id: ' + GUARD(404)];
  const bare = await migrated(join(tmpdir(), 'migrate-api-no-typescript'));
  assert.deepEqual(bare.verdicts, expected);
  assert.deepEqual(bare.checked, []);
  const noConfig = await migrated(withTypeScript, (dir) => rm(join(dir, 'tsconfig.json')));
  assert.deepEqual(noConfig.verdicts, expected);
  assert.deepEqual(noConfig.checked, []);
});

test('with the cache, a second run over the same tree (a --dry, then the real run) checks nothing again and says the same', async () => {
  await mkdir(withTypeScript, { recursive: true });
  const work = await mkdtemp(join(withTypeScript, 'body-types-'));
  try {
    await cp(join(fixture, 'input'), work, { recursive: true });
    const cacheLocation = join(work, '.migrate-api-cache');
    const first = await migrateProject(work, { cache: true, cacheLocation });
    await first.cache!.finish();
    const again = await migrateProject(work, { cache: true, cacheLocation });
    await again.cache!.finish();
    const tscMissed = (r: typeof first) => r.cache!.stats.missed.filter((m) => m.startsWith('tsc-'));
    assert.equal(tscMissed(first).length, 3, 'the baseline and two rounds were checked');
    assert.deepEqual(tscMissed(again), []);
    assert.deepEqual(again.writes, first.writes);
    assert.deepEqual(again.report.routes, first.report.routes);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
