// The 422 error: FastAPI's `{ detail: [{ loc, msg, type }] }`, built straight from zod's issues
// (no flatten/format pass: invalid requests are a benchmarked path).
import type { z } from 'zod';

/** Where a request value lives, in FastAPI's words. */
export type Location = 'path' | 'query' | 'header' | 'cookie' | 'body';

export interface ErrorDetail {
  loc: Array<string | number>;
  msg: string;
  type: string;
}

export class RequestValidationError extends Error {
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
