// Express path syntax -> OpenAPI path syntax. Hand-written because path-to-regexp (what Express uses) compiles
// paths to regexes, while we need the reverse question: is this path a plain template OpenAPI can express, and
// which of its params are optional. Both Express 4 (`:id(\\d+)`, `:id?`, `*`) and Express 5 (`{/:id}`, `*splat`)
// syntax are read.

export interface OpenApiPath {
  /** `/users/{id}`; null when the path cannot be written as an OpenAPI template. */
  path: string | null;
  /** Why not, when path is null. */
  dynamic?: string;
  /** Params the route also matches without (`:status?`, `{/:status}`). */
  optional: string[];
  /** Params constrained by a regex (`:id(\\d+)`), reduced to their name. */
  constrained: string[];
}

/** Joins mount prefixes and a route path the way Express does (`/api` + `/` = `/api`). */
export function joinPaths(...parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (p === '' || p === '/') continue;
    out = out.replace(/\/+$/, '') + (p.startsWith('/') ? p : `/${p}`);
  }
  const last = parts[parts.length - 1];
  // A route path's own trailing slash is kept (`/users/`), Express treats it as the same route (non-strict).
  if (last === '/' && out === '') return '/';
  return out === '' ? '/' : out;
}

const NAME = /^[A-Za-z_$][\w$]*/;

export function toOpenApiPath(expressPath: string): OpenApiPath {
  const optional: string[] = [];
  const constrained: string[] = [];
  let out = '';
  let i = 0;
  let groupDepth = 0;
  const fail = (why: string): OpenApiPath => ({ path: null, dynamic: why, optional, constrained });
  while (i < expressPath.length) {
    const c = expressPath[i];
    if (c === ':') {
      const m = NAME.exec(expressPath.slice(i + 1));
      if (!m) return fail(`unnamed parameter at "${expressPath.slice(i)}"`);
      const name = m[0];
      i += 1 + name.length;
      if (expressPath[i] === '(') {
        const end = closingParen(expressPath, i);
        if (end < 0) return fail('unbalanced "(" in parameter pattern');
        constrained.push(name);
        i = end + 1;
      }
      const mod = expressPath[i];
      if (mod === '?') { optional.push(name); i++; }
      else if (mod === '*' || mod === '+') return fail(`repeated parameter ":${name}${mod}" spans segments`);
      if (groupDepth > 0) optional.push(name);
      out += `{${name}}`;
      continue;
    }
    if (c === '{') { groupDepth++; i++; continue; } // Express 5 optional group: `/files{/:name}`
    if (c === '}') { if (groupDepth === 0) return fail('unbalanced "}"'); groupDepth--; i++; continue; }
    if (c === '*') return fail('wildcard "*" spans segments; OpenAPI paths cannot express it');
    if (c === '(' || c === ')' || c === '?' || c === '+' || c === '[' || c === ']') {
      return fail(`pattern character "${c}" in path`);
    }
    if (c === '\\') { out += expressPath[i + 1] ?? ''; i += 2; continue; }
    out += c;
    i++;
  }
  if (groupDepth > 0) return fail('unbalanced "{"');
  return { path: out, optional, constrained };
}

function closingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}
