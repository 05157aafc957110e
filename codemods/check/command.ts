// `migrate-api check <dir> [--json] [--ignore kind,..] [--runtime dump.json | --run "<test command>"] [--spec file ...]`
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import pc from 'picocolors';
import { checkProject } from './index.js';
import { DRIFT_KINDS, type DriftFinding, type DriftKind } from './findings.js';
import { UsageError } from '../cli-errors.js';
import { checkSpecArgs } from '../cli/spec-args.js';
import { RuntimeDumpError } from './runtime-drift.js';
import { runSuiteForViolations, type SuiteRun } from './run.js';
import { writeLastRun } from './last-run.js';

interface Io { out: (s: string) => void; err: (s: string) => void }

export async function runCheckCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        ignore: { type: 'string' },
        runtime: { type: 'string' },
        run: { type: 'string' },
        spec: { type: 'string', multiple: true },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('check: expected exactly one directory');
  const dir = positionals[0];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
  const ignore = (values.ignore ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ignore.filter((k) => !(k in DRIFT_KINDS));
  if (unknown.length) throw new UsageError(`--ignore: unknown kind ${unknown.join(', ')} (kinds: ${Object.keys(DRIFT_KINDS).join(', ')})`);
  if (values.runtime && !existsSync(values.runtime)) throw new UsageError(`--runtime: no such file ${values.runtime}`);

  if (values.runtime && values.run) throw new UsageError('--runtime and --run: give one (--run writes its own dump)');
  await checkSpecArgs(values.spec);

  let findings: DriftFinding[];
  let suite: SuiteRun | undefined;
  try {
    if (values.run) {
      io.err(`running \`${values.run}\` against a report-mode migration of a copy of ${dir}...\n`);
      suite = await runSuiteForViolations(dir, values.run, io.err);
      io.err(`the suite exited ${suite.exitCode}; the runtime counted ${suite.violations} contract violation${suite.violations === 1 ? '' : 's'}\n`);
    }
    ({ findings } = await checkProject(dir, { specs: values.spec, runtime: suite?.dump ?? values.runtime, ignore: ignore as DriftKind[] }));
  } catch (err) {
    if (err instanceof RuntimeDumpError) throw new UsageError(err.message);
    throw err;
  } finally {
    suite?.cleanup();
  }
  if (suite && values.run) writeLastRun(dir, { date: new Date().toISOString(), command: values.run, exitCode: suite.exitCode, violations: suite.violations, findings });
  if (values.json) io.out(JSON.stringify({ findings }, null, 2) + '\n');
  else io.out(renderFindings(findings));
  return findings.length > 0 ? 1 : 0;
}

/** Findings grouped by file, each with file:line, kind and a one-line fix hint. */
export function renderFindings(findings: DriftFinding[]): string {
  if (findings.length === 0) return `${pc.green('no drift:')} the docs match the code.\n`;
  const byFile = new Map<string, DriftFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  // One column width for the whole table, so long paths do not push their rows out of line.
  const where = Math.max(28, ...findings.map((f) => `${f.file}:${f.line}`.length));
  const kind = Math.max(...Object.keys(DRIFT_KINDS).map((k) => k.length));
  for (const [file, list] of byFile) {
    lines.push(pc.bold(file));
    for (const f of list) {
      lines.push(`  ${`${file}:${f.line}`.padEnd(where)} ${pc.yellow(f.kind.padEnd(kind))} ${f.route ? `${f.route}: ` : ''}${f.message}`);
      lines.push(`  ${' '.repeat(where)} ${' '.repeat(kind)} ${pc.dim(`fix: ${f.hint}`)}`);
    }
    lines.push('');
  }
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  lines.push(`${findings.length} finding${findings.length > 1 ? 's' : ''}: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
  return lines.join('\n') + '\n';
}
