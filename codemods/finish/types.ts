// The `migrate-api finish` steps (MA006-MA011): each one step towards one source of truth, taken only when it is
// safe, reported as done / unchanged / skipped-with-a-reason, and a plain diff of the files it touched.
import type { Analysis } from '../analyze.js';
import type { Workspace } from './workspace.js';

export type FinishRuleId = 'MA006' | 'MA007' | 'MA008' | 'MA009' | 'MA010' | 'MA011';

export interface StepResult {
  id: FinishRuleId;
  name: string;
  /** done: it changed files; unchanged: nothing left for it to do; skipped: something was left, `reasons` say why. */
  status: 'done' | 'unchanged' | 'skipped';
  /** What it did, one line each (file:line where there is one). */
  did: string[];
  /** Why something was left as it was, one line each. */
  reasons: string[];
}

export interface FinishOptions {
  /** Run only these steps (tests, and a team that wants one step per commit); MA011 always reports. */
  only?: FinishRuleId[];
  /** The app's own test command, for MA010 (`check --run`). */
  run?: string;
  /** MA007 deletes spec files nothing reads any more (listed otherwise). */
  deleteSpecFiles?: boolean;
  /** Where the suite's output goes while MA010 runs it. */
  echo?: (s: string) => void;
}

export interface FinishContext {
  root: string;
  /** The package folder (package.json), where spec files and dependencies are. */
  packageRoot: string;
  /** The app as it was before finish (routes, routers, doc sources): read once, from disk. */
  analysis: Analysis;
  ws: Workspace;
  options: FinishOptions;
  /** What earlier steps learned that later ones need (MA006's rewired files, MA010's findings). */
  notes: Map<string, unknown>;
}

export interface FinishStep {
  id: FinishRuleId;
  name: string;
  run(ctx: FinishContext): Promise<StepResult> | StepResult;
}

export function result(step: Pick<FinishStep, 'id' | 'name'>, did: string[], reasons: string[]): StepResult {
  return { id: step.id, name: step.name, status: did.length ? 'done' : reasons.length ? 'skipped' : 'unchanged', did, reasons };
}
