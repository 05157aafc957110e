// Builds dist/, what `npm install migrate-api` ships:
// - dist/compat: the runtime apps import (ESM + declarations with tsc, and a CommonJS bundle so
//   `require('migrate-api/compat')` works on every Node 20: require(esm) only landed in 20.19);
// - dist/assets: the files the docs pages serve, copied out of swagger-ui-dist and redoc, so an app does not
//   install those packages (12 MB and, for redoc, a React/core-js tree of ~170 packages) to serve 8 files;
// - dist/codemods: the CLI as one bundle (babel, recast, yaml, swagger-parser inside), so the toolchain an app
//   needs only for `npx migrate-api` is never an install-time dependency of the runtime.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const packageDir = (name) => dirname(require.resolve(`${name}/package.json`));

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const node = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
// The CommonJS runtime for apps tested with jest before 27, whose every test file failed to load after a
// migration: `require('node:http')` -> `require('http')` (jest resolves modules itself and knows no `node:`).
// Packages stay external (the app's own zod and express), except signal-exit: its CommonJS build declares a
// top-level `const global`, which jest before 27 rejects (its module wrapper has a `global` parameter);
// bundled, it sits inside a function of its own. And @asteasolutions/zod-to-openapi, which the runtime carries
// instead of depending on (compat/zod-to-openapi.ts says why).
const ZOD_TO_OPENAPI = '@asteasolutions/zod-to-openapi';
const BUNDLED = new Set(['signal-exit', ZOD_TO_OPENAPI]);
const bareBuiltins = {
  name: 'bare-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path.slice('node:'.length), external: true }));
    b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.has(args.path) ? undefined : { path: args.path, external: true }));
  },
};
await build({
  ...node,
  entryPoints: ['compat/index.ts'],
  outfile: 'dist/compat/index.cjs',
  format: 'cjs',
  plugins: [bareBuiltins],
  // compat/docs.ts finds its assets through import.meta.url in ESM and through __dirname in CommonJS.
  logOverride: { 'empty-import-meta': 'silent' },
});

// The ESM runtime is tsc's output file by file; its one module that re-exports zod-to-openapi becomes the
// library itself (ESM build, self-contained: it requires nothing, zod included), so no installed copy is needed.
// Its declaration goes: the public ones never name the library's types, and it would name a package not there.
await build({
  ...node,
  entryPoints: ['compat/zod-to-openapi.ts'],
  outfile: 'dist/compat/zod-to-openapi.js',
  format: 'esm',
  mainFields: ['module', 'main'],
  allowOverwrite: true,
  plugins: [{
    name: 'self-contained',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (args.path === ZOD_TO_OPENAPI ? undefined : { errors: [{ text: `zod-to-openapi's bundle would import ${args.path}` }] }));
    },
  }],
});
rmSync('dist/compat/zod-to-openapi.d.ts');
cpSync(join(packageDir(ZOD_TO_OPENAPI), 'LICENSE'), 'dist/compat/zod-to-openapi.LICENSE');

// The declarations again as CommonJS ones (.d.cts beside each .d.ts, relative specifiers pointing at .cjs), for the
// `require` condition: under moduleResolution node16/nodenext a CommonJS app's import is a require() call, and
// TypeScript refuses to let it reach a .d.ts of this `"type": "module"` package (TS1479) though index.cjs runs fine.
// Same text otherwise: the types are the ESM build's, as the CommonJS bundle is the same modules.
for (const file of readdirSync('dist/compat').filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(join('dist/compat', file), 'utf8').replace(/((?:from |import\()['"]\.{1,2}\/[^'"]+)\.js(['"])/g, '$1.cjs$2');
  writeFileSync(join('dist/compat', file.replace(/\.d\.ts$/, '.d.cts')), text);
}

// The names compat/docs.ts serves (SWAGGER_FILES, redoc.standalone.js), with the packages' licences.
const assets = {
  'swagger-ui': ['swagger-ui-dist', ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js',
    'favicon-32x32.png', 'favicon-16x16.png', 'oauth2-redirect.html', 'oauth2-redirect.js', 'LICENSE', 'NOTICE']],
  redoc: ['redoc', ['bundles/redoc.standalone.js', 'bundles/redoc.standalone.js.LICENSE.txt', 'LICENSE']],
};
for (const [folder, [pkg, files]] of Object.entries(assets)) {
  mkdirSync(join('dist/assets', folder), { recursive: true });
  for (const file of files) cpSync(join(packageDir(pkg), file), join('dist/assets', folder, file.split('/').pop()));
}

const esmRequire = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";
await build({
  ...node,
  entryPoints: { bin: 'codemods/bin.ts', 'migrate-worker': 'codemods/migrate-worker.ts' },
  outdir: 'dist/codemods',
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  // CommonJS dependencies inside an ESM bundle call require() for node builtins.
  banner: { js: esmRequire },
  // jscodeshift's flow parser is never used (we hand it our own Babel parser); its 5 MB stay out.
  external: ['flow-parser'],
});
// jscodeshift is loaded on demand (codemods/rules/reprint.ts) only for the files that need a reprint: its own file.
await build({
  ...node,
  entryPoints: { jscodeshift: require.resolve('jscodeshift') },
  outdir: 'dist/codemods',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['flow-parser'],
});
chmodSync('dist/codemods/bin.js', 0o755);
