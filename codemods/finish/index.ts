// `migrate-api finish <dir>`: the steps that end a migration with one source of truth (MA006-MA011), in order,
// each on the files as the ones before left them; nothing is written here (the CLI writes, or prints a diff).
import { resolve } from 'node:path';
import { analyzeProject, packageRoot } from '../analyze.js';
import { isFile } from '../scan/index.js';
import { dirname } from 'node:path';
import { ma006 } from './ma006-docs-endpoints.js';
import { ma007 } from './ma007-legacy-docs.js';
import { ma008 } from './ma008-legacy-docs-option.js';
import { ma009 } from './validators-step.js';
import { ma010 } from './ma010-enforce.js';
import { standing, type Standing } from './ma011-status.js';
import { Workspace, type FileChange } from './workspace.js';
import type { FinishContext, FinishOptions, FinishStep, StepResult } from './types.js';

// MA010 before MA009: a validator leaves only a route that enforces, and MA010 is what flips routers to enforce.
export const FINISH_STEPS: readonly FinishStep[] = [ma006, ma007, ma008, ma010, ma009];

export interface FinishResult {
  root: string;
  steps: StepResult[];
  standing: Standing;
  changes: FileChange[];
}

export async function finishProject(dirArg: string, options: FinishOptions = {}): Promise<FinishResult> {
  const given = resolve(dirArg);
  const root = isFile(given) ? dirname(given) : given;
  const analysis = await analyzeProject(given);
  const ctx: FinishContext = { root, packageRoot: packageRoot(root) ?? root, analysis, ws: new Workspace(), options, notes: new Map() };
  const steps: StepResult[] = [];
  for (const step of FINISH_STEPS) if (!options.only || options.only.includes(step.id)) steps.push(await step.run(ctx));
  const now = standing(ctx, steps);
  steps.push({ id: 'MA011', name: 'standing', status: 'done', did: [now.complete ? 'migration complete' : `${now.left.length} thing${now.left.length === 1 ? '' : 's'} left`], reasons: [] });
  return { root, steps, standing: now, changes: ctx.ws.changes() };
}
