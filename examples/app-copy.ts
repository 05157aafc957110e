// A bundled legacy app copied somewhere the user can look at and run: its files, plus a node_modules of
// symlinks into this repo's installed packages (the demo works offline; nothing is installed).
// Express 4 apps get the `express4` alias this repo installs next to Express 5.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoModules = join(repoRoot, 'node_modules');

/** Packages installed twice, by major: the app's declared range picks one. */
const majorAliases: Record<string, Record<string, string>> = {
  express: { '4': 'express4', '5': 'express' },
  '@types/express': { '4': '@types/express4', '5': '@types/express' },
};

function linkTarget(name: string, range: string): string {
  if (name === 'migrate-api') return repoRoot;
  const aliases = majorAliases[name];
  if (!aliases) return join(repoModules, name);
  const major = /^\s*(?:[\^~]|>=?)?\s*v?(\d+)/.exec(range)?.[1];
  const alias = major === undefined ? undefined : aliases[major];
  if (!alias) throw new Error(`${name}@${range}: no installed copy for that major`);
  return join(repoModules, alias);
}

/** (Re)links every dependency of dir/package.json, plus migrate-api and zod, which migrated code imports. */
export async function linkAppDependencies(dir: string): Promise<void> {
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const wanted: Record<string, string> = { ...manifest.devDependencies, ...manifest.dependencies };
  wanted['migrate-api'] ??= '*';
  wanted.zod ??= '*';
  const nodeModules = join(dir, 'node_modules');
  await rm(nodeModules, { recursive: true, force: true });
  for (const [name, range] of Object.entries(wanted)) {
    const target = linkTarget(name, range);
    if (!existsSync(join(target, 'package.json'))) throw new Error(`${manifestPath}: ${name}@${range} is not installed in ${repoModules}`);
    const link = join(nodeModules, name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
  }
}

/** Copies fixtures/apps/<name> into a fresh temp dir and links its dependencies; returns the directory. */
export async function copyLegacyApp(name: string): Promise<string> {
  const source = join(repoRoot, 'fixtures', 'apps', name);
  if (!existsSync(join(source, 'package.json'))) throw new Error(`no bundled legacy app named "${name}" (looked in ${source})`);
  const dir = await mkdtemp(join(tmpdir(), `migrate-api-demo-${name}-`));
  await cp(source, dir, { recursive: true, filter: (src) => !['node_modules', 'dist'].includes(basename(src)) });
  await linkAppDependencies(dir);
  return dir;
}
