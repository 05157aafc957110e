// The package's source files outside the folder finish was given (`config/swagger.ts` beside `src/`): finish does
// not rewrite them, but what they import and run is still the app's. A package they import, a swagger-jsdoc call
// that reads doc comments, a spec file they name, a module they require: each keeps what it needs alive.
import { listSourceFiles } from '../scan/index.js';
import type { FinishContext } from './types.js';

const NOTE = 'outside-files';

export function outsideFiles(ctx: FinishContext): string[] {
  let files = ctx.notes.get(NOTE) as string[] | undefined;
  if (!files) {
    const inside = new Set(ctx.analysis.scan.files);
    files = listSourceFiles(ctx.packageRoot).filter((f) => !inside.has(f));
    ctx.notes.set(NOTE, files);
  }
  return files;
}
