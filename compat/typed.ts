// typed(existing): typed verbs on an express app or router that already exists (Express 4 or 5),
// without breaking a single plain express call. A call is typed only when its second argument is a
// plain object (the spec); `router.get(path, handler)` and `app.get('setting')` go straight to express.
import { compileRoute } from './execute.js';
import { normalizeDeps } from './deps.js';
import { mountDocs } from './docs.js';
import type { Typed } from './handler-types.js';
import { isLegacyHandler } from './legacy.js';
import { checkMode } from './modes.js';
import { setAppOptions, type AppOptions } from './options.js';
import { recordMountedAt, recordOptions } from './mount-pattern.js';
import { attachRouteTable, HTTP_METHODS, type HttpMethod, type RouteDescriptor, type RouterOptions, type RouteSpec, type RouteTable } from './route.js';

const TYPED = Symbol.for('migrate-api.typed');

const SPEC_KEYS = new Set([
  'params', 'query', 'headers', 'cookies', 'body', 'bodyContentType', 'bodyDescription', 'bodyExample', 'bodyExamples', 'bodyOtherContent', 'responses', 'status', 'summary', 'description',
  'tags', 'operationId', 'deprecated', 'security', 'deps', 'validation', 'variants',
]);
const SCHEMA_KEYS = ['params', 'query', 'headers', 'cookies', 'body'] as const;
// `all()` is documented as the methods an API route usually means; head/options stay express's.
const ALL_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

type Fn = (...args: any[]) => any;

/** An express app (not a router): it has settings, and its `handle` is the top of a request. */
function isApp(target: object): boolean {
  const t = target as { set?: unknown; handle?: unknown; settings?: unknown };
  return typeof t.set === 'function' && typeof t.handle === 'function' && typeof t.settings === 'object';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function routerOptionsOf(opts: RouterOptions | AppOptions): RouterOptions {
  const out: RouterOptions = {};
  if (opts.tags) out.tags = opts.tags;
  if (opts.validation !== undefined) out.validation = checkMode(opts.validation, 'typed()');
  if (opts.security) out.security = opts.security;
  if (opts.onValidationError !== undefined) {
    if (typeof opts.onValidationError !== 'function') throw new TypeError('typed(): onValidationError must be a function');
    out.onValidationError = opts.onValidationError;
  }
  return out;
}

export function typed<T extends object>(existing: T, opts: RouterOptions | AppOptions = {}): Typed<T> {
  if (typeof existing !== 'function' && typeof existing !== 'object') throw new TypeError('typed(existing): expected an express app or router');
  const target = existing as T & Record<string, unknown>;
  if (target[TYPED as unknown as string]) return existing as Typed<T>;
  const table = attachRouteTable(existing, routerOptionsOf(opts));
  recordOptions(existing, table.options);
  if (isApp(existing)) {
    setAppOptions(existing, opts as AppOptions);
    // A migrated app serves its generated docs at once, but keeps express's own 404/error pages:
    // a first migration must not change what any existing request gets back.
    mountDocs(existing as never, opts as AppOptions);
  }
  for (const verb of [...HTTP_METHODS, 'all'] as const) {
    const original = target[verb];
    if (typeof original !== 'function') continue;
    // Express itself calls app.get(setting) per request (req.query, res.json, res.send read settings through
    // it): that call is passed on with no rest array built, so a typed app costs express nothing there.
    const typedVerb = function (this: unknown, path: unknown) {
      if (arguments.length >= 3 && isPlainObject(arguments[1])) {
        const rest = Array.prototype.slice.call(arguments, 1) as unknown[];
        const at = handlerIndex(rest);
        const descriptors = describe(table, verb, path, rest[0] as Record<string, unknown>, rest[at]);
        // Compiled before anything is recorded: a route that fails to compile leaves no trace.
        const handler = compileRoute(descriptors[0], rest[at] as Fn);
        table.routes.push(...descriptors);
        const before = rest.slice(1, at).map(catchRejections);
        const after = rest.slice(at + 1).map(catchRejections);
        return (original as Fn).call(this ?? existing, path, ...before, handler, ...after);
      }
      return (original as Fn).apply(this ?? existing, arguments as unknown as unknown[]);
    };
    Object.defineProperty(target, verb, { value: typedVerb, writable: true, configurable: true, enumerable: false });
  }
  const use = target.use;
  if (typeof use === 'function') {
    const recordingUse = function (this: unknown, ...args: unknown[]) {
      recordMounts(table, args);
      return (use as Fn).apply(this ?? existing, args);
    };
    Object.defineProperty(target, 'use', { value: recordingUse, writable: true, configurable: true, enumerable: false });
  }
  Object.defineProperty(target, TYPED, { value: true });
  return existing as Typed<T>;
}

/**
 * Route middleware listed after a spec may be async; Express 4 ignores a rejected promise (the request
 * hangs), so it is passed to next(err) here, as Express 5 does. Error middleware (4 params) is left as is.
 */
function catchRejections(mw: unknown): unknown {
  if (Array.isArray(mw)) return mw.map(catchRejections);
  if (typeof mw !== 'function' || mw.length > 3) return mw;
  return function (req: unknown, res: unknown, next: (err?: unknown) => void): void {
    let out: unknown;
    try {
      out = (mw as Fn)(req, res, next);
    } catch (err) {
      return next(err);
    }
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      (out as Promise<unknown>).then(undefined, (err: unknown) => next(err || new Error('Rejected promise')));
    }
  };
}

