// The differential check itself: the same instances judged by ajv (against the original schema)
// and by the generated zod (the export for the schema's variant). Zod strips unknown keys by
// default, which counts as accepting — exactly what ajv does without additionalProperties:false.
// Every disagreement gets a class naming the constraint one side enforces and the other does not,
// so KNOWN-GAPS.md can give each class its reason.
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { JsonSchema } from '../../codemods/model.js';
import type { DocumentValidator, Variant } from './ajv.js';
import type { CorpusSchema } from './corpus.js';
import { mutatedInstances, seedFor, validInstances, type MutationKind } from './instances.js';

/** The part of a zod schema the check uses. */
export interface SafeParser {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: ZodIssueLike[] } };
}

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  format?: string;
  expected?: string;
  errors?: ZodIssueLike[][];
  keys?: string[];
}

export interface Disagreement {
  doc: string;
  label: string;
  kind: 'valid' | MutationKind;
  /** `zod-looser/<ajv keyword>` (ajv rejects, zod accepts) or `zod-stricter/<zod issue>` (the reverse). */
  cls: string;
  instance: unknown;
  ajv: string;
  zod: string;
}

export interface DifferentialStats {
  checks: number;
  agreements: number;
  /** Generated instances ajv accepts / all generated (json-schema-faker's own accuracy). */
  generatedValid: number;
  generated: number;
  /** Mutations ajv rejects / all mutations (how often a break really breaks). */
  mutatedInvalid: number;
  mutated: number;
  disagreements: Disagreement[];
}

export function emptyStats(): DifferentialStats {
  return { checks: 0, agreements: 0, generatedValid: 0, generated: 0, mutatedInvalid: 0, mutated: 0, disagreements: [] };
}

export function mergeStats(into: DifferentialStats, from: DifferentialStats): DifferentialStats {
  into.checks += from.checks;
  into.agreements += from.agreements;
  into.generatedValid += from.generatedValid;
  into.generated += from.generated;
  into.mutatedInvalid += from.mutatedInvalid;
  into.mutated += from.mutated;
  into.disagreements.push(...from.disagreements);
  return into;
}

/** The ajv error that says why: a oneOf matched twice beats everything (exclusivity is the
 *  usual gap), otherwise the first (deepest) error — named after what OpenAPI says of the place
 *  when that explains it (a readOnly property in a request is never read, so never validated). */
export function ajvClass(errors: ErrorObject[], variant: Variant): string {
  const exclusive = errors.find((e) => e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas));
  if (exclusive) return 'oneOf-exclusive';
  const e = errors[0];
  if (!e) return 'unknown';
  const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
  if (variant === 'request' && parent.readOnly === true) return 'readOnly-in-request';
  if (variant === 'response' && parent.writeOnly === true) return 'writeOnly-in-response';
  if (e.keyword === 'format') return `format:${(e.params as { format: string }).format}`;
  // `{ $ref, type }`: JSON Schema applies the sibling, the emitter reads the ref alone (Swagger 2.0's rule).
  if (e.keyword === 'type' && typeof parent.$ref === 'string') return 'type-next-to-$ref';
  if (e.keyword === 'additionalProperties' && e.schemaPath.includes('/allOf/')) return 'additionalProperties-in-allOf';
  return e.keyword;
}

export function zodClass(issues: ZodIssueLike[]): string {
  const i = issues[0];
  if (!i) return 'unknown';
  if (i.code === 'invalid_format') return `format:${i.format}`;
  if (i.code === 'invalid_type') return `invalid_type:${i.expected}`;
  if (i.code === 'invalid_union' && i.errors?.length) {
    const inner = i.errors.map((branch) => zodClass(branch));
    return `invalid_union(${[...new Set(inner)].sort().join('|')})`;
  }
  return i.code;
}

const describeAjv = (errors: ErrorObject[]): string => errors.slice(0, 2).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
const describeZod = (issues: ZodIssueLike[]): string => issues.slice(0, 2).map((i) => `/${i.path.map(String).join('/')} ${i.message}`).join('; ');

export interface SchemaCheckOptions {
  valid: number;
  mutated: number;
}

/** Checks one schema of one document; `zod` is the export for its variant. */
export function checkSchema(
  doc: string,
  entry: CorpusSchema,
  components: Record<string, JsonSchema>,
  ajv: DocumentValidator,
  zod: SafeParser,
  opts: SchemaCheckOptions,
): DifferentialStats {
  const stats = emptyStats();
  const seed = seedFor(`${doc}#${entry.label}`);
  const generated = validInstances(entry.schema, components, { seed, count: opts.valid });
  const accepted: unknown[] = [];
  const judge = (kind: 'valid' | MutationKind, instance: unknown): boolean => {
    const a = ajv.validate(entry.schema, instance, entry.variant);
    let zodOk: boolean;
    let issues: ZodIssueLike[] = [];
    let thrown: string | undefined;
    let parsed: unknown;
    try {
      const r = zod.safeParse(instance);
      zodOk = r.success;
      parsed = r.data;
      issues = r.error?.issues ?? [];
    } catch (err) {
      zodOk = false;
      thrown = err instanceof Error ? err.message : String(err);
    }
    stats.checks++;
    if (a.valid === zodOk) stats.agreements++;
    else {
      const cls = thrown !== undefined ? 'zod-throws' : a.valid ? `zod-stricter/${zodClass(issues)}` : `zod-looser/${looserClass(a.errors, parsed)}`;
      stats.disagreements.push({
        doc, label: entry.label, kind, cls, instance,
        ajv: a.valid ? 'valid' : describeAjv(a.errors),
        zod: thrown ?? (zodOk ? 'valid' : describeZod(issues)),
      });
    }
    return a.valid;
  };
  // The variant's properties zod leaves out (readOnly in requests, writeOnly in responses) are
  // stripped, not checked: when what zod gives back passes ajv, only they made ajv reject, however
  // deep the error ajv reports first (an item of a readOnly array).
  const skipped = entry.variant === 'request' ? 'readOnly' : 'writeOnly';
  const strippedClass = `${skipped}-in-${entry.variant}`;
  let mentionsSkipped: boolean | undefined;
  const looserClass = (errors: ErrorObject[], parsed: unknown): string => {
    const cls = ajvClass(errors, entry.variant);
    // Keys zod strips for being unknown are another story (unevaluatedProperties, allOf traps).
    if (cls === strippedClass || cls.startsWith('additionalProperties') || cls === 'unevaluatedProperties' || cls === 'patternProperties') return cls;
    mentionsSkipped ??= JSON.stringify([entry.schema, components]).includes(`"${skipped}":true`);
    return mentionsSkipped && ajv.validate(entry.schema, parsed, entry.variant).valid ? strippedClass : cls;
  };
  for (const instance of generated) {
    stats.generated++;
    if (judge('valid', instance)) {
      stats.generatedValid++;
      accepted.push(instance);
    }
  }
  // Breaking an instance ajv already rejects would prove nothing: mutate only accepted ones.
  for (const m of mutatedInstances(entry.schema, components, accepted, { seed: seed ^ 0x5bd1e995, count: opts.mutated })) {
    stats.mutated++;
    if (!judge(m.kind, m.value)) stats.mutatedInvalid++;
  }
  return stats;
}

/** Class -> count, most frequent first. */
export function classCounts(disagreements: Disagreement[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const d of disagreements) counts.set(d.cls, (counts.get(d.cls) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
