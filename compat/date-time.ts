// `dateTime()`: the schema a migrated route file writes for `format: date-time`, so the route reads
// `createdAt: dateTime()` where it would otherwise print the whole RFC 3339 regex inline. The check is
// compat/date-time-pattern.ts in `z.stringFormat` (zod-to-openapi prints a string format's regex as
// nothing, so the served document gains no `pattern`), and `.meta({ format })` gives the document its
// `format: date-time`; zod-to-openapi reads that meta through later `.min()`/`.optional()`/`.meta()` too.
import { z } from 'zod/v4';
import { DATE_TIME_FLAGS, DATE_TIME_SOURCE } from './date-time-pattern.js';

const DATE_TIME = new RegExp(DATE_TIME_SOURCE, DATE_TIME_FLAGS);

/** A string in RFC 3339 date-time form, checked as ajv-formats checks `format: date-time`. */
export function dateTime(): z.ZodCustomStringFormat<'date-time'> {
  return z.stringFormat('date-time', DATE_TIME).meta({ format: 'date-time' });
}
