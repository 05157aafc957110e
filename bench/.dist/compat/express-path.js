const NAME = /^[A-Za-z_$][\w$]*/;
function parse(src, pos, closing) {
  const parts = [];
  const lit = (s) => {
    const last = parts[parts.length - 1];
    if (last && "lit" in last) last.lit += s;
    else parts.push({ lit: s });
  };
  while (pos.i < src.length) {
    const c = src[pos.i];
    if (closing && c === closing) {
      pos.i++;
      return parts;
    }
    if (c === "\\") {
      lit(src[pos.i + 1] ?? "");
      pos.i += 2;
      continue;
    }
    if (c === "{") {
      pos.i++;
      parts.push({ optional: parse(src, pos, "}") });
      continue;
    }
    if (c === ":" || c === "*") {
      pos.i++;
      let name = "";
      if (src[pos.i] === '"') {
        const end = src.indexOf('"', pos.i + 1);
        name = src.slice(pos.i + 1, end < 0 ? void 0 : end);
        pos.i = end < 0 ? src.length : end + 1;
      } else {
        name = NAME.exec(src.slice(pos.i))?.[0] ?? "";
        pos.i += name.length;
      }
      const param = { name: name || (c === "*" ? "0" : "param") };
      if (src[pos.i] === "(") {
        let depth = 0;
        const start = pos.i + 1;
        for (; pos.i < src.length; pos.i++) {
          if (src[pos.i] === "\\") {
            pos.i++;
            continue;
          }
          if (src[pos.i] === "(") depth++;
          if (src[pos.i] === ")" && --depth === 0) break;
        }
        param.pattern = src.slice(start, pos.i);
        pos.i++;
      }
      const modifier = src[pos.i];
      if (modifier === "?" || modifier === "*") {
        pos.i++;
        const last = parts[parts.length - 1];
        const optional = [];
        if (last && "lit" in last && last.lit.endsWith("/")) {
          last.lit = last.lit.slice(0, -1);
          if (!last.lit) parts.pop();
          optional.push({ lit: "/" });
        }
        optional.push({ param });
        parts.push({ optional });
      } else {
        if (modifier === "+") pos.i++;
        parts.push({ param });
      }
      continue;
    }
    lit(c);
    pos.i++;
  }
  return parts;
}
function expand(parts) {
  let out = [{ path: "", params: [] }];
  for (const part of parts) {
    if ("lit" in part) out = out.map((v) => ({ path: v.path + part.lit, params: v.params }));
    else if ("param" in part) out = out.map((v) => ({ path: `${v.path}{${part.param.name}}`, params: [...v.params, part.param] }));
    else {
      const inner = expand(part.optional);
      out = out.flatMap((v) => [v, ...inner.map((w) => ({ path: v.path + w.path, params: [...v.params, ...w.params] }))]);
    }
  }
  return out;
}
function joinPaths(...segments) {
  const joined = segments.map((s) => s.replace(/^\/+|\/+$/g, "")).filter(Boolean).join("/");
  return `/${joined}`;
}
function toOpenApiPaths(expressPath) {
  const seen = /* @__PURE__ */ new Set();
  return expand(parse(expressPath, { i: 0 })).map((v) => ({ ...v, path: v.path.length > 1 ? v.path.replace(/\/+$/, "") || "/" : v.path || "/" })).filter((v) => !seen.has(v.path) && seen.add(v.path));
}
export {
  joinPaths,
  toOpenApiPaths
};
