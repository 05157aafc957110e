// `type: string`: formats become zod 4's top-level format schemas, lengths and pattern become checks.
import { chain, lit, obj, zc, type ZodExpr } from '../ast.js';
import { report, type SchemaObject, type ZodContext } from '../context.js';

// date-time takes `{ offset: true }`: RFC 3339 (and ajv-formats) accept `+02:00` offsets, while
// z.iso.datetime() alone accepts only `Z`.
const FORMATS: Record<string, () => ZodExpr> = {
  'date-time': () => zc(['iso', 'datetime'], obj([{ key: 'offset', value: lit(true) }])),
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
  hostname: () => zc('hostname'),
  byte: () => zc('base64'),
};
/** Formats that only annotate (OpenAPI's own, or not checkable): a plain string is exact enough. */
const ANNOTATION_FORMATS = new Set(['binary', 'password', 'int32', 'int64', 'float', 'double', 'uri-reference', 'iri', 'iri-reference', 'uri-template', 'json-pointer', 'relative-json-pointer', 'regex', 'idn-hostname']);

export function stringExpr(s: SchemaObject, ctx: ZodContext): ZodExpr {
  const format = typeof s.format === 'string' ? s.format : undefined;
  let e: ZodExpr = zc('string');
  if (format && FORMATS[format]) e = FORMATS[format]();
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
  if (typeof s.pattern === 'string') e = withPattern(e, s.pattern, ctx);
  return e;
}

function withPattern(e: ZodExpr, pattern: string, ctx: ZodContext): ZodExpr {
  // The `u` flag only where the pattern needs it: zod-to-openapi 9 writes flags into the documented
  // pattern (`ab+/u`), which would corrupt the served /openapi.json.
  for (const flags of ['', 'u']) {
    try {
      return chain(e, 'regex', { kind: 'regex', source: new RegExp(pattern, flags).source, flags });
    } catch { /* try without `u` */ }
  }
  report(ctx, 'lossy-schema', `pattern ${JSON.stringify(pattern)} is not a valid JavaScript regular expression; not checked`);
  return e;
}
