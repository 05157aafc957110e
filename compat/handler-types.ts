// The types a typed route is written against: the handler's `input` is inferred from its spec, so
// `params.id` is a number after `z.coerce.number()` and a typo in a body field is a compile error.
// Types come from 'http', not 'node:http': these declarations ship to apps, and @types/node before 14.18 declares
// no `node:` modules (tsc: Cannot find module 'node:http').
import type { IncomingHttpHeaders } from 'http';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { z } from 'zod/v4';
import type { Reply } from './reply.js';
import type { Dependency, ParsedInputBase, ResponseSpec, RouteContext, RouteSpec } from './route.js';

export type Solve = <U>(dep: Dependency<U>) => Promise<U>;

/** A dependency written as a bare function in `spec.deps` (normalized with depends() at registration). */
export type DependencyFn<T = unknown> = (input: ParsedInputBase, ctx: RouteContext, solve: Solve) => T;

/**
 * A schema as a spec names it: any zod 4 schema, written as zod's core type. Not the classic z.ZodType: checking a
 * spec object against it (and `T extends z.ZodType` in the types below) compares every method of every schema
 * structurally, which made type-checking one migrated route file take seconds where it took a fraction of one
 * (simple-metrics-server under ts-node: the mocha hook that loads the routes passed its 2 s timeout). The runtime
 * reads the same objects as RouteSpec (typed.ts checkSpec).
 */
type SpecSchema = z.core.$ZodType;
type SpecMediaTypes = Record<string, { schema?: SpecSchema; example?: unknown; examples?: Record<string, unknown> }>;
type SpecResponse = SpecSchema | (Omit<Exclude<ResponseSpec, z.ZodType>, 'schema' | 'headers' | 'otherContent'> & {
  schema?: SpecSchema;
  headers?: Record<string, SpecSchema> | SpecSchema;
  otherContent?: SpecMediaTypes;
});

/** RouteSpec as typed verbs accept it: deps may also be bare functions. */
export interface TypedSpec extends Omit<RouteSpec, 'deps' | 'params' | 'query' | 'headers' | 'cookies' | 'body' | 'bodyOtherContent' | 'responses'> {
  params?: SpecSchema;
  query?: SpecSchema;
  headers?: SpecSchema;
  cookies?: SpecSchema;
  body?: SpecSchema;
  bodyOtherContent?: SpecMediaTypes;
  responses?: Record<number | string, SpecResponse>;
  deps?: Record<string, Dependency<any> | DependencyFn<any>>;
}

// `T['_zod']['output']` rather than `T extends z.ZodType ? z.output<T>`: the same type, read as z.output itself
// reads it (an `any` schema stays any), without the structural comparison with z.ZodType (see SpecSchema).
type Parsed<S, K extends string, Fallback> = S extends { [P in K]: infer T } ? (T extends { _zod: { output: any } } ? T['_zod']['output'] : Fallback) : Fallback;

/** The value a dependency resolves to. */
export type DepValue<D> = D extends { kind: 'migrate-api.dependency'; resolve: (...args: any[]) => infer R }
  ? Awaited<R>
  : D extends (...args: any[]) => infer R
    ? Awaited<R>
    : never;

/** What a typed handler receives first: every location parsed (coerced, defaulted) by its schema. */
export interface InputOf<S> {
  params: Parsed<S, 'params', Record<string, string>>;
  query: Parsed<S, 'query', Record<string, unknown>>;
  headers: Parsed<S, 'headers', IncomingHttpHeaders>;
  cookies: Parsed<S, 'cookies', Record<string, string>>;
  body: Parsed<S, 'body', unknown>;
  deps: S extends { deps: infer D } ? { [K in keyof D]: DepValue<D[K]> } : Record<string, never>;
}

/**
 * What a value may be to go out as JSON of type T: T itself, or anything whose toJSON() gives it (a Date for
 * a date-time string, an ORM instance for an object). The runtime checks the JSON view the same way.
 */
type Jsonish<T> = T extends string
  ? T | { toJSON(): string }
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? readonly Jsonish<E>[] | { toJSON(): unknown }
      : T extends object
        ? { [K in keyof T]: Jsonish<T[K]> } | { toJSON(): unknown }
        : T;

/** The body a responses entry promises: a schema, or `{ schema }`; a description alone promises nothing. */
type BodyOf<E> = E extends { _zod: { input: any } } ? Jsonish<E['_zod']['input']> : E extends { schema: infer Z } ? (Z extends { _zod: { input: any } } ? Jsonish<Z['_zod']['input']> : unknown) : unknown;

