// A route's schemas parse through zod's own AOT compiler (`z.compile`, zod >= 4.6) once the route is hot: a
// valid input takes zod's generated fast path (a 5-field nested object: ~0.6 us -> ~0.08 us, and none of the
// runtime's per-field payload objects), an invalid one falls back to zod's regular parser, so issues, messages
// and the 422 stay exactly what they were. Used only where that is the whole difference:
// - zod has `compile` and the app did not set `z.config({ jitless: true })` (CSP: no `new Function`);
// - the schema was built by this zod (same version: compat's compile walks its internals);
// - zod compiled all of it with no user callback and no runtime island (its generated code is `definite`):
//   zod's README warns that on invalid input refinements and transforms may run twice (fast path, then
//   fallback); a schema with a refine, transform, coercion or anything else zod does not compile keeps its
//   runtime parser, so no user code ever runs twice.
// The clone is used for parsing only; the route's spec (and so the OpenAPI document) keeps the schema as written.
import { z } from 'zod/v4';

/** How many requests a route's schema serves on zod's runtime parser before it is compiled: a cold route
 *  (a test suite's, a route hit once) never pays the ~1 ms compile. */
export const HOT_AFTER = 16;

type Compile = (schema: z.ZodType) => z.ZodType;

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/** The schema's compiled twin when it parses exactly as the schema does (see above), else the schema. */
export function fastSchema(schema: z.ZodType): z.ZodType {
  let fast = compiled.get(schema);
  if (!fast) {
    fast = compileExact(schema);
    compiled.set(schema, fast);
  }
  return fast;
}

function compileExact(schema: z.ZodType): z.ZodType {
  const compile = (z as unknown as { compile?: Compile }).compile;
  if (typeof compile !== 'function' || z.config().jitless) return schema;
  const own = (schema as { _zod?: { version?: { major: number; minor: number; patch: number } } })._zod?.version;
  const zv = z.core.version;
  if (!own || !zv || own.major !== zv.major || own.minor !== zv.minor || own.patch !== zv.patch) return schema;
  let out: z.ZodType;
  try {
    out = compile(schema);
  } catch {
    return schema;
  }
  if (out === schema) return schema;
  const validator = (out as { _zod?: { bag?: { validator?: { definite?: boolean } } } })._zod?.bag?.validator;
  return validator?.definite === true ? out : schema;
}

/** A getter for `schema` that answers the schema itself for its first HOT_AFTER calls, then its fast twin. */
export function hotSchema(schema: z.ZodType): () => z.ZodType {
  let uses = 0;
  let fast: z.ZodType | undefined;
  return () => fast ?? (++uses < HOT_AFTER ? schema : (fast = fastSchema(schema)));
}
