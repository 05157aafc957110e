import { parseExpression } from "@babel/parser";
import { walk } from "./ast.js";
const MAX_LINE = 80;
function readSpec(specSource, extraProps = []) {
  let expr;
  try {
    expr = parseExpression(specSource, { plugins: ["typescript"] });
  } catch (err) {
    return { error: `spec source does not parse: ${err.message}` };
  }
  if (expr.type !== "ObjectExpression") return { error: `spec source is a ${expr.type}, not an object literal` };
  const keys = /* @__PURE__ */ new Set();
  const values = /* @__PURE__ */ new Map();
  const props = [];
  for (const p of expr.properties) {
    if (p.key && !p.computed) {
      const key = p.key.type === "Identifier" ? p.key.name : String(p.key.value);
      keys.add(key);
      if (p.value) values.set(key, specSource.slice(p.value.start, p.value.end));
    }
    props.push(specSource.slice(p.start, p.end));
  }
  const identifiers = /* @__PURE__ */ new Set();
  walk(expr, (n, parent) => {
    if (n.type !== "Identifier") return;
    if (parent?.type === "MemberExpression" && parent.property === n && !parent.computed) return;
    if (parent?.type === "ObjectProperty" && parent.key === n && !parent.computed && !parent.shorthand) return;
    identifiers.add(n.name);
  });
  const extra = extraProps.filter((p) => !keys.has(p.split(":")[0].trim()));
  let source = specSource.trim();
  const last = expr.properties[expr.properties.length - 1];
  if (extra.length && source.includes("\n") && last) {
    const offset = specSource.indexOf(source);
    const end = last.end - offset;
    const indent = /\n([ \t]*)\S/.exec(source)?.[1] ?? "  ";
    const rest = source.slice(end).replace(/^\s*,/, "");
    source = `${source.slice(0, end)},
${extra.map((p) => `${indent}${p}`).join(",\n")}${rest}`;
  } else if (extra.length || !source.includes("\n") && source.length > MAX_LINE) {
    const all = [...props, ...extra];
    const oneLine = all.length ? `{ ${all.join(", ")} }` : "{}";
    source = oneLine.length <= MAX_LINE && !oneLine.includes("\n") ? oneLine : `{
${all.map((p) => `  ${p.replace(/\n/g, "\n  ")},`).join("\n")}
}`;
  }
  return { source, keys, values, identifiers };
}
export {
  readSpec
};
