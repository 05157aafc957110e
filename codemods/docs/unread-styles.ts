// Doc comments written for generators whose comment language this migration does not read:
// express-jsdoc-swagger (a block whose first line is `GET /api/users`, with `@summary`, `@param {User}
// request.body.required`, `@return {array<User>} 200 - ok`) and express-swagger-generator (`@route GET /api/users`,
// `@group`, `@param {string} email.query.required`) and apiDoc (`@api {get} /users/:id Read a user`, `@apiParam`,
// `@apiSuccess`: it builds HTML pages, not an OpenAPI document). Without this, their routes are migrated as undocumented
// and the docs vanish without a word. Each file's comments are found with its scan (findUnreadDocs); once every
// source is read, a warning per file and style says where they are, which operations no source read documents,
// and how to hand their document over (--spec): the two swagger generators serve one, apiDoc's is converted.
import type { Comment, File } from '@babel/types';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { toOpenApiPath } from '../express-path.js';
import { isDocComment, unwrapComment } from './comments.js';
import { hasOpenapiTag } from './jsdoc.js';

const METHODS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE';
/** A parameter named with where it goes (`id.path.required`); not `req.body` / `req.query.page`, plain JSDoc of the
 *  handler's own arguments. */
const PARAM_IN = '(?!(req|request|res|response)\\.)[\\w$-]+\\.(path|query|header|cookie|form|formData|body)\\b';
/** express-jsdoc-swagger: the block's first line is the operation, in upper case, its path absolute. */
const JSDOC_SWAGGER_HEAD = new RegExp(`^(${METHODS})\\s+(/\\S*)`);
/** The tags that make such a first line an express-jsdoc-swagger operation rather than prose in a plain JSDoc
 *  comment (`GET /users - lists them` above a handler documented with `@param req`). */
const JSDOC_SWAGGER_TAG = new RegExp(`^@(summary|tags|security|returns?\\s*\\{[^}]*\\}\\s*(-\\s*)?(\\d{3}|default)\\b|param\\s*\\{[^}]*\\}\\s*(request\\.body\\b|${PARAM_IN}))`);
/** express-swagger-generator: the operation is a `@route` tag anywhere in the block... */
const ROUTE_TAG = new RegExp(`^@route\\s+(${METHODS})\\s+(/\\S*)`, 'i');
/** ...beside one of its own tags: `@route` with `@desc` and `@access` is a common hand-written convention that no
 *  generator reads, and there is nothing to hand over for it. */
const SWAGGER_GENERATOR_TAG = new RegExp(`^@(group\\b|param\\s*\\{[^}]*\\}\\s*${PARAM_IN}|returns?\\s*\\{[^}]*\\}\\s*(\\d{3}|default)\\b)`);
/** apiDoc: `@api {get} /users/:id title`, its method in braces in either case; the path may be a whole URL. */
const APIDOC_TAG = new RegExp(`^@api\\s+\\{(${METHODS})\\}\\s+(\\S+)`, 'i');
/** Cheap test on the source text before any comment is unwrapped. */
const MAY_HOLD = new RegExp(`\\*\\s*(${METHODS})\\s+/|@route\\s|@api\\s+\\{`, 'i');

type Style = 'express-jsdoc-swagger' | 'express-swagger-generator' | 'apidoc';

const ADVICE: Record<Style, string> = {
  'express-jsdoc-swagger': 'pass the document express-jsdoc-swagger builds from them with --spec (with `exposeApiDocs: true` the running app serves it at `apiDocsPath`, /v3/api-docs by default: save it to a file), or rewrite them as @openapi blocks',
  'express-swagger-generator': 'pass the document express-swagger-generator builds from them with --spec (the running app serves it at /api-docs.json: save it to a file), or rewrite them as @openapi blocks',
  apidoc: 'apiDoc builds HTML pages, not an OpenAPI document: convert them into one (apidoc-openapi, or apidoc-swagger from `apidoc`\'s api_data.json) and pass it with --spec, or rewrite them as @openapi blocks',
};

