// The infer column (issue 15): on a docs-less app, after the default migration, `migrate-api infer <src> --run
// "<test command>"` fills the undocumented routes' empty specs from the code and the suite's own traffic (MA005);
// then the suite runs again in report mode (nothing a request sees may change) and in enforce (the inferred specs
// validate), each test that moves under enforce linked to a runtime finding as in the enforce column.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SuiteSummary } from './app.js';
import { linkChanges, runCheck, runtimeOnly, writeDump, type EnforceChange } from './enforce.js';
import { runStep, shellArg, tail, type StepOptions } from './step.js';
import { compareSuites, type RunSuite, type SuiteDiff, type TestResult } from './suite.js';

export interface InferRecord {
  exit: number | null;
  ms: number;
  /** why there are no counts, when there are none */
  problem?: string;
  /** undocumented routes infer looked at (wrapped with an empty spec `{}`) */
  routes: number;
  inferred: number;
  /** of the inferred, how many had recorded traffic (the rest: from the code only) */
  fromTraffic: number;
  unknown: number;
  skipped: number;
  /** routes of the recording (what the suite exercised), null without one */
  recorded: number | null;
  /** `METHOD path: reason` of the skipped and unknown routes, first few */
  left: string[];
  /** the suite in report mode with the inferred specs, against the suite before the migration */
  report?: SuiteSummary & { diff?: SuiteDiff };
  /** the suite in enforce with the inferred specs, against the report run just above */
  enforce?: SuiteSummary & { changed: EnforceChange[]; unexplained: number; violations: number; runtimeFindings: number; checkProblem?: string };
}

interface InferJson {
  routes: Array<{ method: string; path: string | null; status: 'inferred' | 'unknown' | 'skipped'; requests?: number; reason?: string }>;
  recorded: number | null;
}

const summary = (o: Awaited<ReturnType<RunSuite>>): SuiteSummary =>
  ({ exit: o.code, timedOut: o.timedOut, passed: o.run.passed, failed: o.run.failed, skipped: o.run.skipped, problem: o.run.problem });

/**
 * Runs infer on the migrated checkout (committed first: infer writes in place), then the suite twice.
 * `before`: the per-test results of the unmigrated app; `shares`: a folder for the report run's counts.
 */
export async function runInfer(opts: {
  bin: string; src: string; testCommand: string; reportDir: string; shares: string; dump: string;
  step: StepOptions; checkStep: StepOptions; suite: RunSuite; before: TestResult[] | null;
}): Promise<InferRecord> {
  const out = join(opts.reportDir, 'infer');
  const r = await runStep('infer', `node ${JSON.stringify(opts.bin)} infer ${JSON.stringify(opts.src)} --run ${shellArg(opts.testCommand)} --report ${JSON.stringify(out)}`, opts.step);
  const rec: InferRecord = { exit: r.code, ms: r.ms, routes: 0, inferred: 0, fromTraffic: 0, unknown: 0, skipped: 0, recorded: null, left: [] };
  let data: InferJson;
  try {
    data = JSON.parse(readFileSync(join(out, 'infer.json'), 'utf8')) as InferJson;
  } catch {
    rec.problem = `no infer.json (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${tail(r.output)}`;
    return rec;
  }
  const of = (s: string) => data.routes.filter((x) => x.status === s);
  Object.assign(rec, {
    routes: data.routes.length, inferred: of('inferred').length, unknown: of('unknown').length, skipped: of('skipped').length,
    fromTraffic: of('inferred').filter((x) => (x.requests ?? 0) > 0).length, recorded: data.recorded,
    left: data.routes.filter((x) => x.status !== 'inferred').slice(0, 10).map((x) => `${x.method.toUpperCase()} ${x.path ?? '?'}: ${x.status}${x.reason ? ` (${x.reason})` : ''}`),
  });
  if (rec.inferred === 0) return rec; // nothing written: the runs below would repeat the ones made already

  rmSync(opts.shares, { recursive: true, force: true });
  const report = await opts.suite('suite after infer', { MIGRATE_API_VIOLATIONS_SHARES: opts.shares });
  rec.report = { ...summary(report), ...(opts.before && report.run.tests ? { diff: compareSuites(opts.before, report.run.tests) } : {}) };
  const violations = writeDump(opts.shares, opts.dump);
  const check = await runCheck(opts.bin, opts.src, opts.checkStep, 'check runtime after infer', opts.dump);
  const enforced = await opts.suite('suite enforce after infer', { MIGRATE_API_VALIDATION: 'enforce' });
  const changed = report.run.tests && enforced.run.tests ? linkChanges(compareSuites(report.run.tests, enforced.run.tests), runtimeOnly(check.findings)) : [];
  rec.enforce = {
    ...summary(enforced), changed, unexplained: changed.filter((c) => c.findings.length === 0).length,
    violations, runtimeFindings: runtimeOnly(check.findings).length, ...(check.problem ? { checkProblem: check.problem } : {}),
  };
  return rec;
}
