// What the migrated app needs besides its routes: typed(express(), options) so mounts are recorded and the
// generated docs are served, and the parts of the legacy docs that are not routes (title, security schemes,
// shared responses/parameters, schemas no route uses) carried over as `apiDocs`, which the runtime merges in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocsModel } from './model.js';
import type { ScanResult } from './plan.js';
import { packageRoot } from './analyze.js';
import { API_DOCS_EXPORT } from './zod/previous-module.js';
import { UNROUTED_KEY } from './unrouted-docs.js';

export { API_DOCS_EXPORT };

export type ModuleFormat = 'ts' | 'js' | 'cjs';

export interface DocsPaths { openapi: string; swagger: string; redoc: string }

const DEFAULT_DOCS: DocsPaths = { openapi: '/openapi.json', swagger: '/docs', redoc: '/redoc' };

/** The export name of the carried-over docs in the schemas module. */

/** Files that create an express app not yet wrapped by typed(). */
export function appFiles(scan: ScanResult): Set<string> {
  return new Set(scan.routers.filter((r) => r.kind === 'app' && !r.created.startsWith('typed')).map((r) => r.file));
}

/** The default docs paths, moved under /migrate-api where the app already answers on them:
 *  a first migration must not shadow any route the app has. */
export function docsPathsFor(scan: ScanResult): DocsPaths {
  const taken = (p: string) => scan.routes.some((r) => r.fullPath === p || r.fullPath?.startsWith(`${p}/`))
    || scan.mounts.some((m) => m.prefix === p);
  const out = { ...DEFAULT_DOCS };
  for (const key of Object.keys(out) as Array<keyof DocsPaths>) if (taken(out[key])) out[key] = `/migrate-api${out[key]}`;
  return out;
}

/** The app's package.json name/version/description, the fallback identity of the generated document. */
function packageInfo(root: string): { name?: string; version?: string; description?: string } {
  const dir = packageRoot(root);
  if (!dir) return {};
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    return { name: text(pkg.name), version: text(pkg.version), description: text(pkg.description) };
  } catch {
    return {};
  }
}

/** Title, version and description of the generated document: the docs' where they say, else the app's
 *  package.json (a document named "API 1.0.0" tells a reader nothing). */
export function documentIdentity(root: string, docs: DocsModel): { title: string; version: string; description?: string } {
  const pkg = packageInfo(root);
  const description = docs.info?.description ?? (docs.info?.title ? undefined : pkg.description);
  return { title: docs.info?.title ?? pkg.name ?? 'API', version: docs.info?.version ?? pkg.version ?? '1.0.0', ...(description ? { description } : {}) };
}

type InfoObject = Record<string, unknown>;

/** The docs' `termsOfService`, `contact` and `license` as app options: only what AppOptions types (string fields
 *  OpenAPI names; a license with its name), so a TypeScript app still compiles. Anything else stays in apiDocs alone. */
export function infoOptions(docs: DocsModel): { termsOfService?: string; contact?: InfoObject; license?: InfoObject } {
  const { termsOfService, contact, license } = docs.info ?? {};
  const plain = (o: InfoObject | undefined, keys: string[]) => o !== undefined && Object.keys(o).length > 0
    && Object.entries(o).every(([k, v]) => keys.includes(k) && typeof v === 'string');
  return {
    ...(typeof termsOfService === 'string' ? { termsOfService } : {}),
    ...(plain(contact, ['name', 'url', 'email']) ? { contact } : {}),
    ...(plain(license, ['name', 'identifier', 'url']) && typeof license?.name === 'string' ? { license } : {}),
  };
}

/** A string or a flat object of strings as source: `'MIT'`, `{ name: 'Jane', email: 'jane@example.com' }`. */
export function optionLiteral(v: string | InfoObject): string {
  const quote = (x: string) => `'${x.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n')}'`;
  if (typeof v === 'string') return quote(v);
  return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${quote(String(x))}`).join(', ')} }`;
}

/**
 * The document parts the routes' specs do not carry. Every named schema goes in as JSON too: the runtime
 * merges only the ones no route registers (unreferenced, or only reached through a request variant such as
 * `NewOrderInput`). Deciding that here from the doc comments would make a re-run, which no longer sees the
 * route docs, emit a different module. `paths`: the documented operations no route serves (unrouted-docs.ts).
 */
