// Error responses as JSON. Errors the runtime understands (HTTPException, 422) are answered in the
// route; every other error goes to next(err) for legacy error middleware, and what no middleware
// answered ends in jsonFinalHandler instead of express's HTML page. Bodies never carry stacks.
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { isHTTPException, type HTTPException } from './http-exception.js';
import { log } from './log.js';
import { sendJsonBody } from './send-json.js';
import { isRequestValidationError, type ErrorDetail } from './validation-error.js';

type HeaderValue = string | number | readonly string[];

export function sendJson(res: Response, status: number, body: unknown, headers?: Record<string, HeaderValue>): void {
  if (headers) for (const name in headers) res.setHeader(name, headers[name] as string | number | string[]);
  if (body === undefined) res.status(status).end();
  else sendJsonBody(res, status, body);
}

export function sendHttpException(res: Response, err: HTTPException): void {
  sendJson(res, err.status, { detail: err.detail }, err.headers);
}

interface HttpishError {
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  headers?: unknown;
  type?: unknown;
  message?: unknown;
  /** body-parser's raw text on a parse failure */
  body?: unknown;
}

function statusOf(err: HttpishError): number {
  const s = typeof err.status === 'number' ? err.status : typeof err.statusCode === 'number' ? err.statusCode : undefined;
  return s !== undefined && s >= 400 && s <= 599 ? s : 500;
}

/**
 * The end of the line for an error no legacy error middleware answered, and for a request no
 * route matched (`{ detail: "Not Found" }`, FastAPI's 404). 4xx errors say what they are (body-parser's
 * 400 for malformed JSON, 413 for oversize bodies); 5xx bodies name the message only outside production.
 */
export function jsonFinalHandler(req: Request, res: Response, err: unknown): void {
  if (err === undefined || err === null || err === 'route' || err === 'router') {
    if (res.headersSent) return void res.end();
    return sendJson(res, 404, { detail: 'Not Found' });
  }
  if (res.headersSent) {
    // Too late for a status: cut the connection so the client sees a failure, not a truncated 200.
    log().error(`[migrate-api] ${req.method} ${req.originalUrl ?? req.url} failed after its response started`, err);
    req.socket?.destroy();
    return;
  }
  if (isHTTPException(err)) return sendHttpException(res, err);
  if (isRequestValidationError(err)) return sendJson(res, 422, { detail: err.detail });
  const e = (typeof err === 'object' ? err : { message: String(err) }) as HttpishError;
  const primitive = e.type === 'entity.parse.failed' ? jsonPrimitive(e.body) : undefined;
  if (primitive) return sendJson(res, 422, { detail: [primitive] });
  const status = statusOf(e);
  const message = typeof e.message === 'string' && e.message ? e.message : STATUS_CODES[status] ?? 'Error';
  const headers = status < 500 && e.headers && typeof e.headers === 'object' ? (e.headers as Record<string, HeaderValue>) : undefined;
  let detail: string;
  if (status >= 500) {
    log().error(`[migrate-api] ${req.method} ${req.originalUrl ?? req.url} failed`, err);
    detail = process.env.NODE_ENV === 'production' ? (STATUS_CODES[status] ?? 'Internal Server Error') : message;
  } else {
    detail = e.expose === false ? (STATUS_CODES[status] ?? 'Error') : message;
  }
  sendJson(res, status, e.type === 'entity.parse.failed' ? { detail: `Malformed JSON body: ${message}` } : { detail }, headers);
}

/**
 * express.json() in its default strict mode refuses a body of JSON `null`, `1` or `"x"` as if it were not
 * JSON. It is JSON, just not the object a body schema asks for: a 422 as for any invalid body (FastAPI says
 * "Field required" for null), not "Malformed JSON".
 */
function jsonPrimitive(raw: unknown): ErrorDetail | undefined {
  if (typeof raw !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (value === null) return { loc: ['body'], msg: 'Field required', type: 'missing' };
  if (typeof value !== 'object') return { loc: ['body'], msg: `Input should be an object or an array, not a JSON ${typeof value}`, type: 'model_attributes_type' };
  return undefined;
}

interface Handles {
  handle: (req: Request, res: Response, callback?: (err?: unknown) => void) => void;
}

const WRAPPED = Symbol.for('migrate-api.jsonFinalHandler');

/**
 * Swaps express's default final handler (HTML, stack traces outside production) for jsonFinalHandler
 * on a top-level app. A mounted sub-app gets its parent's `next` as callback and is left to its parent.
 */
export function installJsonFinalHandler(app: Handles): void {
  if ((app as { [WRAPPED]?: boolean })[WRAPPED]) return;
  const handle = app.handle;
  Object.defineProperty(app, WRAPPED, { value: true });
  app.handle = function (this: unknown, req, res, callback) {
    // express's own finalhandler allocates a closure per request too: this one replaces it.
    return handle.call(this, req, res, callback ?? ((err?: unknown) => jsonFinalHandler(req, res, err)));
  };
}
