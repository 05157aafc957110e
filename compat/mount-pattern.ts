// The route a request names in violation counts, recordings and logs is `METHOD mount prefix + path as written`.
// Express gives the mount prefix as it matched (req.baseUrl): under a router mounted at a path with parameters
// (`app.use('/municipality/:municipalityId/post', posts)`, MuniBoard) every id made its own route,
// `POST /municipality/<uuid>/post/`, so `migrate-api check --runtime` matched none of them to the route in the code
// (finish then switched that router to enforce, "no finding", and its tests failed), and a report-mode app kept one
// counter per id it was ever asked for. The prefixes typed routers are mounted under are known (typed.ts records
// `use`), so the concrete tail of req.baseUrl that a parameterized prefix matched is written back as that prefix.
// A prefix without parameters, or one given by an untyped app, stays as Express matched it.
interface MountedAt { prefix: string; parent: object }

/** Where each router (keyed by its RouterOptions, as route descriptors hold them) is mounted, by typed parents. */
const MOUNTS = new WeakMap<object, MountedAt[]>();
/** A typed router's or app's options -> the router itself, the key its parents' `use` calls record it under. */
const OPTIONS = new WeakMap<object, object>();
const TAILS = new Map<string, RegExp | null>();

export function recordOptions(router: object, options: object): void {
  OPTIONS.set(options, router);
}

/** `parent.use(prefix, child)` on a typed parent (its options object). */
export function recordMountedAt(parentOptions: object, prefix: string, child: object): void {
  const list = MOUNTS.get(child) ?? [];
  list.push({ prefix, parent: parentOptions });
  MOUNTS.set(child, list);
}

/** req.baseUrl with each parameterized mount prefix it went through written as the prefix (`/:municipalityId`). */
export function mountPattern(options: object, baseUrl: string, depth = 0): string {
  const router = OPTIONS.get(options);
  const mounts = router && MOUNTS.get(router);
  if (!mounts || !baseUrl || depth > 16) return baseUrl;
  for (const { prefix, parent } of mounts) {
    const tail = tailMatcher(prefix);
    if (tail === null) {
      // A literal prefix: the parents above it may still have parameters.
      const lit = trimSlash(prefix);
      if (lit && baseUrl.toLowerCase().endsWith(lit.toLowerCase())) {
        const cut = baseUrl.length - lit.length;
        return mountPattern(parent, baseUrl.slice(0, cut), depth + 1) + baseUrl.slice(cut);
      }
      if (!lit) return mountPattern(parent, baseUrl, depth + 1);
      continue;
    }
    const m = tail.exec(baseUrl);
    if (m) return mountPattern(parent, baseUrl.slice(0, m.index), depth + 1) + trimSlash(prefix);
  }
  return baseUrl;
}

/** A RegExp matching, at the end of a base URL, what Express matched for a prefix with parameters; null when
 *  the prefix has none. Parameters match one segment (Express 4's default) or their own pattern. */
function tailMatcher(prefix: string): RegExp | null {
  const known = TAILS.get(prefix);
  if (known !== undefined) return known;
  let re: RegExp | null = null;
  if (/[:*]/.test(prefix)) {
    let src = '';
    const text = trimSlash(prefix);
    const param = /:(?:"[^"]*"|[A-Za-z_$][\w$]*)(?:\((?:\\.|[^)\\])*\))?\??|\*/g;
    let last = 0;
    for (let m = param.exec(text); m; m = param.exec(text)) {
      src += escape(text.slice(last, m.index));
      const own = /\((.*)\)\??$/.exec(m[0])?.[1];
      src += m[0] === '*' ? '.*' : `(?:${own ?? '[^/]+?'})${m[0].endsWith('?') ? '?' : ''}`;
      last = m.index + m[0].length;
    }
    src += escape(text.slice(last));
    try { re = new RegExp(`${src}$`, 'i'); } catch { re = null; }
  }
  TAILS.set(prefix, re);
  return re;
}

function trimSlash(prefix: string): string {
  return prefix === '/' ? '' : prefix.replace(/\/+$/, '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
