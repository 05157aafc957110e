// Fixture pairs fixtures/docs/<style>/<case>.input.<ext> -> <case>.output.json (the whole DocsModel, file
// paths relative to the style folder). jsdoc/flasgger cases may bring more source files, named
// <case>.<anything>.<js|ts>; all of them are read and merged. loaded/ and jsdoc-options/ cases are read as a
// run reads a tree (spec files the code loads, swagger-jsdoc options), the style folder as the app's working
// directory, and their output also lists the sources read. UPDATE_FIXTURES=1 rewrites the outputs.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeDocs, readSourceDocs, readSpecFile } from '../../../codemods/docs/index.js';
import type { DocsModel } from '../../../codemods/model.js';
import { readDocSources } from '../../../codemods/docs/doc-sources.js';
import { analyzeFile } from '../../../codemods/analyze-file.js';
import { Resolver } from '../../../codemods/scan/resolve.js';

const root = resolve('fixtures/docs');
const update = process.env.UPDATE_FIXTURES === '1';

async function run(style: string, dir: string, input: string): Promise<DocsModel> {
  if (style === 'spec-file') return readSpecFile(join(dir, input));
  const name = input.slice(0, input.indexOf('.input.'));
  const companions = readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && /\.(js|ts)$/.test(f) && f !== input && !f.includes('.output.'));
  if (style === 'loaded' || style === 'jsdoc-options') return runSources(dir, [input, ...companions.sort()].map((f) => join(dir, f)));
  return mergeDocs([input, ...companions.sort()].map((f) => readSourceDocs(readFileSync(join(dir, f), 'utf8'), join(dir, f))));
}

/** Docs the code loads or configures (spec files it reads, swagger-jsdoc options): the files analysed as a run
 *  does, the style folder standing for the app's working directory; the sources read are part of the output. */
async function runSources(dir: string, files: string[]): Promise<DocsModel> {
  const analyzed = files.map((f) => analyzeFile(f));
  const scans = new Map(analyzed.filter((a) => a.scan).map((a) => [a.file, a.scan!]));
  const resolver = new Resolver(scans);
  const read = await readDocSources({ cwd: dir, files: analyzed, specFiles: { found: [], given: [] }, resolveModule: (f, s) => resolver.resolveModule(f, s) });
  const model = mergeDocs([...analyzed.flatMap((a) => (a.docs ? [a.docs] : [])), ...read.models]);
  model.diagnostics.unshift(...read.diagnostics);
  return Object.assign(model, { sources: read.sources });
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
