// Which statuses of a spec promise a body schema (`200: User`, `200: { schema: ... }`) rather than a description
// alone (`404: { description: 'Not Found' }`). In TypeScript the typed verb checks a handler's returned value
// against that schema at compile time (compat/handler-types.ts HandlerResult); for a handler defined away from
// its route the value's type comes from the app's own declarations (an `IPlayer` model), which this codemod
// cannot compare with a schema written from the docs, so such a send keeps the handler legacy instead of
// leaving the app failing `tsc`.
import type { Node } from './ast.js';
import { responseEntries } from './handler-flow.js';

/** null: the responses are not a literal object (nothing is known: every status counts as having a schema). */
export function statusesWithSchema(specValues: Map<string, string>): Set<number> | null {
  const entries = responseEntries(specValues);
  if (entries === undefined) return new Set();
  if (entries === null) return null;
  const out = new Set<number>();
  for (const { key, value: v } of entries) {
    const descriptionOnly = v.type === 'ObjectExpression'
      && (v.properties as Node[]).every((q) => q.type === 'ObjectProperty' && !q.computed && (q.key.name ?? q.key.value) !== 'schema');
    if (!descriptionOnly) out.add(Number(key));
  }
  return out;
}
