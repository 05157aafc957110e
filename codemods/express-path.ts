// Express path syntax -> OpenAPI path syntax: the one converter of the codemods (the scan, the docs readers, the
// matcher and the unread-docs warning all read paths through it). Hand-written because path-to-regexp (what Express
// uses) compiles paths to regexes, while we need the reverse question: is this path a plain template OpenAPI can
// express, and which of its params are optional. Both Express 4 (`:id(\\d+)`, `:id?`, `*`) and Express 5
// (`{/:id}`, `*splat`) syntax are read. (The runtime has its own reader, compat/express-path.ts: compat never
// imports codemods.)

export interface OpenApiPath {
  /** `/users/{id}`; null when the path cannot be written as an OpenAPI template (never with `bestEffort`). */
  path: string | null;
  /** Why not, when the path cannot be written as an OpenAPI template (also set with `bestEffort`). */
  dynamic?: string;
  /** Params the route also matches without (`:status?`, `{/:status}`), each once. */
  optional: string[];
  /** Params constrained by a regex (`:id(\\d+)`), reduced to their name. */
  constrained: string[];
}

export interface PathReading {
  /**
   * Always a path, written as close as OpenAPI gets, where the default gives null: `*splat` and `:p*` become
   * `{splat}` and `{p}`, a bare `*`, a stray `(` or `}` stay as written, a template literal's `${expr}` is kept.
   * The scan (and the matcher, reading a route's own path) wants null: a route OpenAPI cannot express is reported,
   * not migrated, and nothing is matched to it by path. The docs readers (flasgger, swagger-autogen) and the
   * unread-docs keys want a path for every route a doc sits on, computed or not: the operation needs a key, and is
   * tied to its route by location.
   */
  bestEffort?: boolean;
  /**
   * What `{...}` is. `group` (route paths): an Express 5 optional group, `/files{/:name}`. `template` (paths written
   * in doc comments, which mix `/shelves/{id}` and `/shelves/:id`): an OpenAPI template, its braces kept.
   */
  braces?: 'group' | 'template';
}

const NAME = /^[A-Za-z_$][\w$]*/;
const WILDCARD = 'wildcard "*" spans segments; OpenAPI paths cannot express it';

export function toOpenApiPath(expressPath: string): OpenApiPath;
export function toOpenApiPath(expressPath: string, reading: PathReading & { bestEffort: true }): OpenApiPath & { path: string };
export function toOpenApiPath(expressPath: string, reading?: PathReading): OpenApiPath;
export function toOpenApiPath(expressPath: string, reading: PathReading = {}): OpenApiPath {
  const s = expressPath;
  const { bestEffort = false, braces = 'group' } = reading;
  const optional: string[] = [];
  const constrained: string[] = [];
  let dynamic: string | undefined;
  let out = '';
  let i = 0;
  let groupDepth = 0;
  /** What OpenAPI cannot express: the first reason is kept; false when the caller wants null. */
  const unexpressible = (why: string): boolean => {
    dynamic ??= why;
    return bestEffort;
  };
  const done = (path: string | null): OpenApiPath => ({
    path, ...(dynamic !== undefined ? { dynamic } : {}), optional: [...new Set(optional)], constrained,
  });
  while (i < s.length) {
    const c = s[i];
    if (bestEffort && c === '$' && s[i + 1] === '{' && s.indexOf('}', i) > i) {
      // a template literal's `${expr}`, the text of a computed path (the docs readers get it as written): kept.
      // Not read so by default: the scan only converts resolved strings, where `${` is Express's `$` and a group.
      unexpressible('template expression in a computed path');
      const end = s.indexOf('}', i);
      out += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const star = c === '*' && NAME.test(s.slice(i + 1));
    if (c === ':' || star) {
      const m = NAME.exec(s.slice(i + 1));
      if (!m) {
        if (!unexpressible(`unnamed parameter at "${s.slice(i)}"`)) return done(null);
        out += c;
        i++;
        continue;
      }
      if (star && !unexpressible(WILDCARD)) return done(null);
      const name = m[0];
      i += 1 + name.length;
      if (s[i] === '(') {
        const end = closing(s, i, '(', ')');
        if (end < 0 && !unexpressible('unbalanced "(" in parameter pattern')) return done(null);
        constrained.push(name);
        i = end < 0 ? s.length : end + 1;
      }
      const mod = s[i];
      if (mod === '?') { optional.push(name); i++; }
      else if (mod === '*' || mod === '+') {
        if (!unexpressible(`repeated parameter ":${name}${mod}" spans segments`)) return done(null);
        i++;
      }
      if (groupDepth > 0) optional.push(name);
      out += `{${name}}`;
      continue;
    }
    if (braces === 'group' && c === '{' && closing(s, i, '{', '}') > 0) { groupDepth++; i++; continue; } // `/files{/:name}`
    if (braces === 'group' && c === '}' && groupDepth > 0) { groupDepth--; i++; continue; }
    if (c === '\\') { out += s[i + 1] ?? ''; i += 2; continue; }
    const regex = bestEffort && c === '(' ? closing(s, i, '(', ')') : -1;
    if (regex > 0) {
      // an Express 4 unnamed group, `/(\\d+)`: a regex, its escapes its own
      unexpressible('pattern character "(" in path');
      out += s.slice(i, regex + 1);
      i = regex + 1;
      continue;
    }
    const why = c === '*' ? WILDCARD
      : '()?+[]'.includes(c) ? `pattern character "${c}" in path`
      : braces === 'group' && c === '{' ? 'unbalanced "{"'
      : braces === 'group' && c === '}' ? 'unbalanced "}"'
      : undefined;
    if (why !== undefined && !unexpressible(why)) return done(null);
    out += c;
    i++;
  }
  return done(out);
}

/** The `close` that ends the `open` at `at`, nesting counted and `\\` escapes skipped; -1 when none does. Groups nest
 *  in both syntaxes: `:id(\\d+(?:\\.\\d+)?)`, Express 5's `{/a{/:b}}`. */
function closing(s: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let i = at; i < s.length; i++) {
    if (s[i] === '\\') { i++; continue; }
    if (s[i] === open) depth++;
    else if (s[i] === close && --depth === 0) return i;
  }
  return -1;
}
