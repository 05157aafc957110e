// `format: date-time` as ajv-formats 3 ("full" mode) checks it, which is what the docs' own validators
// run: RFC 3339 with `t`/`z` in either case (RFC 3339 §5.6 note), a space (any whitespace) as the
// separator, offsets `+02`, `+0200` and `+02:00`, and real calendar dates (2021-02-29 is refused,
// 2024-02-29 accepted). z.iso.datetime() takes upper-case `T`/`Z` and `+hh:mm` only. A regex in
// z.stringFormat checks it without a pattern in the served document (zod-to-openapi prints a string
// format's regex as nothing), and `.meta({ format })` gives the document its `format: date-time`.
// One difference is left (codemods/zod/KNOWN-GAPS.md): ajv's leap-second arithmetic (`23:59:60` at
// the offset that makes it 23:59 UTC) is accepted at a zero offset only.
import { id, lit, zc, type ZodExpr } from '../ast.js';

// The calendar part is zod's own `z.iso.date()` regex (zod/v4/core regexes.js), leap years included.
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])))';
const OFFSET = '(?:z|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)';
const TIME = `(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?${OFFSET}|23:59:60(?:\\.\\d+)?(?:z|[+-]00(?::?00)?))`;
export const DATE_TIME_SOURCE = `^${DATE}[t\\s]${TIME}$`;

/** The check; its `.meta({ format })` comes last, after length checks (stringExpr, CUSTOM_FORMATS).
 *  `regexName`: a module-level const holding the regex (module.ts declares it once), else inline. */
export function dateTimeExpr(regexName?: string): ZodExpr {
  return zc('stringFormat', lit('date-time'), regexName ? id(regexName) : { kind: 'regex', source: DATE_TIME_SOURCE, flags: 'i' });
}

export function dateTimeDeclaration(name: string): string {
  return [
    '// `format: date-time` as ajv-formats checks it: RFC 3339, `t`/`z` in either case, offsets `+02`, `+0200`',
    '// or `+02:00`, real calendar dates (2021-02-29 is refused).',
    `const ${name} = /${DATE_TIME_SOURCE}/i;`,
  ].join('\n');
}
