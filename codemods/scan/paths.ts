// Mount prefixes + a route path -> the full Express path the route answers on. Its OpenAPI form is
// ../express-path.ts's.

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
