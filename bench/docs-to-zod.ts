// Docs -> zod throughput: reading the docs (spec files, @openapi blocks) and emitting zod source must
// never be the bottleneck of a migration. Budget: < 1 s for 1,000 doc blocks on 2 cores.
// Run: npx tsx bench/docs-to-zod.ts [--rounds N] [--no-write]
// Writes (or replaces) the "## Docs -> zod" section of bench/RESULTS.md; other sections are kept.
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { mergeDocs, readSourceDocs, readSpecFile } from '../codemods/docs/index.js';
import { parseSource } from '../codemods/parse.js';
import type { DocsModel } from '../codemods/model.js';
import { emitSchemasModule } from '../codemods/zod/module.js';
import { collectSchemas, OAS_EXAMPLES } from '../test/helpers/corpus.js';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench', 'RESULTS.md');
const SECTION = '## Docs -> zod';
const BLOCKS = 1000;
const FILES = 100;
const BUDGET_MS = 1000;
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 7;

/** One route file of a legacy app: one `components` block and nine documented routes. */
export function routeFile(f: number, blocksPerFile: number): string {
  const lines = [`const express = require('express');`, `const router = express.Router();`, ''];
  const schema = `User${f}`;
  lines.push(
    '/**', ' * @openapi', ' * components:', ' *   schemas:',
    ` *     ${schema}:`, ' *       type: object', ' *       required: [id, email]', ' *       properties:',
    ' *         id: { type: integer, format: int64, readOnly: true }',
    ' *         email: { type: string, format: email }',
    ' *         name: { type: string, minLength: 1, maxLength: 80, nullable: true }',
    ' *         role: { type: string, enum: [admin, editor, viewer], default: viewer }',
    ' *         password: { type: string, writeOnly: true, minLength: 8 }',
    ' *         tags: { type: array, items: { type: string }, uniqueItems: true, maxItems: 10 }',
    ' *         createdAt: { type: string, format: date-time }',
    ` *         manager: { $ref: '#/components/schemas/${schema}' }`,
    ` *         team: { $ref: '#/components/schemas/User${(f + 1) % FILES}' }`,
    ' */', '',
  );
  for (let b = 1; b < blocksPerFile; b++) {
    const path = `/r${f}/items${b}`;
    const verb = ['get', 'post', 'put', 'delete'][b % 4];
    lines.push(
      '/**', ' * @openapi', ` * ${path}/{id}:`, ` *   ${verb}:`, ` *     summary: Operation ${b} of file ${f}`,
      ` *     tags: [r${f}]`, ' *     parameters:',
      ' *       - in: path', ' *         name: id', ' *         required: true', ' *         schema: { type: integer, minimum: 1 }',
      ' *       - in: query', ' *         name: limit', ' *         schema: { type: integer, minimum: 1, maximum: 100, default: 20 }',
      ' *       - in: query', ' *         name: expand', ' *         schema: { type: boolean }',
    );
    if (verb === 'post' || verb === 'put') {
      lines.push(' *     requestBody:', ' *       required: true', ' *       content:', ' *         application/json:',
        ` *           schema: { $ref: '#/components/schemas/${schema}' }`);
    }
    lines.push(' *     responses:', ' *       200:', ' *         description: OK', ' *         content:', ' *           application/json:',
      ' *             schema:', ' *               type: object', ' *               properties:',
      ` *                 data: { type: array, items: { $ref: '#/components/schemas/${schema}' } }`,
      ' *                 next: { type: string, format: uri, nullable: true }',
      ' *       404:', ' *         description: Not found',
      ' */', `router.${verb}('${path}/:id', (req, res) => res.json({}));`, '');
  }
  lines.push('module.exports = router;', '');
  return lines.join('\n');
}

function emitAll(model: DocsModel): number {
  const { moduleInput } = collectSchemas(model);
  return emitSchemasModule(moduleInput, { format: 'ts' }).code.length;
}

interface Sample { wallMs: number; cpuMs: number }

async function measure(run: () => Promise<unknown> | unknown): Promise<{ median: Sample; min: Sample }> {
  await run(); // warm-up: module loading and JIT are not what a migration pays per file
  const samples: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    await run();
    const wallMs = performance.now() - t;
    const c = process.cpuUsage(cpu);
    samples.push({ wallMs, cpuMs: (c.user + c.system) / 1000 });
  }
  const by = (k: keyof Sample) => [...samples].sort((a, b) => a[k] - b[k]);
  const mid = Math.floor(samples.length / 2);
  return { median: { wallMs: by('wallMs')[mid].wallMs, cpuMs: by('cpuMs')[mid].cpuMs }, min: { wallMs: by('wallMs')[0].wallMs, cpuMs: by('cpuMs')[0].cpuMs } };
}

const fmt = (ms: number) => ms.toFixed(ms < 10 ? 2 : 0);

