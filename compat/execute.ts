// The request path of one typed route, compiled once at registration: which locations to parse,
// the fixed part of the validation mode, the response lookup and the deps list all live in this
// closure, so a request only does the parsing it needs.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod/v4';
import { readCookies } from './cookies.js';
import { RESPONSE_SENT, solveDeps } from './deps.js';
import { sendHttpException, sendJson } from './errors.js';
import { sendJsonBody } from './send-json.js';
import { isHTTPException } from './http-exception.js';
import { log } from './log.js';
import { checkMode, envValidationMode } from './modes.js';
import { appOptionsOf } from './options.js';
import { isRawHeader, isReply } from './reply.js';
import { compileResponses, type ResponseLookup } from './responses.js';
import { hotSchema } from './fast-schema.js';
import type { Dependency, ParsedInputBase, RouteContext, RouteDescriptor, RouterOptions, ValidationMode } from './route.js';
import { stripPrototypeKeys } from './sanitize.js';
import { pushIssues, RequestValidationError, type ErrorDetail, type Location } from './validation-error.js';
import { recordViolation } from './violations.js';
import { firstDifference, wireView } from './wire.js';
import { read } from './fresh-read.js';
import { arrayKeysOf, dropEmptyValues, emptyAsMissingKeysOf, wrapSingleValues } from './query-wire.js';
import { mountPattern } from './mount-pattern.js';
import { keepRawShape, strippedKey } from './report-input.js';
import { RECORDING, recordExchange, registrationSite } from './shapes-record.js';

type InputKey = 'params' | 'query' | 'headers' | 'cookies' | 'body';
type Check = readonly [schema: z.ZodType, key: InputKey, loc: Location, parser: () => z.ZodType];
type AnyFn = (...args: any[]) => unknown;

const EMPTY: Record<string, never> = Object.freeze({}) as Record<string, never>;

