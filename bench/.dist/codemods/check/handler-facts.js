const LOCATION_OF = { params: "params", query: "query", body: "body", headers: "header" };
function* children(node) {
  for (const key of Object.keys(node)) {
    if (key === "loc" || key === "leadingComments" || key === "trailingComments" || key === "innerComments" || key === "extra") continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === "object" && typeof v.type === "string") yield v;
    } else if (value && typeof value === "object" && typeof value.type === "string") {
      yield value;
    }
  }
}
function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}
function propName(node) {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.property.type === "StringLiteral") return node.property.value;
  return null;
}
function isIdent(node, name) {
  return !!name && node?.type === "Identifier" && node.name === name;
}
function paramName(p) {
  return p?.type === "Identifier" ? p.name : void 0;
}
const line = (n) => n.loc?.start.line ?? 0;
const fieldRead = (location, name, at) => location === "header" ? { location, name: name.toLowerCase(), line: at, written: name } : { location, name, line: at };
function handlerFacts(fn) {
  const req = paramName(fn.params[0]);
  const res = paramName(fn.params[1]);
  const facts = { reads: [], statuses: [], objects: [], opaque: /* @__PURE__ */ new Set() };
  const aliases = /* @__PURE__ */ new Map();
  const locationOf = (node) => {
    if ((node.type === "MemberExpression" || node.type === "OptionalMemberExpression") && isIdent(node.object, req)) {
      const name = propName(node);
      return name ? LOCATION_OF[name] ?? null : null;
    }
    if (node.type === "Identifier" && aliases.has(node.name)) return aliases.get(node.name);
    return null;
  };
  const readPattern = (pattern, location) => {
    if (pattern.type === "ObjectPattern") {
      for (const prop of pattern.properties) {
        if (prop.type === "RestElement") {
          facts.opaque.add(location);
          continue;
        }
        const key = prop.key.type === "Identifier" && !prop.computed ? prop.key.name : prop.key.type === "StringLiteral" ? prop.key.value : null;
        if (key) facts.reads.push(fieldRead(location, key, line(prop)));
        else facts.opaque.add(location);
      }
    } else if (pattern.type === "Identifier") {
      aliases.set(pattern.name, location);
    } else {
      facts.opaque.add(location);
    }
  };
  if (fn.params[0]?.type === "ObjectPattern") {
    for (const prop of fn.params[0].properties) {
      if (prop.type === "RestElement") {
        for (const loc of ["query", "body", "header"]) facts.opaque.add(loc);
        continue;
      }
      const key = prop.key.type === "Identifier" && !prop.computed ? prop.key.name : null;
      const location = key ? LOCATION_OF[key] : void 0;
      if (!location) continue;
      const value = prop.value.type === "AssignmentPattern" ? prop.value.left : prop.value;
      readPattern(value, location);
    }
  }
  walk(fn.body, (node, parent) => {
    if (node.type === "Identifier" && node.name === req && parent && (parent.type === "CallExpression" || parent.type === "NewExpression") && parent.arguments.includes(node)) {
      for (const loc of ["query", "body", "header"]) facts.opaque.add(loc);
      return;
    }
    if (node.type === "MemberExpression" || node.type === "OptionalMemberExpression") {
      const location = locationOf(node.object);
      if (location) {
        const name = propName(node);
        if (name) facts.reads.push(fieldRead(location, name, line(node)));
        else facts.opaque.add(location);
        return;
      }
      const whole = locationOf(node);
      if (whole && parent && !(parent.type === "MemberExpression" && parent.object === node) && !(parent.type === "VariableDeclarator" && parent.init === node)) {
        facts.opaque.add(whole);
      }
    }
    if (node.type === "VariableDeclarator" && node.init) {
      const location = locationOf(node.init);
      if (location) readPattern(node.id, location);
    }
    if (node.type === "CallExpression" || node.type === "OptionalCallExpression") {
      const callee = node.callee;
      if ((callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") && isIdent(callee.object, req)) {
        const name = propName(callee);
        const arg = node.arguments[0];
        if ((name === "get" || name === "header") && arg?.type === "StringLiteral") {
          facts.reads.push(fieldRead("header", arg.value, line(node)));
        }
      }
      collectSend(node, res, facts);
    }
    if (node.type === "NewExpression" || node.type === "CallExpression") {
      const callee = node.callee;
      const name = callee.type === "Identifier" ? callee.name : callee.type === "MemberExpression" ? propName(callee) : null;
      const arg = node.arguments[0];
      if (name && /^(HTTPException|HttpException|HttpError|HTTPError|createError|ApiError|AppError)$/.test(name) && arg?.type === "NumericLiteral") {
        facts.statuses.push({ status: arg.value, line: line(node) });
      }
    }
  });
  return facts;
}
function collectSend(call, res, facts) {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") return;
  const method = propName(callee);
  if (!method) return;
  const chainStatus = statusOfChain(callee.object, res);
  if (chainStatus === void 0) return;
  const arg = call.arguments[0];
  if ((method === "status" || method === "sendStatus") && arg?.type === "NumericLiteral") {
    facts.statuses.push({ status: arg.value, line: line(call) });
    return;
  }
  if (chainStatus === UNKNOWN_STATUS) return;
  if ((method === "json" || method === "send") && arg?.type === "ObjectExpression") {
    const keys = [];
    let exact = true;
    for (const p of arg.properties) {
      if (p.type === "SpreadElement") {
        exact = false;
        continue;
      }
      const k = p.key.type === "Identifier" && !p.computed ? p.key.name : p.key.type === "StringLiteral" ? p.key.value : null;
      if (k) keys.push(k);
      else exact = false;
    }
    if (exact) facts.objects.push({ status: chainStatus, keys, line: line(call) });
  }
}
const UNKNOWN_STATUS = "unknown";
function statusOfChain(node, res) {
  if (isIdent(node, res)) return null;
  if (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
    const inner = statusOfChain(node.callee.object, res);
    if (inner === void 0) return void 0;
    const name = propName(node.callee);
    const arg = node.arguments[0];
    if (name === "status") return arg?.type === "NumericLiteral" ? arg.value : UNKNOWN_STATUS;
    return inner;
  }
  return void 0;
}
export {
  handlerFacts,
  walk
};
