// What the scan finds and what the rewrite is asked to do. The scan pass (codemods/scan/) fills
// ScanResult for the whole tree before any file is touched; the CLI matches routes to docs and
// builds one FilePlan per file; the rules (codemods/rules/) apply a FilePlan to one file's source.
import type { SendHelperEntry } from './rules/send-helper.js';
import type { Diagnostic, RuleId, SourceLocation } from './diagnostics.js';
import type { DocOperation } from './model.js';
import type { ZodModule } from './zod-import.js';

export type RouteMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options' | 'all';

/** One `x.<verb>(path, ...)` / `.route(path).<verb>()` registration found in source. */
export interface RouteRecord {
  file: string;
  /** Location of the route call (the `.get(` callee's object start), 1-based line/col. */
  at: SourceLocation;
  method: RouteMethod;
  /** The path as written (`/users/:id`); null when computed at run time. */
  path: string | null;
  /** The mount prefixes applied (`/api/users/:id`); null when any part is unknown. */
  fullPath: string | null;
  /** OpenAPI syntax of fullPath (`/api/users/{id}`), regex params reduced to their name; null when unknown. */
  openapiPath: string | null;
  /** Source text of the receiver (`router`, `app`, `this.router`). */
  receiver: string;
  /** Why the route cannot be matched or rewritten safely (regex path, computed path, ...). */
  dynamic?: string;
  /** The handler: last argument of the call. */
  handler: {
    kind: 'function' | 'identifier' | 'member' | 'call' | 'other';
    /** For identifier/member handlers defined in another file: where the definition is, when resolved. */
    definedAt?: SourceLocation;
    /** Source text of the handler expression, e.g. `ctrl.create`, `asyncHandler(...)`. */
    text: string;
    /** An inline function that only calls another with its own (req, res[, next]) (scan/delegating-handler.ts):
     *  the callee as written (`createUserController.handle`) and how many arguments it is handed. */
    delegate?: { callee: string; args: number };
  };
  /** Source text of each middleware argument between path and handler. */
  middleware: string[];
  /** The call already carries a spec (second argument an object literal): nothing for the rules to do. */
  migrated?: 'legacy handler' | 'typed handler';
  /** Its spec is `{}`: undocumented when migrated, waiting for `migrate-api infer` (MA005) or a hand-written spec. */
  emptySpec?: true;
  /** Params the route also matches without (`:status?`, `{/:status}`); the matcher tries both forms. */
  optionalParams?: string[];
  /** OpenAPI paths of the other mounts when the router is mounted more than once (fullPath is the first). */
  alternatePaths?: string[];
}

/** A router or app binding found in a file. */
export interface RouterRecord {
  file: string;
  at: SourceLocation;
  /** The binding's source text (`router`, `app`, `this.router`). */
  name: string;
  kind: 'app' | 'router';
  /** How it is created: `express()`, `express.Router()`, `Router()`, `typed(...)` (already migrated). */
  created: string;
}

/** `parent.use(prefix, child)` where child is a router from this or another file. */
export interface MountRecord {
  file: string;
  at: SourceLocation;
  parent: { file: string; name: string };
  prefix: string | null;
  child: { file: string; name: string } | null;
}

export interface ScanResult {
  root: string;
  files: string[];
  routers: RouterRecord[];
  mounts: MountRecord[];
  routes: RouteRecord[];
  diagnostics: Diagnostic[];
}

/** A route matched (or not) to its documented operation. */
export interface MatchedRoute {
  route: RouteRecord;
  doc?: DocOperation;
  /** Docs of the other paths the route answers on (an optional param left out, a second mount). */
  alsoServed?: DocOperation[];
}

export interface MatchResult {
  matched: MatchedRoute[];
  /** Documented operations with no route in code. */
  unmatchedDocs: DocOperation[];
  /** Doc blocks right above a mounted router's route that write the route's path inside the router (`/unpaid`
   *  for `/jobs/unpaid`): matched to it, and drift all the same (swagger-jsdoc serves them at the bare path). */
  mountRelative?: Array<{ route: RouteRecord; doc: DocOperation }>;
  diagnostics: Diagnostic[];
}