export function compileRoute(d: RouteDescriptor, handler: AnyFn): RequestHandler {
  const spec = d.spec;
  const fixedMode: ValidationMode | undefined =
    envValidationMode() ?? checkMode(spec.validation, d.id) ?? checkMode(d.router.validation, d.id);
  const checks: Check[] = [];
  // The synchronous path parses through the schema's compiled twin once the route is hot (fast-schema.ts).
  if (spec.params) checks.push([spec.params, 'params', 'path', hotSchema(spec.params)]);
  if (spec.query) checks.push([spec.query, 'query', 'query', hotSchema(spec.query)]);
  if (spec.headers) checks.push([spec.headers, 'headers', 'header', hotSchema(spec.headers)]);
  if (spec.cookies) checks.push([spec.cookies, 'cookies', 'cookie', hotSchema(spec.cookies)]);
  if (spec.body) checks.push([spec.body, 'body', 'body', hotSchema(spec.body)]);
  const parseCookies = spec.cookies !== undefined;
  const queryArrays = arrayKeysOf(spec.query);
  const queryEmpties = emptyAsMissingKeysOf(spec.query);
  const headerAliases = mixedCaseKeysOf(spec.headers);
  const lookup = compileResponses(spec.responses, d.id);
  const deps: Array<[string, Dependency]> | undefined = spec.deps && Object.keys(spec.deps).length ? Object.entries(spec.deps) : undefined;
  const defaultStatus = spec.status;
  // A 200 schema on a route that declares no 204: returning nothing breaks the contract.
  const bodyPromised = spec.responses && !('204' in spec.responses) ? lookup?.(200) : undefined;
  // The issues of the last INVALID from checkResponse (responses are checked synchronously, one at a time).
  let lastIssues: readonly z.core.$ZodIssue[] = [];
  const isLegacy = d.legacyHandler;
  const registeredAt = RECORDING ? registrationSite() : undefined;
  // Flipped for good the first time a schema turns out to hold async refinements.
  let asyncSchemas = false;

  // Report mode: a body key the schema does not list reaches a typed handler, and enforce would strip it
  // (`list[i] = body` then stores less): counted, so a clean report means the flip changes nothing. Legacy
  // handlers read req.body, which enforce leaves alone; query keys are not counted (cache busters, tracking
  // parameters: a typed handler reads undeclared ones from ctx.req, never from its parsed input).
  // The route's path is worked out only when a key is found: nothing is added to a request that has none.
  const countStrippedBody: StrippedCounter | undefined = isLegacy || !spec.body ? undefined : (req, key, raw, parsed) => {
    if (key !== 'body') return;
    const at = strippedKey(raw, parsed);
    if (at) recordViolation(req.method, routeOf(req), 'request', 'body', { loc: ['body', ...at], msg: 'a key the spec does not list: enforce strips it before the handler', type: 'unrecognized_keys' });
  };

  // Report mode: `?n=` reaches a typed handler as '' (the request's own value) where enforce reads it as missing
  // (undefined): counted, so a clean report means the flip changes nothing. Legacy handlers read req.query in
  // both modes; a query that fails its schema is counted as that failure already.
  const countBlankQuery = isLegacy || !queryEmpties ? undefined : (req: Request): void => {
    const raw = req.query as Record<string, unknown>;
    const key = queryEmpties.find((k) => typeof raw[k] === 'string' && (raw[k] as string).trim() === '');
    if (key !== undefined) recordViolation(req.method, routeOf(req), 'request', 'query', { loc: ['query', key], msg: 'an empty value: enforce reads it as missing (the handler gets undefined, not "")', type: 'empty_value' });
  };

  // In report mode the handler keeps the request's own keys; the query's raw form is the one express parsed
  // (before fitQuery dropped blank numbers), so `?n=` still reads '' there.
  function parseSync(input: ParsedInputBase, report: boolean, req: Request): ErrorDetail[] | undefined {
    let detail: ErrorDetail[] | undefined;
    const onStripped = report ? countStrippedBody : undefined;
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i];
      const key = check[1];
      const issues = runSync(check[3](), input, key, report ? (key === 'query' ? req.query : input[key]) : NO_RAW, req, onStripped);
      if (issues) pushIssues((detail ??= []), check[2], issues);
      else if (report && key === 'query') countBlankQuery?.(req);
    }
    return detail;
  }

  async function parseAsync(input: ParsedInputBase, report: boolean, req: Request): Promise<ErrorDetail[] | undefined> {
    let detail: ErrorDetail[] | undefined;
    const onStripped = report ? countStrippedBody : undefined;
    for (const [schema, key, loc] of checks) {
      const r = await schema.safeParseAsync(input[key]);
      if (r.success) onStripped?.(req, key, input[key], r.data);
      if (r.success && report && key === 'query') countBlankQuery?.(req);
      if (r.success) input[key] = report ? keepRawShape(key === 'query' ? req.query : input[key], r.data) : r.data;
      else pushIssues((detail ??= []), loc, r.error.issues);
    }
    return detail;
  }

  function fitQuery(query: Record<string, unknown>): Record<string, unknown> {
    const lists = queryArrays ? wrapSingleValues(query, queryArrays) : query;
    return queryEmpties ? dropEmptyValues(lists, queryEmpties) : lists;
  }

  function routeOf(req: Request): string {
    return mountPattern(d.router, req.baseUrl) + d.path;
  }

  function afterValidation(detail: ErrorDetail[] | undefined, input: ParsedInputBase, mode: ValidationMode, req: Request, res: Response, next: NextFunction): void {
    if (detail) {
      if (mode === 'enforce') return rejectInvalid(detail, d.router.onValidationError, req, res, next);
      reportRequest(detail, req.method, routeOf(req));
    }
    // Express 4's `{}` for "no body" was validated as absent; outside enforce the handler still gets it.
    if (mode !== 'enforce' && input.body === undefined && req.body !== undefined) input.body = req.body;
    if (deps) {
      const ctx: RouteContext = { req, res };
      solveDeps(deps, input, ctx).then((solved) => {
        if (res.headersSent) return;
        input.deps = solved;
        invoke(input, ctx, mode, req, res, next);
      }, (err) => fail(err, res, next));
    } else {
      invoke(input, undefined, mode, req, res, next);
    }
  }

  function invoke(input: ParsedInputBase, ctx: RouteContext | undefined, mode: ValidationMode, req: Request, res: Response, next: NextFunction): void {
    let out: unknown;
    if (isLegacy) {
      if (lookup && mode !== 'off') checkLegacyJson(res, req, mode);
      try {
        out = handler(req, res, next);
      } catch (err) {
        return fail(err, res, next);
      }
      if (isThenable(out)) out.then(undefined, (err) => fail(err, res, next));
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

  function finish(value: unknown, mode: ValidationMode, req: Request, res: Response, next: NextFunction): void {
    // The handler answered through `res` itself: its response stands as sent.
    if (read(res, 'headersSent')) return;
    try {
      let status: number;
      let body: unknown;
      // Whether an undefined body is answered as res.json(undefined) (a Content-Type, no bytes): a reply given a
      // body argument, as the res.json(x) it stands for did. `reply(n)`/replyEnd and a bare `return undefined`
      // (a 204) answer no body at all.
      let jsonUndefined = false;
      if (isReply(value)) {
        if (value.via === 'sent') return;
        status = value.status;
        body = value.body;
        if (value.headers) setReplyHeaders(res, value.headers);
        if (value.via === 'sendStatus') return void res.sendStatus(status);
        // The old `res.status(n).json()`, as written: no body, so nothing to check (replyEmptyJson).
        if (value.via === 'emptyJson') return void res.status(status).json();
        if (value.via === 'send') {
          // express's send answers an object as res.json does: checked like one; text and Buffers are not JSON.
          if (isJsonSendBody(body)) {
            body = checkedBody(status, body, mode, req);
            if (body === INVALID) return responseInvalid(lastIssues, status, req, res);
          }
          return void res.status(status).send(body as never);
        }
        jsonUndefined = value.via === 'json';
      } else {
        status = defaultStatus ?? (value === undefined ? 204 : 200);
        body = value;
        // No body and no status: a 204, though the route promises a 200 body. A broken contract like any
        // other (enforce: 500; report: counted, 204 sent as before).
        if (value === undefined && defaultStatus === undefined && bodyPromised && mode !== 'off' && sampled(req)) {
          const r = bodyPromised.safeParse(undefined);
          if (!r.success) {
            if (mode === 'enforce') return responseInvalid(r.error.issues, 200, req, res);
            reportResponse(r.error.issues, 200, req.method, routeOf(req));
          }
        }
      }
      // An undefined body given to reply() is checked as legacy()'s res.json(undefined) is (counted in report,
      // a 500 in enforce where the status's schema wants a value); one with no body argument has nothing to check.
      if (body !== undefined || jsonUndefined) {
        body = checkedBody(status, body, mode, req);
        if (body === INVALID) return responseInvalid(lastIssues, status, req, res);
      }
      if (body === undefined && !jsonUndefined) res.status(status).end();
      else sendJsonBody(res, status, body);
    } catch (err) {
      fail(err, res, next);
    }
  }

  /** The body to send for `status`: checked against its schema when the route has one and this request is
   *  sampled (checkResponse), INVALID when enforce refuses it, the body as it is otherwise. */
  function checkedBody(status: number, body: unknown, mode: ValidationMode, req: Request): unknown {
    if (!lookup || mode === 'off') return body;
    const schema = lookup(status);
    return schema && sampled(req) ? checkResponse(schema, body, status, mode, req) : body;
  }

  /**
   * A response body checked on its JSON view: enforce gets back what to send (shaped: unknown keys stripped)
   * or INVALID; report gets the body unchanged, with every difference enforce would make counted, so a clean
   * report means the flip changes no response.
   */
  function checkResponse(schema: z.ZodType, body: unknown, status: number, mode: ValidationMode, req: Request): unknown {
    const wire = wireView(body);
    const r = schema.safeParse(wire);
    if (mode === 'enforce') {
      if (r.success) return r.data;
      lastIssues = r.error.issues;
      return INVALID;
    }
    if (!r.success) {
      reportResponse(r.error.issues, status, req.method, routeOf(req));
    } else {
      const diff = firstDifference(wire, r.data);
      if (diff) reportResponseChange(diff, status, req.method, routeOf(req));
    }
    return body;
  }

  /** legacy(): what the untouched handler sends through res.json / res.send(object) is checked. */
  function checkLegacyJson(res: Response, req: Request, mode: ValidationMode): void {
    const json = res.json;
    res.json = function (this: Response, obj?: unknown) {
      res.json = json;
      // No argument: no body, nothing to check (replyEmptyJson, its typed form, checks nothing either). Two: Express 4
      // reads a status and a body. More: both versions send the first and ignore the rest (`res.json(x, undefined,
      // '\t')`), so x is checked as the typed reply(200, x) that MA003 makes of it is.
      if (arguments.length === 0 || arguments.length === 2 || !lookup) return json.apply(this, arguments as unknown as [unknown]);
      const status = res.statusCode;
      const schema = lookup(status);
      if (!schema || !sampled(req)) return json.apply(this, arguments as unknown as [unknown]);
      const checked = checkResponse(schema, obj, status, mode, req);
      if (checked !== INVALID) return json.call(this, checked);
      logResponseInvalid(lastIssues, status, req);
      res.status(500);
      return json.call(this, { detail: 'Internal Server Error' });
    };
  }

  function responseInvalid(issues: readonly z.core.$ZodIssue[], status: number, req: Request, res: Response): void {
    logResponseInvalid(issues, status, req);
    sendJson(res, 500, { detail: 'Internal Server Error' });
  }

  function logResponseInvalid(issues: readonly z.core.$ZodIssue[], status: number, req: Request): void {
    const detail: ErrorDetail[] = [];
    pushIssues(detail, 'response', issues);
    log().error(`[migrate-api] ${req.method} ${routeOf(req)}: the ${status} response does not match its schema, sent 500 instead: ${JSON.stringify(detail)}`);
  }

  return function migrateApiRoute(req: Request, res: Response, next: NextFunction): void {
    if (RECORDING) recordExchange(RECORDING, routeOf(req), req, res, registeredAt);
    // req's properties are read through read() (fresh-read.ts), in the order they always were.
    const mode = fixedMode ?? appOptionsOf(read(req, 'app'))?.validation ?? 'enforce';
    let body = read(req, 'body');
    if (typeof body === 'object' && body !== null) {
      // Express 4's body-parser leaves `{}` on a request that sent no body; Express 5 leaves undefined.
      if (isEmptyObject(body) && !sentBody(req)) body = undefined;
      else stripPrototypeKeys(body);
    }
    const reqCookies: Record<string, string> | undefined = read(req, 'cookies');
    const params = read(req, 'params');
    const query = read(req, 'query');
    const headers: Request['headers'] = read(req, 'headers');
    const input: ParsedInputBase = {
      params,
      query: mode === 'off' ? query : fitQuery(query as Record<string, unknown>),
      headers: headerAliases ? aliasHeaders(headers, headerAliases) : headers,
      cookies: parseCookies || (!reqCookies && headers.cookie) ? readCookies(req) : (reqCookies ?? EMPTY),
      body,
      deps: EMPTY,
    };
    if (checks.length === 0 || mode === 'off') return afterValidation(undefined, input, mode, req, res, next);
    if (!asyncSchemas) {
      let detail: ErrorDetail[] | undefined;
      try {
        detail = parseSync(input, mode === 'report', req);
      } catch (err) {
        if (!(err instanceof z.core.$ZodAsyncError)) return fail(err, res, next);
        asyncSchemas = true;
        return migrateApiRoute(req, res, next);
      }
      return afterValidation(detail, input, mode, req, res, next);
    }
    parseAsync(input, mode === 'report', req).then((detail) => afterValidation(detail, input, mode, req, res, next), (err) => fail(err, res, next));
  };
}

type RawPayload = { value: unknown; issues: z.core.$ZodRawIssue[] };
type Runnable = { _zod: { run(payload: RawPayload, ctx: { async: boolean }): RawPayload | Promise<RawPayload> } };

/**
 * schema.safeParse minus its ZodError. zod's safeParse is exactly `_zod.run`, then finalizeIssue
 * per issue (messages, locale), then `new ZodError(issues)`: an Error, so a stack trace captured on
 * every invalid request, which the 422 never shows. The first two steps are done here as zod does
 * them (zod 4.6 parse.js `_safeParse`), and the parsed value is stored on success. An async schema
 * throws $ZodAsyncError, as safeParse does, and the route switches to safeParseAsync.
 */
/** Compiled once per route: the request is an argument, so report mode allocates nothing per request for it. */
type StrippedCounter = (req: Request, key: InputKey, raw: unknown, parsed: unknown) => void;

const NO_RAW = Symbol('enforce: the parsed value as it is');

function runSync(schema: z.ZodType, input: ParsedInputBase, key: InputKey, raw: unknown, req: Request, onStripped?: StrippedCounter): z.core.$ZodIssue[] | undefined {
  const ctx = { async: false };
  const out = (schema as unknown as Runnable)._zod.run({ value: input[key], issues: [] }, ctx);
  if (out instanceof Promise) throw new z.core.$ZodAsyncError();
  if (out.issues.length === 0) {
    // Report mode changes nothing a handler sees: the keys the schema would strip stay (report-input.ts).
    if (raw !== NO_RAW) onStripped?.(req, key, raw, out.value);
    input[key] = raw === NO_RAW ? out.value : keepRawShape(raw, out.value);
    return undefined;
  }
  const config = z.core.config();
  return out.issues.map((issue) => z.core.util.finalizeIssue(issue, ctx, config));
}

/** Reply headers as express's own setters set them: `res.set` (String() of values, a charset on a Content-Type),
 *  `res.location` for a Location (percent-encoded), `res.set` for a rawHeader() Location (as it is): what the
 *  `res.set()`/`res.location()` calls they replace did. */
function setReplyHeaders(res: Response, headers: Record<string, unknown>): void {
  for (const name in headers) {
    const value = headers[name];
    if (isRawHeader(value)) res.set(name, value.value as string);
    else if (name.toLowerCase() === 'location' && typeof value === 'string') res.location(value);
    else res.set(name, value as string);
  }
}

function isJsonSendBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !ArrayBuffer.isView(body);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as PromiseLike<unknown>).then === 'function';
}

