import { VISITOR_KEYS } from "@babel/types";
import { parseSource } from "../parse.js";
const ROUTE_METHODS = /* @__PURE__ */ new Set(["get", "post", "put", "patch", "delete", "head", "options", "all"]);
var K = /* @__PURE__ */ ((K2) => {
  K2[K2["Walk"] = 0] = "Walk";
  K2[K2["Skip"] = 1] = "Skip";
  K2[K2["Declarator"] = 2] = "Declarator";
  K2[K2["FunctionDecl"] = 3] = "FunctionDecl";
  K2[K2["Function"] = 4] = "Function";
  K2[K2["Class"] = 5] = "Class";
  K2[K2["Assignment"] = 6] = "Assignment";
  K2[K2["ExportNamed"] = 7] = "ExportNamed";
  K2[K2["ExportDefault"] = 8] = "ExportDefault";
  K2[K2["ExportAll"] = 9] = "ExportAll";
  K2[K2["Call"] = 10] = "Call";
  K2[K2["New"] = 11] = "New";
  K2[K2["ForOf"] = 12] = "ForOf";
  K2[K2["TsImportEquals"] = 13] = "TsImportEquals";
  K2[K2["TsExportAssign"] = 14] = "TsExportAssign";
  return K2;
})(K || {});
const KIND = new Map([
  // Nodes that never contain routes: types are skipped wholesale (which keeps TS files cheap), leaves early.
  ...[
    "TSTypeAnnotation",
    "TSInterfaceDeclaration",
    "TSTypeAliasDeclaration",
    "TSDeclareFunction",
    "TSTypeParameterInstantiation",
    "TSTypeParameterDeclaration",
    "TypeAnnotation",
    "TSEnumDeclaration",
    "TSModuleDeclaration",
    "ImportDeclaration",
    "Identifier",
    "StringLiteral",
    "NumericLiteral",
    "BooleanLiteral",
    "NullLiteral",
    "RegExpLiteral",
    "BigIntLiteral",
    "TemplateElement",
    "ThisExpression",
    "Super",
    "Directive",
    "DirectiveLiteral",
    "EmptyStatement",
    "PrivateName",
    "JSXText",
    "JSXIdentifier"
  ].map((t) => [t, 1 /* Skip */]),
  ["VariableDeclarator", 2 /* Declarator */],
  ["FunctionDeclaration", 3 /* FunctionDecl */],
  ["FunctionExpression", 4 /* Function */],
  ["ArrowFunctionExpression", 4 /* Function */],
  ["ObjectMethod", 4 /* Function */],
  ["ClassDeclaration", 5 /* Class */],
  ["ClassExpression", 5 /* Class */],
  ["AssignmentExpression", 6 /* Assignment */],
  ["ExportNamedDeclaration", 7 /* ExportNamed */],
  ["ExportDefaultDeclaration", 8 /* ExportDefault */],
  ["ExportAllDeclaration", 9 /* ExportAll */],
  ["CallExpression", 10 /* Call */],
  ["NewExpression", 11 /* New */],
  ["ForOfStatement", 12 /* ForOf */],
  ["TSImportEqualsDeclaration", 13 /* TsImportEquals */],
  ["TSExportAssignment", 14 /* TsExportAssign */]
]);
const NODE_INFO = new Map(
  Object.entries(VISITOR_KEYS).map(([type, keys]) => [type, { kind: KIND.get(type) ?? 0 /* Walk */, keys }])
);
const ROUTER_NAME = /(app|router|routes?|api|server)$/i;
const ROUTER_PACKAGE = /^(express-[\w-]*router|[\w@/-]*\/router)$/;
function looksLikeRouterName(text) {
  const last = text.split(".").pop() ?? text;
  return ROUTER_NAME.test(last);
}
function scanFile(code, file, ast) {
  const scan = {
    file,
    bindings: /* @__PURE__ */ new Map(),
    exports: /* @__PURE__ */ new Map(),
    starExports: [],
    classes: /* @__PURE__ */ new Map(),
    routers: [],
    routes: [],
    mounts: [],
    news: [],
    calls: [],
    diagnostics: []
  };
  if (!ast) {
    const parsed = parseSource(code, file);
    if ("diagnostic" in parsed) {
      scan.diagnostics.push(parsed.diagnostic);
      return scan;
    }
    ast = parsed.ast;
  }
  new FileWalker(code, scan).run(ast);
  return scan;
}
class FileWalker {
  constructor(code, scan) {
    this.code = code;
    this.scan = scan;
  }
  bindingDepth = /* @__PURE__ */ new Map();
  /** Local names that create an app (`express`) or a router (`Router`) when called. */
  appFactories = /* @__PURE__ */ new Set(["express", "createApp"]);
  routerFactories = /* @__PURE__ */ new Set(["Router", "createRouter"]);
  /** Local names bound to the express module itself (`import * as express`), for `express.Router()`. */
  expressModules = /* @__PURE__ */ new Set(["express"]);
  run(ast) {
    for (const stmt of ast.program.body) if (stmt.type === "ImportDeclaration") this.importDecl(stmt);
    this.walk(ast.program, { depth: 0 });
  }
  loc(node) {
    const s = node.loc.start;
    return { file: this.scan.file, line: s.line, col: s.column + 1 };
  }
  text(node) {
    return this.code.slice(node.start, node.end);
  }
  // ---- walking -----------------------------------------------------------------------------------
  walk(node, ctx) {
    if (!node) return;
    const info = NODE_INFO.get(node.type);
    if (!info) return;
    const kind = info.kind;
    if (kind !== 0 /* Walk */) {
      switch (kind) {
        case 1 /* Skip */:
          return;
        case 2 /* Declarator */:
          this.declarator(node, ctx);
          return;
        case 3 /* FunctionDecl */: {
          const fn = node;
          if (fn.id) this.bind(fn.id.name, this.fnVal(fn, ctx), fn.id, ctx);
          this.walk(fn.body, this.enterFunction(fn, ctx));
          return;
        }
        case 4 /* Function */: {
          const fn = node;
          this.walk(fn.body, this.enterFunction(fn, ctx));
          return;
        }
        case 5 /* Class */: {
          const c = node;
          this.classNode(c, c.id?.name ?? "default", ctx);
          return;
        }
        case 6 /* Assignment */:
          this.assignment(node, ctx);
          return;
        case 7 /* ExportNamed */:
          this.exportNamed(node, ctx);
          return;
        case 8 /* ExportDefault */:
          this.exportDefault(node, ctx);
          return;
        case 9 /* ExportAll */:
          this.scan.starExports.push(node.source.value);
          return;
        case 10 /* Call */: {
          const call = node;
          if (this.call(call, ctx)) return;
          this.noteCall(call, ctx);
          break;
        }
        case 11 /* New */: {
          const n = node;
          this.scan.news.push({ cls: this.val(n.callee, ctx), args: n.arguments.map((a) => this.val(a, ctx)) });
          break;
        }
        case 13 /* TsImportEquals */: {
          const d = node;
          if (d.moduleReference.type === "TSExternalModuleReference") {
            const source = d.moduleReference.expression.value;
            this.noteExpressName(d.id.name, source, "default");
            this.bind(d.id.name, { k: "import", source, name: "*" }, d.id, ctx);
          }
          return;
        }
        case 14 /* TsExportAssign */:
          this.scan.exports.set("default", this.val(node.expression, ctx));
          break;
        case 12 /* ForOf */: {
          const f = node;
          if (f.left.type === "VariableDeclaration" && f.left.declarations[0]?.id.type === "Identifier") {
            this.walk(f.right, ctx);
            this.walk(f.body, { ...ctx, loop: { name: f.left.declarations[0].id.name, coll: this.val(f.right, ctx) } });
            return;
          }
          break;
        }
      }
    }
    const keys = info.keys;
    for (let i = 0; i < keys.length; i++) {
      const child = node[keys[i]];
      if (Array.isArray(child)) for (let j = 0; j < child.length; j++) this.walk(child[j], ctx);
      else if (child && typeof child === "object") this.walk(child, ctx);
    }
  }
  // ---- bindings, imports, exports -----------------------------------------------------------------
  importDecl(node) {
    const source = node.source.value;
    for (const s of node.specifiers) {
      const name = s.type === "ImportDefaultSpecifier" ? "default" : s.type === "ImportNamespaceSpecifier" ? "*" : s.imported.type === "Identifier" ? s.imported.name : s.imported.value;
      this.noteExpressName(s.local.name, source, name);
      this.bind(s.local.name, { k: "import", source, name }, s.local, { depth: 0 });
    }
  }
  noteExpressName(local, source, name) {
    if (source === "express") {
      if (name === "default" || name === "*") {
        this.appFactories.add(local);
        this.expressModules.add(local);
      } else if (name === "Router") this.routerFactories.add(local);
    } else if (source === "migrate-api/compat") {
      if (name === "createApp") this.appFactories.add(local);
      if (name === "createRouter") this.routerFactories.add(local);
    } else if (ROUTER_PACKAGE.test(source) && (name === "default" || name === "*")) {
      this.routerFactories.add(local);
    }
  }
  bind(name, val, idNode, ctx) {
    const prev = this.bindingDepth.get(name);
    if (prev !== void 0 && prev < ctx.depth) return;
    if (val.k === "create") val = this.newRouter(name, name, val, idNode);
    this.bindingDepth.set(name, ctx.depth);
    this.scan.bindings.set(name, val);
  }
  newRouter(key, name, create, at) {
    let k = key;
    for (let n = 2; this.scan.routers.some((r) => r.key === k); n++) k = `${key}#${n}`;
    this.scan.routers.push({ file: this.scan.file, at: this.loc(at), name, kind: create.kind, created: create.created, key: k });
    return { k: "router", key: k };
  }
  declarator(node, ctx) {
    const init = node.init;
    if (node.id.type === "Identifier") {
      if (init && init.type === "ClassExpression") {
        this.classNode(init, node.id.name, ctx);
        this.bind(node.id.name, { k: "class", name: node.id.name }, node.id, ctx);
        return;
      }
      if (init) {
        const v = this.val(init, ctx);
        if (v.k === "import" && v.name === "*") this.noteExpressName(node.id.name, v.source, "default");
        this.bind(node.id.name, v, node.id, ctx);
      }
    } else if (node.id.type === "ObjectPattern" && init) {
      const base = this.val(init, ctx);
      for (const p of node.id.properties) {
        if (p.type !== "ObjectProperty" || p.value.type !== "Identifier") continue;
        const key = p.key.type === "Identifier" ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : null;
        if (!key) continue;
        if (base.k === "import" && base.name === "*") {
          this.noteExpressName(p.value.name, base.source, key);
          this.bind(p.value.name, { k: "import", source: base.source, name: key }, p.value, ctx);
        } else this.bind(p.value.name, { k: "member", obj: base, prop: key }, p.value, ctx);
      }
    }
    this.walk(init, ctx);
    if (node.id.type === "Identifier" && init?.type === "AssignmentExpression" && init.left.type === "MemberExpression") {
      const prop = propName(init.left);
      const named = { k: "local", name: node.id.name };
      if (isModuleExports(init.left)) this.scan.exports.set("default", named);
      else if (prop && (isModuleExports(init.left.object) || init.left.object.type === "Identifier" && init.left.object.name === "exports")) {
        this.scan.exports.set(prop, named);
      }
    }
  }
  assignment(node, ctx) {
    const left = node.left;
    if (node.operator === "=") {
      if (left.type === "Identifier") this.bind(left.name, this.val(node.right, ctx), left, ctx);
      else if (left.type === "MemberExpression") {
        const prop = propName(left);
        if (prop) {
          if (left.object.type === "ThisExpression" && ctx.cls) this.field(ctx.cls, prop, this.val(node.right, ctx), left);
          else if (isModuleExports(left)) this.scan.exports.set("default", this.assignedVal(node.right, ctx));
          else if (isModuleExports(left.object) || left.object.type === "Identifier" && left.object.name === "exports") {
            this.scan.exports.set(prop, this.assignedVal(node.right, ctx));
          }
        }
      }
    }
    this.walk(node.right, ctx);
  }
  /** `module.exports = router = express.Router()`: the value is the name it was also given. */
  assignedVal(right, ctx) {
    return right.type === "AssignmentExpression" && right.left.type === "Identifier" ? { k: "local", name: right.left.name } : this.val(right, ctx);
  }
  exportNamed(node, ctx) {
    const d = node.declaration;
    if (d) {
      this.walk(d, ctx);
      if (d.type === "VariableDeclaration") {
        for (const decl of d.declarations) if (decl.id.type === "Identifier") this.scan.exports.set(decl.id.name, { k: "local", name: decl.id.name });
      } else if ((d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id) {
        this.scan.exports.set(d.id.name, { k: "local", name: d.id.name });
      }
    }
    const source = node.source?.value;
    for (const s of node.specifiers) {
      const exported = s.exported.type === "Identifier" ? s.exported.name : s.exported.value;
      if (s.type === "ExportSpecifier") {
        this.scan.exports.set(exported, source ? { k: "import", source, name: s.local.name } : { k: "local", name: s.local.name });
      } else if (s.type === "ExportNamespaceSpecifier" && source) {
        this.scan.exports.set(exported, { k: "import", source, name: "*" });
      } else if (s.type === "ExportDefaultSpecifier" && source) {
        this.scan.exports.set(exported, { k: "import", source, name: "default" });
      }
    }
  }
  exportDefault(node, ctx) {
    const d = node.declaration;
    if (d.type === "ClassDeclaration") {
      const name = d.id?.name ?? "default";
      this.classNode(d, name, ctx);
      this.scan.exports.set("default", { k: "class", name });
      return;
    }
    if (d.type === "FunctionDeclaration") {
      this.walk(d, ctx);
      this.scan.exports.set("default", d.id ? { k: "local", name: d.id.name } : this.fnVal(d, ctx));
      return;
    }
    if (d.type === "TSDeclareFunction") return;
    this.scan.exports.set("default", this.val(d, ctx));
    this.walk(d, ctx);
  }
  // ---- classes ------------------------------------------------------------------------------------
  classNode(node, name, ctx) {
    const info = { name, at: this.loc(node.id ?? node), fields: {}, members: {} };
    this.scan.classes.set(name, info);
    if (node.type === "ClassDeclaration" && node.id) this.bind(node.id.name, { k: "class", name }, node.id, ctx);
    const inner = { cls: name, depth: ctx.depth + 1 };
    for (const m of node.body.body) {
      if (m.type === "ClassProperty" && !m.static && m.key.type === "Identifier") {
        if (m.value) {
          if (m.value.type === "ArrowFunctionExpression" || m.value.type === "FunctionExpression") info.members[m.key.name] = this.loc(m.key);
          this.field(name, m.key.name, this.val(m.value, inner), m.key);
        }
        this.walk(m.value, inner);
      } else if (m.type === "ClassMethod" && m.key.type === "Identifier") {
        if (m.kind === "method") info.members[m.key.name] = this.loc(m.key);
        if (m.kind === "constructor") this.parameterProperties(m, info);
        this.walk(m.body, this.enterFunction(m, inner));
      }
    }
  }
  /** `constructor(private users: UsersService)`: the field is an instance of its declared type, which is how
   *  dependency-injected controllers (`this.users.list`) are found. */
  parameterProperties(m, info) {
    for (const p of m.params) {
      if (p.type !== "TSParameterProperty" || p.parameter.type !== "Identifier") continue;
      const ann = p.parameter.typeAnnotation;
      if (ann?.type === "TSTypeAnnotation" && ann.typeAnnotation.type === "TSTypeReference" && ann.typeAnnotation.typeName.type === "Identifier") {
        info.fields[p.parameter.name] = { k: "new", cls: { k: "local", name: ann.typeAnnotation.typeName.name } };
      }
    }
  }
  field(cls, name, val, at) {
    const info = this.scan.classes.get(cls);
    if (!info) return;
    if (val.k === "create") val = this.newRouter(`${cls}#${name}`, `this.${name}`, val, at);
    if (!(name in info.fields) || info.fields[name].k === "unknown") info.fields[name] = val;
  }
  // ---- calls: routes, mounts, loops ---------------------------------------------------------------
  /** Returns true when it walked the node's children itself. */
  call(node, ctx) {
    const callee = node.callee;
    if (callee.type !== "MemberExpression") return false;
    const prop = propName(callee);
    if (prop && ROUTE_METHODS.has(prop)) this.route(node, callee, prop, ctx);
    else if (prop === "del") this.route(node, callee, "delete", ctx);
    else if (prop === "use") this.mount(node, callee, ctx);
    else if ((prop === "forEach" || prop === "map") && node.arguments.length >= 1) {
      const fn = node.arguments[0];
      if ((fn.type === "ArrowFunctionExpression" || fn.type === "FunctionExpression") && fn.params[0]?.type === "Identifier") {
        this.walk(callee.object, ctx);
        const coll = this.val(callee.object, ctx);
        this.walk(fn.body, { ...this.enterFunction(fn, ctx), loop: { name: fn.params[0].name, coll } });
        return true;
      }
    } else if (!prop && callee.computed && node.arguments.length >= 2 && looksLikeRouterName(this.text(callee.object)) && isPathLike(node.arguments[0])) {
      this.scan.diagnostics.push({
        code: "dynamic-route",
        severity: "warning",
        at: this.loc(callee.object),
        message: `route method is computed (\`${this.text(callee)}\`); not migrated`
      });
    }
    return false;
  }
  route(node, callee, method, ctx) {
    const args = node.arguments;
    let obj = callee.object;
    let routeCall;
    let chained = false;
    while (obj.type === "CallExpression" && obj.callee.type === "MemberExpression") {
      const p = propName(obj.callee);
      if (p === "route" && obj.arguments.length === 1) {
        routeCall = obj;
        break;
      }
      if (!p || !ROUTE_METHODS.has(p)) break;
      chained = true;
      obj = obj.callee.object;
    }
    let pathNode;
    let receiverNode;
    let rest;
    if (routeCall) {
      if (args.length < 1) return;
      pathNode = routeCall.arguments[0];
      receiverNode = routeCall.callee.object;
      rest = args;
    } else {
      if (args.length < 2 || !isPathLike(args[0])) return;
      pathNode = args[0];
      receiverNode = obj;
      rest = args.slice(1);
    }
    const firstInChain = routeCall ? callee.object === routeCall : !chained;
    const at = this.loc(firstInChain ? receiverNode : callee.property);
    const handlerNode = rest[rest.length - 1];
    let pathDynamic;
    let path;
    if (pathNode.type === "RegExpLiteral") {
      pathDynamic = `regex path ${this.text(pathNode)}`;
      path = { k: "unknown", text: this.text(pathNode) };
    } else if (pathNode.type === "ArrayExpression") {
      pathDynamic = `several paths ${this.text(pathNode)}`;
      path = { k: "unknown", text: this.text(pathNode) };
    } else path = this.val(pathNode, ctx);
    this.scan.routes.push({
      at,
      method,
      path,
      pathText: this.text(pathNode),
      pathDynamic,
      receiver: this.val(receiverNode, ctx),
      receiverText: this.text(receiverNode),
      handler: this.handler(handlerNode),
      handlerRef: this.handlerRef(handlerNode, ctx),
      middleware: rest.slice(0, -1).map((m) => this.text(m))
    });
  }
  handler(node) {
    const kind = node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression" ? "function" : node.type === "Identifier" ? "identifier" : node.type === "MemberExpression" ? "member" : node.type === "CallExpression" ? "call" : "other";
    const text = kind === "function" ? `${this.code.slice(node.start, node.body.start)}${node.body.type === "BlockStatement" ? "{\u2026}" : "\u2026"}` : this.text(node);
    return { kind, text };
  }
  handlerRef(node, ctx) {
    if (node.type === "Identifier" || node.type === "MemberExpression") return this.val(node, ctx);
    if (node.type === "CallExpression" && node.arguments.length === 1) {
      const a = node.arguments[0];
      if (a.type === "Identifier" || a.type === "MemberExpression") return this.val(a, ctx);
    }
    return void 0;
  }
  mount(node, callee, ctx) {
    const args = node.arguments;
    if (args.length === 0) return;
    const first = args[0];
    let prefix = null;
    let prefixUncertain = false;
    let children = args;
    if (first.type === "StringLiteral" || first.type === "TemplateLiteral" || first.type === "BinaryExpression" || first.type === "RegExpLiteral" || first.type === "ArrayExpression" && first.elements.every((e) => e?.type === "StringLiteral")) {
      prefix = first.type === "RegExpLiteral" ? { k: "unknown", text: this.text(first) } : this.val(first, ctx);
      children = args.slice(1);
    } else if (args.length >= 2 && (first.type === "Identifier" || first.type === "MemberExpression" || first.type === "CallExpression")) {
      prefix = this.val(first, ctx);
      prefixUncertain = true;
      children = args.slice(1);
    }
    const parent = this.val(callee.object, ctx);
    const parentText = this.text(callee.object);
    const at = this.loc(callee.object);
    const flat = children.flatMap((c) => c.type === "ArrayExpression" ? c.elements.filter((e) => !!e && e.type !== "SpreadElement") : [c]);
    for (const c of flat) {
      if (c.type === "ArrowFunctionExpression" || c.type === "FunctionExpression") continue;
      this.scan.mounts.push({ at, parent, parentText, prefix, prefixUncertain: prefixUncertain || void 0, child: this.val(c, ctx), childText: this.text(c) });
    }
    if (prefixUncertain) {
      this.scan.mounts.push({ at, parent, parentText, prefix: null, child: prefix, childText: this.text(first), prefixUncertain: true });
    }
  }
  // ---- values -------------------------------------------------------------------------------------
  fnAt(node) {
    return this.loc(node.type === "ClassMethod" || node.type === "ObjectMethod" ? node.key : "id" in node && node.id || node);
  }
  enterFunction(node, ctx) {
    const inner = { ...ctx, depth: ctx.depth + 1 };
    if (node.params.length === 0 && !ctx.params) return inner;
    const params = new Map(ctx.params);
    const at = this.fnAt(node);
    const fn = `${at.line}:${at.col}`;
    node.params.forEach((p, index) => {
      const id = p.type === "Identifier" ? p : p.type === "AssignmentPattern" && p.left.type === "Identifier" ? p.left : void 0;
      if (id) params.set(id.name, { k: "param", fn, index, name: id.name });
    });
    inner.params = params;
    return inner;
  }
  /** Only calls that hand over a plain name or `this.x`, since only those can pass a router along. */
  noteCall(node, ctx) {
    const c = node.callee;
    if (node.arguments.length === 0 || node.arguments.length > 4) return;
    if (c.type !== "Identifier" && c.type !== "CallExpression" && c.type !== "MemberExpression") return;
    if (!node.arguments.some((a) => a.type === "Identifier" || a.type === "MemberExpression" && a.object.type === "ThisExpression")) return;
    if (c.type === "MemberExpression" && c.object.type === "Identifier" && (c.object.name === "res" || c.object.name === "req" || c.object.name === "console")) return;
    this.scan.calls.push({ callee: this.val(c, ctx), args: node.arguments.map((a) => a.type === "SpreadElement" ? { k: "unknown", text: "..." } : this.val(a, ctx)) });
  }
  fnVal(node, ctx) {
    let returns;
    if (node.body.type === "BlockStatement") {
      for (const s of node.body.body) if (s.type === "ReturnStatement" && s.argument) {
        returns = this.val(s.argument, ctx);
        break;
      }
    } else returns = this.val(node.body, ctx);
    return { k: "fn", at: this.fnAt(node), returns };
  }
  factory(callee) {
    if (callee.type === "Identifier") {
      if (this.appFactories.has(callee.name)) return { k: "create", kind: "app", created: `${callee.name}()` };
      if (this.routerFactories.has(callee.name)) return { k: "create", kind: "router", created: `${callee.name}()` };
    } else if (isRequireOf(callee, "express")) {
      return { k: "create", kind: "app", created: `${this.text(callee)}()` };
    } else if (callee.type === "CallExpression" && isRequireOf(callee, ROUTER_PACKAGE)) {
      return { k: "create", kind: "router", created: `${this.text(callee)}()` };
    } else if (callee.type === "MemberExpression" && propName(callee) === "Router") {
      const o = callee.object;
      if (o.type === "Identifier" && this.expressModules.has(o.name) || isRequireOf(o, "express")) {
        return { k: "create", kind: "router", created: `${this.text(callee)}()` };
      }
    }
    return void 0;
  }
  val(node, ctx) {
    switch (node.type) {
      case "StringLiteral":
        return { k: "str", value: node.value };
      case "TemplateLiteral":
        return { k: "tpl", quasis: node.quasis.map((q) => q.value.cooked ?? q.value.raw), exprs: node.expressions.map((e) => this.val(e, ctx)) };
      case "BinaryExpression": {
        if (node.operator !== "+" || node.left.type === "PrivateName") break;
        return concat(this.val(node.left, ctx), this.val(node.right, ctx));
      }
      case "Identifier":
        if (ctx.loop && node.name === ctx.loop.name) return { k: "loopvar", coll: ctx.loop.coll };
        return ctx.params?.get(node.name) ?? { k: "local", name: node.name };
      case "MemberExpression": {
        const prop = propName(node);
        if (!prop) break;
        if (node.object.type === "ThisExpression") return ctx.cls ? { k: "this", cls: ctx.cls, name: prop } : { k: "unknown", text: this.text(node) };
        return { k: "member", obj: this.val(node.object, ctx), prop };
      }
      case "CallExpression": {
        const c = node.callee;
        if (c.type === "Identifier" && c.name === "require" && node.arguments[0]?.type === "StringLiteral") {
          return { k: "import", source: node.arguments[0].value, name: "*" };
        }
        const f = this.factory(c);
        if (f) return f;
        if (c.type === "Identifier" && c.name === "typed" && node.arguments[0]) {
          const inner = this.val(node.arguments[0], ctx);
          return inner.k === "create" ? { ...inner, created: "typed(...)" } : inner;
        }
        return { k: "call", callee: this.val(c, ctx), args: node.arguments.map((a) => this.val(a, ctx)) };
      }
      case "NewExpression": {
        const f = this.factory(node.callee);
        if (f) return { ...f, created: `new ${f.created}` };
        return { k: "new", cls: this.val(node.callee, ctx) };
      }
      case "ArrowFunctionExpression":
      case "FunctionExpression":
        return this.fnVal(node, ctx);
      case "ObjectExpression": {
        const props = {};
        for (const p of node.properties) {
          if (p.type === "SpreadElement") continue;
          const key = p.key.type === "Identifier" && !p.computed ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : null;
          if (!key) continue;
          props[key] = p.type === "ObjectMethod" ? this.fnVal(p, ctx) : this.val(p.value, ctx);
        }
        return { k: "object", props };
      }
      case "ArrayExpression":
        return { k: "array", items: node.elements.filter((e) => !!e && e.type !== "SpreadElement").map((e) => this.val(e, ctx)) };
      case "AssignmentExpression":
        return this.val(node.right, ctx);
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TypeCastExpression":
      case "ParenthesizedExpression":
      case "TSTypeAssertion":
        return this.val(node.expression, ctx);
      case "ClassExpression":
        if (node.id) return { k: "class", name: node.id.name };
        break;
    }
    return { k: "unknown", text: this.text(node) };
  }
}
function concat(a, b) {
  const parts = (v) => v.k === "str" ? { quasis: [v.value], exprs: [] } : v.k === "tpl" ? { quasis: v.quasis, exprs: v.exprs } : { quasis: ["", ""], exprs: [v] };
  const l = parts(a);
  const r = parts(b);
  const quasis = [...l.quasis.slice(0, -1), l.quasis[l.quasis.length - 1] + r.quasis[0], ...r.quasis.slice(1)];
  return { k: "tpl", quasis, exprs: [...l.exprs, ...r.exprs] };
}
function propName(m) {
  if (!m.computed && m.property.type === "Identifier") return m.property.name;
  if (m.computed && m.property.type === "StringLiteral") return m.property.value;
  return void 0;
}
function isModuleExports(n) {
  return n.type === "MemberExpression" && n.object.type === "Identifier" && n.object.name === "module" && propName(n) === "exports";
}
function isRequireOf(n, source) {
  return n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === "require" && n.arguments[0]?.type === "StringLiteral" && (typeof source === "string" ? n.arguments[0].value === source : source.test(n.arguments[0].value));
}
function isPathLike(n) {
  return n.type === "StringLiteral" || n.type === "TemplateLiteral" || n.type === "RegExpLiteral" || n.type === "ArrayExpression" || n.type === "BinaryExpression" || n.type === "Identifier" || n.type === "MemberExpression";
}
export {
  ROUTE_METHODS,
  looksLikeRouterName,
  scanFile
};
