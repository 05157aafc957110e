// FastAPI's HTTPException: thrown from a handler or dependency, sent as `{ detail }` with its headers.
import { STATUS_CODES } from 'node:http';

// Recognized by a registry symbol rather than instanceof, so both builds of a dual-loaded package agree.
const HTTP_EXCEPTION = Symbol.for('migrate-api.httpException');

export class HTTPException extends Error {
  readonly [HTTP_EXCEPTION] = true;
  readonly detail: unknown;
  constructor(
    readonly status: number,
    detail?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    const text = detail === undefined ? (STATUS_CODES[status] ?? 'Error') : detail;
    super(typeof text === 'string' ? text : `HTTP ${status}`);
    this.name = 'HTTPException';
    this.detail = text;
  }
}

export function isHTTPException(err: unknown): err is HTTPException {
  return typeof err === 'object' && err !== null && (err as { [HTTP_EXCEPTION]?: boolean })[HTTP_EXCEPTION] === true;
}
