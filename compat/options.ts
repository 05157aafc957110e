// What createApp / typed(app) accept: the app-wide defaults that routes read at request time
// through req.app (a router does not know which app it will be mounted in when it is built).
import type { RouteContext, ValidationMode } from './route.js';
import type { RequestValidationError } from './validation-error.js';

/** What an onValidationError hook may answer instead of the default 422. */
export interface ErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface DocsPaths {
  /** Path of the generated document (default `/openapi.json`); `false` disables it. */
  openapi?: string | false;
  /** Swagger UI path (default `/docs`); `false` disables it. */
  swagger?: string | false;
  /** Redoc path (default `/redoc`); `false` disables it. */
  redoc?: string | false;
}

export interface AppOptions {
  title?: string;
  version?: string;
  description?: string;
  /** The document's `info.termsOfService`, `info.contact` and `info.license`, as OpenAPI writes them. */
  termsOfService?: string;
  contact?: { name?: string; url?: string; email?: string };
  license?: { name: string; identifier?: string; url?: string };
  servers?: Array<{ url: string; description?: string }>;
  /** Where the docs are served; `false` serves none of them. */
  docs?: DocsPaths | false;
  /** An OpenAPI document (e.g. swagger-jsdoc output) whose operations are merged into the generated one. */
  legacyDocs?: object;
  /** App-wide validation mode (a router's or route's own mode wins; env MIGRATE_API_VALIDATION beats all). */
  validation?: ValidationMode;
  /** Default tags for routes registered directly on the app. */
  tags?: string[];
  /** Default security requirement for routes registered directly on the app. */
  security?: Array<Record<string, string[]>>;
  /**
   * Keeps an app's own validation error shape: return `{ status, body, headers? }` to send instead
   * of the 422, send through `ctx.res` yourself, or throw to hand the error to legacy error middleware.
   * Returning undefined without sending keeps the default 422.
   */
  onValidationError?: (error: RequestValidationError, ctx: RouteContext) => ErrorResponse | void;
  /**
   * Share of responses checked (and shaped) against their schema in enforce mode, 0..1, default 1.
   * An unsampled response is sent as the handler returned it, unknown keys included: keep 1 on
   * routes whose responses carry fields that must never leave.
   */
  responseSampling?: number;
}

const APP_OPTIONS = Symbol.for('migrate-api.appOptions');

export function setAppOptions(app: object, opts: AppOptions): void {
  Object.defineProperty(app, APP_OPTIONS, { value: opts, enumerable: false, configurable: true, writable: true });
}

/** The options of the app serving a request (`req.app`), or undefined for an app that was never typed. */
export function appOptionsOf(app: unknown): AppOptions | undefined {
  return app ? (app as { [APP_OPTIONS]?: AppOptions })[APP_OPTIONS] : undefined;
}
