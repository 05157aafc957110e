// One differential run over a set of spec documents: each is read, its schemas module emitted and
// imported, and every schema checked (checkSchema) against ajv. Shared by the proof over
// @readme/oas-examples (test/codemods/zod/differential.test.ts) and the benchmark over any folder
// of real specs (bench/zod-agreement.ts), so both measure exactly the same thing.
import { prepareDocument, type PreparedDocument } from './corpus.js';
import { documentValidator } from './ajv.js';
import { checkSchema, emptyStats, mergeStats, type DifferentialStats, type SafeParser } from './differential.js';
import type { ModuleDir } from './zod-module.js';

export interface DifferentialRunOptions {
  /** Seeded valid and mutated instances per schema. */
  valid: number;
  mutated: number;
  /** Where generated modules are written and imported from. */
  dir: ModuleDir;
  /** The folder document labels are relative to. */
  root: string;
  /** Called after each document (progress of a long run). */
  onDocument?: (label: string, schemas: number) => void;
}

export interface DifferentialRun {
  stats: DifferentialStats;
  /** Documents that could not be read, emitted or imported, and schemas without a zod export. */
  failures: string[];
  /** Document label -> schemas checked. */
  checkedPerDocument: Map<string, number>;
}

export async function runDifferential(files: string[], opts: DifferentialRunOptions): Promise<DifferentialRun> {
  const stats = emptyStats();
  const failures: string[] = [];
  const checkedPerDocument = new Map<string, number>();
  for (const file of files) {
    let doc: PreparedDocument;
    try {
      doc = await prepareDocument(file, 'js', opts.root);
    } catch (err) {
      failures.push(`${file}: reading or emitting threw: ${(err as Error).stack}`);
      continue;
    }
    checkedPerDocument.set(doc.label, 0);
    if (doc.schemas.length === 0) continue;
    opts.dir.write(`${doc.moduleBase}.mjs`, doc.code);
    let mod: Record<string, unknown>;
    try {
      mod = await opts.dir.load(`${doc.moduleBase}.mjs`);
    } catch (err) {
      failures.push(`${doc.label}: generated module does not import: ${(err as Error).message}`);
      continue;
    }
    const ajv = documentValidator(doc.model.schemas);
    for (const entry of doc.schemas) {
      const exported = doc.exports[entry.name]?.[entry.variant];
      const zod = exported ? (mod[exported] as SafeParser | undefined) : undefined;
      if (!zod || typeof zod.safeParse !== 'function') {
        failures.push(`${doc.label} ${entry.label}: no zod export for the ${entry.variant} variant`);
        continue;
      }
      mergeStats(stats, checkSchema(doc.label, entry, doc.model.schemas, ajv, zod, { valid: opts.valid, mutated: opts.mutated }));
      checkedPerDocument.set(doc.label, (checkedPerDocument.get(doc.label) ?? 0) + 1);
    }
    opts.onDocument?.(doc.label, checkedPerDocument.get(doc.label) ?? 0);
  }
  return { stats, failures, checkedPerDocument };
}
