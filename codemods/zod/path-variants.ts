// A route with optional params (`/:id/loans/:status?`) answers on several paths, and the docs may document each
// as its own operation with its own summary and description. The route has one spec, so the others ride along
// in `variants`, keyed by the route's own Express path with the optional params left out (`/:id/loans`), which
// is how compat/openapi.ts finds them again when it writes one operation per path.
import { withoutOptionalParams } from '../../compat/express-path.js';
import { normalizePath } from '../match.js';
import type { DocOperation, OperationObject } from '../model.js';
import type { RouteRecord } from '../plan.js';

export type VariantSpec = Pick<OperationObject, 'summary' | 'description' | 'operationId' | 'deprecated'>;

// The key rule is the runtime's own (compat/express-path.ts has no dependencies), so both sides agree by
// construction: the codemod writes the keys compat looks up.
export { withoutOptionalParams };

/** The variant specs of a route: each also-served doc that documents an optional param left out, where its
 *  words differ from the route's own operation. */
export function variantSpecs(route: RouteRecord, doc: DocOperation, alsoServed: DocOperation[]): Record<string, VariantSpec> {
  const out: Record<string, VariantSpec> = {};
  const optional = route.optionalParams ?? [];
  if (!route.path || !route.openapiPath || !optional.length) return out;
  for (const d of alsoServed) {
    // optional params are trailing in practice: leave out the last one, then the last two, ...
    for (let k = 1; k <= optional.length; k++) {
      const names = optional.slice(-k);
      const path = names.reduce((p, n) => p.replace(new RegExp(`/?\\{${n.replace(/[$]/g, '\\$')}\\}`), ''), route.openapiPath) || '/';
      if (normalizePath(path) !== normalizePath(d.path)) continue;
      const spec: VariantSpec = {};
      for (const key of ['summary', 'description', 'operationId', 'deprecated'] as const) {
        if (d.operation[key] !== undefined && d.operation[key] !== doc.operation[key]) (spec as Record<string, unknown>)[key] = d.operation[key];
      }
      if (Object.keys(spec).length) out[withoutOptionalParams(route.path, names)] = spec;
      break;
    }
  }
  return out;
}
