// What the CLI tests of one behaviour share: a fixture project copied to a temp folder, the CLI run in-process,
// and the project read back as a tree (relative path -> text) to compare with an expected/ folder.
import { after } from 'node:test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { main } from '../../codemods/cli.js';
import { tryReplay } from '../../codemods/cache/run-replay.js';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export type Tree = Map<string, string>;

/** Every file under dir, skipping .git and node_modules (where the CLI keeps its cache), sorted by path. */
export function readTree(dir: string): Tree {
  const out: Tree = new Map();
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.set(relative(dir, p), readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

const temps: string[] = [];
after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

/** A fresh temp folder, removed when the test file ends. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `migrate-${label}-`));
  temps.push(dir);
  return dir;
}

/** fixtures/<path> copied into a fresh temp folder. */
export function copyFixture(path: string): string {
  const dir = tempDir(path.replace(/[^\w]+/g, '-'));
  cpSync(join(FIXTURES, path), dir, { recursive: true });
  return dir;
}

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false });
  // picocolors colours its output under CI=true (as CI runs the suite): the tests read the text.
  return { code, out: stripVTControlCharacters(out), err: stripVTControlCharacters(err) };
}

/** What bin.ts does before the CLI loads: the answer from the run record (code null: none, the CLI runs in full). */
export async function replayCli(argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await tryReplay(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } }, Date.now());
  return { code, out: stripVTControlCharacters(out), err: stripVTControlCharacters(err) };
}

/** The run's own time is the one thing two runs may print differently. */
export const timeless = (s: string): string => s.replace(/done in [\d.]+ s/g, 'done in <t> s');
