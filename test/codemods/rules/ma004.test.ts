// MA004 end to end through the CLI: projects in fixtures/MA004/<case>/input (Joi behind a local validate(),
// celebrate beside weaker docs, enforce mode, a noop) are migrated in a temp copy and compared file by file
// with expected/ (UPDATE_FIXTURES=1 regenerates expected/); `args.json` holds a case's extra CLI arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../codemods/cli.js';
import { checkProject } from '../../../codemods/check/index.js';
import { RULES } from '../../../codemods/rules/index.js';
import { isCovered } from '../../../codemods/rules/ma004-validators-to-spec.js';
import { readTree, type Tree } from '../../helpers/migrate-cli.js';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/MA004');
const CASES = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'input'))).sort();
const UPDATE = process.env.UPDATE_FIXTURES === '1';

const temps: string[] = [];
test.after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

function copy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma004-'));
  temps.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main([...argv, '--force'], { out: () => {}, err: (s) => { err += s; }, isTTY: false });
  return { code, err };
}

function assertTreeEqual(actual: Tree, expected: Tree, label: string) {
  assert.deepEqual([...actual.keys()], [...expected.keys()], `${label}: file list`);
  for (const [f, text] of expected) assert.equal(actual.get(f), text, `${label}: ${f}`);
}

const argsOf = (name: string): string[] => {
  const p = join(FIXTURES, name, 'args.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) as string[] : [];
};

test('MA004 is a registered rule, and it has a noop case', () => {
  assert.ok(RULES.some((r) => r.id === 'MA004' && r.name === 'validators-to-spec'));
  assert.ok(CASES.includes('noop'));
});

for (const name of CASES) {
  test(`MA004/${name}: output equals expected/`, async () => {
    const dir = copy(join(FIXTURES, name, 'input'));
    const first = await run([dir, ...argsOf(name)]);
    assert.ok(first.code === 0 || first.code === 1, first.err);
    if (UPDATE) {
      rmSync(join(FIXTURES, name, 'expected'), { recursive: true, force: true });
      cpSync(dir, join(FIXTURES, name, 'expected'), { recursive: true });
    }
    assertTreeEqual(readTree(dir), readTree(join(FIXTURES, name, 'expected')), name);
  });

  test(`MA004/${name}: a second run on expected/ changes nothing`, async () => {
    const dir = copy(join(FIXTURES, name, 'expected'));
    const before = readTree(dir);
    await run([dir, ...argsOf(name)]);
    assertTreeEqual(readTree(dir), before, `${name} (second run)`);
  });
}

test('MA004/noop: the run with MA004 equals the run without it', async () => {
  const without = copy(join(FIXTURES, 'noop', 'input'));
  await run([without, '--disable', 'MA004']);
  assertTreeEqual(readTree(without), readTree(join(FIXTURES, 'noop', 'expected')), 'noop without MA004');
});

test('MA004: without the rule, a validator-only route keeps an empty spec', async () => {
  const dir = copy(join(FIXTURES, 'joi-validations', 'input'));
  await run([dir, '--disable', 'MA004']);
  const route = readTree(dir).get('routes/projects.route.js')!;
  assert.match(route, /'\/:projectId',\s+\{\},\s+validate\(projectValidation\.getProject\)/);
});

test('check: docs weaker than celebrate are drift, and untranslated rules are named', async () => {
  const { findings } = await checkProject(join(FIXTURES, 'celebrate-docs', 'input'));
  const messages = findings.filter((f) => f.kind === 'validator-drift' || f.kind === 'validator-untranslated').map((f) => `${f.kind} ${f.route}: ${f.message}`);
  assert.ok(messages.includes('validator-drift POST /api/tables: docs say string, celebrate says string of 2-30 chars matching ^[\\w-]+$'), messages.join('\n'));
  assert.ok(messages.includes('validator-drift POST /api/tables: docs say body.name is optional, celebrate says it is required'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('validator-untranslated DELETE /api/tables/:id: .when("force", ...)')), messages.join('\n'));
});

test('check: a validator beside a documented $ref is compared with the named schema, field by field', async () => {
  const { findings } = await checkProject(join(FIXTURES, 'ref-docs', 'input'));
  const messages = findings.filter((f) => f.kind === 'validator-drift').map((f) => `${f.route}: ${f.message}`);
  assert.ok(messages.includes('POST /api/tables: docs say string, celebrate says string of 2-30 chars matching ^[\\w-]+$'), messages.join('\n'));
  assert.ok(messages.includes('POST /api/tables: docs say body.name is optional, celebrate says it is required'), messages.join('\n'));
  assert.ok(!messages.some((m) => m.includes('docs say Table')), messages.join('\n'));
  assert.deepEqual(messages.filter((m) => m.startsWith('POST /api/tables/:id/notes')), [], 'the notes validator says nothing Note does not');
});

test('enforce keeps a middleware that writes its converted value back (yup: `req.query = schema.validateSync(...)`)', () => {
  const v = { library: 'yup' as const, locations: { body: { type: 'object', properties: { born: { type: 'string', format: 'date' } } } }, untranslated: [], argument: { index: 1, line: 1, col: 0, text: 'validate(s)' } };
  assert.equal(isCovered(v), true);
  assert.equal(isCovered({ ...v, convertsValues: true }), false);
});
