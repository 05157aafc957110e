function toOpenapiPath(expressPath) {
  const optional = [];
  const regex = [];
  let out = "";
  let i = 0;
  const s = expressPath;
  while (i < s.length) {
    const ch = s[i];
    if (ch === "$" && s[i + 1] === "{" && s.indexOf("}", i) > i) {
      const end = s.indexOf("}", i);
      out += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === "{" && s.indexOf("}", i) > i) {
      const end = s.indexOf("}", i);
      const inner = toOpenapiPath(s.slice(i + 1, end));
      out += inner.path;
      optional.push(...inner.optional, ...(inner.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)));
      regex.push(...inner.regex);
      i = end + 1;
      continue;
    }
    if ((ch === ":" || ch === "*") && /[A-Za-z_$]/.test(s[i + 1] ?? "")) {
      let j = i + 1;
      while (j < s.length && /[\w$]/.test(s[j])) j++;
      const name = s.slice(i + 1, j);
      if (s[j] === "(") {
        let depth = 0;
        let k = j;
        for (; k < s.length; k++) {
          if (s[k] === "\\") {
            k++;
            continue;
          }
          if (s[k] === "(") depth++;
          else if (s[k] === ")" && --depth === 0) break;
        }
        regex.push(name);
        j = k + 1;
      }
      if (s[j] === "?") {
        optional.push(name);
        j++;
      } else if (s[j] === "*" || s[j] === "+") {
        j++;
      }
      out += `{${name}}`;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return { path: out, optional: [...new Set(optional)], regex };
}
export {
  toOpenapiPath
};
