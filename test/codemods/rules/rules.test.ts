import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { RuleId } from '../../../codemods/diagnostics.js';
import { parseSource } from '../../../codemods/parse.js';
import type { FilePlan, RoutePlan } from '../../../codemods/plan.js';
import { applyFilePlan, RULES } from '../../../codemods/rules/index.js';
import { walk, memberName, type Node } from '../../../codemods/rules/ast.js';
import { fixtureCases } from '../../helpers/fixture-cases.js';

type PlanJson = Omit<FilePlan, 'rules' | 'file'> & { file?: string; rules?: RuleId[]; expectStatus?: string[] };

function loadPlan(json: string, file: string): FilePlan & { expectStatus?: string[] } {
  const p = JSON.parse(json) as PlanJson;
  return {
    ...p,
    validation: p.validation ?? 'report',
    schemaImports: p.schemaImports ?? null,
    file: p.file ?? file,
    rules: new Set<RuleId>(p.rules ?? RULES.map((r) => r.id)),
  };
}

/** Route calls (`x.<verb>(` with at least two arguments) in source order: where the scan would find them. */
function routeCalls(source: string, file: string): Array<{ method: string; line: number; col: number }> {
  const parsed = parseSource(source, file);
  assert.ok('ast' in parsed, `${file} parses`);
  const out: Array<{ method: string; line: number; col: number; start: number }> = [];
  walk(parsed.ast.program as unknown as Node, (n) => {
    const m = memberName(n.callee);
    if (n.type === 'CallExpression' && m && /^(get|post|put|patch|delete|head|options|all)$/.test(m) && n.arguments.length >= 2) {
      out.push({ method: m, line: n.loc.start.line, col: n.loc.start.column + 1, start: n.start });
    }
  });
  return out.sort((a, b) => a.start - b.start || 0);
}

/** The plan a second run would get: same routes found again in the migrated text, doc comments gone. */
function replan(plan: FilePlan, input: string, output: string): FilePlan {
  const before = routeCalls(input, plan.file);
  const after = routeCalls(output, plan.file);
  const routes: RoutePlan[] = plan.routes.map((r) => {
    const same = before.filter((c) => c.method === r.method);
    const k = same.findIndex((c) => c.line === r.at.line && (r.at.col === undefined || c.col === r.at.col));
    const moved = after.filter((c) => c.method === r.method)[k];
    if (k < 0 || !moved) return r;
    return { ...r, docComment: undefined, at: { file: r.at.file, line: moved.line, col: moved.col } };
  });
  return { ...plan, routes, removeComments: undefined };
}

for (const rule of ['MA001', 'MA002', 'MA003']) {
  const dir = join(import.meta.dirname, '../../../fixtures', rule);
  const cases = fixtureCases(dir);
  test(`${rule}: has a noop case`, () => assert.ok(cases.some((c) => c.name === 'noop')));
  for (const c of cases) {
    test(`${rule}/${c.name}`, () => {
      const planJson = c.extra('plan.json');
      assert.ok(planJson, `${c.inputPath}: no plan.json`);
      const ext = c.inputPath.split('.').pop();
      // The file as the CLI plans it: an absolute path, from which the rewrite may resolve the app's own packages
      // (a status package's numbers, rules/status-constants.ts).
      const plan = loadPlan(planJson, `${c.name}.${ext}`);
      plan.file = join(dir, plan.file);
      const result = applyFilePlan(c.input, plan);
      assert.equal(result.output ?? c.input, c.output, `${c.name}: output differs from ${c.outputPath}`);
      if (c.name === 'noop') assert.equal(result.output, undefined, 'noop changes nothing');
      assert.equal(result.routes.length, plan.routes.length, 'one report per planned route');
      if (plan.expectStatus) assert.deepEqual(result.routes.map((r) => r.status), plan.expectStatus);
      assert.ok('ast' in parseSource(c.output, plan.file), 'the output parses');
      // Idempotence: the output, run again with the plan a second scan would make, does not change.
      const again = applyFilePlan(c.output, replan(plan, c.input, c.output));
      assert.equal(again.output, undefined, `${c.name}: second run changed the file:\n${again.output}`);
    });
  }
}

test('RULES: stable ids with names and descriptions', () => {
  assert.deepEqual(RULES.map((r) => r.id), ['MA001', 'MA002', 'MA003', 'MA004']);
  for (const r of RULES) assert.ok(r.name && r.description.length > 20);
});

test('a file that does not parse is left alone with a file:line diagnostic', () => {
  const plan = loadPlan(JSON.stringify({ routes: [{ at: { file: 'x.js', line: 1, col: 1 }, method: 'get', fullPath: '/x', specSource: '{}', documented: false }] }), 'x.js');
  const r = applyFilePlan('router.get("/x", (req, res) => {', plan);
  assert.equal(r.output, undefined);
  assert.equal(r.diagnostics[0]?.code, 'parse-error');
  assert.equal(r.diagnostics[0]?.at?.file, 'x.js');
  assert.equal(r.routes[0]?.status, 'skipped');
});

test('a plan pointing at no route call is reported, not guessed', () => {
  const src = "const router = require('express').Router();\nrouter.get('/a', h);\n";
  const plan = loadPlan(JSON.stringify({ routes: [{ at: { file: 'x.js', line: 2, col: 5 }, method: 'get', fullPath: '/a', specSource: '{}', documented: false }] }), 'x.js');
  const r = applyFilePlan(src, plan);
  assert.equal(r.output, undefined);
  assert.equal(r.routes[0]?.status, 'skipped');
  assert.match(r.diagnostics[0]?.message ?? '', /no `\.get\(` call/);
  assert.equal(r.diagnostics[0]?.at?.line, 2);
});

