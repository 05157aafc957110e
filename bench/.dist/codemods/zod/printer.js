const WIDTH = 100;
const PAD = "  ";
function printZod(expr, startColumn = 0) {
  return print(expr, 0, startColumn);
}
function quote(s) {
  if (s.includes("'") && !s.includes('"')) return JSON.stringify(s);
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
const IDENT = /^[A-Za-z_$][\w$]*$/;
function printKey(key) {
  if (key === "__proto__") return "['__proto__']";
  if (IDENT.test(key)) return key;
  if (/^(0|[1-9]\d{0,14})$/.test(key)) return key;
  return quote(key);
}
function literal(v) {
  if (typeof v === "string") return quote(v);
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  return String(v);
}
function needsParens(e) {
  return e.kind === "arrow" || e.kind === "binary" || e.kind === "cond" || e.kind === "unary";
}
const flatCache = /* @__PURE__ */ new WeakMap();
function flat(e) {
  let s = flatCache.get(e);
  if (s === void 0) flatCache.set(e, s = flatUncached(e));
  return s;
}
function flatUncached(e) {
  switch (e.kind) {
    case "id":
      return e.name;
    case "lit":
      return literal(e.value);
    case "regex":
      return `/${e.source}/${e.flags}`;
    case "member":
      return `${wrap(e.object, flat(e.object))}.${e.property}`;
    case "call":
      return `${e.isNew ? "new " : ""}${wrap(e.callee, flat(e.callee))}(${e.args.map(flat).join(", ")})`;
    case "array":
      return `[${e.elements.map(flat).join(", ")}]`;
    case "object":
      return e.props.length ? `{ ${e.props.map((p) => prop(p, flat(p.value))).join(", ")} }` : "{}";
    case "arrow":
      return `(${e.params.join(", ")}) => ${e.body.kind === "object" ? `(${flat(e.body)})` : flat(e.body)}`;
    case "binary":
      return `${operand(e.left, PREC[e.op])} ${e.op} ${operand(e.right, PREC[e.op] + 1)}`;
    case "unary":
      return `${e.op === "typeof" ? "typeof " : "!"}${operand(e.arg, 10)}`;
    case "cond":
      return `${operand(e.test, 2)} ? ${operand(e.then, 1)} : ${operand(e.else, 1)}`;
  }
}
const lastLine = (s) => s.slice(s.lastIndexOf("\n") + 1);
const PREC = { "||": 2, "&&": 3, "===": 6, "!==": 6, ">=": 7, "<=": 7 };
const precedence = (e) => e.kind === "arrow" ? 0 : e.kind === "cond" ? 1 : e.kind === "binary" ? PREC[e.op] : e.kind === "unary" ? 10 : 20;
const operand = (e, min) => precedence(e) < min ? `(${flat(e)})` : flat(e);
const wrap = (e, s) => needsParens(e) ? `(${s})` : s;
const prop = (p, value) => p.getter ? `get ${printKey(p.key)}() { return ${value}; }` : `${printKey(p.key)}: ${value}`;
function print(e, indent, col = indent * PAD.length) {
  const one = flat(e);
  if (col + one.length <= WIDTH) return one;
  const pad = PAD.repeat(indent);
  const inner = PAD.repeat(indent + 1);
  switch (e.kind) {
    case "object": {
      const lines = e.props.map((p) => {
        if (!p.getter) return `${inner}${printKey(p.key)}: ${print(p.value, indent + 1, inner.length + printKey(p.key).length + 2)},`;
        return `${inner}get ${printKey(p.key)}() {
${inner}${PAD}return ${print(p.value, indent + 2, inner.length + PAD.length + 7)};
${inner}},`;
      });
      return `{
${lines.join("\n")}
${pad}}`;
    }
    case "array":
      return `[
${e.elements.map((x) => `${inner}${print(x, indent + 1)},`).join("\n")}
${pad}]`;
    case "member":
      return `${wrap(e.object, print(e.object, indent, col))}.${e.property}`;
    case "call": {
      const broken = printChain(e, indent, col);
      if (broken) return broken;
      if (e.args.length === 0) return `${wrap(e.callee, print(e.callee, indent, col))}()`;
      const callee = `${e.isNew ? "new " : ""}${wrap(e.callee, print(e.callee, indent, col))}`;
      const calleeEnd = callee.includes("\n") ? lastLine(callee).length : col + callee.length;
      const last = e.args[e.args.length - 1];
      const head = e.args.slice(0, -1).map(flat);
      const hug = last && (last.kind === "object" || last.kind === "array" || last.kind === "arrow");
      if (hug && head.every((h) => !h.includes("\n")) && calleeEnd + 1 + head.join(", ").length <= WIDTH) {
        const lastCol = calleeEnd + 1 + head.map((h) => h.length + 2).reduce((a, b) => a + b, 0);
        return `${callee}(${[...head, print(last, indent, lastCol)].join(", ")})`;
      }
      return `${callee}(
${e.args.map((a) => `${inner}${print(a, indent + 1)},`).join("\n")}
${pad})`;
    }
    case "arrow": {
      const params = `(${e.params.join(", ")}) => `;
      return `${params}${e.body.kind === "object" ? `(${print(e.body, indent)})` : print(e.body, indent, col + params.length)}`;
    }
    case "cond":
      return `${operand(e.test, 2)}
${inner}? ${operand(e.then, 1)}
${inner}: ${operand(e.else, 1)}`;
    default:
      return one;
  }
}
function printChain(e, indent, col) {
  const links = [];
  let root = e;
  for (; ; ) {
    if (root.kind === "call" && !root.isNew && root.callee.kind === "member") {
      links.unshift({ property: root.callee.property, args: root.args });
      root = root.callee.object;
    } else if (root.kind === "member") {
      links.unshift({ property: root.property });
      root = root.object;
    } else break;
  }
  const firstCall = links.findIndex((l) => l.args);
  const rest = links.slice(firstCall + 1);
  if (firstCall < 0 || !rest.some((l) => l.args)) return void 0;
  const link = (l, at) => l.args ? print({ kind: "call", callee: { kind: "id", name: `.${l.property}` }, args: l.args }, at) : `.${l.property}`;
  const head = `${flat(root)}${links.slice(0, firstCall + 1).map((l) => l.args ? `.${l.property}(${l.args.map(flat).join(", ")})` : `.${l.property}`).join("")}`;
  if (col + head.length > WIDTH) return void 0;
  const inner = PAD.repeat(indent + 1);
  return `${head}${rest.map((l) => `
${inner}${link(l, indent + 1)}`).join("")}`;
}
export {
  printKey,
  printZod,
  quote
};