/**
 * Where the handler sits among `spec, ...middleware, handler`: the last function, unless a legacy() function
 * comes earlier. A legacy controller that replies and then calls next() for post-response middleware
 * (`spec, validate, legacy(insertRow), broadcast`) is the handler: the request is validated before it, the
 * first function of the chain that can reply, and what follows it runs after, as it did.
 */
function handlerIndex(rest: unknown[]): number {
  for (let i = 1; i < rest.length - 1; i++) if (isLegacyHandler(rest[i])) return i;
  return rest.length - 1;
}

/** Validates the spec and builds one descriptor per method (`all` stands for several). */
function describe(table: RouteTable, verb: HttpMethod | 'all', path: unknown, rawSpec: Record<string, unknown>, handler: unknown): RouteDescriptor[] {
  const where = `${verb.toUpperCase()} ${String(path)}`;
  if (typeof path !== 'string') throw new TypeError(`${where}: a typed route needs a string path (regex paths cannot be documented)`);
  if (typeof handler !== 'function') throw new TypeError(`${where}: the last argument must be the handler, an async (input, ctx) function or legacy(fn)`);
  const spec = checkSpec(rawSpec, where);
  const legacyHandler = isLegacyHandler(handler);
  return (verb === 'all' ? ALL_METHODS : [verb]).map((method) => ({
    method, path, spec, id: `${method.toUpperCase()} ${path}`, legacyHandler, router: table.options,
  }));
}

function checkSpec(raw: Record<string, unknown>, where: string): RouteSpec {
  const unknown = Object.keys(raw).filter((k) => !SPEC_KEYS.has(k) && !k.startsWith('x-'));
  if (unknown.length) throw new TypeError(`${where}: unknown spec key${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (expected ${[...SPEC_KEYS].join(', ')})`);
  for (const key of SCHEMA_KEYS) {
    const s = raw[key];
    if (s !== undefined && (typeof s !== 'object' || s === null || !('_zod' in s))) throw new TypeError(`${where}: spec.${key} must be a zod schema`);
  }
  if (raw.status !== undefined && !(Number.isInteger(raw.status) && (raw.status as number) >= 100 && (raw.status as number) <= 599)) {
    throw new TypeError(`${where}: spec.status must be an HTTP status code`);
  }
  checkMode(raw.validation, where);
  const spec = { ...raw } as RouteSpec;
  if (raw.deps !== undefined) {
    if (!isPlainObject(raw.deps)) throw new TypeError(`${where}: spec.deps must be an object of dependencies`);
    spec.deps = normalizeDeps(raw.deps as never, where);
  }
  return spec;
}

/** `use(prefix?, ...handlers)`: every router or app among the handlers is recorded under its prefix. */
function recordMounts(table: RouteTable, args: unknown[]): void {
  let prefixes: string[] = ['/'];
  let i = 0;
  const first = args[0];
  if (typeof first === 'string') {
    prefixes = [first];
    i = 1;
  } else if (Array.isArray(first) && first.length && first.every((p) => typeof p === 'string')) {
    prefixes = first as string[];
    i = 1;
  } else if (first instanceof RegExp || (Array.isArray(first) && first.some((p) => p instanceof RegExp))) {
    return; // a regex prefix cannot be written as an OpenAPI path
  }
  for (const arg of args.slice(i).flat(Infinity)) {
    if (typeof arg !== 'function') continue;
    const child = arg as { stack?: unknown; handle?: unknown };
    if (!Array.isArray(child.stack) && typeof child.handle !== 'function') continue; // plain middleware
    for (const prefix of prefixes) {
      table.mounts.push({ prefix, child: arg });
      recordMountedAt(table.options, prefix, arg);
    }
  }
}
