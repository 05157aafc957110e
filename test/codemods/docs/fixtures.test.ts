// Fixture pairs fixtures/docs/<style>/<case>.input.<ext> -> <case>.output.json (the whole DocsModel, file
// paths relative to the style folder). jsdoc/flasgger cases may bring more source files, named
// <case>.<anything>.<js|ts>; all of them are read and merged. UPDATE_FIXTURES=1 rewrites the outputs.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeDocs, readSourceDocs, readSpecFile } from '../../../codemods/docs/index.js';
import type { DocsModel } from '../../../codemods/model.js';

const root = resolve('fixtures/docs');
const update = process.env.UPDATE_FIXTURES === '1';

async function run(style: string, dir: string, input: string): Promise<DocsModel> {
  if (style === 'spec-file') return readSpecFile(join(dir, input));
  const name = input.slice(0, input.indexOf('.input.'));
  const companions = readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && /\.(js|ts)$/.test(f) && f !== input && !f.includes('.output.'));
  return mergeDocs([input, ...companions.sort()].map((f) => readSourceDocs(readFileSync(join(dir, f), 'utf8'), join(dir, f))));
}

for (const style of readdirSync(root)) {
  const dir = join(root, style);
  for (const input of readdirSync(dir).filter((f) => /\.input\.(js|ts|yaml|json)$/.test(f)).sort()) {
    test(`docs ${style}/${input}`, async () => {
      const model = await run(style, dir, input);
      const actual = JSON.parse(JSON.stringify(model).split(JSON.stringify(`${dir}/`).slice(1, -1)).join(''));
      const outFile = join(dir, input.replace(/\.input\.\w+$/, '.output.json'));
      if (update) writeFileSync(outFile, `${JSON.stringify(actual, null, 2)}\n`);
      assert.ok(existsSync(outFile), `${outFile} is missing: run with UPDATE_FIXTURES=1 and review it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(outFile, 'utf8')));
    });
  }
}