function isEmptyObject(o: object): boolean {
  for (const _ in o) return false;
  return !Array.isArray(o) || o.length === 0;
}

function sentBody(req: Request): boolean {
  const headers: Request['headers'] = read(req, 'headers');
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function sampled(req: Request): boolean {
  const rate = appOptionsOf(read(req, 'app'))?.responseSampling;
  return rate === undefined || rate >= 1 || Math.random() < rate;
}

/** HTTPException is answered here; everything else goes to legacy error middleware. */
function fail(err: unknown, res: Response, next: NextFunction): void {
  if (err === RESPONSE_SENT) return;
  if (isHTTPException(err) && !res.headersSent) return sendHttpException(res, err);
  next(err);
}

/** The router's hook wins over the app's: routers whose old validators answered differently keep each their own. */
function rejectInvalid(detail: ErrorDetail[], routerHook: RouterOptions['onValidationError'], req: Request, res: Response, next: NextFunction): void {
  const hook = routerHook ?? appOptionsOf(read(req, 'app'))?.onValidationError;
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

/** One count per location per request; the first issue of the location is kept as the example. */
function reportRequest(detail: ErrorDetail[], method: string, path: string): void {
  let last: unknown;
  for (const item of detail) {
    if (item.loc[0] === last) continue;
    last = item.loc[0];
    recordViolation(method, path, 'request', String(last), item);
  }
}

const INVALID = Symbol('invalid response');

const CHANGES = {
  stripped: ['unrecognized_keys', 'key not in the response schema: enforce strips it'],
  added: ['default_added', 'key missing from the response: enforce adds its default'],
  changed: ['value_changed', 'value changed by the response schema in enforce (a transform or coercion)'],
} as const;

function reportResponseChange(diff: { path: Array<string | number>; what: keyof typeof CHANGES }, status: number, method: string, path: string): void {
  const [type, msg] = CHANGES[diff.what];
  recordViolation(method, path, 'response', 'response', { loc: ['response', ...diff.path], msg, type }, status);
}

function reportResponse(issues: readonly z.core.$ZodIssue[], status: number, method: string, path: string): void {
  const detail: ErrorDetail[] = [];
  pushIssues(detail, 'response', issues);
  recordViolation(method, path, 'response', 'response', detail[0], status);
}

/** Node lowercases header names; a schema written `'X-Request-Id'` still reads its header. */
function mixedCaseKeysOf(schema: z.ZodType | undefined): Array<[declared: string, wire: string]> | undefined {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, z.ZodType> } } } | undefined)?._zod?.def;
  if (!def || def.type !== 'object' || !def.shape) return undefined;
  const pairs = Object.keys(def.shape).filter((k) => k !== k.toLowerCase()).map((k): [string, string] => [k, k.toLowerCase()]);
  return pairs.length ? pairs : undefined;
}

function aliasHeaders(headers: Request['headers'], aliases: Array<[string, string]>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...headers };
  for (const [declared, wire] of aliases) out[declared] = headers[wire];
  return out;
}
