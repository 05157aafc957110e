// Serves the generated document and two docs UIs from installed packages, never from a CDN:
// /openapi.json, /docs (Swagger UI, swagger-ui-dist) and /redoc (redoc's standalone bundle).
// These are plain express routes, not typed ones, so they never appear in the document itself.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express, Request, Response } from 'express';
import { buildOpenApiDocument } from './openapi.js';
import type { DocumentInfo, OpenAPIDocument } from './openapi.js';
import type { AppOptions, DocsPaths } from './options.js';

// The ESM build knows its own URL; the CommonJS build (dist/compat/index.cjs, where esbuild leaves import.meta
// empty) has its module's require and __dirname. The URL is asked first: `node -e` puts a global `require` and
// `__dirname` ('.') beside every ESM module it imports, and an app started that way found no assets and crashed.
const moduleUrl: string | undefined = import.meta.url;
const requireHere: NodeJS.Require = moduleUrl ? createRequire(moduleUrl) : require;
const hereDir: string = moduleUrl ? dirname(fileURLToPath(moduleUrl)) : __dirname;

/**
 * Where a UI's files are. The published package ships them in dist/assets (copied at build time, so an app
 * does not install swagger-ui-dist and redoc's dependency tree); from the sources, the installed packages.
 */
export function assetsDir(kind: 'swagger-ui' | 'redoc'): string {
  const shipped = join(hereDir, '..', 'assets', kind);
  if (existsSync(shipped)) return shipped;
  return kind === 'swagger-ui'
    ? dirname(requireHere.resolve('swagger-ui-dist/package.json'))
    : join(dirname(requireHere.resolve('redoc/package.json')), 'bundles');
}

/** The files each UI needs, by the name they are served under. Nothing else is served from there. */
export const SWAGGER_FILES = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
  'oauth2-redirect.html',
  'oauth2-redirect.js',
];

/**
 * A Content-Security-Policy that lets the pages load only what this server serves: redoc's sidebar
 * draws a logo from its CDN and no option turns that off, so the browser is told to refuse it.
 * `unsafe-eval` because both bundles compile JSON-schema validators (ajv) with `new Function`;
 * `blob:` for redoc's search worker.
 */
