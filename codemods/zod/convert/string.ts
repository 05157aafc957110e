// `type: string`: formats become zod 4's top-level format schemas, lengths and pattern become checks.
import { chain, lit, obj, zc, type ObjectProp, type ZodExpr } from '../ast.js';
import { report, type SchemaObject, type ZodContext } from '../context.js';
import { dateTimeExpr } from './date-time.js';

const FORMATS: Record<string, () => ZodExpr> = {
  date: () => zc(['iso', 'date']),
  // RFC 3339 full-time requires an offset (`14:51:04Z`, `14:51:04+02:00`), which z.iso.time() rejects.
  time: () => chain(zc('string'), 'regex', { kind: 'regex', source: '^([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([zZ]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$', flags: '' }),
  duration: () => zc(['iso', 'duration']),
  email: () => zc('email'),
  'idn-email': () => zc('email'),
  uuid: () => zc('uuid'),
  uri: () => zc('url'),
  url: () => zc('url'),
  ipv4: () => zc('ipv4'),
  ipv6: () => zc('ipv6'),
  // z.hostname() exists from zod 4.0.11 only (not in 3.25, whose zod/v4 apps load): the migrated app crashed at load.
  // Its own regex in a string format answers the same "Invalid hostname" issue on every release we support.
  hostname: () => customFormat('hostname', '^(?=.{1,253}\\.?$)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[-0-9a-zA-Z]{0,61}[0-9a-zA-Z])?)*\\.?$'),
  byte: () => zc('base64'),
  // zod has no check for these two; a custom string format is exact for JSON pointers (RFC 6901:
  // `/`-separated tokens, `~` only as `~0`/`~1`) and checks a URI reference's characters (RFC 3986:
  // unreserved, reserved, %XX), not its structure. It keeps its name in the generated OpenAPI.
  'json-pointer': () => customFormat('json-pointer', '^(?:\\/(?:[^~/]|~[01])*)*$'),
  'uri-reference': () => customFormat('uri-reference', "^(?:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$"),
};
/** The formats zod-to-openapi prints back as the docs wrote them from the check alone (`z.email()` is `format:
 *  email`). Every other format the docs give is carried by `.meta({ format })`: the ones it prints under another
 *  name (`z.url()` as uri, `z.ipv4()` as ip), the checks it does not name (`z.base64()`,
 *  `z.stringFormat(...)`, a time's regex), and the annotations no zod check has (`binary`, which Swagger UI shows as
 *  a file picker, `password`, `int64`): the served document keeps the format either way. */
const PRINTED_AS_WRITTEN = new Set(['email', 'uuid', 'uri', 'date', 'duration']);

function customFormat(name: string, source: string): ZodExpr {
  return zc('stringFormat', lit(name), { kind: 'regex', source, flags: '' });
}
/** Formats that only annotate (OpenAPI's own, or not checkable): a plain string is exact enough. */
const ANNOTATION_FORMATS = new Set(['binary', 'password', 'int32', 'int64', 'float', 'double', 'iri', 'iri-reference', 'uri-template', 'relative-json-pointer', 'regex', 'idn-hostname']);

export function stringExpr(s: SchemaObject, ctx: ZodContext): ZodExpr {
  const format = typeof s.format === 'string' ? s.format : undefined;
  let e: ZodExpr = zc('string');
  if (format === 'date-time') e = dateTimeExpr({ regex: ctx.dateTimeRegex, factory: ctx.dateTimeFactory });
  else if (format && FORMATS[format]) e = FORMATS[format]();
  else if (format && !ANNOTATION_FORMATS.has(format)) {
    report(ctx, 'unknown-keyword', `format "${format}" is not checked (no zod equivalent); any string accepted`, 'info');
  }
  const min = typeof s.minLength === 'number' ? s.minLength : undefined;
  const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  if (min !== undefined && min === max) e = chain(e, 'length', lit(min));
  else {
    if (min !== undefined && min > 0) e = chain(e, 'min', lit(min));
    if (max !== undefined) e = chain(e, 'max', lit(max));
  }
  const meta: ObjectProp[] = [];
  if (typeof s.pattern === 'string') e = withPattern(e, s.pattern, meta, ctx);
  // `dateTime()` carries its own meta; a pattern's regex hides the format of the check it is chained to.
  const printed = format !== undefined && PRINTED_AS_WRITTEN.has(format) && typeof s.pattern !== 'string';
  if (format && !printed && !(format === 'date-time' && ctx.dateTimeFactory)) meta.push({ key: 'format', value: lit(format) });
  return meta.length ? chain(e, 'meta', obj(meta)) : e;
}

// `\p{...}`, `\P{...}` and `\u{...}` mean something only under the `u` flag: without it they compile
// as identity escapes (`\p{L}` matches the text "p{L}"), silently. An odd run of backslashes escapes.
const NEEDS_UNICODE = /(?:^|[^\\])(?:\\\\)*\\(?:[pP]\{|u\{)/;

function withPattern(e: ZodExpr, pattern: string, meta: ObjectProp[], ctx: ZodContext): ZodExpr {
  // The `u` flag only where the pattern needs it: it rejects what many documented patterns contain
  // (an unescaped `{`, `\-` outside a class), which every tool without `u` accepts.
  const flags = NEEDS_UNICODE.test(pattern) ? 'u' : '';
  let source: string;
  try {
    source = new RegExp(pattern, flags).source;
  } catch {
    report(ctx, 'lossy-schema', `pattern ${JSON.stringify(pattern)} is not a valid JavaScript regular expression${flags ? ' (with the `u` flag its `\\p{...}` needs)' : ''}; not checked`);
    return e;
  }
  // zod-to-openapi prints a regex as its `toString()` minus the outer slashes, so a flag leaks into
  // the served document (`\p{L}+/u`); the documented pattern is given back as written.
  if (flags) meta.push({ key: 'pattern', value: lit(pattern) });
  return chain(e, 'regex', { kind: 'regex', source, flags });
}
