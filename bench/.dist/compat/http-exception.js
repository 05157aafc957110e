import { STATUS_CODES } from "node:http";
const HTTP_EXCEPTION = Symbol.for("migrate-api.httpException");
class HTTPException extends Error {
  constructor(status, detail, headers) {
    const text = detail === void 0 ? STATUS_CODES[status] ?? "Error" : detail;
    super(typeof text === "string" ? text : `HTTP ${status}`);
    this.status = status;
    this.headers = headers;
    this.name = "HTTPException";
    this.detail = text;
  }
  [HTTP_EXCEPTION] = true;
  detail;
}
function isHTTPException(err) {
  return typeof err === "object" && err !== null && err[HTTP_EXCEPTION] === true;
}
export {
  HTTPException,
  isHTTPException
};
