// The 422 error: FastAPI's `{ detail: [{ loc, msg, type }] }`, built straight from zod's issues
// (no flatten/format pass: invalid requests are a benchmarked path).
import type { z } from 'zod/v4';

/** Where a request value lives, in FastAPI's words. */
export type Location = 'path' | 'query' | 'header' | 'cookie' | 'body';

export interface ErrorDetail {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

const VALIDATION_ERROR = Symbol.for('migrate-api.requestValidationError');

export class RequestValidationError extends Error {
  readonly [VALIDATION_ERROR] = true;
  readonly status = 422;
  constructor(readonly detail: ErrorDetail[]) {
    super('Request validation failed');
    this.name = 'RequestValidationError';
  }
}

export function pushIssues(out: ErrorDetail[], location: string, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    const loc: Array<string | number> = [location];
    for (const key of issue.path) loc.push(typeof key === 'symbol' ? String(key) : key);
    out.push({ loc, msg: issue.message, type: issue.code });
  }
}

/** instanceof would miss an error built by the other build of a dual-loaded package. */
export function isRequestValidationError(err: unknown): err is RequestValidationError {
  return typeof err === 'object' && err !== null && (err as { [VALIDATION_ERROR]?: boolean })[VALIDATION_ERROR] === true;
}
