// `format: date-time` as ajv-formats 3 checks it (the pattern and why: compat/date-time-pattern.ts).
// In a schemas module: a regex in z.stringFormat, declared once per module (module.ts), and
// `.meta({ format })` for the served document; the module needs nothing but zod. In a route file:
// `dateTime()` from migrate-api/compat, the same check and meta under a readable name.
import { DATE_TIME_FLAGS, DATE_TIME_SOURCE } from '../../../compat/date-time-pattern.js';
import { call, id, lit, zc, type ZodExpr } from '../ast.js';

/** The check. `helper`: `{ regex }` names the module-level const holding the regex (its `.meta({ format })`
 *  comes last, after length checks: stringExpr, PRINTED_AS_WRITTEN); `{ factory }` names the compat function
 *  that carries the meta itself; neither: the regex inline. */
export function dateTimeExpr(helper: { regex?: string; factory?: string } = {}): ZodExpr {
  if (helper.factory) return call(id(helper.factory));
  return zc('stringFormat', lit('date-time'), helper.regex ? id(helper.regex) : { kind: 'regex', source: DATE_TIME_SOURCE, flags: DATE_TIME_FLAGS });
}

export function dateTimeDeclaration(name: string): string {
  return [
    '// `format: date-time` as ajv-formats checks it: RFC 3339, `t`/`z` in either case, offsets `+02`, `+0200`',
    '// or `+02:00`, real calendar dates (2021-02-29 is refused).',
    `const ${name} = /${DATE_TIME_SOURCE}/${DATE_TIME_FLAGS};`,
  ].join('\n');
}