test('a spec source that is not an object literal skips the route with a TODO', () => {
  const src = "const router = require('express').Router();\nrouter.get('/a', h);\n";
  const plan = loadPlan(JSON.stringify({ routes: [{ at: { file: 'x.js', line: 2, col: 1 }, method: 'get', fullPath: '/a', specSource: 'nope(', documented: true }] }), 'x.js');
  const r = applyFilePlan(src, plan);
  assert.equal(r.output, "const router = require('express').Router();\n// TODO(migrate-api MA001): the spec could not be built\nrouter.get('/a', h);\n");
  assert.equal(r.routes[0]?.status, 'skipped');
  assert.ok(r.diagnostics.some((d) => d.severity === 'error' && /does not parse/.test(d.message)));
});

const route = (line: number, method: string, specSource = '{}', extra: Partial<RoutePlan> = {}): RoutePlan =>
  ({ at: { file: 'r.js', line, col: 1 }, method: method as RoutePlan['method'], fullPath: '/x', specSource, documented: specSource !== '{}', ...extra });
const planOf = (routes: RoutePlan[], more: Partial<FilePlan> = {}): FilePlan =>
  ({ file: 'r.js', routes, schemaImports: null, validation: 'report', rules: new Set<RuleId>(['MA001', 'MA002', 'MA003']), ...more });

test('--disable MA001 leaves routes alone (MA002/MA003 need the spec MA001 attaches)', () => {
  const src = "const router = require('express').Router();\n/** @openapi\n * /x: {}\n */\nrouter.get('/x', (req, res) => res.json({}));\n";
  const r = applyFilePlan(src, planOf([route(5, 'get', "{ summary: 'X' }", { docComment: { startLine: 2, endLine: 4 } })], { rules: new Set<RuleId>(['MA002', 'MA003']) }));
  assert.equal(r.output, undefined);
  assert.deepEqual(r.routes.map((x) => [x.status, x.reason]), [['unchanged', 'MA001 disabled']]);
});

test('--disable MA003 keeps an inline handler legacy even when it could be typed', () => {
  const src = "const router = require('express').Router();\nrouter.get('/x', (req, res) => res.json({}));\n";
  const r = applyFilePlan(src, planOf([route(2, 'get', "{ summary: 'X' }")], { rules: new Set<RuleId>(['MA001']), validation: 'enforce' }));
  assert.equal(r.output, "const { typed, legacy } = require('migrate-api/compat');\n\nconst router = typed(require('express').Router());\nrouter.get('/x', { summary: 'X' }, legacy((req, res) => res.json({})));\n");
  assert.equal(r.routes[0]?.status, 'legacy');
});

test('a plan without a column still finds its route by line and method', () => {
  const src = "const express = require('express');\nconst app = express();\napp.get('/x', h);\n";
  const r = applyFilePlan(src, planOf([{ ...route(3, 'get'), at: { file: 'r.js', line: 3 } }], { validation: 'enforce' }));
  assert.equal(r.output, "const express = require('express');\nconst { typed, legacy } = require('migrate-api/compat');\n\nconst app = typed(express());\napp.get('/x', {}, legacy(h));\n");
  assert.equal(r.routes[0]?.status, 'undocumented');
});

test('a `.route()` chain with an unplanned verb is left whole, with a TODO', () => {
  const src = "const router = require('express').Router();\nrouter.route('/x').get(a).post(b);\n";
  const r = applyFilePlan(src, planOf([route(2, 'get', "{ summary: 'A' }")]));
  assert.equal(r.output, "const router = require('express').Router();\n// TODO(migrate-api MA001): `.route()` chain has verbs with no plan\nrouter.route('/x').get(a).post(b);\n");
  assert.equal(r.routes[0]?.status, 'skipped');
});

test('`this.router` assigned twice is wrapped at the call site, and the report says why', () => {
  const src = "class R {\n  constructor(x) {\n    this.router = x ? Router() : null;\n    this.router = Router();\n    this.router.get('/x', h);\n  }\n}\n";
  const r = applyFilePlan(src, planOf([{ ...route(5, 'get'), at: { file: 'r.js', line: 5, col: 5 } }], { validation: 'enforce' }));
  assert.equal(r.output, "const { typed, legacy } = require('migrate-api/compat');\n\nclass R {\n  constructor(x) {\n    this.router = x ? Router() : null;\n    this.router = Router();\n    typed(this.router).get('/x', {}, legacy(h));\n  }\n}\n");
  assert.match(r.routes[0]?.reason ?? '', /call site \(`this\.router` is assigned more than once\)/);
});

test('the jscodeshift entry point applies the plan passed in options', async () => {
  const { default: transform } = await import('../../../codemods/rules/index.js');
  const src = "const app = require('express')();\napp.get('/x', h);\n";
  const out = transform({ path: 'r.js', source: src }, {}, { plan: planOf([route(2, 'get')], { validation: 'enforce' }) });
  assert.equal(out, "const { typed, legacy } = require('migrate-api/compat');\n\nconst app = typed(require('express')());\napp.get('/x', {}, legacy(h));\n");
  assert.equal(transform({ path: 'r.js', source: src }, {}, {}), undefined);
});