export function docsCsp(servers: AppOptions['servers'] = []): string {
  // "Try it out" may call the API's own servers on another origin: those origins, and only those.
  const origins = new Set<string>();
  for (const s of servers) {
    try {
      const u = new URL(s.url);
      if (u.protocol === 'http:' || u.protocol === 'https:') origins.add(u.origin);
    } catch {
      // a relative server URL is this origin
    }
  }
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' blob:",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...origins].join(' '),
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

export const DOCS_CSP = docsCsp();

// Inline scripts are not allowed by the CSP; the initializer reads its settings from the page.
export const SWAGGER_INITIALIZER = `window.addEventListener('load', function () {
  var el = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: el.getAttribute('data-url'),
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    oauth2RedirectUrl: new URL(el.getAttribute('data-oauth2-redirect'), window.location.href).href,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});
`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function swaggerHtml(title: string, base: string, docUrl: string): string {
  const t = escapeHtml(title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t} - Swagger UI</title>
<link rel="stylesheet" href="${escapeHtml(base)}/swagger-ui.css">
<link rel="icon" type="image/png" href="${escapeHtml(base)}/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui" data-url="${escapeHtml(docUrl)}" data-oauth2-redirect="${escapeHtml(base)}/oauth2-redirect.html"></div>
<script src="${escapeHtml(base)}/swagger-ui-bundle.js"></script>
<script src="${escapeHtml(base)}/swagger-ui-standalone-preset.js"></script>
<script src="${escapeHtml(base)}/swagger-initializer.js"></script>
</body>
</html>
`;
}

function redocHtml(title: string, base: string, docUrl: string): string {
  // Redoc's standalone bundle starts itself on the <redoc> element; its theme names fonts the
  // browser already has and loads none (redoc's own sample page links Google Fonts: not here).
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ReDoc</title>
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="${escapeHtml(docUrl)}"></redoc>
<script src="${escapeHtml(base)}/redoc.standalone.js"></script>
</body>
</html>
`;
}

export interface ResolvedDocsPaths {
  openapi: string | false;
  swagger: string | false;
  redoc: string | false;
}

function normalizePath(p: string): string {
  const withSlash = p.startsWith('/') ? p : `/${p}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
}

export function resolveDocsPaths(docs: DocsPaths | false | undefined): ResolvedDocsPaths {
  if (docs === false) return { openapi: false, swagger: false, redoc: false };
  const pick = (v: string | false | undefined, d: string) => (v === false ? false : normalizePath(v ?? d));
  return {
    openapi: pick(docs?.openapi, '/openapi.json'),
    swagger: pick(docs?.swagger, '/docs'),
    redoc: pick(docs?.redoc, '/redoc'),
  };
}

/** The serialized document, cached with the document object it was made from. */
const serialized = new WeakMap<OpenAPIDocument, string>();

export function sendDocument(app: Express, info: DocumentInfo, res: Response): void {
  let doc: OpenAPIDocument;
  try {
    doc = buildOpenApiDocument(app, info);
  } catch (err) {
    res.status(500).json({ detail: `OpenAPI document could not be built: ${(err as Error).message}` });
    return;
  }
  let body = serialized.get(doc);
  if (body === undefined) {
    body = JSON.stringify(doc);
    serialized.set(doc, body);
  }
  res.type('application/json').send(body);
}

export function sendAsset(res: Response, file: string): void {
  res.sendFile(file, { maxAge: 24 * 3600 * 1000 }, (err) => {
    if (err && !res.headersSent) res.status(404).json({ detail: 'Not Found' });
  });
}

/** The path as the browser sees it when this app is itself mounted under a prefix. */
const external = (req: Request, path: string) => `${req.baseUrl}${path}`;

export function mountDocs(app: Express, opts: AppOptions): void {
  const paths = resolveDocsPaths(opts.docs);
  if (!paths.openapi && !paths.swagger && !paths.redoc) return;
  const info = opts as AppOptions & DocumentInfo;
  const title = opts.title ?? 'API';
  const csp = docsCsp(opts.servers);
  // A UI still needs the document when /openapi.json itself is turned off: it gets a private copy.
  const docPathFor = (uiPath: string) => paths.openapi || `${uiPath}/openapi.json`;

  if (paths.openapi) app.get(paths.openapi, (_req, res) => sendDocument(app, info, res));

  if (paths.swagger) {
    const base = paths.swagger;
    const dir = assetsDir('swagger-ui');
    app.get(base, (req, res) => {
      res.set('Content-Security-Policy', csp);
      res.type('html').send(swaggerHtml(title, external(req, base), external(req, docPathFor(base))));
    });
    app.get(`${base}/swagger-initializer.js`, (_req, res) => {
      res.type('application/javascript').send(SWAGGER_INITIALIZER);
    });
    for (const file of SWAGGER_FILES) app.get(`${base}/${file}`, (_req, res) => sendAsset(res, join(dir, file)));
    if (!paths.openapi) app.get(`${base}/openapi.json`, (_req, res) => sendDocument(app, info, res));
  }

  if (paths.redoc) {
    const base = paths.redoc;
    const bundle = join(assetsDir('redoc'), 'redoc.standalone.js');
    app.get(base, (req, res) => {
      res.set('Content-Security-Policy', csp);
      res.type('html').send(redocHtml(title, external(req, base), external(req, docPathFor(base))));
    });
    app.get(`${base}/redoc.standalone.js`, (_req, res) => sendAsset(res, bundle));
    if (!paths.openapi) app.get(`${base}/openapi.json`, (_req, res) => sendDocument(app, info, res));
  }
}
