// Before: every TS handler the rules could type was typed, whatever the app's types made of it: a migration could
//         leave `const name: string = body.name` on an optional body, and the app no longer compiled.
// After:  the typed rewrite is type-checked in memory by the app's own tsc (codemods/tsc-checker.ts); each handler a
//         new error is about stays legacy with tsc's words, and the plan is made again, until tsc adds nothing.
//
// A new error is traced to the handler it stands in (codemods/tsc-checker.ts `attribute`); its reason cites that
// handler's route call or definition on disk (codemods/tsc-reason.ts), the error's own line being in a trial
// rewrite that is not written. One traced to no typed
// handler is first compared with a rewrite where every candidate stays legacy: if that rewrite has it too, the typed
// handlers are not its cause (the error is reported, the handlers stay typed); if not, every handler of the run
// stays legacy (fail closed: tsc says the typed code breaks the app, and we cannot say which part).
import { relative, sep } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { FilePlan, RouteReport } from './plan.js';
import { candidateKey, type AppTscChecker, type NewError, type TypeCheckCandidate } from './tsc-checker.js';
import { refusalReason } from './tsc-reason.js';

/** What the rounds ask of the app's tsc. */
export type TscVerdicts = Pick<AppTscChecker, 'version' | 'newErrors' | 'attribute'>;

/** Rounds of planning and type-checking before every typed handler stays legacy: each one keeps at least one more legacy. */
const ROUNDS = 4;

/** What a round needs of the migration (codemods/migrate.ts): a plan with these handlers refused, its rewrite. */
export interface TypedRewriteTrial<Plan, Result> {
  plan(refused: ReadonlyMap<string, string>): Promise<Plan>;
  candidates(plan: Plan): readonly TypeCheckCandidate[];
  rewrite(plan: Plan): Promise<Result>;
  writes(result: Result): ReadonlyArray<{ file: string; after: string }>;
  routes(result: Result): readonly RouteReport[];
  /** A file as the report names it (relative to the migrated folder). */
  reportPath(file: string): string;
  /** The report's diagnostics, to say what was checked. */
  diagnostics(result: Result): Diagnostic[];
}

/** The migration whose typed TS handlers the app's tsc (`checker`: codemods/tsc-checker.ts) accepts. */
export async function withTypedRewriteChecked<Plan, Result>(root: string, checker: TscVerdicts, trial: TypedRewriteTrial<Plan, Result>): Promise<Result> {
  const rel = (f: string) => relative(root, f).split(sep).join('/');
  // In the rewrite that is written (the warnings at the end): its line is the migrated file's.
  const said = (e: NewError) => `TS${e.code} at ${rel(e.file)}:${e.line} (as rewritten): ${e.message}`;
  // In a trial rewrite that is not written, and traced to no handler: the file only, a trial's line cites nothing.
  const untracedSaid = (e: NewError) => `TS${e.code} in ${rel(e.file)}: ${e.message}`;
  const errorKey = (e: NewError) => `${e.file}\0${e.code}\0${e.message}`;
  const refused = new Map<string, string>();
  /** Errors a rewrite with every candidate legacy has as well: not the typed handlers' (filled on first need). */
  let notTheHandlers: Set<string> | null = null;
  let candidates: readonly TypeCheckCandidate[] = [];
  let left: NewError[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const plan = await trial.plan(refused);
    const result = await trial.rewrite(plan);
    const errors = checker.newErrors(trial.writes(result));
    candidates = trial.candidates(plan);
    const open = typedCandidates(candidates, trial.routes(result), trial.reportPath).filter((c) => !refused.has(c.key));
    if (round === 0 && open.length === 0 && errors.length === 0) return result;
    left = errors.filter((e) => !notTheHandlers?.has(errorKey(e)));
    if (left.length === 0) {
      say(trial.diagnostics(result), checker.version, open.length, refused.size, errors.map(said));
      return result;
    }
    const untraced: NewError[] = [];
    for (const e of left) {
      const about = checker.attribute(e, open);
      if (about.length === 0) untraced.push(e);
      for (const { candidate: c, ...at } of about) if (!refused.has(c.key)) refused.set(c.key, refusalReason(checker.version, e, at, rel));
    }
    if (untraced.length && !notTheHandlers) {
      const result = await trial.rewrite(await trial.plan(everyOne(candidates, refused, 'every typed handler legacy')));
      notTheHandlers = new Set(checker.newErrors(trial.writes(result)).map(errorKey));
    }
    const theirs = untraced.filter((e) => !notTheHandlers!.has(errorKey(e)));
    if (theirs.length) {
      for (const c of open) if (!refused.has(c.key)) refused.set(c.key, `the app's TypeScript ${checker.version} finds an error in the typed rewrite that is not traced to one handler, so every typed handler stays legacy (${untracedSaid(theirs[0]!)})`);
    }
  }
  // Rounds spent with errors left: every handler stays legacy (fail closed), and what tsc still finds is said.
  const all = everyOne(candidates, refused, `the app's TypeScript ${checker.version} still finds errors in the typed rewrite after ${ROUNDS} rounds, so every typed handler stays legacy (${untracedSaid(left[0]!)})`);
  const result = await trial.rewrite(await trial.plan(all));
  say(trial.diagnostics(result), checker.version, 0, all.size, checker.newErrors(trial.writes(result)).map(said));
  return result;
}

