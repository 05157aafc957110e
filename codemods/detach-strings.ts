// Strings an analysis keeps (a route's text, a require's specifier, a property name) are, in V8, slices of the
// file's whole source as Babel read it: each one keeps that source alive, so a scan kept for the cross-file
// link held every file's text (3.9 of the ~33 MB a 1,000-file analysis kept; heap snapshot, node 20). A copy
// of each long string detaches it. Short ones (V8 copies strings under 13 characters instead of slicing) and
// non-string values are left as they are; objects, arrays and maps are walked in place, so identity is kept.
const SLICED_FROM = 13;

/** A fresh copy of `s` that shares no storage with the string it was cut from. */
export function detached(s: string): string {
  // The concatenation is flattened into a new string before it is sliced, so the result points into that.
  return s.length < SLICED_FROM ? s : (' ' + s).slice(1);
}

/** Replaces, in place, every long string under `root` (object values, array items, map keys and values). */
export function detachStrings<T>(root: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return detached(v);
    if (v === null || typeof v !== 'object' || seen.has(v)) return v;
    seen.add(v);
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) v[i] = visit(v[i]);
    } else if (v instanceof Map) {
      const entries = [...v];
      v.clear();
      for (const [k, x] of entries) v.set(visit(k), visit(x));
    } else if (v instanceof Set) {
      const items = [...v];
      v.clear();
      for (const x of items) v.add(visit(x));
    } else {
      // One descriptor per key (Object.entries of getOwnPropertyDescriptors cost ~3 µs an object: 0.3 s a
      // 1,000-file run). Data properties only: an accessor's value is computed, not stored.
      const record = v as Record<string, unknown>;
      for (const k of Object.getOwnPropertyNames(record)) {
        const d = Object.getOwnPropertyDescriptor(record, k)!;
        if (!('value' in d)) continue;
        if (typeof d.value !== 'string') visit(d.value);
        else if (d.value.length >= SLICED_FROM && d.writable) record[k] = detached(d.value);
      }
    }
    return v;
  };
  visit(root);
  return root;
}
