import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildOpenApiDocument } from "./openapi.js";
const requireHere = typeof require === "function" ? require : createRequire(import.meta.url);
function packageDir(name) {
  return dirname(requireHere.resolve(`${name}/package.json`));
}
const SWAGGER_FILES = [
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-32x32.png",
  "favicon-16x16.png",
  "oauth2-redirect.html",
  "oauth2-redirect.js"
];
function docsCsp(servers = []) {
  const origins = /* @__PURE__ */ new Set();
  for (const s of servers) {
    try {
      const u = new URL(s.url);
      if (u.protocol === "http:" || u.protocol === "https:") origins.add(u.origin);
    } catch {
    }
  }
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' blob:",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...origins].join(" "),
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}
const DOCS_CSP = docsCsp();
const SWAGGER_INITIALIZER = `window.addEventListener('load', function () {
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
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
function swaggerHtml(title, base, docUrl) {
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
function redocHtml(title, base, docUrl) {
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
function normalizePath(p) {
  const withSlash = p.startsWith("/") ? p : `/${p}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, "") : withSlash;
}
function resolveDocsPaths(docs) {
  if (docs === false) return { openapi: false, swagger: false, redoc: false };
  const pick = (v, d) => v === false ? false : normalizePath(v ?? d);
  return {
    openapi: pick(docs?.openapi, "/openapi.json"),
    swagger: pick(docs?.swagger, "/docs"),
    redoc: pick(docs?.redoc, "/redoc")
  };
}
const serialized = /* @__PURE__ */ new WeakMap();
function sendDocument(app, info, res) {
  let doc;
  try {
    doc = buildOpenApiDocument(app, info);
  } catch (err) {
    res.status(500).json({ detail: `OpenAPI document could not be built: ${err.message}` });
    return;
  }
  let body = serialized.get(doc);
  if (body === void 0) {
    body = JSON.stringify(doc);
    serialized.set(doc, body);
  }
  res.type("application/json").send(body);
}
function sendAsset(res, file) {
  res.sendFile(file, { maxAge: 24 * 3600 * 1e3 }, (err) => {
    if (err && !res.headersSent) res.status(404).json({ detail: "Not Found" });
  });
}
const external = (req, path) => `${req.baseUrl}${path}`;
function mountDocs(app, opts) {
  const paths = resolveDocsPaths(opts.docs);
  if (!paths.openapi && !paths.swagger && !paths.redoc) return;
  const info = opts;
  const title = opts.title ?? "API";
  const csp = docsCsp(opts.servers);
  const docPathFor = (uiPath) => paths.openapi || `${uiPath}/openapi.json`;
  if (paths.openapi) app.get(paths.openapi, (_req, res) => sendDocument(app, info, res));
  if (paths.swagger) {
    const base = paths.swagger;
    const dir = packageDir("swagger-ui-dist");
    app.get(base, (req, res) => {
      res.set("Content-Security-Policy", csp);
      res.type("html").send(swaggerHtml(title, external(req, base), external(req, docPathFor(base))));
    });
    app.get(`${base}/swagger-initializer.js`, (_req, res) => {
      res.type("application/javascript").send(SWAGGER_INITIALIZER);
    });
    for (const file of SWAGGER_FILES) app.get(`${base}/${file}`, (_req, res) => sendAsset(res, join(dir, file)));
    if (!paths.openapi) app.get(`${base}/openapi.json`, (_req, res) => sendDocument(app, info, res));
  }
  if (paths.redoc) {
    const base = paths.redoc;
    const bundle = join(packageDir("redoc"), "bundles", "redoc.standalone.js");
    app.get(base, (req, res) => {
      res.set("Content-Security-Policy", csp);
      res.type("html").send(redocHtml(title, external(req, base), external(req, docPathFor(base))));
    });
    app.get(`${base}/redoc.standalone.js`, (_req, res) => sendAsset(res, bundle));
    if (!paths.openapi) app.get(`${base}/openapi.json`, (_req, res) => sendDocument(app, info, res));
  }
}
export {
  DOCS_CSP,
  docsCsp,
  mountDocs,
  resolveDocsPaths
};
