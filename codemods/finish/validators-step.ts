// MA009: validator middleware whose rules the route's spec now carries leaves the chain.
// The translation of validators into the spec is another piece of work (`--validation enforce`, MA004); this step
// is one call to it behind the interface below, and says it was skipped until a translation is wired in.
import type { FinishContext, FinishStep, StepResult } from './types.js';
import { result } from './types.js';

/** What a validator translation gives this step: the files without the validators the spec covers, and why others stay. */
export interface ValidatorRemoval {
  /** file -> new text */
  changed: Map<string, string>;
  /** One line per validator removed, file:line. */
  removed: string[];
  /** One line per validator kept, file:line and why (a rule the spec cannot carry, a custom check). */
  kept: string[];
}

/** The function a validator translation provides (`removeCoveredValidators`), reading files through `read`. */
export type RemoveCoveredValidators = (input: { root: string; files: readonly string[]; read: (file: string) => string | null }) => ValidatorRemoval | Promise<ValidatorRemoval>;

/** Set where a translation exists; undefined in this version. */
export let removeCoveredValidators: RemoveCoveredValidators | undefined;

/** For the lead's merge and for tests: plugs a translation in. */
export function useValidatorTranslation(fn: RemoveCoveredValidators | undefined): void {
  removeCoveredValidators = fn;
}

export const ma009: FinishStep = {
  id: 'MA009',
  name: 'remove-covered-validators',
  async run(ctx: FinishContext): Promise<StepResult> {
    if (!removeCoveredValidators) return result(this, [], ['no validator translation in this version']);
    const r = await removeCoveredValidators({ root: ctx.root, files: ctx.analysis.scan.files, read: (f) => ctx.ws.read(f) });
    for (const [file, text] of r.changed) ctx.ws.write(file, text);
    return result(this, r.removed, r.kept);
  },
};
