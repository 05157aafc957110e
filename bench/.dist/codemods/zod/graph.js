const PREFIX = "#/components/schemas/";
const DATA_KEYWORDS = /* @__PURE__ */ new Set(["example", "examples", "default", "const", "enum"]);
function componentName(ref) {
  if (!ref.startsWith(PREFIX)) return void 0;
  const raw = ref.slice(PREFIX.length);
  if (raw.includes("/")) return void 0;
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
  }
  return name.replace(/~1/g, "/").replace(/~0/g, "~");
}
function refsOf(schema, out = /* @__PURE__ */ new Set()) {
  if (Array.isArray(schema)) schema.forEach((s) => refsOf(s, out));
  else if (schema && typeof schema === "object") {
    for (const [k, v] of Object.entries(schema)) {
      if (k === "$ref" && typeof v === "string") out.add(v);
      else if (!DATA_KEYWORDS.has(k)) refsOf(v, out);
    }
  }
  return out;
}
function dependencies(schemas) {
  return new Map(Object.keys(schemas).map((n) => [n, [...refsOf(schemas[n])].map(componentName).filter((d) => d !== void 0 && d in schemas)]));
}
function declarationOrder(schemas, edges = dependencies(schemas)) {
  const names = Object.keys(schemas);
  const order = new Map(names.map((n, i) => [n, i]));
  const index = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const stack = [];
  const onStack = /* @__PURE__ */ new Set();
  const out = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      out.push(scc.sort((a, b) => order.get(a) - order.get(b)));
    }
  };
  for (const n of names) if (!index.has(n)) visit(n);
  return out;
}
function isCycle(scc, edges) {
  return scc.length > 1 || edges.get(scc[0]).includes(scc[0]);
}
export {
  componentName,
  declarationOrder,
  dependencies,
  isCycle,
  refsOf
};
