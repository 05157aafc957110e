// migrate-api/compat: the API migrated routes are written against (see DESIGN.md "The runtime").
export { createApp, createRouter, type ExpressModule } from './create.js';
export { typed } from './typed.js';
export { legacy, isLegacyHandler } from './legacy.js';
export { reply, replyEnd, replyEmptyJson, replySend, replyStatus, rawHeader, Reply, type RawHeader, type ReplyHeaders } from './reply.js';
export { replyWith, replySendWith, replyStatusWith, type StatusedResponse } from './reply-computed.js';
export { HTTPException } from './http-exception.js';
export { RequestValidationError, type ErrorDetail, type Location } from './validation-error.js';
export { joiValidationError, celebrateValidationError } from './legacy-validation-errors.js';
export { depends, fromMiddleware } from './deps.js';
// The two schema helpers a migrated route file's inline specs call (what a schemas module declares itself).
export { dateTime } from './date-time.js';
export { readOnlyChecked } from './read-only.js';
export { getViolations, resetViolations, writeViolations, type ViolationReport, type RouteViolations, type ViolationEntry, type ViolationKind } from './violations.js';
export { setLogger, type Logger } from './log.js';
export type { AppOptions, DocsPaths, ErrorResponse } from './options.js';
export type { TypedSpec, TypedHandler, TypedVerb, TypedVerbs, Typed, InputOf, LegacyHandler, DepValue, DependencyFn, Solve } from './handler-types.js';
export {
  HTTP_METHODS, routeTableOf,
  type HttpMethod, type ValidationMode, type ResponseSpec, type RouteContext, type Dependency, type ParsedInputBase,
  type RouteSpec, type RouterOptions, type RouteDescriptor, type Mount, type RouteTable,
} from './route.js';
export { buildOpenApiDocument } from './openapi.js';
export { mountDocs } from './docs.js';
export { serveOpenApi, serveSwaggerUi } from './docs-handlers.js';
export { serve } from './serve.js';
