// The schema helpers a route file's inline specs call, by the names migrate-api/compat exports them under
// (checked here at compile time). A route file imports them like `typed` and `legacy` (rules/index.ts); a
// schemas module declares its own (module.ts), and never exports a component under these names, so one
// route file can import both without a clash.
import type * as compat from '../../compat/index.js';

export const ROUTE_HELPERS = { readOnlyChecked: 'readOnlyChecked', dateTime: 'dateTime' } as const satisfies Record<string, keyof typeof compat>;

export const ROUTE_HELPER_NAMES: readonly string[] = Object.values(ROUTE_HELPERS);
