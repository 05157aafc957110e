// Which files the scan reads: every JS/TS source under a root, the way git sees the tree (.gitignore files at
// any depth, via the `ignore` package, which implements git's matching rules so we do not), minus dependencies,
// build output and declaration files, which never hold routes to migrate.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { SOURCE_EXTENSIONS } from '../parse.js';

/** Directory names never descended into, whatever .gitignore says. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', 'out', '.next', '.nuxt']);

const SOURCE_RE = new RegExp(`(${SOURCE_EXTENSIONS.map((e) => e.replace('.', '\\.')).join('|')})$`);
const DECLARATION_RE = /\.d\.[cm]?ts$/;

export function isSourceFile(name: string): boolean {
  return SOURCE_RE.test(name) && !DECLARATION_RE.test(name);
}

interface Rules { base: string; ig: Ignore }

/** Whether p names a file (a run's root may be one file as well as a folder). */
export function isFile(p: string): boolean {
  try { return statSync(p).isFile(); } catch { return false; }
}

/** Absolute paths of the source files under `root`, sorted, so every run sees files in the same order.
 *  A root that is itself a source file lists just that file (`migrate-api src/routes/users.js`). */
export function listSourceFiles(root: string): string[] {
  root = resolve(root);
  try {
    if (statSync(root).isFile()) return isSourceFile(root) ? [root] : [];
  } catch {
    return [];
  }
  const out: string[] = [];
  walk(root, root, [], out);
  return out.sort();
}

function walk(root: string, dir: string, rules: Rules[], out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // unreadable directory: nothing we could migrate there anyway
  }
  if (entries.some((e) => e.isFile() && e.name === '.gitignore')) {
    try {
      const ig = ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
      rules = [...rules, { base: dir, ig }];
    } catch { /* unreadable .gitignore: treat as absent */ }
  }
  for (const e of entries) {
    const full = join(dir, e.name);
    const isDir = e.isDirectory();
    if (isDir && SKIPPED_DIRS.has(e.name)) continue;
    if (!isDir && !(e.isFile() && isSourceFile(e.name))) continue;
    if (ignored(full, isDir, rules)) continue;
    if (isDir) walk(root, full, rules, out);
    else out.push(full);
  }
}

function ignored(full: string, isDir: boolean, rules: Rules[]): boolean {
  for (const r of rules) {
    let rel = relative(r.base, full);
    if (sep !== '/') rel = rel.split(sep).join('/');
    if (r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/**
 * Test code (`*.test.*`, `*.spec.*`, files under `test/`, `tests/`, `__tests__/`, `spec/`, `e2e/`), by a path
 * relative to the folder the user named: it registers routes of its own (fixtures, mini apps) and asserts on the
 * app's behaviour, so it is neither the app's routes to learn from nor code to rewrite (unless asked).
 */
export function isTestFile(path: string): boolean {
  return /(^|[\\/])(tests?|__tests__|spec|e2e)[\\/]/.test(path) || /\.(test|spec)\.[cm]?[jt]sx?$/.test(path);
}
