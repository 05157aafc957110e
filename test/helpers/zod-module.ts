// Generated zod modules have to be *run* (differential check, round trip) and *type-checked* (they
// are source we hand to users). They are written under node_modules/.cache so that `zod` and
// `@asteasolutions/zod-to-openapi` resolve from the project like they would in an app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache');

export interface ModuleDir {
  dir: string;
  /** Writes `name` (e.g. `petstore.mjs`) and returns its path. */
  write(name: string, code: string): string;
  /** Imports a module written with `write`. */
  load(name: string): Promise<Record<string, unknown>>;
  /** One `tsc --noEmit` over every `.ts` written here (strict, NodeNext); returns its error lines. */
  typeCheck(): string[];
  remove(): void;
}

export function createModuleDir(prefix = 'migrate-api-proof-'): ModuleDir {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, prefix));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return {
    dir,
    write(name, code) {
      const file = join(dir, name);
      writeFileSync(file, code);
      return file;
    },
    async load(name) {
      return (await import(pathToFileURL(join(dir, name)).href)) as Record<string, unknown>;
    },
    typeCheck() {
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true,
          skipLibCheck: true, types: [], isolatedModules: true, esModuleInterop: true,
        },
        include: ['*.ts'],
      }));
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.error) throw r.error;
      return `${r.stdout}${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
