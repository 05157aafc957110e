// What a converter needs to know besides the schema: how to name `$ref`s, where the value comes from
// (path/query/header/cookie values are strings on the wire and get coerced), which variant
// (request bodies drop readOnly properties, responses drop writeOnly ones), and where to report.
import type { Diagnostic } from '../diagnostics.js';
import type { JsonSchema } from '../model.js';

export type ZodLocation = 'body' | 'response' | 'path' | 'query' | 'header' | 'cookie';

export interface ZodContext {
  /** Identifier for a `#/components/schemas/X` ref; undefined when there is none (reported). */
  refName(ref: string): string | undefined;
  location?: ZodLocation;
  variant?: 'request' | 'response';
  /** JSON pointer of the schema being converted, for diagnostics. */
  pointer: string;
  diagnostics: Diagnostic[];
  /** Optional: the schema behind a ref, so allOf can extend and oneOf can find discriminators. */
  resolveRef?(ref: string): JsonSchema | undefined;
  /** Optional: refs read before their declaration (cycle back-edges); they become getters or z.lazy. */
  isDeferred?(ref: string): boolean;
  /** Optional: refs inside the same cycle as the schema being converted (never extended or discriminated). */
  isCyclic?(ref: string): boolean;
  /** Optional: the function that checks readOnly properties sent in a request before the object strips
   *  them (convert/read-only.ts): the module's own helper, or `readOnlyChecked` from migrate-api/compat in a
   *  route file; without it they are stripped unchecked. */
  readOnlyHelper?: string;
  /** Optional: the module-level const holding the date-time regex (convert/date-time.ts). */
  dateTimeRegex?: string;
  /** Optional: the function returning the date-time schema, meta included (`dateTime` from migrate-api/compat,
   *  route files). Without either the regex is written inline. */
  dateTimeFactory?: string;
  /** Optional: refs whose export is `z.preprocess(check, object)` (read `.out` for the object). */
  isPreprocessed?(ref: string): boolean;
  /** Optional: serialization style of a parameter (OpenAPI `style`/`explode`), for arrays on the wire. */
  style?: string;
  explode?: boolean;
}

export type SchemaObject = Exclude<JsonSchema, boolean>;

export const isWire = (ctx: ZodContext): boolean =>
  ctx.location === 'path' || ctx.location === 'query' || ctx.location === 'header' || ctx.location === 'cookie';

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The context for a sub-schema; parameter style applies only to the parameter's own schema. */
export function sub(ctx: ZodContext, ...segments: Array<string | number>): ZodContext {
  return { ...ctx, pointer: `${ctx.pointer}/${segments.map((s) => escapePointer(String(s))).join('/')}`, style: 'nested' };
}

export function report(ctx: ZodContext, code: Diagnostic['code'], message: string, severity: Diagnostic['severity'] = 'warning', pointer = ctx.pointer): void {
  ctx.diagnostics.push({ code, severity, message, pointer });
}

export const isObjectSchema = (s: unknown): s is SchemaObject => typeof s === 'object' && s !== null && !Array.isArray(s);
