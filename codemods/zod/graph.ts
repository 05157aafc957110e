// Which components refer to which, and the order to declare them in: strongly connected
// components (Tarjan) come out dependencies-first, so only refs inside a cycle need laziness.
import type { JsonSchema } from '../model.js';

const PREFIX = '#/components/schemas/';
// Values of these keywords are data, not schemas: a `$ref` key inside an example is not a ref.
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);
// Keys of these are names, every value a schema: a property named `default` or `example` is a schema.
export const NAME_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);

/** Calls `visit` on every sub-schema of `schema` (itself included), skipping data keywords' values. */
export function someSubSchema(schema: unknown, visit: (node: Record<string, unknown>) => boolean, names = false): boolean {
  if (Array.isArray(schema)) return schema.some((s) => someSubSchema(s, visit));
  if (!schema || typeof schema !== 'object') return false;
  const o = schema as Record<string, unknown>;
  if (names) return Object.values(o).some((v) => someSubSchema(v, visit));
  if (visit(o)) return true;
  return Object.entries(o).some(([k, v]) => !DATA_KEYWORDS.has(k) && someSubSchema(v, visit, NAME_MAPS.has(k)));
}

/** The component a `#/components/schemas/X` ref names (pointer-unescaped), if it is one. */
export function componentName(ref: string): string | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  const raw = ref.slice(PREFIX.length);
  if (raw.includes('/')) return undefined;
  let name = raw;
  try { name = decodeURIComponent(raw); } catch { /* keep raw */ }
  return name.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function refsOf(schema: unknown, out = new Set<string>()): Set<string> {
  someSubSchema(schema, (node) => {
    if (typeof node.$ref === 'string') out.add(node.$ref);
    return false;
  });
  return out;
}

/** For each component, the components its schema refers to. */
export function dependencies(schemas: Record<string, JsonSchema>): Map<string, string[]> {
  return new Map(Object.keys(schemas).map((n) => [n, [...refsOf(schemas[n])].map(componentName).filter((d): d is string => d !== undefined && d in schemas)]));
}

/** Strongly connected components of the ref graph, dependencies before dependents. */
export function declarationOrder(schemas: Record<string, JsonSchema>, edges = dependencies(schemas)): string[][] {
  const names = Object.keys(schemas);
  const order = new Map(names.map((n, i) => [n, i]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v)!) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; onStack.delete(w); scc.push(w); } while (w !== v);
      out.push(scc.sort((a, b) => order.get(a)! - order.get(b)!));
    }
  };
  for (const n of names) if (!index.has(n)) visit(n);
  return out;
}

/** Whether a component is or contains a self-reference / cycle. */
export function isCycle(scc: string[], edges: Map<string, string[]>): boolean {
  return scc.length > 1 || edges.get(scc[0])!.includes(scc[0]);
}
