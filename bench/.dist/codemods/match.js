import { resolve } from "node:path";
const METHOD_ORDER = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];
function normalizePath(p) {
  let out = p.replace(/\/{2,}/g, "/").replace(/\{[^}]*\}/g, "{}");
  if (out.length > 1) out = out.replace(/\/+$/, "");
  return out.startsWith("/") ? out : `/${out}`;
}
function exactPath(p) {
  let out = p.replace(/\/{2,}/g, "/");
  if (out.length > 1) out = out.replace(/\/+$/, "");
  return out;
}
function routePaths(r) {
  const primary = [r.openapiPath];
  const variants = [...r.alternatePaths ?? []];
  for (const opt of r.optionalParams ?? []) {
    for (const p of [...primary, ...variants]) {
      const without = p.replace(new RegExp(`/?\\{${opt.replace(/[$]/g, "\\$")}\\}`), "");
      if (!variants.includes(without)) variants.push(without === "" ? "/" : without);
    }
  }
  return { primary, variants };
}
function matchRoutes(scan, docs) {
  const diagnostics = [];
  const used = /* @__PURE__ */ new Set();
  const docOf = /* @__PURE__ */ new Map();
  const abs = (f) => resolve(scan.root, f);
  const byLine = /* @__PURE__ */ new Map();
  for (const r of scan.routes) {
    const k = `${abs(r.file)}:${r.at.line}`;
    const list = byLine.get(k);
    if (list) list.push(r);
    else byLine.set(k, [r]);
  }
  for (const d of docs) {
    if (!d.routeAt) continue;
    let cands = byLine.get(`${abs(d.routeAt.file)}:${d.routeAt.line}`) ?? [];
    if (cands.length > 1) cands = cands.filter((r2) => r2.method === d.method || r2.method === "all");
    if (cands.length > 1 && d.routeAt.col) cands = cands.filter((r2) => r2.at.col === d.routeAt.col);
    const r = cands[0];
    if (!r) continue;
    if (docOf.has(r)) {
      diagnostics.push({ code: "ambiguous-match", severity: "warning", at: d.at, route: label(r), message: `two doc blocks for the route at ${r.file}:${r.at.line}; the first is used` });
      used.add(d);
      continue;
    }
    docOf.set(r, d);
    used.add(d);
  }
  const index = /* @__PURE__ */ new Map();
  for (const d of docs) {
    if (used.has(d)) continue;
    const k = `${d.method.toLowerCase()} ${normalizePath(d.path)}`;
    const list = index.get(k);
    if (list) {
      if (list.some((o) => exactPath(o.path) === exactPath(d.path))) {
        diagnostics.push({ code: "duplicate-operation", severity: "warning", at: d.at, route: `${d.method.toUpperCase()} ${d.path}`, message: `documented twice (also at ${list[0].at.file}:${list[0].at.line}); the first is used` });
        used.add(d);
        continue;
      }
      list.push(d);
    } else index.set(k, [d]);
  }
  const candidates = (r, paths, includeUsed) => {
    const methods = r.method === "all" ? METHOD_ORDER : [r.method];
    const out = [];
    for (const m of methods) for (const p of paths) {
      for (const d of index.get(`${m} ${normalizePath(p)}`) ?? []) if ((includeUsed || !used.has(d)) && !out.includes(d)) out.push(d);
    }
    return out;
  };
  const open = scan.routes.filter((r) => !docOf.has(r) && r.openapiPath !== null && !r.dynamic);
  for (const pass of ["primary", "variants"]) {
    for (const r of open) {
      if (docOf.has(r)) continue;
      const paths = routePaths(r)[pass];
      let cands = candidates(r, paths, false);
      if (cands.length === 0) continue;
      if (r.method === "all") {
        docOf.set(r, cands[0]);
        for (const d of cands) used.add(d);
        if (cands.length > 1) {
          diagnostics.push({ code: "all-route", severity: "info", at: r.at, route: label(r), message: `\`all\` route serves ${cands.map((d) => d.method.toUpperCase()).join(", ")}; the ${cands[0].method.toUpperCase()} operation becomes its spec` });
        }
        continue;
      }
      if (cands.length > 1) {
        const exact = cands.filter((d) => paths.some((p) => exactPath(p) === exactPath(d.path)));
        if (exact.length >= 1) cands = exact;
      }
      if (cands.length > 1) {
        diagnostics.push({ code: "ambiguous-match", severity: "warning", at: r.at, route: label(r), message: `matches ${cands.map((d) => `${d.method.toUpperCase()} ${d.path}`).join(" and ")}; the first is used` });
      }
      docOf.set(r, cands[0]);
      used.add(cands[0]);
    }
  }
  for (const r of open) {
    if (docOf.has(r) || r.method === "all") continue;
    const taken = candidates(r, routePaths(r).primary, true);
    if (taken.length) diagnostics.push({ code: "duplicate-route", severity: "warning", at: r.at, route: label(r), message: `an earlier route already has ${taken[0].method.toUpperCase()} ${taken[0].path}; this one stays undocumented` });
  }
  for (const d of docs) {
    if (used.has(d)) continue;
    const key = `${d.method.toLowerCase()} ${normalizePath(d.path)}`;
    const r = open.find((o) => docOf.has(o) && (o.method === d.method.toLowerCase() || o.method === "all") && routePaths(o).variants.some((p) => `${d.method.toLowerCase()} ${normalizePath(p)}` === key));
    if (!r) continue;
    used.add(d);
    diagnostics.push({ code: "also-served", severity: "info", at: d.at, route: `${d.method.toUpperCase()} ${d.path}`, message: `served by the route at ${r.file}:${r.at.line}, whose spec is ${docOf.get(r).method.toUpperCase()} ${docOf.get(r).path}` });
  }
  const matched = scan.routes.map((route) => {
    const doc = docOf.get(route);
    return doc ? { route, doc } : { route };
  });
  return { matched, unmatchedDocs: docs.filter((d) => !used.has(d)), diagnostics };
}
function label(r) {
  return `${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? "?"}`;
}
export {
  matchRoutes,
  normalizePath
};