async function main(): Promise<void> {
  const rows: string[] = [];
  const notes: string[] = [];

  // Large specs: the two largest documents of @readme/oas-examples, read from disk each round.
  for (const rel of ['3.1/json/readme.json', '3.0/json/star-trek.json']) {
    const file = join(OAS_EXAMPLES, rel);
    const lines = readFileSync(file, 'utf8').split('\n').length;
    const model = await readSpecFile(file);
    const { schemas } = collectSchemas(model);
    const read = await measure(() => readSpecFile(file));
    const emit = await measure(() => emitAll(model));
    const total = read.median.wallMs + emit.median.wallMs;
    rows.push(`| spec file \`${rel}\` (${lines.toLocaleString('en')} lines, ${Math.round(statSync(file).size / 1024)} KiB, ${model.operations.length} operations, ${schemas.length} schemas) | ${fmt(read.median.wallMs)} (${fmt(read.median.cpuMs)}) | ${fmt(emit.median.wallMs)} (${fmt(emit.median.cpuMs)}) | ${fmt(total)} | — |`);
  }

  // 1,000 @openapi blocks over 100 route files (one components block and nine routes each).
  const perFile = BLOCKS / FILES;
  const sources = Array.from({ length: FILES }, (_, f) => ({ file: `src/routes/r${f}.js`, code: routeFile(f, perFile) }));
  const blockCount = sources.reduce((n, s) => n + (s.code.match(/@openapi/g) ?? []).length, 0);
  const docLines = sources.reduce((n, s) => n + s.code.split('\n').length, 0);
  if (blockCount !== BLOCKS) throw new Error(`generated ${blockCount} blocks, expected ${BLOCKS}`);
  const readBlocks = () => mergeDocs(sources.map((s) => readSourceDocs(s.code, s.file)));
  const merged = readBlocks();
  if (merged.diagnostics.some((d) => d.severity === 'error')) throw new Error(`the generated blocks do not read cleanly: ${merged.diagnostics[0].message}`);
  const { schemas } = collectSchemas(merged);
  const read = await measure(readBlocks);
  const emit = await measure(() => emitAll(merged));
  const total = read.median.wallMs + emit.median.wallMs;
  // Reading and emitting are single-threaded CPU work: CPU time is what a quiet 2-core machine
  // would take in wall time, and it does not count the waits of a loaded one.
  const cpuTotal = read.median.cpuMs + emit.median.cpuMs;
  const verdict = `${cpuTotal < BUDGET_MS ? 'within' : 'OVER'} budget (${fmt(cpuTotal)} ms CPU vs < ${BUDGET_MS} ms)`;
  rows.push(`| ${BLOCKS.toLocaleString('en')} \`@openapi\` blocks in ${FILES} files (${docLines.toLocaleString('en')} lines, ${merged.operations.length} operations, ${schemas.length} schemas) | ${fmt(read.median.wallMs)} (${fmt(read.median.cpuMs)}) | ${fmt(emit.median.wallMs)} (${fmt(emit.median.cpuMs)}) | ${fmt(total)} | ${verdict} |`);
  notes.push(`Per block: ${fmt(cpuTotal / BLOCKS)} ms CPU (read + emit).`);
  // Where reading goes: the YAML parse of each block against the JS parse of each file.
  const yamlTexts = sources.flatMap((s) => s.code.split('/**').slice(1).map((b) => b.split('*/')[0].split('\n').slice(2).map((l) => l.replace(/^ \* ?/, '')).join('\n')));
  const yamlOnly = await measure(() => yamlTexts.forEach((t) => parseYaml(t)));
  const jsOnly = await measure(() => sources.forEach((s) => parseSource(s.code, s.file)));
  notes.push(`Of the read: parsing the ${yamlTexts.length} YAML texts alone with \`yaml\` takes ${fmt(yamlOnly.median.cpuMs)} ms CPU, parsing the ${FILES} JS files with babel ${fmt(jsOnly.median.cpuMs)} ms CPU.`);

  const cpuModel = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown').trim();
  const nproc = execSync('nproc').toString().trim();
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
  const section = [
    SECTION,
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: \`nproc\` ${nproc}, ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.version}; load average at the end: ${load}`,
    `- Method: \`npx tsx bench/docs-to-zod.ts\`; one warm-up, then the median of ${ROUNDS} rounds, single process (reading and emitting are synchronous, one core). Wall ms, with CPU ms (user + system) in parentheses: on a loaded machine CPU time is the fairer number.`,
    '- Read = docs reader to the normalized 3.1 model (`readSpecFile`; for blocks `readSourceDocs` per file + `mergeDocs`). Emit = `emitSchemasModule` (TypeScript) over every named and inline schema of the model.',
    '',
    '| input | read ms (CPU) | emit ms (CPU) | read + emit ms | budget |',
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (args.includes('--no-write')) return;
  // Re-read right before writing: other benchmarks write their own sections of the same file.
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(`${SECTION}\n`);
  let next: string;
  if (start < 0) next = `${current.replace(/\n*$/, '\n\n')}${section}`;
  else {
    const after = current.indexOf('\n## ', start + SECTION.length);
    next = `${current.slice(0, start)}${section}${after < 0 ? '' : `\n${current.slice(after + 1)}`}`;
  }
  writeFileSync(RESULTS, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
