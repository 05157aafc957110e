// Before (an app on zod 3.25): import { z } from 'zod';        // the app's own schemas, zod 3 objects
// After:  the migrated code adds import { z } from 'zod/v4';   // route specs and the schemas module, zod 4
//
// Which module the code a migration writes imports `z` from. migrate-api/compat works on zod 4 schemas and
// imports `zod/v4`, which zod ships from 3.25.0 on (zod 4 ships it too, as the same modules as its root). An app
// whose zod is 4 gets `zod`, as it writes it itself; an app whose zod can be a 3.x (installed, else the range its
// package.json asks for) gets `zod/v4`: in that app `zod` is zod 3, whose schemas the runtime cannot read (no
// `.meta`, no `z.iso`, another internal shape). An app without zod gets `zod` and zod ^4 in its package.json
// (./package-json-change.ts). Older zod 3 is refused before anything is written (./peer-versions.ts).
import { appZod } from './peer-versions.js';

export type ZodModule = 'zod' | 'zod/v4';

/** The module the migrated code of the app around `target` imports `z` from. */
export function zodModuleFor(target: string): ZodModule {
  const found = appZod(target);
  return found && canBeZod3(found.version) ? 'zod/v4' : 'zod';
}

/** Whether a version or range can give a zod 3 (`3.25.76`, `^3.25.0`, `^3.25.0 || ^4.0.0`, `>=3.25`): then
 *  only `zod/v4` is zod 4 in every install. A tag, `*` or a URL reads as no: `zod` is then what npm installs. */
export function canBeZod3(range: string): boolean {
  return range.split('||').some((alternative) => /^\s*(?:[\^~=v]|>=?)?\s*v?3(?:\.|\s*$)/.test(alternative));
}
