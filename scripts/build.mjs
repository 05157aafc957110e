// Builds dist/: ESM + declarations with tsc, and a CommonJS copy of the runtime so
// `require('migrate-api/compat')` works on every Node 20 (require(esm) only landed in 20.19).
import { execFileSync } from 'node:child_process';
import { rmSync, chmodSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await build({
  entryPoints: ['compat/index.ts'],
  outfile: 'dist/compat/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  // compat/docs.ts finds the UI packages through import.meta.url in ESM and through require in CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
});
chmodSync('dist/codemods/bin.js', 0o755);
