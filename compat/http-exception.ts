// FastAPI's HTTPException: thrown from a handler or dependency, sent as `{ detail }` with its headers.
import { STATUS_CODES } from 'node:http';

export class HTTPException extends Error {
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
