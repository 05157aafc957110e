// A bundled legacy app copied somewhere the user can look at and run: its files, plus a node_modules of
// symlinks into this repo's installed packages (the demo works offline; nothing is installed), with
// migrate-api itself installed as npm would. Express 4 apps get the `express4` alias this repo installs
// next to Express 5, zod 3 apps the `zod325` alias (zod 3.25.76) next to zod 4. The tests' legacy-app harness
// prepares apps with the same functions.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoModules = join(repoRoot, 'node_modules');

// Packages installed under an alias in this repo because two majors of them are needed side by side.
const majorAliases: Record<string, Record<string, string>> = {
  express: { '4': 'express4', '5': 'express' },
  '@types/express': { '4': '@types/express4', '5': '@types/express' },
  zod: { '3': 'zod325', '4': 'zod' },
};

/** Packages every prepared app can import whether it lists them or not: what migrated code imports. */
const alwaysLinked = ['migrate-api', 'zod'];

function majorOf(range: string): string | undefined {
  return /^\s*(?:[\^~]|>=?)?\s*v?(\d+)/.exec(range)?.[1];
}

/** Where in this repo a dependency of a legacy app comes from (an absolute directory). */
export function dependencyTarget(name: string, range: string): string {
  if (name === 'migrate-api') return repoRoot;
  const aliases = majorAliases[name];
  // `*` (what migrated code imports but the app does not list): the newest, installed under its own name.
  if (aliases && range !== '*') {
    const major = majorOf(range);
    const alias = major === undefined ? undefined : aliases[major];
    if (!alias) {
      throw new Error(`${name}@${range}: no installed copy for that major (have ${Object.keys(aliases).join(', ')})`);
    }
    return join(repoModules, alias);
  }
  return join(repoModules, name);
}

/**
 * (Re)creates dir/node_modules as symlinks for every dependency in dir/package.json plus migrate-api and zod.
 * Safe to call again after the package.json changed (e.g. after a migration added dependencies).
 */
export async function linkDependencies(dir: string): Promise<Record<string, string>> {
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const wanted: Record<string, string> = { ...manifest.devDependencies, ...manifest.dependencies };
  for (const name of alwaysLinked) wanted[name] ??= '*';

  const nodeModules = join(dir, 'node_modules');
  await rm(nodeModules, { recursive: true, force: true });
  await mkdir(nodeModules);
  const links: Record<string, string> = {};
  // migrate-api is installed the way npm would: its own files (package.json + dist/) copied in, not linked,
  // so its type declarations resolve `express` to the app's own @types/express (4 or 5), and its runtime
  // dependencies hoisted beside it.
  if ('migrate-api' in wanted) {
    const own = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const [name, range] of Object.entries(own.dependencies ?? {})) wanted[name] ??= range;
  }
  for (const [name, range] of Object.entries(wanted)) {
    const target = dependencyTarget(name, range);
    if (name === 'migrate-api') {
      const installed = join(nodeModules, name);
      await mkdir(installed, { recursive: true });
      await cp(join(repoRoot, 'package.json'), join(installed, 'package.json'));
      if (existsSync(join(repoRoot, 'dist'))) await cp(join(repoRoot, 'dist'), join(installed, 'dist'), { recursive: true });
      links[name] = target;
      continue;
    }
    if (!existsSync(join(target, 'package.json'))) {
      throw new Error(`${manifestPath}: dependency ${name}@${range} is not installed in this repo (looked for ${target})`);
    }
    const link = join(nodeModules, name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
    links[name] = target;
  }
  return links;
}

/** Copies fixtures/apps/<name> into a fresh temp dir and links its dependencies; returns the directory. */
export async function copyLegacyApp(name: string): Promise<string> {
  const source = join(repoRoot, 'fixtures', 'apps', name);
  if (!existsSync(join(source, 'package.json'))) throw new Error(`no bundled legacy app named "${name}" (looked in ${source})`);
  const dir = await mkdtemp(join(tmpdir(), `migrate-api-demo-${name}-`));
  await cp(source, dir, { recursive: true, filter: (src) => !['node_modules', 'dist'].includes(basename(src)) });
  await linkDependencies(dir);
  return dir;
}
