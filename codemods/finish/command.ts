// `migrate-api finish <dir> [--dry] [--run "<test cmd>"] [--delete-spec-files] [--report dir] [--force] [--json]`
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { unlink } from 'node:fs/promises';
import pc from 'picocolors';
import { UsageError } from '../cli-errors.js';
import { GitStatusError, uncommittedChanges } from '../git.js';
import { unifiedDiff } from '../cli/unified-diff.js';
import { writeFilesAtomic } from '../write.js';
import { finishProject, type FinishResult } from './index.js';
import { writeFinishReport } from './report.js';

interface Io { out: (s: string) => void; err: (s: string) => void }

export async function runFinishCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        dry: { type: 'boolean', default: false },
        run: { type: 'string' },
        'delete-spec-files': { type: 'boolean', default: false },
        report: { type: 'string' },
        force: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('finish: expected exactly one directory');
  const dir = positionals[0];
  if (!existsSync(dir)) throw new UsageError(`no such directory: ${dir}`);
  if (!values.dry && !values.force) {
    let dirty: string[] | null;
    try { dirty = uncommittedChanges(dir); } catch (err) {
      if (!(err instanceof GitStatusError)) throw err;
      io.err(`${pc.red('refusing to finish:')} \`git status\` failed in ${dir}:\n${err.message}\nFix the repository (or pass --force).\n`);
      return 1;
    }
    if (dirty && dirty.length) {
      io.err(`${pc.red('refusing to finish:')} ${dir} has uncommitted changes (${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', ...' : ''}).\nCommit them first so each finish is one reviewable diff, or pass --force.\n`);
      return 1;
    }
  }
  const result = await finishProject(dir, { run: values.run, deleteSpecFiles: values['delete-spec-files'], echo: (s) => io.err(s) });
  const show = (f: string) => relative(process.cwd(), f).split(sep).join('/');
  if (values.dry) {
    for (const c of result.changes) io.out(unifiedDiff(c.before === null ? '/dev/null' : `a/${show(c.file)}`, c.after === null ? '/dev/null' : `b/${show(c.file)}`, c.before ?? '', c.after ?? ''));
  } else {
    const { failed } = await writeFilesAtomic(result.changes.filter((c) => c.after !== null).map((c) => ({ file: c.file, content: c.after! })));
    for (const f of failed) io.err(`${pc.red('error:')} cannot write ${show(f.file)}: ${f.message} (left as it was)\n`);
    for (const c of result.changes.filter((x) => x.after === null)) await unlink(c.file);
    if (failed.length) return 1;
  }
  if (values.report) {
    const paths = writeFinishReport(result, values.report);
    if (!values.json) io.err(`report: ${paths.join(', ')}\n`);
  }
  if (values.json) io.out(JSON.stringify({ root: result.root, steps: result.steps, standing: result.standing, changed: result.changes.map((c) => ({ file: show(c.file), deleted: c.after === null })) }, null, 2) + '\n');
  else io.err(renderFinish(result, values.dry));
  if (values.dry && result.changes.length) return 1;
  return 0;
}

export function renderFinish(r: FinishResult, dry: boolean): string {
  const lines = [pc.bold(`migrate-api finish ${dry ? '(dry run) ' : ''}— ${r.root}`)];
  for (const s of r.steps) {
    if (s.id === 'MA011') continue;
    const mark = s.status === 'done' ? pc.green('done') : s.status === 'skipped' ? pc.yellow('skipped') : pc.dim('nothing to do');
    lines.push(`  ${s.id} ${s.name.padEnd(26)} ${mark}`);
    for (const d of s.did) lines.push(`      ${d}`);
    for (const w of s.reasons) lines.push(`      ${pc.yellow('left:')} ${w}`);
  }
  const st = r.standing;
  lines.push('', pc.bold('Where the app stands (MA011):'),
    `  routes ${st.routes}, typed ${st.typed}, legacy ${st.legacy}, in report mode ${st.reportMode}`);
  if (st.complete) lines.push(`  ${pc.green('migration complete')}`);
  else for (const l of st.left) lines.push(`  left: ${l}`);
  return lines.join('\n') + '\n';
}
