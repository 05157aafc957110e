// SIGINT while the CLI writes: the files in flight finish, the rest stay as they were, exit 130, and every
// file on disk is either its old text or exactly what an uninterrupted run writes (never half of one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.js';
import { migrateProject } from '../../codemods/migrate.js';

const repo = join(import.meta.dirname, '..', '..');

function routeFiles(dir: string): Map<string, string> {
  return new Map(readdirSync(join(dir, 'routes')).map((f) => [f, readFileSync(join(dir, 'routes', f), 'utf8')]));
}

test('SIGINT during the writes leaves every file old or new, no temp files, exit 130', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'ma-sigint-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const corpus = join(base, 'corpus');
  writeCorpus(corpus, 400, 3);
  const old = routeFiles(corpus);
  const { writes } = await migrateProject(corpus, { workers: 0 });
  const migrated = new Map(writes.map((w) => [w.file.slice(join(corpus, 'routes').length + 1), w.after]));

  const dir = join(base, 'run');
  cpSync(corpus, dir, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'codemods', 'bin.ts'), dir, '--force'], {
    cwd: repo, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  // The first file event in routes/ is the first write: interrupt right then.
  const watcher = watch(join(dir, 'routes'), () => { watcher.close(); child.kill('SIGINT'); });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  watcher.close();

  assert.equal(code, 130, `expected an interrupted run:\n${stderr.slice(-2000)}`);
  assert.match(stderr, /interrupted: files written so far are complete/);
  const after = routeFiles(dir);
  assert.deepEqual([...after.keys()].sort(), [...old.keys()].sort(), 'no temp file left, none missing');
  let written = 0;
  for (const [f, text] of after) {
    if (text === migrated.get(f)) written++;
    else assert.equal(text, old.get(f), `${f} is neither its old text nor the migrated one`);
  }
  t.diagnostic(`${written} of ${old.size} route files written before the interrupt`);
  assert.ok(written > 0 && written < old.size, `some files written, not all: ${written} of ${old.size}`);
});
