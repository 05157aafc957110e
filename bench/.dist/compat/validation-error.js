const VALIDATION_ERROR = Symbol.for("migrate-api.requestValidationError");
class RequestValidationError extends Error {
  constructor(detail) {
    super("Request validation failed");
    this.detail = detail;
    this.name = "RequestValidationError";
  }
  [VALIDATION_ERROR] = true;
  status = 422;
}
function pushIssues(out, location, issues) {
  for (const issue of issues) {
    const loc = [location];
    for (const key of issue.path) loc.push(typeof key === "symbol" ? String(key) : key);
    out.push({ loc, msg: issue.message, type: issue.code });
  }
}
function isRequestValidationError(err) {
  return typeof err === "object" && err !== null && err[VALIDATION_ERROR] === true;
}
export {
  RequestValidationError,
  isRequestValidationError,
  pushIssues
};
