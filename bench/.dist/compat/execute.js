import { z } from "zod";
import { readCookies } from "./cookies.js";
import { RESPONSE_SENT, solveDeps } from "./deps.js";
import { sendHttpException, sendJson } from "./errors.js";
import { isHTTPException } from "./http-exception.js";
import { log } from "./log.js";
import { checkMode, envValidationMode } from "./modes.js";
import { appOptionsOf } from "./options.js";
import { isReply } from "./reply.js";
import { compileResponses } from "./responses.js";
import { stripPrototypeKeys } from "./sanitize.js";
import { pushIssues, RequestValidationError } from "./validation-error.js";
import { recordViolation } from "./violations.js";
const EMPTY = Object.freeze({});
function compileRoute(d, handler) {
  const spec = d.spec;
  const fixedMode = envValidationMode() ?? checkMode(spec.validation, d.id) ?? checkMode(d.router.validation, d.id);
  const checks = [];
  if (spec.params) checks.push([spec.params, "params", "path"]);
  if (spec.query) checks.push([spec.query, "query", "query"]);
  if (spec.headers) checks.push([spec.headers, "headers", "header"]);
  if (spec.cookies) checks.push([spec.cookies, "cookies", "cookie"]);
  if (spec.body) checks.push([spec.body, "body", "body"]);
  const parseCookies = spec.cookies !== void 0;
  const queryArrays = arrayKeysOf(spec.query);
  const headerAliases = mixedCaseKeysOf(spec.headers);
  const lookup = compileResponses(spec.responses, d.id);
  const deps = spec.deps && Object.keys(spec.deps).length ? Object.entries(spec.deps) : void 0;
  const defaultStatus = spec.status;
  const isLegacy = d.legacyHandler;
  let asyncSchemas = false;
  function parseSync(input) {
    let detail;
    for (let i = 0; i < checks.length; i++) {
      const [schema, key, loc] = checks[i];
      const r = schema.safeParse(input[key]);
      if (r.success) input[key] = r.data;
      else pushIssues(detail ??= [], loc, r.error.issues);
    }
    return detail;
  }
  async function parseAsync(input) {
    let detail;
    for (const [schema, key, loc] of checks) {
      const r = await schema.safeParseAsync(input[key]);
      if (r.success) input[key] = r.data;
      else pushIssues(detail ??= [], loc, r.error.issues);
    }
    return detail;
  }
  function routeOf(req) {
    return req.baseUrl + d.path;
  }
  function afterValidation(detail, input, mode, req, res, next) {
    if (detail) {
      if (mode === "enforce") return rejectInvalid(detail, req, res, next);
      reportRequest(detail, req.method, routeOf(req));
    }
    if (deps) {
      const ctx = { req, res };
      solveDeps(deps, input, ctx).then((solved) => {
        if (res.headersSent) return;
        input.deps = solved;
        invoke(input, ctx, mode, req, res, next);
      }, (err) => fail(err, res, next));
    } else {
      invoke(input, void 0, mode, req, res, next);
    }
  }
  function invoke(input, ctx, mode, req, res, next) {
    let out;
    if (isLegacy) {
      if (lookup && mode !== "off") checkLegacyJson(res, req, mode);
      try {
        out = handler(req, res, next);
      } catch (err) {
        return fail(err, res, next);
      }
      if (isThenable(out)) out.then(void 0, (err) => fail(err, res, next));
      return;
    }
    try {
      out = handler(input, ctx ?? { req, res });
    } catch (err) {
      return fail(err, res, next);
    }
    if (isThenable(out)) out.then((value) => finish(value, mode, req, res, next), (err) => fail(err, res, next));
    else finish(out, mode, req, res, next);
  }
  function finish(value, mode, req, res, next) {
    if (res.headersSent) return;
    try {
      let status;
      let body;
      if (isReply(value)) {
        status = value.status;
        body = value.body;
        if (value.headers) for (const name in value.headers) res.setHeader(name, value.headers[name]);
      } else {
        status = defaultStatus ?? (value === void 0 ? 204 : 200);
        body = value;
      }
      if (body !== void 0 && lookup && mode !== "off") {
        const schema = lookup(status);
        if (schema && sampled(req)) {
          const r = schema.safeParse(body);
          if (r.success) {
            if (mode === "enforce") body = r.data;
          } else if (mode === "enforce") {
            return responseInvalid(r.error.issues, status, req, res);
          } else {
            reportResponse(r.error.issues, status, req.method, routeOf(req));
          }
        }
      }
      res.status(status);
      if (body === void 0) res.end();
      else res.json(body);
    } catch (err) {
      fail(err, res, next);
    }
  }
  function checkLegacyJson(res, req, mode) {
    const json = res.json;
    res.json = function(obj) {
      res.json = json;
      if (arguments.length !== 1 || !lookup) return json.apply(this, arguments);
      const status = res.statusCode;
      const schema = lookup(status);
      if (!schema || !sampled(req)) return json.call(this, obj);
      const r = schema.safeParse(obj);
      if (r.success) return json.call(this, mode === "enforce" ? r.data : obj);
      if (mode === "report") {
        reportResponse(r.error.issues, status, req.method, routeOf(req));
        return json.call(this, obj);
      }
      logResponseInvalid(r.error.issues, status, req);
      res.status(500);
      return json.call(this, { detail: "Internal Server Error" });
    };
  }
  function responseInvalid(issues, status, req, res) {
    logResponseInvalid(issues, status, req);
    sendJson(res, 500, { detail: "Internal Server Error" });
  }
  function logResponseInvalid(issues, status, req) {
    const detail = [];
    pushIssues(detail, "response", issues);
    log().error(`[migrate-api] ${req.method} ${routeOf(req)}: the ${status} response does not match its schema, sent 500 instead: ${JSON.stringify(detail)}`);
  }
  return function migrateApiRoute(req, res, next) {
    const mode = fixedMode ?? appOptionsOf(req.app)?.validation ?? "enforce";
    let body = req.body;
    if (typeof body === "object" && body !== null) {
      if (isEmptyObject(body) && !sentBody(req)) body = void 0;
      else stripPrototypeKeys(body);
    }
    const reqCookies = req.cookies;
    const input = {
      params: req.params,
      query: queryArrays && mode !== "off" ? wrapSingleValues(req.query, queryArrays) : req.query,
      headers: headerAliases ? aliasHeaders(req.headers, headerAliases) : req.headers,
      cookies: parseCookies || !reqCookies && req.headers.cookie ? readCookies(req) : reqCookies ?? EMPTY,
      body,
      deps: EMPTY
    };
    if (checks.length === 0 || mode === "off") return afterValidation(void 0, input, mode, req, res, next);
    if (!asyncSchemas) {
      let detail;
      try {
        detail = parseSync(input);
      } catch (err) {
        if (!(err instanceof z.core.$ZodAsyncError)) return fail(err, res, next);
        asyncSchemas = true;
        return migrateApiRoute(req, res, next);
      }
      return afterValidation(detail, input, mode, req, res, next);
    }
    parseAsync(input).then((detail) => afterValidation(detail, input, mode, req, res, next), (err) => fail(err, res, next));
  };
}
function isThenable(v) {
  return typeof v === "object" && v !== null && typeof v.then === "function";
}
function isEmptyObject(o) {
  for (const _ in o) return false;
  return !Array.isArray(o) || o.length === 0;
}
function sentBody(req) {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== void 0 || length !== void 0 && length !== "0";
}
function sampled(req) {
  const rate = appOptionsOf(req.app)?.responseSampling;
  return rate === void 0 || rate >= 1 || Math.random() < rate;
}
function fail(err, res, next) {
  if (err === RESPONSE_SENT) return;
  if (isHTTPException(err) && !res.headersSent) return sendHttpException(res, err);
  next(err);
}
function rejectInvalid(detail, req, res, next) {
  const hook = appOptionsOf(req.app)?.onValidationError;
  if (hook) {
    const error = new RequestValidationError(detail);
    let out;
    try {
      out = hook(error, { req, res });
    } catch (err) {
      return next(err);
    }
    if (res.headersSent) return;
    if (out) return sendJson(res, out.status, out.body, out.headers);
  }
  sendJson(res, 422, { detail });
}
function reportRequest(detail, method, path) {
  let last;
  for (const item of detail) {
    if (item.loc[0] === last) continue;
    last = item.loc[0];
    recordViolation(method, path, "request", String(last), item);
  }
}
function reportResponse(issues, status, method, path) {
  const detail = [];
  pushIssues(detail, "response", issues);
  recordViolation(method, path, "response", "response", detail[0], status);
}
function arrayKeysOf(schema) {
  const def = schema?._zod?.def;
  if (!def || def.type !== "object" || !def.shape) return void 0;
  const keys = Object.keys(def.shape).filter((k) => isArraySchema(def.shape[k]));
  return keys.length ? keys : void 0;
}
function isArraySchema(schema) {
  for (let s = schema, i = 0; s && i < 16; i++) {
    const def = s._zod?.def;
    if (!def) return false;
    if (def.type === "array") return true;
    s = def.type === "pipe" ? def.in : def.innerType;
  }
  return false;
}
function mixedCaseKeysOf(schema) {
  const def = schema?._zod?.def;
  if (!def || def.type !== "object" || !def.shape) return void 0;
  const pairs = Object.keys(def.shape).filter((k) => k !== k.toLowerCase()).map((k) => [k, k.toLowerCase()]);
  return pairs.length ? pairs : void 0;
}
function aliasHeaders(headers, aliases) {
  const out = { ...headers };
  for (const [declared, wire] of aliases) out[declared] = headers[wire];
  return out;
}
function wrapSingleValues(query, keys) {
  let copy;
  for (const k of keys) {
    const v = query[k];
    if (typeof v === "string") (copy ??= { ...query })[k] = [v];
  }
  return copy ?? query;
}
export {
  compileRoute
};
