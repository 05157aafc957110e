// The normalized docs model: whatever a legacy app wrote (swagger-jsdoc blocks, flasgger-style
// `---` blocks, swagger.yaml files; Swagger 2.0, OpenAPI 3.0 or 3.1), the docs readers turn it into
// this one OpenAPI 3.1 shape, and everything downstream (emitter, codemods, drift check) reads only this.
import type { Diagnostic, SourceLocation } from './diagnostics.js';

/** A JSON Schema (OpenAPI 3.1 dialect). Refs to components are `#/components/schemas/Name`. */
export type JsonSchema = boolean | ({ [keyword: string]: unknown } & {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
});

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterObject {
  name: string;
  in: ParameterLocation;
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  schema?: JsonSchema;
  example?: unknown;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, unknown>;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, { description?: string; schema?: JsonSchema; required?: boolean }>;
  content?: Record<string, MediaTypeObject>;
}

/** An OpenAPI 3.1 operation with every `$ref` to parameters/requestBodies/responses inlined;
 *  `$ref`s to schemas stay as `#/components/schemas/Name` so they become named zod exports. */
export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  security?: Array<Record<string, string[]>>;
  parameters?: ParameterObject[];
  requestBody?: RequestBodyObject;
  responses?: Record<string, ResponseObject>;
  [extension: `x-${string}`]: unknown;
}

/** `validator`: no docs, the route's validator middleware is the spec (MA004). */
export type DocStyle = 'jsdoc' | 'flasgger' | 'autogen' | 'spec-file' | 'validator';

/** One documented operation and where its text lives in the source. */
export interface DocOperation {
  /** Lower-case HTTP method; for flasgger blocks, the method of the route under the comment. */
  method: string;
  /** OpenAPI path syntax `/users/{id}`; for flasgger blocks, derived from the route under the comment. */
  path: string;
  operation: OperationObject;
  style: DocStyle;
  /** Where the operation's text starts (the comment line for jsdoc/flasgger, the YAML line in a spec file). */
  at: SourceLocation;
  /** For comment-based docs: the whole comment's range, so the codemod can remove or keep it. */
  comment?: { start: number; end: number; startLine: number; endLine: number };
  /** Further comments of the same operation (swagger-autogen writes one `#swagger.` comment per fact). */
  comments?: Array<{ start: number; end: number; startLine: number; endLine: number }>;
  /** For flasgger blocks and swagger-autogen comments: the route call they document (matches RouteRecord.at). */
  routeAt?: SourceLocation;
  /** The document's base path (`servers` URL path, Swagger 2.0 `basePath`), already part of `path`; the
   *  matcher also tries the path without it (an app behind a proxy that strips it). */
  basePath?: string;
  /** An operation no route served, read back from an earlier run's apiDocs because its source is gone: the
   *  source its mark names (relative to the schemas module), written again while it stays without a route. */
  recoveredFrom?: string;
}

export interface DocsModel {
  operations: DocOperation[];
  /** Named schemas, normalized to 3.1 (Swagger 2.0 `definitions` land here too). */
  schemas: Record<string, JsonSchema>;
  /** Where each named schema is defined. */
  schemaSources: Record<string, SourceLocation>;
  securitySchemes: Record<string, unknown>;
  tags: Array<{ name: string; description?: string }>;
  info?: { title?: string; version?: string; description?: string; termsOfService?: string; contact?: Record<string, unknown>; license?: Record<string, unknown> };
  /** The document's `servers` (Swagger 2.0 `host`/`basePath`/`schemes` become one), as written. */
  servers?: Array<{ url: string; description?: string }>;
  /** The document-wide security requirement (operations also carry it, for routes matched to them). */
  security?: Array<Record<string, string[]>>;
  /** Reusable parameters/requestBodies/responses/headers (normalized), by kind then name. Operations have them
   *  inlined after mergeDocs; they are kept because a doc block may `$ref` one defined in another file. */
  components?: Partial<Record<'parameters' | 'requestBodies' | 'responses' | 'headers', Record<string, unknown>>>;
  diagnostics: Diagnostic[];
}

export function emptyDocsModel(): DocsModel {
  return { operations: [], schemas: {}, schemaSources: {}, securitySchemes: {}, tags: [], diagnostics: [] };
}
