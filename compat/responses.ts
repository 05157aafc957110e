// Response schemas by status, resolved once per route: an exact code, then its range (`2XX`), then
// `default`. An entry without a schema (a description only) checks nothing. A schema answers through its
// compiled twin once the route is hot (fast-schema.ts): the same result, cheaper.
import type { z } from 'zod/v4';
import type { ResponseSpec } from './route.js';
import { hotSchema } from './fast-schema.js';

export type ResponseLookup = (status: number) => z.ZodType | undefined;

function schemaOf(entry: ResponseSpec | undefined): z.ZodType | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  if ('_zod' in entry) return entry as z.ZodType;
  return (entry as { schema?: z.ZodType }).schema;
}

/** Undefined when the route declares no response schema at all (nothing to check, ever). */
export function compileResponses(responses: Record<number | string, ResponseSpec> | undefined, where: string): ResponseLookup | undefined {
  if (!responses) return undefined;
  const exact = new Map<number, () => z.ZodType>();
  const ranges = new Map<number, () => z.ZodType>();
  let fallback: (() => z.ZodType) | undefined;
  // One getter per schema: a schema listed under several statuses warms up (and compiles) once.
  const getters = new Map<z.ZodType, () => z.ZodType>();
  for (const [key, entry] of Object.entries(responses)) {
    const schema = schemaOf(entry);
    if (entry && typeof entry === 'object' && !('_zod' in entry) && (entry as { schema?: unknown }).schema !== undefined && !schema) {
      throw new TypeError(`${where}: responses[${key}].schema must be a zod schema`);
    }
    if (!schema) continue;
    let get = getters.get(schema);
    if (!get) getters.set(schema, (get = hotSchema(schema)));
    if (/^[1-5]\d\d$/.test(key)) exact.set(Number(key), get);
    else if (/^[1-5]XX$/i.test(key)) ranges.set(Number(key[0]), get);
    else if (key === 'default') fallback = get;
    else throw new TypeError(`${where}: responses key "${key}" is not a status code, a range like 2XX, or default`);
  }
  if (exact.size === 0 && ranges.size === 0 && !fallback) return undefined;
  return (status) => (exact.get(status) ?? ranges.get(Math.floor(status / 100)) ?? fallback)?.();
}
