// Before: const router = typed(express.Router(), { validation: 'report' });
// After:  const router = typed(express.Router(), { validation: 'enforce' });
//
// MA010: a router (or the app) flips to enforce when `check --run "<test cmd>"` over the app's own suite finds
// nothing for its routes: report mode counted every difference enforce would make, so none means the flip
// changes no response the suite sees. Routers with findings stay in report, listed with them.
import { relative, sep } from 'node:path';
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { driftOf } from '../check/index.js';
import type { DriftFinding, DriftKind } from '../check/findings.js';
import { runSuiteForViolations } from '../check/run.js';
import { writeLastRun } from '../check/last-run.js';
import { parseProgram } from './source.js';
import { result, type FinishContext, type FinishStep, type StepResult } from './types.js';

/**
 * Findings that say nothing about what enforce would do to a route's traffic: an undocumented route has an empty
 * spec (enforce validates nothing there), and doc-level findings are about the docs, not a route.
 */
const NOT_ABOUT_ENFORCE: ReadonlySet<DriftKind> = new Set(['undocumented-route', 'missing-route', 'doc-yaml', 'doc-ignored', 'duplicate-doc']);

interface ReportModeCall { file: string; name: string; value: Node; line: number }

/** `const <name> = typed(..., { validation: 'report' })` in a file. */
function reportModeCalls(text: string, file: string): ReportModeCall[] {
  const program = parseProgram(text, file);
  const out: ReportModeCall[] = [];
  if (!program) return out;
  walk(program, (n) => {
    let target: Node | null = null;
    let call: Node | null = null;
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') { target = n.id; call = n.init; }
    if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') { target = n.left; call = n.right; }
    while (call?.type === 'AssignmentExpression') call = call.right;
    if (!target || call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || !/typed/i.test(call.callee.name)) return;
    const opts = call.arguments[1];
    if (opts?.type !== 'ObjectExpression') return;
    for (const p of opts.properties as Node[]) {
      if (p.type === 'ObjectProperty' && p.key?.name === 'validation' && p.value.type === 'StringLiteral' && p.value.value === 'report') {
        out.push({ file, name: target.name, value: p.value, line: p.loc.start.line });
      }
    }
  });
  return out;
}

export const ma010: FinishStep = {
  id: 'MA010',
  name: 'enforce-clean-routers',
  async run(ctx: FinishContext): Promise<StepResult> {
    const rel = (f: string) => relative(ctx.root, f).split(sep).join('/') || f;
    const calls = ctx.analysis.scan.files.flatMap((f) => { const t = ctx.ws.read(f); return t === null || !t.includes("'report'") && !t.includes('"report"') ? [] : reportModeCalls(t, f); });
    if (!calls.length) return result(this, [], []);
    if (!ctx.options.run) return result(this, [], ['no --run "<test command>": a router flips to enforce only when the app\'s own suite shows no drift on its routes']);
    const echo = ctx.options.echo ?? (() => {});
    // The suite runs where package.json is (a finish of `src/` still runs the app's own `npm test` from its root);
    // only `src/` of the copy is migrated, as the app was: the package's other code (its tests) stays as written.
    const suite = await runSuiteForViolations(ctx.root, ctx.options.run, echo);
    let findings: DriftFinding[];
    try {
      findings = driftOf(ctx.analysis, { runtime: suite.dump });
    } finally {
      suite.cleanup();
    }
    ctx.notes.set('MA010.findings', findings);
    writeLastRun(ctx.root, { date: new Date().toISOString(), command: ctx.options.run, exitCode: suite.exitCode, violations: suite.violations, findings });
    if (suite.exitCode !== 0) {
      return result(this, [], [`\`${ctx.options.run}\` failed (exit ${suite.exitCode}) against the report-mode copy: enforce needs a suite that passes; every router stays in report`]);
    }
    const byRoute = new Map<string, DriftFinding[]>();
    for (const f of findings) {
      if (NOT_ABOUT_ENFORCE.has(f.kind)) continue;
      const key = `${f.file}:${f.line}`;
      byRoute.set(key, [...(byRoute.get(key) ?? []), f]);
    }
    const did: string[] = [];
    const reasons: string[] = [];
    for (const c of calls) {
      const routes = ctx.analysis.scan.routes.filter((r) => r.file === c.file && r.receiver === c.name);
      const found = routes.flatMap((r) => byRoute.get(`${rel(r.file)}:${r.at.line}`) ?? []);
      if (found.length) {
        reasons.push(`${rel(c.file)}:${c.line}: ${c.name} stays in report: ${found.length} finding${found.length > 1 ? 's' : ''}: ${found.map((f) => `${f.file}:${f.line} ${f.kind} ${f.route ?? ''} ${f.message}`.replace(/\s+/g, ' ')).join('; ')}`);
        continue;
      }
      const text = ctx.ws.read(c.file)!;
      // Re-read: an earlier flip in the same file moved nothing (same length), but the node offsets are the first parse's.
      const again = reportModeCalls(text, c.file).find((x) => x.name === c.name && x.line === c.line);
      if (!again) continue;
      const edits = new SourceEdits(text);
      const q = text[again.value.start];
      edits.replace(again.value.start, again.value.end, `${q}enforce${q}`);
      ctx.ws.write(c.file, edits.apply());
      did.push(`${rel(c.file)}:${c.line}: ${c.name} -> enforce (${routes.length} route${routes.length === 1 ? '' : 's'}, no finding)`);
    }
    return result(this, did, reasons);
  },
};
