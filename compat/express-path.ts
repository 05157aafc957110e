// Express route paths -> OpenAPI path templates (`/users/:id` -> `/users/{id}`).
// Hand-written because path-to-regexp only compiles to a RegExp and its two lines (0.1 in Express 4,
// 8.x in Express 5) disagree on syntax; OpenAPI needs the parameter names and the optional parts,
// which neither exposes. Both syntaxes are read here: `:id`, `:id(\\d+)`, `:id?`, `*`, `*name`, `{/:id}`.

export interface PathParam {
  name: string;
  /** The regex an Express 4 `:id(\\d+)` parameter carries, documented as the string's pattern. */
  pattern?: string;
}

export interface OpenApiPath {
  /** `/users/{id}` */
  path: string;
  params: PathParam[];
}

type Part = { lit: string } | { param: PathParam } | { optional: Part[] };

const NAME = /^[A-Za-z_$][\w$]*/;

function parse(src: string, pos: { i: number }, closing?: string): Part[] {
  const parts: Part[] = [];
  const lit = (s: string) => {
    const last = parts[parts.length - 1];
    if (last && 'lit' in last) last.lit += s;
    else parts.push({ lit: s });
  };
  while (pos.i < src.length) {
    const c = src[pos.i];
    if (closing && c === closing) { pos.i++; return parts; }
    if (c === '\\') { lit(src[pos.i + 1] ?? ''); pos.i += 2; continue; }
    if (c === '{') { pos.i++; parts.push({ optional: parse(src, pos, '}') }); continue; }
    if (c === ':' || c === '*') {
      pos.i++;
      let name = '';
      if (src[pos.i] === '"') {
        const end = src.indexOf('"', pos.i + 1);
        name = src.slice(pos.i + 1, end < 0 ? undefined : end);
        pos.i = end < 0 ? src.length : end + 1;
      } else {
        name = NAME.exec(src.slice(pos.i))?.[0] ?? '';
        pos.i += name.length;
      }
      // Express 4's bare `*` is captured as req.params[0].
      const param: PathParam = { name: name || (c === '*' ? '0' : 'param') };
      if (src[pos.i] === '(') {
        let depth = 0;
        const start = pos.i + 1;
        for (; pos.i < src.length; pos.i++) {
          if (src[pos.i] === '\\') { pos.i++; continue; }
          if (src[pos.i] === '(') depth++;
          if (src[pos.i] === ')' && --depth === 0) break;
        }
        param.pattern = src.slice(start, pos.i);
        pos.i++;
      }
      const modifier = src[pos.i];
      if (modifier === '?' || modifier === '*') {
        // Express 4: `/:x?` makes the slash before it optional too.
        pos.i++;
        const last = parts[parts.length - 1];
        const optional: Part[] = [];
        if (last && 'lit' in last && last.lit.endsWith('/')) {
          last.lit = last.lit.slice(0, -1);
          if (!last.lit) parts.pop();
          optional.push({ lit: '/' });
        }
        optional.push({ param });
        parts.push({ optional });
      } else {
        if (modifier === '+') pos.i++;
        parts.push({ param });
      }
      continue;
    }
    lit(c);
    pos.i++;
  }
  return parts;
}

function expand(parts: Part[]): OpenApiPath[] {
  let out: OpenApiPath[] = [{ path: '', params: [] }];
  for (const part of parts) {
    if ('lit' in part) out = out.map((v) => ({ path: v.path + part.lit, params: v.params }));
    else if ('param' in part) out = out.map((v) => ({ path: `${v.path}{${part.param.name}}`, params: [...v.params, part.param] }));
    else {
      const inner = expand(part.optional);
      out = out.flatMap((v) => [v, ...inner.map((w) => ({ path: v.path + w.path, params: [...v.params, ...w.params] }))]);
    }
  }
  return out;
}

/** Joins mount prefixes and a route path the way Express matches them (`/api` + `/` -> `/api`). */
export function joinPaths(...segments: string[]): string {
  const joined = segments
    .map((s) => s.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`;
}

/**
 * Every OpenAPI path an Express path matches: one per combination of optional parts (OpenAPI path
 * parameters are always required), trailing slashes removed, duplicate variants dropped.
 */
export function toOpenApiPaths(expressPath: string): OpenApiPath[] {
  const seen = new Set<string>();
  return expand(parse(expressPath, { i: 0 }))
    .map((v) => ({ ...v, path: v.path.length > 1 ? v.path.replace(/\/+$/, '') || '/' : v.path || '/' }))
    .filter((v) => !seen.has(v.path) && seen.add(v.path));
}

/** `/:id/loans/:status?` without `status` -> `/:id/loans`: the key of a path variant's words in a spec's
 *  `variants`. The codemod writes its keys with this same function (codemods/zod/path-variants.ts). */
export function withoutOptionalParams(expressPath: string, names: string[]): string {
  let out = expressPath;
  for (const name of names) {
    const n = name.replace(/[$]/g, '\\$');
    // Express 4 `/:name?` (maybe with a regex), Express 5 `{/:name}`
    out = out.replace(new RegExp(`/?:${n}(?:\\((?:[^()]|\\([^()]*\\))*\\))?\\?|\\{/?:${n}\\}`), '');
  }
  return out || '/';
}
