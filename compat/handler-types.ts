// The types a typed route is written against: the handler's `input` is inferred from its spec, so
// `params.id` is a number after `z.coerce.number()` and a typo in a body field is a compile error.
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Dependency, ParsedInputBase, RouteContext, RouteSpec } from './route.js';

export type Solve = <U>(dep: Dependency<U>) => Promise<U>;

/** A dependency written as a bare function in `spec.deps` (normalized with depends() at registration). */
export type DependencyFn<T = unknown> = (input: ParsedInputBase, ctx: RouteContext, solve: Solve) => T;

/** RouteSpec as typed verbs accept it: deps may also be bare functions. */
export interface TypedSpec extends Omit<RouteSpec, 'deps'> {
  deps?: Record<string, Dependency<any> | DependencyFn<any>>;
}

type Parsed<S, K extends string, Fallback> = S extends { [P in K]: infer T } ? (T extends z.ZodType ? z.output<T> : Fallback) : Fallback;

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

/** `async (input, ctx) => value | reply(status, body, headers?)`. */
export type TypedHandler<S> = (input: InputOf<S>, ctx: RouteContext) => unknown;

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

/** `verb(path, spec, ...legacyMiddleware, handler)`; a legacy() controller that replies and then calls next()
 *  may be followed by post-response middleware: `verb(path, spec, ...middleware, legacy(fn), ...after)`. */
export interface TypedVerb<Self> {
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: TypedHandler<S> | LegacyHandler]): Self;
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: LegacyHandler, after: Middleware]): Self;
  <S extends TypedSpec>(path: string, spec: S, ...rest: [...middleware: Middleware[], handler: LegacyHandler, after: Middleware, after2: Middleware]): Self;
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
export type Typed<T> = TypedVerbs<T> & T;

/** The `req` a fromMiddleware() pick function reads. */
export type PickFromRequest<T> = (req: Request) => T;
