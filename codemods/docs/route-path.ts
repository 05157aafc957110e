// Express path syntax -> OpenAPI path syntax for the routes flasgger blocks sit on:
// `/users/:id(\\d+)` -> `/users/{id}`, `:x?` and Express 5 `{/:x}` -> `{x}` (noted as optional,
// since OpenAPI path parameters are always required).

export interface OpenapiPath {
  path: string;
  /** Names of params the route marks optional. */
  optional: string[];
  /** Names of params constrained by an Express 4 regex (`:id(\\d+)`), which the OpenAPI path cannot express. */
  regex: string[];
}

export function toOpenapiPath(expressPath: string): OpenapiPath {
  const optional: string[] = [];
  const regex: string[] = [];
  let out = '';
  let i = 0;
  const s = expressPath;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '$' && s[i + 1] === '{' && s.indexOf('}', i) > i) {
      // a template literal's `${expr}` is kept as written: the scan knows what it evaluates to
      const end = s.indexOf('}', i);
      out += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch === '{' && s.indexOf('}', i) > i) {
      // Express 5 optional group `{/:id}`: its params are optional
      const end = s.indexOf('}', i);
      const inner = toOpenapiPath(s.slice(i + 1, end));
      out += inner.path;
      optional.push(...inner.optional, ...(inner.path.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)));
      regex.push(...inner.regex);
      i = end + 1;
      continue;
    }
    if ((ch === ':' || ch === '*') && /[A-Za-z_$]/.test(s[i + 1] ?? '')) {
      let j = i + 1;
      while (j < s.length && /[\w$]/.test(s[j])) j++;
      const name = s.slice(i + 1, j);
      if (s[j] === '(') {
        let depth = 0;
        let k = j;
        for (; k < s.length; k++) {
          if (s[k] === '\\') { k++; continue; }
          if (s[k] === '(') depth++;
          else if (s[k] === ')' && --depth === 0) break;
        }
        regex.push(name);
        j = k + 1;
      }
      if (s[j] === '?') {
        optional.push(name);
        j++;
      } else if (s[j] === '*' || s[j] === '+') {
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
