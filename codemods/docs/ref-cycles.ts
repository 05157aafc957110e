// Schemas that reach themselves through `$ref`s without descending into a property or an item first
// (`A: { $ref: B }`, `B: { allOf: [{ $ref: A }] }`, `Self: { $ref: Self }`) describe no value: a validator
// following them recurses before it reads any of the input. The generated schemas module would say
// `const A = z.lazy(() => B)` round the loop, and a typed route answering with one would throw "Maximum call
// stack size exceeded" where the app used to answer 200. Each such cycle is cut here, once the docs of every
// file are merged (a cycle can cross files): its schemas become any value, with an error where the first is written.
// A recursive schema with structure (`Tree: { properties: { kids: { items: { $ref: Tree } } } }`) is no such cycle.
import type { Diagnostic } from '../diagnostics.js';
import type { DocsModel, JsonSchema } from '../model.js';
import { isObject } from './context.js';
import { SCHEMA_REF_PREFIX } from './normalize-schema.js';
import { splitPointer } from './yaml-source.js';

/** Keywords whose subschemas apply to the value itself, not to a part of it. */
const SAME_VALUE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SAME_VALUE_ONES = ['not', 'if', 'then', 'else'];

export function cutRefCycles(model: DocsModel): void {
  const names = Object.keys(model.schemas);
  const edges = new Map(names.map((n) => [n, sameValueRefs(model.schemas[n]).filter((t) => t in model.schemas)]));
  const state = new Map<string, 'open' | 'done'>();
  const cut = new Set<string>();
  const path: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'open');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = path.slice(path.indexOf(next));
        if (!cycle.some((n) => cut.has(n))) report(model, cycle);
        for (const n of cycle) cut.add(n);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    path.pop();
    state.set(name, 'done');
  };
  for (const name of names) if (!state.has(name)) visit(name);
  for (const name of cut) model.schemas[name] = {};
}

/** Names the schema refers to where the reference applies to the value the schema itself is checking. */
function sameValueRefs(schema: JsonSchema): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!isObject(node)) return;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF_PREFIX)) out.push(splitPointer(node.$ref.slice(1))[2]);
    for (const key of SAME_VALUE_LISTS) if (Array.isArray(node[key])) for (const sub of node[key] as unknown[]) walk(sub);
    for (const key of SAME_VALUE_ONES) walk(node[key]);
  };
  walk(schema);
  return out;
}

function report(model: DocsModel, cycle: string[]): void {
  const first = cycle[0];
  const d: Diagnostic = {
    code: 'ref-cycle',
    severity: 'error',
    message: `schema '${first}' only points to schemas that point back to it (${[...cycle, first].join(' -> ')}); treated as any value`,
  };
  const at = model.schemaSources[first];
  model.diagnostics.push(at ? { ...d, at } : d);
}