export function apiDocsValue(root: string, docs: DocsModel, paths: Record<string, unknown> | null = null): Record<string, unknown> | null {
  const components: Record<string, unknown> = {};
  if (Object.keys(docs.securitySchemes).length) components.securitySchemes = docs.securitySchemes;
  for (const [section, entries] of Object.entries(docs.components ?? {})) {
    // Swagger 2.0 body/formData parameters were folded into request bodies; OpenAPI 3 has no such parameter.
    const kept = section === 'parameters' ? Object.fromEntries(Object.entries(entries ?? {}).filter(([, p]) => !isBodyParameter(p))) : entries;
    if (kept && Object.keys(kept).length) components[section] = kept;
  }
  if (Object.keys(docs.schemas).length) components.schemas = docs.schemas;
  const { description: _description, ...identityInfo } = documentIdentity(root, docs);
  const { termsOfService, contact, license } = docs.info ?? {};
  const info = {
    ...identityInfo, ...(docs.info?.description ? { description: docs.info.description } : {}),
    ...(termsOfService !== undefined ? { termsOfService } : {}), ...(contact ? { contact } : {}), ...(license ? { license } : {}),
  };
  const servers = servedServers(docs.servers);
  const identity = { ...(servers.length ? { servers } : {}), ...(docs.security ? { security: docs.security } : {}) };
  if (!Object.keys(components).length && !docs.tags.length && !docs.info?.title && !docs.info?.description && !termsOfService && !contact && !license && !Object.keys(identity).length && !paths) return null;
  return {
    openapi: '3.1.0', info, ...identity, ...(docs.tags.length ? { tags: docs.tags } : {}),
    // paths last: inApiDocsOrder finds the schemas by the first `"schemas": {` after the export, which an
    // operation's inline schema could hold too.
    ...(Object.keys(components).length ? { components } : {}), ...(paths ? { paths } : {}),
  };
}

const isBodyParameter = (p: unknown) => typeof p === 'object' && p !== null && ['body', 'formData'].includes(String((p as { in?: unknown }).in));

/**
 * The docs' servers as the migrated app's document states them: the generated paths are the routes' full
 * Express paths (mount prefix and base path included), so a server keeps only its origin; `https://host/api`
 * with `/users` and `https://host` with `/api/users` name the same URL. A relative server (`/api`) is the
 * document's own origin, which is the default, and goes; so does an origin with a variable (a port the code
 * computes at run time).
 */
export function servedServers(servers: DocsModel['servers']): Array<{ url: string; description?: string }> {
  const out: Array<{ url: string; description?: string }> = [];
  for (const s of servers ?? []) {
    const m = /^([a-z][\w+.-]*:\/\/[^/]+)/i.exec(s.url);
    // `http://localhost:{port}`: a host the code computes at run time has no value to serve
    if (m && !m[1]!.includes('{') && !out.some((o) => o.url === m[1])) out.push({ url: m[1]!, ...(s.description ? { description: s.description } : {}) });
  }
  return out;
}

/** The `apiDocs` export appended to the schemas module, in its module style. */
export function apiDocsExport(value: Record<string, unknown>, format: ModuleFormat): string {
  const json = JSON.stringify(value, null, 2);
  const note = '// The legacy docs that are not routes (title, security schemes, shared responses and parameters,\n// schemas no route uses): typed(express(), { legacyDocs: apiDocs }) merges them into /openapi.json.\n'
    + (value.paths ? `// Its paths are documented operations with no route in code, marked ${UNROUTED_KEY}: nothing validates them.\n` : '');
  return format === 'cjs' ? `\n${note}module.exports.${API_DOCS_EXPORT} = ${json};\n` : `\n${note}export const ${API_DOCS_EXPORT} = ${json};\n`;
}

/** The options object of the app's typed(...) wrapper. */
export function appOptionsSource(opts: {
  validation: 'report' | 'enforce'; title: string; version: string; description?: string; docsPaths: DocsPaths; apiDocs: boolean; onValidationError?: string;
  termsOfService?: string; contact?: InfoObject; license?: InfoObject;
}): string {
  const parts: string[] = [];
  if (opts.validation === 'report') parts.push(`validation: 'report'`);
  const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  parts.push(`title: ${quote(opts.title)}`, `version: ${quote(opts.version)}`);
  if (opts.description) parts.push(`description: ${quote(opts.description.replace(/\r?\n/g, ' '))}`);
  for (const key of ['termsOfService', 'contact', 'license'] as const) {
    const v = opts[key];
    if (v !== undefined) parts.push(`${key}: ${optionLiteral(v)}`);
  }
  const moved = (Object.keys(DEFAULT_DOCS) as Array<keyof DocsPaths>).filter((k) => opts.docsPaths[k] !== DEFAULT_DOCS[k]);
  if (moved.length) parts.push(`docs: { ${moved.map((k) => `${k}: '${opts.docsPaths[k]}'`).join(', ')} }`);
  if (opts.apiDocs) parts.push(`legacyDocs: ${API_DOCS_EXPORT}`);
  // Enforce took validator middleware out (MA004): rejected requests keep the body its clients parse.
  if (opts.onValidationError) parts.push(`onValidationError: ${opts.onValidationError}`);
  return `{ ${parts.join(', ')} }`;
}
