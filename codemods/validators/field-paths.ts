// express-validator names fields by path (`address.city`, `items.*.sku`, `tags[*]`); a route's spec wants one
// object schema per request location. This folds the per-path schemas into that tree. A parent the code never
// typed gets no `type`, so JSON Schema's `properties`/`items` constrain it only when it is an object/array,
// as express-validator does (a wildcard over a missing or scalar value checks nothing).
import type { JsonSchema } from './types.js';

export interface FieldRule {
  schema: JsonSchema;
  /** The field must be present (some validator rejects `undefined` and nothing makes it optional). */
  required: boolean;
}

interface TreeNode { own?: FieldRule; children: Map<string, TreeNode>; item?: TreeNode }

const node = (): TreeNode => ({ children: new Map() });

/** `a.b`, `a[0]`, `a[*]`, `a.*.b`, `['a.b']` -> segments; undefined for what the fold cannot place. */
export function pathSegments(path: string): string[] | undefined {
  const out: string[] = [];
  const re = /([^.[\]]+)|\[(\*|\d+|"[^"]*"|'[^']*')\]|\./g;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path))) {
    if (m.index !== last) return undefined;
    last = re.lastIndex;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(/^["']/.test(m[2]) ? m[2].slice(1, -1) : m[2]);
  }
  if (last !== path.length || out.length === 0) return undefined;
  // Numeric indexes pick one element; the fold only knows "every element".
  if (out.some((s) => /^\d+$/.test(s))) return undefined;
  return out;
}

export class FieldTree {
  private root = node();

  add(segments: string[], rule: FieldRule): void {
    let at = this.root;
    for (const seg of segments) {
      if (seg === '*') at = at.item ??= node();
      else {
        let next = at.children.get(seg);
        if (!next) { next = node(); at.children.set(seg, next); }
        at = next;
      }
    }
    at.own = at.own ? { schema: mergeSchemas(at.own.schema, rule.schema), required: at.own.required || rule.required } : rule;
  }

  get empty(): boolean {
    return this.root.children.size === 0 && !this.root.item;
  }

  /** The location's object schema. */
  toSchema(): JsonSchema {
    const s = build(this.root).schema;
    return { type: 'object', ...s };
  }
}

function build(n: TreeNode): { schema: JsonSchema; required: boolean } {
  const schema: JsonSchema = { ...(n.own?.schema ?? {}) };
  let required = n.own?.required ?? false;
  if (n.children.size > 0) {
    const props: Record<string, JsonSchema> = { ...((schema.properties as Record<string, JsonSchema>) ?? {}) };
    const req = new Set<string>((schema.required as string[]) ?? []);
    for (const [key, child] of n.children) {
      const b = build(child);
      props[key] = b.schema;
      if (b.required) { req.add(key); required = true; }
    }
    schema.properties = props;
    // A required child reads `undefined` off anything but an object and fails: the parent must be one.
    if (req.size > 0) { schema.required = [...req]; if (schema.type === undefined) schema.type = 'object'; }
  }
  if (n.item) schema.items = build(n.item).schema;
  return { schema, required };
}

/** Two rule sets on one field both apply. Keywords already present keep the stricter bound. */
export function mergeSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (!(k in out)) { out[k] = v; continue; }
    const cur = out[k];
    if (k === 'minimum' || k === 'minLength' || k === 'minItems' || k === 'exclusiveMinimum') out[k] = Math.max(cur as number, v as number);
    else if (k === 'maximum' || k === 'maxLength' || k === 'maxItems' || k === 'exclusiveMaximum') out[k] = Math.min(cur as number, v as number);
    else if (JSON.stringify(cur) !== JSON.stringify(v)) out.allOf = [...((out.allOf as JsonSchema[]) ?? []), { [k]: v }];
  }
  return out;
}
