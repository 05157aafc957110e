// Differential proof per library: each schema of fixtures/validators/<lib>-corpus.cjs is translated statically
// (codemods/validators), its JSON Schema emitted as zod (codemods/zod, the same emitter the migration uses),
// and on generated valid and broken request bodies the original validator (Joi run by itself; celebrate's
// middleware called as express would) and the emitted zod must agree on >= 99%. Every disagreement has a
// class listed with its reason in codemods/zod/KNOWN-GAPS.md ("## Validators: joi" / "## Validators: celebrate").
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Node } from '../../../codemods/rules/ast.js';
import { emitSchemasModule } from '../../../codemods/zod/module.js';
import { celebrateTranslator } from '../../../codemods/validators/celebrate.js';
import { joiLocations } from '../../../codemods/validators/joi.js';
import { FileValidatorScope, keyName } from '../../../codemods/validators/scope.js';
import type { JsonSchema, UntranslatedRule } from '../../../codemods/validators/types.js';
import { isKnown, knownGapClasses } from '../../helpers/known-gaps.js';
import { mutatedInstances, seedFor, validInstances } from '../../helpers/instances.js';
import { createModuleDir } from '../../helpers/zod-module.js';

const CORPUS = join(import.meta.dirname, '../../../fixtures/validators');
const load = createRequire(import.meta.url);
const dir = createModuleDir('validators-differential-');
after(() => dir.remove());

type Judge = (body: unknown) => Promise<boolean>;

/** The exported properties of `module.exports = { a, b }`, each with the node its value is bound to. */
function exportedSchemas(file: string, scope: FileValidatorScope): Array<{ name: string; node: Node }> {
  const program = scope.program(file)!;
  const stmt = (program.body as Node[]).find((s) => s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression')!;
  return (stmt.expression.right.properties as Node[]).map((p) => ({ name: keyName(p.key)!, node: scope.definition(p.value, file)!.node }));
}

async function zodParsers(schemas: Record<string, JsonSchema>, label: string): Promise<Record<string, { safeParse(v: unknown): { success: boolean } }>> {
  const { code, exports } = emitSchemasModule(schemas as never, { format: 'js' });
  dir.write(`${label}.mjs`, code);
  const mod = await dir.load(`${label}.mjs`);
  return Object.fromEntries(Object.entries(exports).map(([name, ids]) => [name, mod[ids.request || ids.response] as never]));
}

interface Outcome { checks: number; agreements: number; rejected: number; classes: Map<string, { count: number; example: string }>; untranslated: UntranslatedRule[] }

async function differential(label: string, cases: Array<{ name: string; schema: JsonSchema; judge: Judge }>, untranslated: UntranslatedRule[]): Promise<Outcome> {
  const zod = await zodParsers(Object.fromEntries(cases.map((c) => [c.name, c.schema])), label);
  const out: Outcome = { checks: 0, agreements: 0, rejected: 0, classes: new Map(), untranslated };
  for (const c of cases) {
    const seed = seedFor(`${label}/${c.name}`);
    const valid = validInstances(c.schema as never, {}, { seed, count: 40 });
    const inputs = [...valid.map((v) => ({ kind: 'valid', value: v })),
      ...mutatedInstances(c.schema as never, {}, valid, { seed: seed + 1, count: 160 }).map((m) => ({ kind: m.kind as string, value: m.value }))];
    for (const input of inputs) {
      const original = await c.judge(structuredClone(input.value));
      const emitted = zod[c.name]!.safeParse(structuredClone(input.value)).success;
      out.checks++;
      if (!original) out.rejected++;
      if (original === emitted) { out.agreements++; continue; }
      const cls = `${original ? 'validator-accepts' : 'zod-accepts'}/${input.kind}`;
      const seen = out.classes.get(cls) ?? { count: 0, example: `${c.name}: ${JSON.stringify(input.value)}` };
      seen.count++;
      out.classes.set(cls, seen);
    }
  }
  return out;
}

function assertAgreement(lib: string, o: Outcome): void {
  const share = o.agreements / o.checks;
  console.log(`${lib}: ${o.agreements}/${o.checks} agree (${(share * 100).toFixed(2)}%), ${o.rejected} refused by the original; ${[...o.classes].map(([c, s]) => `${c} x${s.count} (${s.example})`).join('; ') || 'no disagreement'}`);
  const known = knownGapClasses(`Validators: ${lib}`);
  const unknown = [...o.classes].filter(([cls]) => !isKnown(cls, known)).map(([cls, s]) => `${cls} x${s.count} (${s.example})`);
  assert.deepEqual(unknown, [], `${lib}: disagreements not listed in KNOWN-GAPS.md`);
  assert.ok(o.checks >= 1000, `${lib}: ${o.checks} checks`);
  // Both sides of the line are exercised: a generator whose inputs all pass (or all fail) proves nothing.
  assert.ok(o.rejected > o.checks / 2 && o.checks - o.rejected > o.checks / 10, `${lib}: ${o.rejected} of ${o.checks} refused`);
  assert.ok(share >= 0.99, `${lib}: ${(share * 100).toFixed(2)}% agreement\n${[...o.classes].map(([c, s]) => `${c} x${s.count} (${s.example})`).join('\n')}`);
}

test('joi: translated schemas and Joi agree on >= 99% of generated bodies', async () => {
  const Joi = load('joi');
  const file = join(CORPUS, 'joi-corpus.cjs');
  const scope = new FileValidatorScope(() => undefined);
  const originals = load(file) as Record<string, { body: unknown }>;
  const untranslated: UntranslatedRule[] = [];
  const cases = exportedSchemas(file, scope).map(({ name, node }) => {
    const locations = joiLocations(node, file, scope, untranslated);
    assert.ok(locations?.body, `${name} translates`);
    // As the real apps' validate() runs it: Joi.compile of the picked request parts, all errors.
    const compiled = Joi.compile(originals[name]).prefs({ abortEarly: false });
    return { name, schema: locations.body, judge: async (body: unknown) => !compiled.validate({ body }).error };
  });
  const o = await differential('joi', cases, untranslated);
  // Conversions Joi makes (uppercase) are named, never silently dropped.
  assert.deepEqual(untranslated.map((u) => u.rule), ['.uppercase()']);
  assertAgreement('joi', o);
});

test('celebrate: translated schemas and the celebrate middleware agree on >= 99% of generated bodies', async () => {
  const file = join(CORPUS, 'celebrate-corpus.cjs');
  const scope = new FileValidatorScope(() => undefined);
  const middleware = load(file) as Record<string, (req: unknown, res: unknown, next: (err?: unknown) => void) => unknown>;
  const untranslated: UntranslatedRule[] = [];
  const cases = exportedSchemas(file, scope).map(({ name, node }) => {
    const t = celebrateTranslator.translate(node, file, scope);
    assert.ok(t?.locations.body, `${name} translates`);
    untranslated.push(...t.untranslated);
    const judge = (body: unknown) => new Promise<boolean>((resolve) => {
      const req = { method: 'POST', body, headers: {}, params: {}, query: {}, cookies: {}, signedCookies: {} };
      void middleware[name]!(req, {}, (err?: unknown) => resolve(!err));
    });
    return { name, schema: t.locations.body, judge };
  });
  const o = await differential('celebrate', cases, untranslated);
  assert.deepEqual(untranslated, []);
  assertAgreement('celebrate', o);
});
