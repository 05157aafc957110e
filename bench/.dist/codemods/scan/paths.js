function joinPaths(...parts) {
  let out = "";
  for (const p of parts) {
    if (p === "" || p === "/") continue;
    out = out.replace(/\/+$/, "") + (p.startsWith("/") ? p : `/${p}`);
  }
  const last = parts[parts.length - 1];
  if (last === "/" && out === "") return "/";
  return out === "" ? "/" : out;
}
const NAME = /^[A-Za-z_$][\w$]*/;
function toOpenApiPath(expressPath) {
  const optional = [];
  const constrained = [];
  let out = "";
  let i = 0;
  let groupDepth = 0;
  const fail = (why) => ({ path: null, dynamic: why, optional, constrained });
  while (i < expressPath.length) {
    const c = expressPath[i];
    if (c === ":") {
      const m = NAME.exec(expressPath.slice(i + 1));
      if (!m) return fail(`unnamed parameter at "${expressPath.slice(i)}"`);
      const name = m[0];
      i += 1 + name.length;
      if (expressPath[i] === "(") {
        const end = closingParen(expressPath, i);
        if (end < 0) return fail('unbalanced "(" in parameter pattern');
        constrained.push(name);
        i = end + 1;
      }
      const mod = expressPath[i];
      if (mod === "?") {
        optional.push(name);
        i++;
      } else if (mod === "*" || mod === "+") return fail(`repeated parameter ":${name}${mod}" spans segments`);
      if (groupDepth > 0) optional.push(name);
      out += `{${name}}`;
      continue;
    }
    if (c === "{") {
      groupDepth++;
      i++;
      continue;
    }
    if (c === "}") {
      if (groupDepth === 0) return fail('unbalanced "}"');
      groupDepth--;
      i++;
      continue;
    }
    if (c === "*") return fail('wildcard "*" spans segments; OpenAPI paths cannot express it');
    if (c === "(" || c === ")" || c === "?" || c === "+" || c === "[" || c === "]") {
      return fail(`pattern character "${c}" in path`);
    }
    if (c === "\\") {
      out += expressPath[i + 1] ?? "";
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  if (groupDepth > 0) return fail('unbalanced "{"');
  return { path: out, optional, constrained };
}
function closingParen(s, open) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "\\") {
      i++;
      continue;
    }
    if (s[i] === "(") depth++;
    else if (s[i] === ")" && --depth === 0) return i;
  }
  return -1;
}
export {
  joinPaths,
  toOpenApiPath
};
