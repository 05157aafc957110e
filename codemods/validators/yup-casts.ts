// What yup's `validate()` lets through outside strict mode, where it casts before it checks (yup 1.x:
// StringSchema, BooleanSchema and DateSchema transforms), written as JSON Schema wherever the cast is exact, so
// the emitted zod accepts the bodies the app accepts today. Where it is not exact (a pattern on a string, bounds
// on a number given as text, dates V8's Date.parse reads) the typed schema stays and
// codemods/validators/KNOWN-GAPS.md (yup) names the difference. Params, query and headers are strings already:
// there the spec's own coercion applies and the casts are taken back (withoutCasts).
import type { JsonSchema } from './types.js';

/** The longest `String(n)` of a finite double: `-0.0000012345678901234567` (ECMA-262 Number::toString). */
const MAX_NUMBER_TEXT = 25;
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** `string()`: a number or boolean is checked as its text (`12.5` -> "12.5"); objects and arrays are not cast. */
export function withStringCasts(schema: JsonSchema): JsonSchema {
  // No number or boolean text is an email, a uuid or an http(s)/ftp URL: with a format the typed schema is exact.
  if ('format' in schema) return schema;
  if (Array.isArray(schema.enum)) return remember(withEnumCasts(schema), schema);
  // Which number texts match a pattern is not a JSON Schema question: the typed schema stays (a known gap).
  if ('pattern' in schema) return schema;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (max < MAX_NUMBER_TEXT || min > 2) return schema;
  const booleans = [true, false].filter((b) => String(b).length >= min && String(b).length <= max);
  if (min <= 1 && booleans.length === 2) return remember({ ...schema, type: ['string', 'number', 'boolean'] }, schema);
  // minLength 2: every number but 0-9 has a text of two characters or more ("-1", "10", "0.5").
  const numbers: JsonSchema = min <= 1 ? { type: 'number' } : { type: 'number', not: { enum: DIGITS } };
  const anyOf: JsonSchema[] = [schema, numbers];
  if (booleans.length === 2) anyOf.push({ type: 'boolean' });
  else if (booleans.length === 1) anyOf.push({ enum: booleans });
  return remember({ anyOf }, schema);
}

/** `string().oneOf(['1', 'true', 'admin'])` also takes 1 and true (their text is listed). */
function withEnumCasts(schema: JsonSchema): JsonSchema {
  const list = schema.enum as unknown[];
  const extra: unknown[] = [];
  for (const v of list) {
    if (typeof v !== 'string') continue;
    if (v === 'true' || v === 'false') extra.push(v === 'true');
    else if (v !== '' && String(Number(v)) === v) extra.push(Number(v));
  }
  if (extra.length === 0) return schema;
  const { type: _type, ...rest } = schema;
  return { ...rest, enum: [...list, ...extra] };
}

/** `boolean()`: true, false, and every value whose text is true, false, 1 or 0 in any case. */
export function withBooleanCasts(schema: JsonSchema): JsonSchema {
  return remember({ anyOf: [schema, { enum: [0, 1] }, { type: 'string', pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[01])$' }] }, schema);
}

/** yup's own ISO pattern (DateSchema's `isoReg`) with four-digit years: a string it matches is a valid date,
 *  month 13 and day 45 included (Date.UTC rolls them over). Six-digit years are left out: beyond year 275760
 *  they are invalid dates, which no pattern tells apart. Strings it does not match go to V8's Date.parse. */
export const YUP_ISO_DATE = '^\\d{4}(?:-?\\d{2}(?:-?\\d{2})?)?(?:[ T]?\\d{2}:?\\d{2}(?::?\\d{2}(?:[,.]\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?$';

/** A string yup's pattern misses goes to Date.parse; of what V8 reads there, this is the part that is exact:
 *  ECMAScript's date-time format with lower-case `t`/`z` (RFC 3339 allows them), fields in range, day up to 31
 *  in any month (V8 rolls 02-31 over). */
export const V8_LOWER_CASE_DATE_TIME = '^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt](?:(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?|24:00(?::00)?)(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)?$';

/** `date()`: the documented formats, and what yup's parser reads besides (`2021-13-45`, `20210601`, `2021`,
 *  `2021-06-01t12:30:00z`). */
export function yupDateSchema(): JsonSchema {
  return {
    anyOf: [
      { type: 'string', format: 'date' }, { type: 'string', format: 'date-time' },
      { type: 'string', pattern: YUP_ISO_DATE }, { type: 'string', pattern: V8_LOWER_CASE_DATE_TIME },
    ],
  };
}

/** yup's `url()` takes http, https and ftp URLs only (and scheme-relative `//host`, which `format: uri` refuses). */
export const YUP_URL_SCHEME = '^(?:(?:[Hh][Tt][Tt][Pp][Ss]?|[Ff][Tt][Pp]):)?//';

const CASTS = new WeakMap<JsonSchema, JsonSchema>();
function remember(cast: JsonSchema, typed: JsonSchema): JsonSchema {
  if (cast === typed) return cast;
  // A default belongs to the whole value, not to the branch of the typed schema.
  let out = cast;
  if (Array.isArray(cast.anyOf) && typed.default !== undefined) {
    const { default: value, ...branch } = typed;
    out = { ...cast, anyOf: (cast.anyOf as JsonSchema[]).map((b) => (b === typed ? branch : b)), default: value };
  }
  CASTS.set(out, typed);
  return out;
}

/** Params, query and headers are strings already: there the cast unions go back to the typed schema. */
export function withoutCasts(schema: JsonSchema): JsonSchema {
  const s = CASTS.get(schema) ?? schema;
  const out: JsonSchema = { ...s };
  if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties as Record<string, JsonSchema>).map(([k, v]) => [k, withoutCasts(v)]));
  if (s.items) out.items = withoutCasts(s.items as JsonSchema);
  return out;
}

/** `nullable()`: null joins whatever form the schema took. */
export function withNull(schema: JsonSchema): JsonSchema {
  let out: JsonSchema;
  if (Array.isArray(schema.enum)) out = { ...schema, enum: [...(schema.enum as unknown[]), null], ...(schema.type === undefined ? {} : { type: addNull(schema.type) }) };
  else if (schema.type !== undefined) out = { ...schema, type: addNull(schema.type) };
  else if (Array.isArray(schema.anyOf)) out = { ...schema, anyOf: [...(schema.anyOf as JsonSchema[]), { type: 'null' }] };
  else if (JSON.stringify(schema.not) === '{"type":"null"}') { const { not: _not, ...rest } = schema; out = rest; } // mixed(): null was all it refused
  else out = schema;
  const typed = CASTS.get(schema);
  if (typed && out !== schema) CASTS.set(out, withNull(typed));
  return out;
}

function addNull(type: unknown): unknown {
  const list = Array.isArray(type) ? type : [type];
  return list.includes('null') ? type : [...list, 'null'];
}
