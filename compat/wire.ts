// What a JSON response really carries, and what enforce would change in it. Responses are checked as they go
// on the wire: JSON.stringify's view of the value (toJSON() of ORM instances, Dates as ISO strings, undefined
// dropped), not the object in memory, whose Date or model instance would fail a schema the JSON satisfies.
import { read } from './fresh-read.js';

/** The JSON view of `value`; a value that is already plain JSON (the common case) is returned as it is. */
export function wireView(value: unknown): unknown {
  if (isPlainJson(value, 0)) return value;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return value; // a BigInt or a cycle: the send itself will fail as it did before; nothing to check here
  }
  return text === undefined ? undefined : JSON.parse(text);
}

function isPlainJson(v: unknown, depth: number): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v); // NaN and Infinity are sent as null
    case 'object': {
      if (v === null) return true;
      if (depth > 100) return false;
      if (Array.isArray(v)) {
        for (const x of v) if (x === undefined || !isPlainJson(x, depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      // Reflect.get: the same lookup, without V8's property cache, which misses on every reply built as
      // `{ ...row, id }` (each such object gets a hidden class of its own: fresh-read.ts).
      if ((proto !== Object.prototype && proto !== null) || typeof read(v, 'toJSON') === 'function') return false;
      for (const k in v) {
        const x = (v as Record<string, unknown>)[k];
        if (x === undefined || !isPlainJson(x, depth + 1)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * The first place where `shaped` (what enforce would send) differs from `sent` (the JSON view sent in report
 * mode): a key enforce would strip, a default it would add, a value a transform would change. Undefined when
 * enforce would send the same JSON. Both sides are JSON values, so a structural walk is exact.
 */
export function firstDifference(sent: unknown, shaped: unknown, path: Array<string | number> = []): { path: Array<string | number>; what: 'stripped' | 'added' | 'changed' } | undefined {
  if (sent === shaped) return undefined;
  if (typeof sent !== 'object' || typeof shaped !== 'object' || sent === null || shaped === null || Array.isArray(sent) !== Array.isArray(shaped)) {
    return { path, what: 'changed' };
  }
  if (Array.isArray(sent)) {
    const other = shaped as unknown[];
    if (sent.length !== other.length) return { path, what: 'changed' };
    for (let i = 0; i < sent.length; i++) {
      const d = firstDifference(sent[i], other[i], [...path, i]);
      if (d) return d;
    }
    return undefined;
  }
  const a = sent as Record<string, unknown>;
  const b = shaped as Record<string, unknown>;
  for (const k in a) {
    if (!(k in b)) return { path: [...path, k], what: 'stripped' };
    const d = firstDifference(a[k], b[k], [...path, k]);
    if (d) return d;
  }
  for (const k in b) if (!(k in a) && b[k] !== undefined) return { path: [...path, k], what: 'added' };
  return undefined;
}
