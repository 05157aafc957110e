import { STATUS_CODES } from "node:http";
import { isHTTPException } from "./http-exception.js";
import { log } from "./log.js";
import { isRequestValidationError } from "./validation-error.js";
function sendJson(res, status, body, headers) {
  if (headers) for (const name in headers) res.setHeader(name, headers[name]);
  res.status(status);
  if (body === void 0) res.end();
  else res.json(body);
}
function sendHttpException(res, err) {
  sendJson(res, err.status, { detail: err.detail }, err.headers);
}
function statusOf(err) {
  const s = typeof err.status === "number" ? err.status : typeof err.statusCode === "number" ? err.statusCode : void 0;
  return s !== void 0 && s >= 400 && s <= 599 ? s : 500;
}
function jsonFinalHandler(req, res, err) {
  if (err === void 0 || err === null || err === "route" || err === "router") {
    if (res.headersSent) return void res.end();
    return sendJson(res, 404, { detail: "Not Found" });
  }
  if (res.headersSent) {
    log().error(`[migrate-api] ${req.method} ${req.originalUrl ?? req.url} failed after its response started`, err);
    req.socket?.destroy();
    return;
  }
  if (isHTTPException(err)) return sendHttpException(res, err);
  if (isRequestValidationError(err)) return sendJson(res, 422, { detail: err.detail });
  const e = typeof err === "object" ? err : { message: String(err) };
  const status = statusOf(e);
  const message = typeof e.message === "string" && e.message ? e.message : STATUS_CODES[status] ?? "Error";
  const headers = status < 500 && e.headers && typeof e.headers === "object" ? e.headers : void 0;
  let detail;
  if (status >= 500) {
    log().error(`[migrate-api] ${req.method} ${req.originalUrl ?? req.url} failed`, err);
    detail = process.env.NODE_ENV === "production" ? STATUS_CODES[status] ?? "Internal Server Error" : message;
  } else {
    detail = e.expose === false ? STATUS_CODES[status] ?? "Error" : message;
  }
  sendJson(res, status, e.type === "entity.parse.failed" ? { detail: `Malformed JSON body: ${message}` } : { detail }, headers);
}
const WRAPPED = Symbol.for("migrate-api.jsonFinalHandler");
function installJsonFinalHandler(app) {
  if (app[WRAPPED]) return;
  const handle = app.handle;
  Object.defineProperty(app, WRAPPED, { value: true });
  app.handle = function(req, res, callback) {
    return handle.call(this, req, res, callback ?? ((err) => jsonFinalHandler(req, res, err)));
  };
}
export {
  installJsonFinalHandler,
  jsonFinalHandler,
  sendHttpException,
  sendJson
};
