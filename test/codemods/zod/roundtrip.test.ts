// Round trip docs -> zod -> OpenAPI: the generated zod of every schema of every document in
// @readme/oas-examples goes through @asteasolutions/zod-to-openapi (OpenApiGeneratorV31, the
// generator the runtime serves /openapi.json with) and must come back semantically equivalent to
// the original: same types, nullability, required sets, enums, bounds, formats, refs (ignoring
// order and cosmetic keys). Every difference must fall in a class codemods/zod/KNOWN-GAPS.md
// explains ("Round trip"). Set PROOF_REPORT=file.json to dump the differences.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import { refName } from '../../helpers/ajv.js';
import { exampleDocuments, prepareDocument, type PreparedDocument } from '../../helpers/corpus.js';
import { isKnown, knownGapClasses } from '../../helpers/known-gaps.js';
import { compareSchemas, differenceClass, renameRefs, variantView, type SchemaDifference } from '../../helpers/schema-equivalence.js';
import { createModuleDir } from '../../helpers/zod-module.js';

interface RoundTripDifference extends SchemaDifference {
  doc: string;
  label: string;
  cls: string;
}

const COMPONENT = '#/components/schemas/';
const dir = createModuleDir();
const differences: RoundTripDifference[] = [];
const failures: string[] = [];
let compared = 0;

before(async () => {
  for (const file of exampleDocuments()) {
    let doc: PreparedDocument;
    let mod: Record<string, unknown>;
    try {
      doc = await prepareDocument(file, 'js');
      if (doc.schemas.length === 0) continue;
      dir.write(`${doc.moduleBase}.mjs`, doc.code);
      mod = await dir.load(`${doc.moduleBase}.mjs`);
    } catch (err) {
      failures.push(`${file}: reading, emitting or importing threw: ${(err as Error).stack}`);
      continue;
    }
    // Each export carries its component id in `.meta({ id })`: the response variant `X`, the request
    // variant `XInput`. zod-to-openapi turns every id into a component and every use into a $ref.
    const definitions: Array<{ type: 'schema'; schema: ZodType }> = [];
    const requestIds = new Map<string, string>();
    for (const [name, ex] of Object.entries(doc.exports)) {
      definitions.push({ type: 'schema', schema: mod[ex.response] as ZodType });
      if (ex.request !== ex.response) {
        definitions.push({ type: 'schema', schema: mod[ex.request] as ZodType });
        requestIds.set(name, `${name}Input`);
      }
    }
    let generated: Record<string, unknown>;
    try {
      generated = (new OpenApiGeneratorV31(definitions as never).generateComponents().components?.schemas ?? {}) as Record<string, unknown>;
    } catch (err) {
      failures.push(`${doc.label}: zod-to-openapi failed: ${(err as Error).message}`);
      continue;
    }
    const back = new Map([...requestIds].map(([name, id]) => [`${COMPONENT}${id}`, `${COMPONENT}${name}`]));
    const unvariant = (schema: unknown) => renameRefs(schema, (r) => back.get(r) ?? r);
    for (const entry of doc.schemas) {
      const id = entry.variant === 'request' ? (requestIds.get(entry.name) ?? entry.name) : entry.name;
      const actual = generated[id];
      if (actual === undefined) {
        failures.push(`${doc.label} ${entry.label}: no component "${id}" in the generated OpenAPI`);
        continue;
      }
      // A ref inside a request variant points at the request variant of its target, on both sides.
      const expectedRefs = (ref: string) => {
        const name = refName(ref);
        return name !== undefined && name in doc.model.schemas ? variantView(doc.model.schemas[name], entry.variant) : undefined;
      };
      const actualRefs = (ref: string) => {
        const name = refName(ref);
        if (name === undefined) return undefined;
        const target = generated[entry.variant === 'request' ? (requestIds.get(name) ?? name) : name];
        return target === undefined ? undefined : unvariant(target);
      };
      compared++;
      for (const d of compareSchemas(variantView(entry.schema, entry.variant), unvariant(actual), { expectedRefs, actualRefs })) {
        differences.push({ doc: doc.label, label: entry.label, cls: differenceClass(d), ...d });
      }
    }
  }
  if (process.env.PROOF_REPORT) writeFileSync(process.env.PROOF_REPORT, JSON.stringify(differences, null, 1));
});

after(() => dir.remove());

test('every generated schema reads back through zod-to-openapi as a component', (t) => {
  assert.deepEqual(failures, []);
  t.diagnostic(`${compared} schemas compared, ${differences.length} differences`);
  assert.ok(compared >= 500, `schemas compared: ${compared}`);
});

test('what reads back is equivalent but for the classes explained in codemods/zod/KNOWN-GAPS.md', (t) => {
  const counts = new Map<string, number>();
  for (const d of differences) counts.set(d.cls, (counts.get(d.cls) ?? 0) + 1);
  for (const [cls, n] of [...counts].sort((a, b) => b[1] - a[1])) t.diagnostic(`  ${n} ${cls}`);
  const known = knownGapClasses('Round trip');
  const unexplained = differences.filter((d) => !isKnown(d.cls, known));
  assert.deepEqual(
    unexplained.slice(0, 10).map((d) => `${d.cls}: ${d.doc} ${d.label} ${d.path} expected ${JSON.stringify(d.expected)} got ${JSON.stringify(d.actual)}`),
    [],
  );
});

test('most schemas read back with no difference at all', (t) => {
  const differing = new Set(differences.map((d) => `${d.doc}\u0000${d.label}`)).size;
  const exact = 1 - differing / compared;
  t.diagnostic(`${((exact) * 100).toFixed(1)}% of schemas read back exactly (${differing} of ${compared} differ)`);
  // A floor, not a target: a regression that breaks many schemas at once must fail loudly.
  // 0.88: every format the docs give comes back (2026-12-05, 90.2%); it was 72.3% before.
  assert.ok(exact >= 0.88, `exact round trips: ${exact}`);
});
