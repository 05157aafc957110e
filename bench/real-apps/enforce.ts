// The enforce column: what flipping a default (report) migration to MIGRATE_API_VALIDATION=enforce changes
// in the app's own suite, and whether each change is explained by a drift finding. Report mode counts every
// difference enforce would make (DESIGN.md, the report-mode invariant), so the findings of the report-mode
// run (`migrate-api check --runtime <dump>`) plus the static ones are the only acceptable explanations;
// a test that changes with no finding on the route it exercises is a false positive of ours.
import { readFileSync, writeFileSync } from 'node:fs';
import { readShareDir } from '../../compat/violations-file.js';
import type { DriftFinding } from '../../codemods/check/findings.js';
import { RUNTIME_KINDS } from '../../codemods/check/findings.js';
import { runStep, tail, type StepOptions } from './step.js';
import type { SuiteDiff } from './suite.js';

export interface CheckResult {
  findings: DriftFinding[];
  /** why there are no findings to read, when there are none */
  problem?: string;
}

/** `migrate-api check <src> --json [--runtime dump]`: exit 0 (no drift) and 1 (drift) both carry findings. */
export async function runCheck(bin: string, src: string, opts: StepOptions, label: string, runtimeDump?: string): Promise<CheckResult> {
  const out = `${opts.log}.${label.replace(/\W+/g, '-')}.json`;
  const cmd = `node ${JSON.stringify(bin)} check ${JSON.stringify(src)} --json${runtimeDump ? ` --runtime ${JSON.stringify(runtimeDump)}` : ''} > ${JSON.stringify(out)}`;
  const r = await runStep(label, cmd, opts);
  if (r.code !== 0 && r.code !== 1) return { findings: [], problem: `check exited ${r.code}: ${tail(r.output)}` };
  try {
    return { findings: (JSON.parse(readFileSync(out, 'utf8')) as { findings: DriftFinding[] }).findings };
  } catch (err) {
    return { findings: [], problem: `check output unreadable: ${(err as Error).message}` };
  }
}

/** The shares the report-mode suite left in `dir`, summed into one dump `check --runtime` reads. */
export function writeDump(sharesDir: string, file: string): number {
  const report = readShareDir(sharesDir);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return report.total;
}

export interface EnforceChange {
  name: string;
  before: string;
  after: string;
  error?: string;
  /** `kind ROUTE` of the findings linked to this test */
  findings: string[];
  /** how the link was made: the route's path named by the test or its error, or the only route that drifted */
  link: 'path' | 'only-route' | 'none';
}

export interface EnforceRecord {
  ms: number;
  passed: number;
  failed: number;
  skipped: number;
  problem?: string;
  /** report-mode violations counted while the suite after ran (the runtime's own count) */
  violations: number;
  staticFindings: number;
  runtimeFindings: Array<{ kind: string; route?: string; file: string; line: number; message: string }>;
  checkProblems: string[];
  changed: EnforceChange[];
  unexplained: number;
}

/** `/v1/ongs/:id` -> ['ongs']: the literal segments a test name or an assertion message can mention. */
function words(route: string): string[] {
  const path = route.split(' ').pop() ?? '';
  return path.split('/').filter((s) => s && !s.startsWith(':') && !s.startsWith('{') && !/^v\d+$|^api$/i.test(s)).map((s) => s.toLowerCase());
}

/**
 * Links each test whose result moved between the report run and the enforce run to the runtime findings
 * that can explain it. A test does not say which routes it calls, so the link is textual: a finding whose
 * route's last literal segment (`ongs` of `POST /v1/ongs`) appears in the test's file, title or failure,
 * or, when only one route drifted at all, that route. A change with no runtime finding at all is
 * unexplained whatever its text says: report mode saw nothing that enforce would change.
 */
export function linkChanges(diff: SuiteDiff, runtime: DriftFinding[]): EnforceChange[] {
  const routes = [...new Set(runtime.map((f) => f.route).filter((r): r is string => !!r))];
  return diff.changed.map((c) => {
    const text = `${c.name} ${c.error ?? ''}`.toLowerCase();
    const named = routes.filter((r) => {
      const w = words(r);
      return w.length > 0 && text.includes(w[w.length - 1]);
    });
    const linkedRoutes = named.length ? named : routes.length === 1 ? routes : [];
    const findings = runtime.filter((f) => f.route && linkedRoutes.includes(f.route)).map((f) => `${f.kind} ${f.route}`);
    return {
      name: c.name, before: c.before, after: c.after, error: c.error,
      findings: [...new Set(findings)],
      link: named.length ? 'path' : linkedRoutes.length ? 'only-route' : 'none',
    };
  });
}

export function runtimeOnly(findings: DriftFinding[]): DriftFinding[] {
  return findings.filter((f) => RUNTIME_KINDS.has(f.kind));
}