/** What the rules should do to one route of one file. */
export interface RoutePlan {
  /** Locates the route call: same as RouteRecord.at. */
  at: SourceLocation;
  method: RouteMethod;
  /** Full path, for messages and the report. */
  fullPath: string | null;
  /** Object-literal source of the spec (`{ summary: 'Get', params: z.object({...}) }`); `{}` when undocumented. */
  specSource: string;
  /** The doc comment that became code (MA002 removes it); its prose, if any, is already in specSource. */
  docComment?: { startLine: number; endLine: number };
  /** Further comments that became code with it (swagger-autogen's one `#swagger.` comment per fact). */
  moreDocComments?: Array<{ startLine: number; endLine: number }>;
  documented: boolean;
  /** From the scan: the call already carries a spec, so the rules will leave it as it is. */
  migrated?: RouteRecord['migrated'];
  /** From the scan: why the path cannot be an OpenAPI path (wildcard, regex, computed); the route is left as it is. */
  dynamic?: string;
  /** A TODO the rewrite puts above the route (rule id + why), for what the docs say that the spec could not follow. */
  todo?: { rule: RuleId; why: string };
  /** MA003 for a handler that is not an inline function (codemods/handler-definitions.ts): typed where it is
   *  defined (the route drops `wrappers` one-argument wrapper calls around the reference and no legacy()), or why not.
   *  An inline function that only delegates (`(req, res) => ctrl.create(req, res)`, scan/delegating-handler.ts):
   *  typed, it becomes an arrow forwarding `forward` typed arguments (as many as the typed function declares);
   *  refused (`inline`), MA003 tries the inline function as it always did, and gives `why` if that fails too. */
  handlerDef?: { typed: true; wrappers: number; forward?: number } | { typed: false; why: string; inline?: true };
  /** The handler is a wrapper call around an inline function (`asyncHandler(async (req, res) => ...)`): MA003
   *  tries the inner function and drops the wrapper when it is typed. */
  inlineWrapper?: boolean;
  /** From the scan: the last argument is defined elsewhere as error-handling middleware `(err, req, res, next)`,
   *  so the handler is the argument before it (MA001 checks an inline last function itself). */
  errorMiddlewareLast?: boolean;
  /** codemods/chain-repliers.ts: the function of the chain (its index among the functions, 0 = the first after
   *  the path) defined elsewhere that replies and then calls next(), so MA001 wraps it, not the last; or why the
   *  route is left as it is. */
  chainReplier?: { index: number } | { skip: string };
  /** TS: the app's own tsc rejects this route's typed handler (codemods/typed-rewrite-check.ts): it stays legacy
   *  with tsc's words. */
  typesRefused?: string;
}

/** A handler function this file defines that MA003 rewrites for the routes that use it (all share its spec needs). */
export interface DefinitionPlan {
  /** Where the scan records the function (scan/file-scan.ts fnAt). */
  at: SourceLocation;
  /** Wrapper calls around it here to remove (`catchAsync(async (req, res) => ...)`). */
  wrappers: number;
  /** The spec of the routes using it (they all have the same params/query/body/status). */
  specSource: string;
  /** For the report and messages: `GET /users` of the first route. */
  route: string;
  /** A class method every route binds to its receiver: it may read `this` (rules/ma003-typed-handler.ts RouteFacts). */
  thisBound?: true;
  /** TS: typed although it sends values to statuses whose docs give a schema, because the app's own tsc passed
   *  the typed rewrite (codemods/typed-rewrite-check.ts). */
  bodyTypesChecked?: true;
}

export interface FilePlan {
  file: string;
  routes: RoutePlan[];
  /** Named zod schemas this file's specs use, imported from the generated schemas module. */
  schemaImports: { names: string[]; from: string } | null;
  validation: 'report' | 'enforce';
  rules: ReadonlySet<RuleId>;
  /** Where inserted specs import `z` from when not `zod`: `zod/v4` in an app on zod 3.25 (codemods/zod-import.ts). */
  zodModule?: ZodModule;
  /** Doc comments not attached to a route (components-only `@openapi` blocks) that moved to the schemas module; MA002 removes them. */
  removeComments?: Array<{ startLine: number; endLine: number }>;
  /** For files that create the express app (`express()`): the options object its typed(...) wrapper gets
   *  (validation mode, title/version, docs paths, the docs that are not routes: `legacyDocs: apiDocs`), and
   *  the schemas-module names that object uses. Set even when the file registers no route itself, so the
   *  app records its mounts and serves the generated docs. */
  app?: { optionsSource: string; uses: string[] };
  /** Routers created in this file (RouterRecord.at) that mount other routers: typed(...) even when they register
   *  no route themselves (`api.use('/owners', owners)`), or the runtime never learns those mounts. */
  mountingRouters?: SourceLocation[];
  /** Route handlers defined in this file, for routes of this or other files (MA003). */
  definitions?: DefinitionPlan[];
  /** Interface members whose one implementation became a typed handler (codemods/interface-member-plan.ts). */
  interfaceMembers?: InterfaceMemberPlan[];
  /** Functions this file calls by these names (`ok`, `http.ok`) that a handler may hand `res` to: a send helper
   *  MA003 inlines (codemods/send-helpers.ts), or why the function is not one. */
  sendHelpers?: Record<string, SendHelperEntry>;
}

/** `getById(req: Request, res: Response): Promise<void>` in `interface IUsersController` -> `getById: UsersController['getById']`. */
export interface InterfaceMemberPlan {
  iface: string;
  member: string;
  /** The implementing class, how its module exports it and the specifier the interface file imports it by. */
  impl: { name: string; exportedAs: 'default' | string; from: string };
}

export type RouteStatus = 'typed' | 'legacy' | 'undocumented' | 'skipped' | 'unchanged';

/** One record per route, for the summary and `--report` (JSON/Markdown/HTML). */
export interface RouteReport {
  file: string;
  line: number;
  method: string;
  path: string | null;
  status: RouteStatus;
  rule?: RuleId;
  reason?: string;
}

export interface FileResult {
  file: string;
  /** The new source, or undefined when nothing changed (jscodeshift convention). */
  output: string | undefined;
  routes: RouteReport[];
  diagnostics: Diagnostic[];
}