/** `/users/:id`, or the path of `http://localhost:3000/users/:id`; null for anything else (`users`, `{url}`). */
function apidocPath(written: string): string | null {
  if (written.startsWith('/')) return written;
  if (!/^https?:\/\//i.test(written)) return null;
  // Not new URL(): its pathname percent-encodes a `{id}` the docs wrote.
  const path = written.replace(/^https?:\/\/[^/]*/i, '');
  return path.startsWith('/') ? path : null;
}

function styleOf(c: Comment): { style: Style; operation: { method: string; path: string } } | null {
  const lines = unwrapComment(c).map((l) => l.text.trim()).filter(Boolean);
  for (const line of lines) {
    const m = ROUTE_TAG.exec(line);
    if (m && lines.some((l) => SWAGGER_GENERATOR_TAG.test(l))) return { style: 'express-swagger-generator', operation: { method: m[1].toUpperCase(), path: m[2] } };
  }
  for (const line of lines) {
    const m = APIDOC_TAG.exec(line);
    const path = m && apidocPath(m[2]);
    if (path) return { style: 'apidoc', operation: { method: m![1].toUpperCase(), path } };
  }
  const head = lines[0] ? JSDOC_SWAGGER_HEAD.exec(lines[0]) : null;
  if (head && lines.some((l) => JSDOC_SWAGGER_TAG.test(l))) return { style: 'express-jsdoc-swagger', operation: { method: head[1], path: head[2] } };
  return null;
}

/** The comments of one style in one file: where the first is, and the operations they document. */
export interface UnreadDocs {
  style: Style;
  at: SourceLocation;
  operations: Array<{ method: string; path: string }>;
}

/** Each style found in the file, at its first comment; none for a file without such comments. */
export function findUnreadDocs(ast: File, code: string, file: string): UnreadDocs[] {
  if (!MAY_HOLD.test(code)) return [];
  const found = new Map<Style, UnreadDocs>();
  for (const c of ast.comments ?? []) {
    if (!isDocComment(c) || hasOpenapiTag(c)) continue;
    const hit = styleOf(c);
    if (!hit) continue;
    const entry = found.get(hit.style) ?? { style: hit.style, at: { file, line: c.loc?.start.line ?? 1, col: (c.loc?.start.column ?? 0) + 1 }, operations: [] };
    entry.operations.push(hit.operation);
    found.set(hit.style, entry);
  }
  return [...found.values()];
}

/** `GET /users/:id/`, `get /users/{id}`, `GET /users/:id(\\d+)`: one key. These comments write paths in either
 *  syntax, so braces are OpenAPI templates here; a trailing slash goes (Express routes are non-strict). */
export function operationKey(method: string, path: string): string {
  const p = toOpenApiPath(path, { bestEffort: true, braces: 'template' }).path.replace(/(.)\/+$/, '$1');
  return `${method.toUpperCase()} ${p}`;
}

/** A warning per file and style for the operations no source that is read documents (a --spec of the document
 *  the generator serves makes it quiet); none when every one of them is documented. */
export function unreadDocsWarnings(unread: UnreadDocs[], documented: (key: string) => boolean): Diagnostic[] {
  return unread.flatMap(({ style, at, operations }) => {
    const left = operations.filter((o) => !documented(operationKey(o.method, o.path))).map((o) => `${o.method} ${o.path}`);
    if (!left.length) return [];
    const n = left.length;
    const of = n === operations.length ? '' : ` of ${operations.length}`;
    return [{
      code: 'doc-source-unread',
      severity: 'warning',
      at,
      message: `${n}${of} ${style} doc comment${operations.length === 1 ? '' : 's'} (${left.slice(0, 3).join(', ')}${n > 3 ? ', ...' : ''}) not read: this style is not supported, so the routes they document are migrated as undocumented; ${ADVICE[style]}`,
    } satisfies Diagnostic];
  });
}
