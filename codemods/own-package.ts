// The migrate-api package running this code: from the sources (codemods/x.ts) or the CLI bundle
// (dist/codemods/chunk.js), the nearest package.json above that names it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: { root: string; version: string } | null | undefined;

export function ownPackage(): { root: string; version: string } | null {
  if (found !== undefined) return found;
  found = null;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'migrate-api') return (found = { root: dir, version: pkg.version ?? '0.1.0' });
  }
  return found;
}
