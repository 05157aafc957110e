// `format: date-time` as ajv-formats 3 ("full" mode) checks it, which is what the docs' own validators
// run: RFC 3339 with `t`/`z` in either case (RFC 3339 §5.6 note), a space (any whitespace) as the
// separator, offsets `+02`, `+0200` and `+02:00`, and real calendar dates (2021-02-29 is refused,
// 2024-02-29 accepted). z.iso.datetime() takes upper-case `T`/`Z` and `+hh:mm` only.
// The pattern alone, in a file that imports nothing: the runtime's `dateTime()` (compat/date-time.ts) and
// the emitter's schemas module (codemods/zod/convert/date-time.ts, which must not load zod) read this one copy.
// One difference is left (codemods/zod/KNOWN-GAPS.md): ajv's leap-second arithmetic (`23:59:60` at
// the offset that makes it 23:59 UTC) is accepted at a zero offset only.

// The calendar part is zod's own `z.iso.date()` regex (zod/v4/core regexes.js), leap years included.
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
const OFFSET = '(?:z|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)';
const TIME = `(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?${OFFSET}|23:59:60(?:\\.\\d+)?(?:z|[+-]00(?::?00)?))`;

/** The regex source; it is used with the `i` flag. */
export const DATE_TIME_SOURCE = `^${DATE}[t\\s]${TIME}$`;
export const DATE_TIME_FLAGS = 'i';
