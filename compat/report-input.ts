// What a typed handler receives in report mode. zod's parse strips keys the schema does not list (the
// docs rarely say `additionalProperties: false` and mean it), so handing the handler the parsed value
// would change what a migrated `(req, res) => res.json(req.body)` sends. In report mode the handler gets
// the raw input with the parsed values laid over it: every key the request had stays, in its order;
// values the schema coerced or defaulted are the parsed ones (so the types hold for declared keys); where
// nothing differs the raw object itself is handed on (same identity as `req.body`). MA003 only rewrites
// reads whose parsed value equals the raw one (or is read through Number()), so a migrated handler sees
// exactly what it saw before.

/** `parsed` with every key of `raw` it dropped put back, recursively; `raw` itself when they agree. */
export function keepRawShape(raw: unknown, parsed: unknown): unknown {
  if (raw === parsed) return raw;
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed) || parsed.length !== raw.length) return parsed;
    let out: unknown[] | undefined;
    for (let i = 0; i < raw.length; i++) {
      const v = keepRawShape(raw[i], parsed[i]);
      if (v !== raw[i]) (out ??= raw.slice())[i] = v;
    }
    return out ?? raw;
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return parsed;
  let out: Record<string, unknown> | undefined;
  for (const k of Object.keys(raw)) {
    // A key the schema dropped (unknown keys are stripped) keeps its raw value.
    if (!Object.hasOwn(parsed, k)) continue;
    const v = keepRawShape(raw[k], parsed[k]);
    if (v !== raw[k]) (out ??= { ...raw })[k] = v;
  }
  for (const k of Object.keys(parsed)) if (!Object.hasOwn(raw, k) && parsed[k] !== undefined) (out ??= { ...raw })[k] = parsed[k];
  return out ?? raw;
}

/** The path of the first key of `raw` that `parsed` dropped (what enforce strips), recursively; undefined when none. */
export function strippedKey(raw: unknown, parsed: unknown, path: Array<string | number> = []): Array<string | number> | undefined {
  if (raw === parsed) return undefined;
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed)) return undefined;
    for (let i = 0; i < Math.min(raw.length, parsed.length); i++) {
      const at = strippedKey(raw[i], parsed[i], [...path, i]);
      if (at) return at;
    }
    return undefined;
  }
  if (!isPlainObject(raw) || !isPlainObject(parsed)) return undefined;
  for (const k of Object.keys(raw)) {
    if (!Object.hasOwn(parsed, k)) return [...path, k];
    const at = strippedKey(raw[k], parsed[k], [...path, k]);
    if (at) return at;
  }
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
