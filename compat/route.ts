// The route descriptor: built once when a typed route is registered, then read by validation,
// execution and OpenAPI generation alike (FastAPI's APIRoute). This module only records; it never
// serves a request and never builds a document.
import type { Request, Response, RequestHandler } from 'express';
import type { z } from 'zod/v4';
import type { ErrorResponse } from './options.js';
import type { RequestValidationError } from './validation-error.js';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ValidationMode = 'enforce' | 'report' | 'off';

/** A response entry: a bare schema, or a schema with its description and headers. `contentType` (default
 *  `application/json`), `example` and `examples` are the document's only: the media type and its examples as the
 *  docs wrote them. A contentType or an example without a schema documents a body no schema checks. A list of
 *  media types serves `schema` under each (the examples under the first). `otherContent` holds the media types
 *  the docs give a schema or examples of their own (`application/xml` beside JSON): served as written, never
 *  validated (`schema` is the one that checks what the handler sends). */
export type ResponseSpec =
  | z.ZodType
  | {
    schema?: z.ZodType;
    description?: string;
    headers?: Record<string, z.ZodType> | z.ZodObject;
    contentType?: string | string[];
    example?: unknown;
    examples?: Record<string, unknown>;
    otherContent?: Record<string, MediaTypeSpec>;
  };

/** One media type of a response as the docs wrote it, for the document only. */
export interface MediaTypeSpec {
  schema?: z.ZodType;
  example?: unknown;
  examples?: Record<string, unknown>;
}

/** Route context handed to handlers and dependencies: the raw express objects. */
export interface RouteContext {
  req: Request;
  res: Response;
}

/** A dependency (FastAPI's Depends): solved once per request, may use other deps. */
export interface Dependency<T = unknown> {
  readonly kind: 'migrate-api.dependency';
  readonly resolve: (input: ParsedInputBase, ctx: RouteContext, solve: <U>(dep: Dependency<U>) => Promise<U>) => T | Promise<T>;
  /** Legacy middleware this dependency runs (fromMiddleware), recorded for docs/security. */
  readonly middleware?: RequestHandler;
}

export interface ParsedInputBase {
  params: unknown;
  query: unknown;
  headers: unknown;
  cookies: unknown;
  body: unknown;
  deps: Record<string, unknown>;
}

export interface RouteSpec {
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  cookies?: z.ZodType;
  body?: z.ZodType;
  /** How the body travels, for the document: `application/x-www-form-urlencoded`, `multipart/form-data`, ...
   *  (default `application/json`). Parsing stays the app's own middleware's job. */
  bodyContentType?: string | string[];
  /** The request body's description (a Swagger 2 `in: body` parameter's), for the document. */
  bodyDescription?: string;
  /** The body's media-type `example` / `examples` as the docs wrote them, for the document (under the first
   *  bodyContentType). */
  bodyExample?: unknown;
  bodyExamples?: Record<string, unknown>;
  /** The media types the docs give a body schema or examples of their own (`multipart/form-data` beside JSON):
   *  served as written, never validated (`body` is the schema that checks). */
  bodyOtherContent?: Record<string, MediaTypeSpec>;
  responses?: Record<number | string, ResponseSpec>;
  /** A route with optional params answers on several paths; each may have its own words in the document,
   *  keyed by the route's path with the optional params left out (`'/:id/loans'` for `/:id/loans/:status?`). */
  variants?: Record<string, { summary?: string; description?: string; operationId?: string; deprecated?: boolean }>;
  /** Status sent when the handler returns a plain value (default 200, 204 for undefined). */
  status?: number;
  summary?: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  deprecated?: boolean;
  security?: Array<Record<string, string[]>>;
  deps?: Record<string, Dependency>;
  validation?: ValidationMode;
}

/** Options shared by createApp / createRouter / typed(). */
export interface RouterOptions {
  tags?: string[];
  validation?: ValidationMode;
  security?: Array<Record<string, string[]>>;
  /**
   * The router's own answer to invalid input in enforce mode (the app's onValidationError, for this router's
   * routes only): a router whose old validator middleware answered in its own shape keeps that shape when the
   * validator leaves the chain, while the app's other routers keep theirs.
   */
  onValidationError?: (error: RequestValidationError, ctx: RouteContext) => ErrorResponse | void;
}

export interface RouteDescriptor {
  method: HttpMethod;
  /** The path as written in code (express syntax, `/users/:id`), before mount prefixes. */
  path: string;
  spec: RouteSpec;
  /** `METHOD /path` for messages and counters (mount prefixes unknown at registration time). */
  readonly id: string;
  /** True when the handler is an untouched legacy `(req, res, next)` handler wrapped in legacy(). */
  legacyHandler: boolean;
  /** Options of the router the route was registered on (tags, validation, security defaults). */
  router: RouterOptions;
}

/** A router mounted under a prefix with `use(prefix, child)`: recorded so OpenAPI paths are complete. */
export interface Mount {
  prefix: string;
  child: object;
}

/** What a typed app/router records about itself; read by compat/openapi.ts. */
export interface RouteTable {
  options: RouterOptions;
  routes: RouteDescriptor[];
  mounts: Mount[];
}

const TABLE = Symbol.for('migrate-api.routeTable');

export function routeTableOf(target: object): RouteTable | undefined {
  return (target as { [TABLE]?: RouteTable })[TABLE];
}

export function attachRouteTable(target: object, options: RouterOptions): RouteTable {
  const existing = routeTableOf(target);
  if (existing) return existing;
  const table: RouteTable = { options, routes: [], mounts: [] };
  Object.defineProperty(target, TABLE, { value: table, enumerable: false });
  return table;
}
