import { readFileSync, statSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { parseSource } from "../parse.js";
import { scanFile, looksLikeRouterName } from "./file-scan.js";
import { listSourceFiles } from "./files.js";
import { joinPaths, toOpenApiPath } from "./paths.js";
import { Resolver } from "./resolve.js";
import { findLoopColl, hasLoopVar, substLoopVar } from "./values.js";
function scanProject(root, opts = {}) {
  const given = resolvePath(root);
  const absRoot = isFile(given) ? dirname(given) : given;
  const time = { list: 0, read: 0, parse: 0, walk: 0, link: 0 };
  let t = performance.now();
  const lap = (phase) => {
    const now = performance.now();
    time[phase] += now - t;
    t = now;
  };
  const files = opts.files ? opts.files.map((f) => resolvePath(absRoot, f)) : listSourceFiles(given);
  lap("list");
  const scans = /* @__PURE__ */ new Map();
  const diagnostics = [];
  for (const file of files) {
    let code;
    try {
      code = readFileSync(file, "utf8");
      lap("read");
    } catch (err) {
      diagnostics.push({ code: "read-error", severity: "error", message: err.message, at: { file, line: 1 } });
      continue;
    }
    const parsed = parseSource(code, file);
    lap("parse");
    if ("diagnostic" in parsed) {
      diagnostics.push(parsed.diagnostic);
      continue;
    }
    const scan = scanFile(code, file, parsed.ast);
    lap("walk");
    scans.set(file, scan);
    diagnostics.push(...scan.diagnostics);
    opts.onFile?.(file, code, parsed.ast);
    opts.parsed?.set(file, parsed.ast);
  }
  t = performance.now();
  const result = linkProject(absRoot, files, scans, diagnostics);
  lap("link");
  if (opts.timings) Object.assign(opts.timings, time);
  return result;
}
function linkProject(root, files, scans, diagnostics) {
  return new ProjectLinker(resolvePath(root), files, scans, [...diagnostics]).link();
}
class ProjectLinker {
  constructor(root, files, scans, diagnostics) {
    this.root = root;
    this.files = files;
    this.scans = scans;
    this.diagnostics = diagnostics;
    this.resolver = new Resolver(scans);
  }
  resolver;
  routerRecords = /* @__PURE__ */ new Map();
  /** Mount edges by child node. */
  incoming = /* @__PURE__ */ new Map();
  mounts = [];
  pseudo = /* @__PURE__ */ new Set();
  prefixCache = /* @__PURE__ */ new Map();
  link() {
    const routers = [];
    for (const s of this.scans.values()) {
      for (const { key, ...r } of s.routers) {
        this.routerRecords.set(nodeId(s.file, key), r);
        routers.push(r);
      }
    }
    for (const s of this.scans.values()) for (const c of s.calls) this.passRouter(s, c);
    for (const s of this.scans.values()) for (const m of s.mounts) this.mount(s, m);
    const routes = [];
    for (const s of this.scans.values()) for (const r of s.routes) {
      const rec = this.route(s, r);
      if (rec) routes.push(rec);
    }
    routes.sort((a, b) => cmpLoc(a.at, b.at));
    const diagnostics = this.diagnostics.map((d, i) => ({ d, i })).sort((a, b) => cmpLoc(a.d.at, b.d.at) || a.i - b.i).map((x) => x.d);
    return { root: this.root, files: this.files, routers, mounts: this.mounts, routes, diagnostics };
  }
  /** The mount-graph node a receiver value stands for: a router created somewhere, or — for an unresolved
   *  name that reads like one (`app` as a function parameter) — a node of its own, assumed mounted at `/`. */
  node(file, v, text, at) {
    const r = this.resolver.asValue(this.resolver.resolve(file, v));
    if (r.k === "router") return nodeId(r.file, r.key);
    if (r.k === "param" && this.incoming.has(paramId(r))) return paramId(r);
    if ((r.k === "unknown" || r.k === "param" || r.k === "external" && !HTTP_CLIENTS.test(r.source)) && looksLikeRouterName(text)) {
      const id = nodeId(file, `?${text}`);
      if (!this.pseudo.has(id)) {
        this.pseudo.add(id);
        this.diagnostics.push({
          code: "unresolved-router",
          severity: "info",
          at,
          message: `\`${text}\` is not created in this file (${r.k === "unknown" ? r.why : r.k === "param" ? "a parameter no call passes a router to" : `from ${r.source}`}); its routes are assumed mounted at /`
        });
      }
      return id;
    }
    return void 0;
  }
  /** `setup(app)` / `require('./routes')(app)`: the function's parameter is that router, mounted at its root. */
  passRouter(s, c) {
    let callee;
    c.args.forEach((a, index) => {
      if (a.k !== "local" && a.k !== "this" && a.k !== "param") return;
      const r = this.resolver.asValue(this.resolver.resolve(s.file, a));
      const from = r.k === "router" ? nodeId(r.file, r.key) : r.k === "param" ? paramId(r) : void 0;
      if (!from) return;
      callee ??= this.resolver.asValue(this.resolver.resolve(s.file, c.callee));
      if (callee.k !== "fn") return;
      const to = paramId({ file: callee.file, fn: `${callee.at.line}:${callee.at.col}`, index });
      this.addEdge({ parent: from, child: to, prefix: "" });
    });
  }
  addEdge(e) {
    const list = this.incoming.get(e.child);
    if (list) list.push(e);
    else this.incoming.set(e.child, [e]);
  }
  mount(s, m) {
    const parent = this.node(s.file, m.parent, m.parentText, m.at);
    if (!parent) return;
    if (!hasLoopVar(m.child)) {
      this.edge(s.file, m, parent, m.child, m.prefix);
      return;
    }
    const items = this.loopItems(s, m);
    if (!items) {
      this.diagnostics.push({
        code: "dynamic-route",
        severity: "warning",
        at: m.at,
        message: `\`${m.parentText}.use(...)\` mounts \`${m.childText}\` in a loop over a collection that cannot be resolved statically; routes under it keep their own paths unprefixed`
      });
      return;
    }
    for (const item of items) {
      const splice = { k: "resolved", r: item };
      this.edge(s.file, m, parent, substLoopVar(m.child, splice), m.prefix && substLoopVar(m.prefix, splice));
    }
  }
  /** Elements of the collection a mount loop iterates: a literal array, or — inside an app class that mounts
   *  whatever it is given (`routes.forEach(r => this.app.use('/', r.router))`) — the arrays passed to
   *  `new ThatClass([...])` anywhere in the tree. */
  loopItems(s, m) {
    const coll = findLoopColl(m.child);
    const direct = this.resolver.resolve(s.file, coll);
    if (direct.k === "array") return direct.items.map((i) => this.resolver.resolve(direct.file, i));
    const cls = m.parent.k === "this" ? m.parent.cls : void 0;
    if (!cls) return void 0;
    const items = [];
    for (const other of this.scans.values()) {
      for (const n of other.news) {
        const c = this.resolver.resolve(other.file, n.cls);
        if (c.k !== "class" || c.file !== s.file || c.name !== cls) continue;
        for (const a of n.args) {
          const arr = this.resolver.resolve(other.file, a);
          if (arr.k === "array") for (const i of arr.items) items.push(this.resolver.resolve(arr.file, i));
        }
      }
    }
    return items.length ? items : void 0;
  }
  edge(file, m, parent, childVal, prefixVal) {
    const child = this.resolver.asValue(this.resolver.resolve(file, childVal));
    if (child.k !== "router") {
      if (child.k === "unknown" && child.why.startsWith("module not found")) {
        this.diagnostics.push({ code: "unresolved-import", severity: "warning", at: m.at, message: `\`${m.childText}\`: ${child.why}` });
        const parentRec2 = this.routerRecords.get(parent);
        const prefix = prefixVal ? this.resolver.resolveString(file, prefixVal) : { value: "" };
        this.mounts.push({
          file,
          at: m.at,
          parent: { file: parentRec2?.file ?? file, name: parentRec2?.name ?? m.parentText },
          prefix: "value" in prefix ? prefix.value : null,
          child: null
        });
      }
      return;
    }
    let prefixes = [""];
    if (prefixVal) {
      const r = this.resolver.resolve(file, prefixVal);
      if (r.k === "str") prefixes = [r.value];
      else if (r.k === "array") {
        prefixes = r.items.map((i) => {
          const p = this.resolver.resolve(r.file, i);
          return p.k === "str" ? p.value : null;
        });
      } else if (m.prefixUncertain) prefixes = [""];
      else prefixes = [null];
    }
    const childId = nodeId(child.file, child.key);
    const childRec = this.routerRecords.get(childId);
    const parentRec = this.routerRecords.get(parent);
    for (const prefix of prefixes) {
      this.addEdge({ parent, child: childId, prefix });
      this.mounts.push({
        file,
        at: m.at,
        parent: { file: parentRec?.file ?? file, name: parentRec?.name ?? m.parentText },
        prefix,
        child: { file: child.file, name: childRec?.name ?? m.childText }
      });
    }
    this.prefixCache.clear();
  }
  /** Every full prefix a router is reachable under; null entries are prefixes computed at run time. */
  prefixes(node, visiting = /* @__PURE__ */ new Set()) {
    const hit = this.prefixCache.get(node);
    if (hit) return hit;
    const incoming = (this.incoming.get(node) ?? []).filter((e) => !visiting.has(e.parent));
    let out;
    if (incoming.length === 0) out = [""];
    else {
      visiting.add(node);
      out = [];
      for (const e of incoming) {
        for (const p of this.prefixes(e.parent, visiting)) {
          const full = p === null || e.prefix === null ? null : joinPaths(p, e.prefix);
          if (!out.includes(full)) out.push(full);
        }
      }
      visiting.delete(node);
    }
    if (visiting.size === 0) this.prefixCache.set(node, out);
    return out;
  }
  route(s, r) {
    const node = this.node(s.file, r.receiver, r.receiverText, r.at);
    if (!node) return void 0;
    let dynamic = r.pathDynamic;
    let path = null;
    if (!dynamic) {
      const p = this.resolver.resolveString(s.file, r.path);
      if ("value" in p) path = p.value;
      else dynamic = `computed path ${r.pathText} (${p.why})`;
    } else path = r.pathText;
    const prefixes = this.prefixes(node);
    const full = prefixes.map((p) => p === null || dynamic ? null : joinPaths(p, path));
    if (!dynamic && full[0] === null) dynamic = "a mount prefix is computed at run time";
    const oa = full[0] !== null ? toOpenApiPath(full[0]) : void 0;
    if (oa && oa.path === null) dynamic = oa.dynamic;
    const handler = { ...r.handler };
    if (r.handlerRef) {
      const h = this.resolver.resolve(s.file, r.handlerRef);
      if (h.k === "fn") handler.definedAt = h.at;
    }
    const rec = {
      file: s.file,
      at: r.at,
      method: r.method,
      path,
      fullPath: full[0],
      openapiPath: oa?.path ?? null,
      receiver: r.receiverText,
      handler,
      middleware: r.middleware
    };
    if (dynamic) {
      rec.dynamic = dynamic;
      this.diagnostics.push({ code: "dynamic-route", severity: "warning", at: r.at, route: `${r.method.toUpperCase()} ${full[0] ?? path ?? r.pathText}`, message: `${dynamic}; reported, not migrated` });
    }
    if (oa?.optional.length) rec.optionalParams = oa.optional;
    if (full.length > 1 && !dynamic) {
      const alt = full.slice(1).map((f) => f === null ? null : toOpenApiPath(f).path).filter((p) => p !== null);
      if (alt.length) rec.alternatePaths = alt;
      this.noteMultipleMounts(node, full);
    }
    return rec;
  }
  noted = /* @__PURE__ */ new Set();
  noteMultipleMounts(node, full) {
    if (this.noted.has(node)) return;
    this.noted.add(node);
    const rec = this.routerRecords.get(node);
    const prefixes = this.prefixes(node).map((p) => p ?? "<computed>").join(", ");
    this.diagnostics.push({
      code: "multiple-mounts",
      severity: "info",
      at: rec?.at ?? locOfNode(node),
      message: `router \`${rec?.name ?? node.split("\0")[1]}\` is mounted ${full.length} times (${prefixes}); routes are recorded under the first, the others are alternatePaths`
    });
  }
}
const HTTP_CLIENTS = /^(axios|got|superagent|supertest|node-fetch|ky|undici|request|needle|ofetch|cross-fetch)(\/|$)/;
function nodeId(file, key) {
  return `${file}\0${key}`;
}
function paramId(p) {
  return `${p.file}\0(param ${p.index} of the function at ${p.fn})`;
}
function locOfNode(node) {
  return { file: node.split("\0")[0], line: 1 };
}
function cmpLoc(a, b) {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || (a.col ?? 0) - (b.col ?? 0);
}
function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
export {
  linkProject,
  scanProject
};
