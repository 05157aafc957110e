// `migrate-api infer <dir> [--from recording.json | --run "<test command>"] [--dry] [--json] [--report dir]`: fills the empty
// specs of a migrated app's undocumented routes with what is known of them (MA005, infer/apply.ts): the code's
// facts, and the shapes a recording shows (MIGRATE_API_RECORD from a staging app, or the app's own suite run here
// against a copy, as `check --run` does). Exit codes: 0 done, 1 something skipped (or --dry and something would
// change), 2 usage error.
import { parseArgs } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { readRecording, RecordingError, type Recording } from '../../compat/shapes-file.js';
import { UsageError } from '../cli-errors.js';
import { runSuiteForViolations } from '../check/run.js';
import { unifiedDiff } from '../cli/unified-diff.js';
import { writeFilesAtomic } from '../write.js';
import { inferProject, type InferredRoute, type InferResult } from './apply.js';

interface Io { out: (s: string) => void; err: (s: string) => void }

export async function runInferCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        from: { type: 'string' },
        run: { type: 'string' },
        dry: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        report: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('infer: expected exactly one directory');
  const dir = resolve(positionals[0]!);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`not a directory: ${positionals[0]}`);
  if (values.from && values.run) throw new UsageError('--from and --run: give one (--run records its own traffic)');

  let recording: Recording | undefined;
  try {
    if (values.from) recording = readRecording(values.from);
    if (values.run) recording = await recordSuite(dir, values.run, io);
  } catch (err) {
    if (err instanceof RecordingError) throw new UsageError(err.message);
    throw err;
  }
  const result = await inferProject(dir, recording);
  const rel = (f: string) => relative(dir, f).split(sep).join('/') || f;
  if (values.dry) {
    for (const w of result.writes) io.out(unifiedDiff(`a/${rel(w.file)}`, `b/${rel(w.file)}`, w.before, w.after));
  } else {
    const { failed } = await writeFilesAtomic(result.writes.map((w) => ({ file: w.file, content: w.after })));
    for (const f of failed) io.err(`${pc.red('error:')} ${rel(f.file)}: ${f.message}\n`);
    if (failed.length) return 1;
  }
  const data = { routes: result.routes.map((r) => ({ ...r, file: rel(r.file) })), recorded: recording?.routes.length ?? null };
  if (values.report) {
    mkdirSync(values.report, { recursive: true });
    writeFileSync(join(values.report, 'infer.json'), JSON.stringify(data, null, 2) + '\n');
    writeFileSync(join(values.report, 'infer.md'), renderMarkdown(data.routes));
  }
  if (values.json) io.out(JSON.stringify(data, null, 2) + '\n');
  else io.out(renderInferred(result, rel, recording));
  const skipped = result.routes.some((r) => r.status === 'skipped');
  return skipped || (values.dry && result.writes.length > 0) ? 1 : 0;
}

/** The app's own suite, run against a report-mode copy with the recorder on; the recording it left. */
async function recordSuite(dir: string, command: string, io: Io): Promise<Recording> {
  const scratch = mkdtempSync(join(tmpdir(), 'migrate-api-record-'));
  const file = join(scratch, 'recording.json');
  io.err(`running \`${command}\` against a report-mode copy of ${dir}, recording its traffic...\n`);
  const suite = await runSuiteForViolations(dir, command, io.err, { MIGRATE_API_RECORD: file });
  try {
    io.err(`the suite exited ${suite.exitCode}\n`);
    try {
      return readRecording(file);
    } catch (err) {
      if (err instanceof RecordingError) return { version: 1, kind: 'migrate-api-recording', routes: [] }; // the suite reached no typed route
      throw err;
    }
  } finally {
    suite.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function from(r: InferredRoute): string {
  return [r.fromCode ? 'code' : '', r.requests ? `${r.requests} request${r.requests === 1 ? '' : 's'}` : ''].filter(Boolean).join(' + ') || 'the path';
}

/** One table row per undocumented route: what was inferred, from what. */
export function renderMarkdown(routes: InferredRoute[]): string {
  const rows = routes.map((r) => `| ${r.method.toUpperCase()} \`${r.path ?? '?'}\` | ${r.file}:${r.line} | ${r.status} | ${r.status === 'inferred' ? from(r) : r.reason ?? ''} | ${r.statuses?.join(', ') ?? ''} |`);
  const inferred = routes.filter((r) => r.status === 'inferred').length;
  return ['# migrate-api infer (MA005)', '', `${inferred} of ${routes.length} undocumented routes got an inferred spec; each is marked \`TODO(migrate-api MA005)\` for review.`, '',
    '| route | where | status | from | responses |', '|---|---|---|---|---|', ...rows, ''].join('\n');
}

export function renderInferred(result: InferResult, rel: (f: string) => string, recording: Recording | undefined): string {
  const lines: string[] = [];
  for (const r of result.routes) {
    const where = `${rel(r.file)}:${r.line}`;
    const route = `${r.method.toUpperCase()} ${r.path ?? '?'}`;
    if (r.status === 'inferred') lines.push(`  ${pc.green('inferred')} ${route}  ${where}  from ${from(r)}; responses ${r.statuses?.join(', ') || 'unknown'}`);
    else lines.push(`  ${r.status === 'skipped' ? pc.yellow('skipped ') : pc.dim('unknown ')} ${route}  ${where}  ${r.reason ?? ''}`);
  }
  const inferred = result.routes.filter((r) => r.status === 'inferred').length;
  const seen = result.routes.filter((r) => (r.requests ?? 0) > 0).length;
  if (result.routes.length === 0) lines.push('no undocumented route with an empty spec `{}`: run the migration first (`migrate-api <dir>`)');
  lines.push(`${inferred} of ${result.routes.length} undocumented route${result.routes.length === 1 ? '' : 's'} got an inferred spec (MA005)`
    + (recording ? `; ${seen} seen in the recording (${recording.routes.length} recorded route${recording.routes.length === 1 ? '' : 's'})` : '; from the code only (no recording)')
    + `; ${result.writes.length} file${result.writes.length === 1 ? '' : 's'} changed. Review each \`TODO(migrate-api MA005)\`.`);
  return lines.join('\n') + '\n';
}
