// The generated document and Swagger UI as handlers an app mounts where its legacy docs used to answer
// (`migrate-api finish`, MA006): `app.get('/api-docs.json', serveOpenApi())`, `app.use('/api-docs', serveSwaggerUi())`,
// so clients and bookmarks of the old URLs get the document the code generates. They serve the document of the
// app the request runs in (`req.app`), so they work on a router in another file too.
import { join } from 'node:path';
import type { Express, NextFunction, Request, Response } from 'express';
import { assetsDir, docsCsp, resolveDocsPaths, sendAsset, sendDocument, SWAGGER_FILES, SWAGGER_INITIALIZER, swaggerHtml } from './docs.js';
import { appOptionsOf, type AppOptions } from './options.js';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

const optionsOf = (req: Request): AppOptions => appOptionsOf(req.app) ?? {};

/** Where the app itself is mounted (`app.path()`), so a URL built for the browser is right under a parent app. */
const appPrefix = (req: Request): string => {
  const p = (req.app as Express & { path?: () => string }).path?.() ?? '';
  return p === '/' ? '' : p;
};

/** `GET <url>` -> the app's generated OpenAPI document (the one /openapi.json serves). */
export function serveOpenApi(): Handler {
  return (req, res) => sendDocument(req.app as Express, optionsOf(req) as never, res);
}

/**
 * `app.use(<url>, serveSwaggerUi())` -> Swagger UI at `<url>` (and `<url>/`), its files from the installed
 * package, showing the generated document: the app's own /openapi.json when it serves one, else `<url>/openapi.json`.
 */
export function serveSwaggerUi(): Handler {
  const dir = assetsDir('swagger-ui');
  const files = new Set(SWAGGER_FILES);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const opts = optionsOf(req);
    const name = req.path.replace(/^\/+/, '');
    if (name === '') {
      const own = resolveDocsPaths(opts.docs).openapi;
      const docUrl = own ? `${appPrefix(req)}${own}` : `${req.baseUrl}/openapi.json`;
      res.set('Content-Security-Policy', docsCsp(opts.servers));
      res.type('html').send(swaggerHtml(opts.title ?? 'API', req.baseUrl, docUrl));
      return;
    }
    if (name === 'swagger-initializer.js') { res.type('application/javascript').send(SWAGGER_INITIALIZER); return; }
    if (name === 'openapi.json') { sendDocument(req.app as Express, opts as never, res); return; }
    if (files.has(name)) { sendAsset(res, join(dir, name)); return; }
    next();
  };
}
