// The rounds of codemods/typed-rewrite-check.ts, with a stand-in for the app's tsc: which handlers stay legacy when
// an error is traced to one, when it is traced to none (fail closed, unless the all-legacy rewrite has it too),
// and when errors outlast the rounds; what a refusal cites (the handler's line on disk, never a trial rewrite's).
// The real compiler's side is test/codemods/typed-rewrite-check.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../codemods/diagnostics.js';
import type { RouteReport } from '../../codemods/plan.js';
import type { NewError, TypeCheckCandidate } from '../../codemods/tsc-checker.js';
import { withTypedRewriteChecked, type TscVerdicts } from '../../codemods/typed-rewrite-check.js';

const root = '/app';
// On disk a definition is at line 7 and its route call at line 12; tsc's errors stand at line 3 of a trial rewrite.
const candidate = (key: string, inline = false): TypeCheckCandidate => ({
  key, file: `/app/src/${key}.ts`, line: inline ? 12 : 7, names: inline ? [] : [key], ...(inline ? { inline: true as const } : {}),
  routes: [{ file: `/app/src/${key}.ts`, method: 'get', handler: key, path: `/${key}`, line: 12 }],
});

interface Result { typed: string[]; routes: RouteReport[]; diagnostics: Diagnostic[] }

/** A migration of these candidates: each typed unless refused; `errorsOf` is what tsc finds in a rewrite typing `typed`. */
function run(candidates: TypeCheckCandidate[], errorsOf: (typed: string[]) => Array<{ about: string | null; code: number }>) {
  const refusals: Array<Map<string, string>> = [];
  const checker: TscVerdicts = {
    version: '5.9.0',
    newErrors: (writes) => errorsOf(JSON.parse(writes[0]!.after) as string[])
      .map((e) => ({ file: `/app/src/${e.about ?? 'app'}.ts`, line: 3, start: 10, code: e.code, message: `about ${e.about}`, chain: [{ code: e.code, text: `about ${e.about}` }] })),
    attribute: (error: NewError, open) => open.filter((c) => error.message === `about ${c.key}`)
      .map((c) => ({ candidate: c, file: c.file, line: c.line, site: c.inline ? 'route' as const : 'definition' as const })),
  };
  const done = withTypedRewriteChecked<{ typed: string[] }, Result>(root, checker, {
    plan: async (refused) => { refusals.push(new Map(refused)); return { typed: candidates.map((c) => c.key).filter((k) => !refused.has(k)) }; },
    candidates: () => candidates,
    rewrite: async ({ typed }) => ({
      typed,
      routes: candidates.map((c) => ({ file: `src/${c.key}.ts`, line: 12, method: 'get', path: `/${c.key}`, status: typed.includes(c.key) ? 'typed' : 'legacy' })),
      diagnostics: [],
    }),
    writes: (r) => [{ file: '/app/src/x.ts', after: JSON.stringify(r.typed) }],
    routes: (r) => r.routes,
    reportPath: (f) => f.slice('/app/'.length),
    diagnostics: (r) => r.diagnostics,
  });
  return done.then((result) => ({ result, refusals }));
}

test('an error traced to a handler keeps that one legacy with tsc\'s words; the others stay typed', async () => {
  const { result, refusals } = await run([candidate('a'), candidate('b', true)], (typed) => (typed.includes('a') ? [{ about: 'a', code: 2322 }] : []));
  assert.deepEqual(result.typed, ['b']);
  assert.equal(refusals.at(-1)!.get('a')!, "the app's TypeScript 5.9.0 rejects the typed rewrite of the handler defined at src/a.ts:7: TS2322: about a");
  assert.deepEqual(result.diagnostics.map((d) => d.message), ["2 typed TS handler(s) were type-checked with the app's TypeScript 5.9.0: 1 typed, 1 kept legacy"]);
});

test('an inline handler\'s refusal cites its route call on disk, not the line of the trial rewrite', async () => {
  const { result, refusals } = await run([candidate('a'), candidate('b', true)], (typed) => (typed.includes('b') ? [{ about: 'b', code: 2322 }] : []));
  assert.deepEqual(result.typed, ['a']);
  assert.equal(refusals.at(-1)!.get('b')!, "the app's TypeScript 5.9.0 rejects the typed rewrite of the route at src/b.ts:12: TS2322: about b");
});

test('an error traced to no handler that the all-legacy rewrite does not have keeps every handler legacy (fail closed)', async () => {
  const { result, refusals } = await run([candidate('a'), candidate('b', true)], (typed) => (typed.length ? [{ about: null, code: 2589 }] : []));
  assert.deepEqual(result.typed, []);
  assert.match(refusals.at(-1)!.get('b')!, /not traced to one handler, so every typed handler stays legacy \(TS2589 in src\/app\.ts: about null\)$/);
  assert.deepEqual(result.diagnostics.map((d) => d.severity), ['info']);
});

test('an error the all-legacy rewrite has too is not the handlers\': they stay typed, and the error is said', async () => {
  const { result } = await run([candidate('a'), candidate('b')], () => [{ about: null, code: 2307 }]);
  assert.deepEqual(result.typed, ['a', 'b']);
  assert.deepEqual(result.diagnostics.map((d) => [d.severity, d.code]), [['info', 'type-checked'], ['warning', 'type-errors']]);
  assert.match(result.diagnostics[1]!.message, /finds 1 new error\(s\) in the migrated app that keeping handlers legacy does not remove: TS2307 at src\/app\.ts:3/);
});

test('errors that outlast the rounds keep every handler legacy (fail closed)', async () => {
  // Each rewrite's error is about one more typed handler: four rounds refuse four of eight.
  const many = Array.from({ length: 8 }, (_, i) => candidate(`h${i}`));
  const { result, refusals } = await run(many, (typed) => (typed.length ? [{ about: typed[0]!, code: 2345 }] : []));
  assert.deepEqual(result.typed, []);
  assert.equal(refusals.length, 5);
  assert.match(refusals.at(-1)!.get('h7')!, /still finds errors in the typed rewrite after 4 rounds, so every typed handler stays legacy \(TS2345 in src\/h3\.ts: about h3\)$/);
  assert.deepEqual(result.diagnostics.map((d) => d.message), ["8 typed TS handler(s) were type-checked with the app's TypeScript 5.9.0: 0 typed, 8 kept legacy"]);
});