type StatusOf<K> = K extends number ? K : K extends `${infer N extends number}` ? N : never;
/** `2XX` or `default` among the responses: any status may be answered. */
type OpenStatuses<R> = Extract<keyof R, `${number}XX` | `${number}xx` | 'default'> extends never ? false : true;
type EntryFor<R, N extends number> = N extends keyof R ? R[N] : `${N}` extends keyof R ? R[`${N}` & keyof R] : never;

/** A reply() for each declared status, with that status's body or undefined: as a plain return may be undefined
 *  (`return map.get(id)`), `reply(200, map.get(id))` may carry it (answered as res.json(undefined) was, unchecked),
 *  and `reply(n)` / replyEnd(n) / replyEmptyJson(n) answer no body. */
type Replies<R> = { [K in keyof R]: Reply<BodyOf<R[K]> | undefined, StatusOf<K>> }[keyof R];

type DefaultStatus<S> = S extends { status: infer N extends number } ? N : 200;
// A spec object written inline widens `status: 201` to number: then any declared status's body is accepted.
type PlainReturn<R, N extends number> = number extends N
  ? { [K in keyof R]: BodyOf<R[K]> }[keyof R]
  : [EntryFor<R, N>] extends [never] ? never : BodyOf<EntryFor<R, N>>;

/**
 * What a typed handler may return, checked at compile time as express-zod-api and @hono/zod-openapi do: a plain
 * value against the default status's schema (z.input), reply(s, body) against responses[s], an undeclared status
 * not at all. Nothing (void) is always allowed: a handler may answer through `ctx.res` itself. A route without
 * `responses`, or with a `2XX`/`default` entry, takes anything.
 */
export type HandlerResult<S> = S extends { responses: infer R }
  ? OpenStatuses<R> extends true
    ? unknown
    : void | undefined | Replies<R> | PlainReturn<R, DefaultStatus<S>>
  : unknown;

/** `async (input, ctx) => value | reply(status, body, headers?)`. */
export type TypedHandler<S> = (input: InputOf<S>, ctx: RouteContext) => HandlerResult<S> | Promise<HandlerResult<S>>;

declare const LEGACY_BRAND: unique symbol;
/**
 * An untouched `(req, res, next)` handler marked with legacy(). Typed as a non-callable brand so that
 * it can share the handler slot with TypedHandler without spoiling the handler's contextual typing.
 */
export interface LegacyHandler {
  readonly [LEGACY_BRAND]: true;
}

/** Route middleware as express takes it: handlers and (nested) arrays of them, e.g. an
 *  express-validator rule list `[body('sku').isString(), ...]`. */
export type Middleware = RequestHandler | readonly Middleware[];

/** Route middleware with express's error-handling `(err, req, res, next)` functions too, in the overloads that
 *  take them. Kept out of Middleware: a union with a four-parameter signature would leave inline
 *  `(req, res, next) => ...` middleware without contextual parameter types. */
export type AnyMiddleware = Middleware | ErrorRequestHandler | readonly AnyMiddleware[];

/** `verb(path, spec, ...legacyMiddleware, handler)`; a legacy() controller that replies and then calls next()
 *  may be followed by post-response middleware: `verb(path, spec, ...middleware, legacy(fn), ...after)`. */
// The spec alone decides S (NoInfer on the handler): a handler defined away from its route carries its own
// input annotation (`InputOf<typeof getUserInput>`), and letting TS infer S from it would judge the spec
// object against that narrower type ("'summary' does not exist").
export interface TypedVerb<Self> {
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: LegacyHandler, after: Middleware]): Self;
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: LegacyHandler, after: Middleware, after2: Middleware]): Self;
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: TypedHandler<NoInfer<S>> | LegacyHandler]): Self;
  // Error-handling middleware in the chain, before the handler or after a legacy() one (`legacy(token), mapErrors`).
  // After the others: a call they fit keeps its inline middleware's contextual parameter types. The last one is
  // also the signature a handler breaking its contract is reported against.
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: AnyMiddleware[], handler: LegacyHandler, after: AnyMiddleware]): Self;
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: AnyMiddleware[], handler: TypedHandler<NoInfer<S>> | LegacyHandler]): Self;
}

/** Typed verbs return the typed app/router, so calls chain like express's. */
export interface TypedVerbs<T> {
  get: TypedVerb<Typed<T>>;
  post: TypedVerb<Typed<T>>;
  put: TypedVerb<Typed<T>>;
  patch: TypedVerb<Typed<T>>;
  delete: TypedVerb<Typed<T>>;
  head: TypedVerb<Typed<T>>;
  options: TypedVerb<Typed<T>>;
  all: TypedVerb<Typed<T>>;
}

/** An express app or router with typed verbs; every plain express call still works as before. */
export type Typed<T> = T & TypedVerbs<T>;

/** The `req` a fromMiddleware() pick function reads. */
export type PickFromRequest<T> = (req: Request) => T;