/** `refused`, and every other candidate refused with `why`. */
function everyOne(candidates: readonly TypeCheckCandidate[], refused: ReadonlyMap<string, string>, why: string): Map<string, string> {
  const all = new Map(refused);
  for (const c of candidates) if (!all.has(c.key)) all.set(c.key, why);
  return all;
}

/** The candidates the rewrite did type: a definition is one only once typed; an inline route, when its report says typed. */
function typedCandidates(candidates: readonly TypeCheckCandidate[], routes: readonly RouteReport[], rel: (f: string) => string): TypeCheckCandidate[] {
  const typed = new Set(routes.filter((r) => r.status === 'typed').map((r) => `${r.file}\0${r.line}\0${r.method}`));
  return candidates.filter((c) => !c.inline || c.routes.some((r) => typed.has(`${rel(r.file)}\0${r.line}\0${r.method}`)));
}

function say(diagnostics: Diagnostic[], version: string, typed: number, legacy: number, notTheHandlers: string[]): void {
  diagnostics.push({ code: 'type-checked', severity: 'info', rule: 'MA003',
    message: `${typed + legacy} typed TS handler(s) were type-checked with the app's TypeScript ${version}: ${typed} typed, ${legacy} kept legacy` });
  if (notTheHandlers.length) {
    diagnostics.push({ code: 'type-errors', severity: 'warning', rule: 'MA003',
      message: `the app's TypeScript ${version} finds ${notTheHandlers.length} new error(s) in the migrated app that keeping handlers legacy does not remove: ${notTheHandlers.slice(0, 3).join('; ')}` });
  }
}

/** The inline handlers of TS route files that MA003 may type: candidates for the app's tsc. One it refused is
 *  marked on its route plan (`typesRefused`), so MA001 keeps it legacy with tsc's words. `writtenPath`: a route
 *  call's path as written, by its key (the scan's). */
export function inlineTypeCheckCandidates(plans: readonly FilePlan[], refused: ReadonlyMap<string, string>,
  writtenPath: (key: string) => string | null): TypeCheckCandidate[] {
  const out: TypeCheckCandidate[] = [];
  for (const plan of plans) {
    if (!/\.[cm]?tsx?$/.test(plan.file) || !plan.rules.has('MA003')) continue;
    for (const route of plan.routes) {
      // A delegating function whose callee stays legacy is tried inline (rules/definition-site.ts): a candidate too.
      if (!route.documented || route.migrated || route.dynamic || (route.handlerDef && !(route.handlerDef.typed === false && route.handlerDef.inline))) continue;
      const key = candidateKey(plan.file, route.at);
      const verdict = refused.get(key);
      if (verdict) { route.typesRefused = verdict; continue; }
      out.push({ key, file: plan.file, line: route.at.line, names: [], inline: true,
        routes: [{ file: plan.file, method: route.method, handler: '', path: writtenPath(key), line: route.at.line }] });
    }
  }
  return out;
}
