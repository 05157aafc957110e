// Query values as they arrive on the wire, fitted to the schema before it runs: a lone `?tag=a` where an array
// is declared, and an empty `?n=` where a number or boolean is: missing, as FastAPI reads it (optional ->
// absent, required -> 422), never coerced to 0 or false. Keys are found once per route, at registration.
import type { z } from 'zod/v4';

type Def = { type?: string; innerType?: unknown; in?: unknown; out?: unknown; shape?: Record<string, z.ZodType> };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** `?tag=a` arrives as a string where the schema wants an array: such keys are found once here. */
export function arrayKeysOf(schema: z.ZodType | undefined): string[] | undefined {
  return keysWhere(schema, isArraySchema);
}

/** The keys of an object schema whose own schema passes `test`; undefined when none does. */
function keysWhere(schema: z.ZodType | undefined, test: (field: unknown) => boolean): string[] | undefined {
  const def = defOf(schema);
  if (!def || def.type !== 'object' || !def.shape) return undefined;
  const keys = Object.keys(def.shape).filter((k) => test(def.shape![k]));
  return keys.length ? keys : undefined;
}

function isArraySchema(schema: unknown): boolean {
  for (let s = schema, i = 0; s && i < 16; i++) {
    const def = defOf(s);
    if (!def) return false;
    if (def.type === 'array') return true;
    s = def.type === 'pipe' ? def.in : def.innerType;
  }
  return false;
}

export function wrapSingleValues(query: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const k of keys) {
    const v = query[k];
    if (typeof v === 'string') (copy ??= { ...query })[k] = [v];
  }
  return copy ?? query;
}

/** Keys whose schema reads a number, bigint, boolean or date out of the string (z.coerce.*, z.stringbool()). */
export function emptyAsMissingKeysOf(schema: z.ZodType | undefined): string[] | undefined {
  return keysWhere(schema, readsNonString);
}

function readsNonString(schema: unknown): boolean {
  for (let s = schema, i = 0; s && i < 16; i++) {
    const def = defOf(s);
    if (!def) return false;
    if (def.type === 'number' || def.type === 'bigint' || def.type === 'boolean' || def.type === 'date') return true;
    if (def.type === 'pipe' && defOf(def.out)?.type === 'boolean') return true; // z.stringbool()
    s = def.type === 'pipe' ? def.in : def.innerType;
  }
  return false;
}

/** A copy of the query without the listed keys whose value is empty or blank; the query itself when none is. */
export function dropEmptyValues(query: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const k of keys) {
    const v = query[k];
    if (typeof v === 'string' && v.trim() === '') delete (copy ??= { ...query })[k];
  }
  return copy ?? query;
}
