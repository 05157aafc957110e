// The least any migration of the corpus has to do, as a bench row beside jscodeshift's floor: read every
// source file, Babel-parse it with codemods/parse.ts's parserOptions, turn every @openapi/@swagger block into
// objects with js-yaml (the cheaper of the two YAML readers codemods/docs/yaml-fast.ts and yaml-source.ts use,
// here without the position listener the tool needs for file:line errors), and write the file back, as a
// migration writes each file it changes. No scan, no planning, no zod, no rewrite: a lower bound, not a model.
// Usage: node migration-floor.mjs <dir> <parser options as JSON>   (rewrites the files with their own text; prints
// the counts to stderr, so the work cannot be skipped and the bench can show them). Plain node, not tsx, so the
// row pays no TypeScript loader: bench/codemod.ts passes the options in.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The repo's own copies (the versions the CLI bundles), not bench/node_modules' ones.
const requireFromRepo = createRequire(new URL('../../package.json', import.meta.url));
const { parse } = requireFromRepo('@babel/parser');
const { load } = requireFromRepo('js-yaml');

const options = JSON.parse(process.argv[3]);

function* sources(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (/\.[cm]?js$/.test(e.name)) yield p;
  }
}

let files = 0, blocks = 0, keys = 0;
for (const file of sources(process.argv[2])) {
  const text = readFileSync(file, 'utf8');
  const ast = parse(text, { ...options, sourceFilename: file });
  files++;
  for (const c of ast.comments ?? []) {
    if (c.type !== 'CommentBlock' || !/@(openapi|swagger)\b/.test(c.value)) continue;
    const yaml = c.value.split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).filter((l) => !/^\s*@(openapi|swagger)\b/.test(l)).join('\n');
    const value = load(yaml);
    blocks++;
    keys += value && typeof value === 'object' ? Object.keys(value).length : 0;
  }
  writeFileSync(file, text);
}
console.error(`${files} files, ${blocks} doc blocks, ${keys} top-level keys`);
