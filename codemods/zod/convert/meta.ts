// description/title/example/examples/deprecated travel as `.meta({...})`, which zod 4's registry
// and zod-to-openapi v9 both read (no `.openapi()`, so no extendZodWithOpenApi in generated code).
import { chain, json, obj, trailingCall, type ObjectProp, type ZodExpr } from '../ast.js';
import type { SchemaObject } from '../context.js';
import { preprocessInner } from './read-only.js';

const META_KEYS = ['title', 'description', 'example', 'examples', 'deprecated'];
const PRINTED_FIRST = new Set(['type', 'minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum']);

export function metaProps(s: SchemaObject): ObjectProp[] {
  return META_KEYS.filter((k) => s[k] !== undefined).map((key) => ({ key, value: json(s[key]) }));
}

/** Appends `.meta({...})`, or merges into a trailing one (so a component's `id` leads). */
export function withMeta(e: ZodExpr, props: ObjectProp[]): ZodExpr {
  if (props.length === 0) return e;
  // On the object a readOnly check runs before: a component's id then names `X.out` too.
  const inner = preprocessInner(e);
  if (inner && e.kind === 'call') return { ...e, args: [e.args[0], withMeta(inner, props)] };
  const t = trailingCall(e);
  if (t?.method === 'meta' && t.args[0]?.kind === 'object') {
    const existing = t.args[0].props.filter((p) => !props.some((n) => n.key === p.key));
    // A type given in .meta (convert/number.ts) is printed with its bounds first, as zod-to-openapi
    // prints them for a schema without one: the served document keeps its key order.
    const lead = existing.filter((p) => PRINTED_FIRST.has(p.key));
    const ids = props.filter((p) => p.key === 'id');
    return chain(t.target, 'meta', obj([...ids, ...lead, ...props.filter((p) => p.key !== 'id'), ...existing.filter((p) => !PRINTED_FIRST.has(p.key))]));
  }
  return chain(e, 'meta', obj(props));
}
