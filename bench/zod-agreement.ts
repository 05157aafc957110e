// Agreement of the generated zod with ajv on a folder of real OpenAPI/Swagger documents: the same
// differential check as test/codemods/zod/differential.test.ts (test/helpers/differential-run.ts),
// run over any corpus, e.g. a sample of APIs-guru/openapi-directory kept outside the repo.
// Run: npx tsx bench/zod-agreement.ts <folder> [--valid 12] [--mutated 16] [--report out.json]
// Prints the agreement, the disagreement classes (with whether KNOWN-GAPS.md lists each) and the
// documents that could not be read, emitted or imported. Results are recorded by hand in bench/RESULTS.md.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { classCounts } from '../test/helpers/differential.js';
import { runDifferential } from '../test/helpers/differential-run.js';
import { isKnown, knownGapClasses } from '../test/helpers/known-gaps.js';
import { createModuleDir } from '../test/helpers/zod-module.js';

const SPEC = /\.(json|ya?ml)$/;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Every spec file under `folder` (sub-folders included), sorted so runs are comparable. */
export function specFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SPEC.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!folder) throw new Error('usage: npx tsx bench/zod-agreement.ts <folder of specs> [--valid N] [--mutated N] [--report file.json]');
  const root = resolve(folder);
  const files = specFiles(root);
  const dir = createModuleDir('migrate-api-agreement-');
  const started = performance.now();
  try {
    const run = await runDifferential(files, {
      valid: Number(option(args, '--valid') ?? 12),
      mutated: Number(option(args, '--mutated') ?? 16),
      dir,
      root,
      onDocument: (label, n) => process.stderr.write(`  ${label}: ${n} schemas\n`),
    });
    const { stats, failures, checkedPerDocument } = run;
    const schemas = [...checkedPerDocument.values()].reduce((a, b) => a + b, 0);
    const known = knownGapClasses('Differential check');
    const out = [
      `corpus: ${root}`,
      `documents: ${files.length} found, ${checkedPerDocument.size} read, ${failures.length} failures`,
      `schemas checked: ${schemas}; instances judged: ${stats.checks}`,
      `ajv accepts ${((stats.generatedValid / stats.generated) * 100).toFixed(1)}% of generated instances, rejects ${((stats.mutatedInvalid / stats.mutated) * 100).toFixed(1)}% of mutated ones`,
      `agreement: ${((stats.agreements / stats.checks) * 100).toFixed(3)}% (${stats.checks - stats.agreements} disagreements)`,
      `time: ${((performance.now() - started) / 1000).toFixed(0)} s`,
      '',
      '| count | class | in KNOWN-GAPS.md | documents | example |',
      '|---:|---|---|---:|---|',
      ...classCounts(stats.disagreements).map(([cls, n]) => {
        const of = stats.disagreements.filter((d) => d.cls === cls);
        const ex = of[0];
        const docs = new Set(of.map((d) => d.doc)).size;
        return `| ${n} | \`${cls}\` | ${isKnown(cls, known) ? 'yes' : '**no**'} | ${docs} | ${ex.doc} ${ex.label} [${ex.kind}] ${JSON.stringify(ex.instance).slice(0, 80)}; ajv: ${ex.ajv.slice(0, 80)}; zod: ${ex.zod.slice(0, 80)} |`;
      }),
      '',
      ...failures.map((f) => `failure: ${f.split('\n')[0]}`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    const report = option(args, '--report');
    if (report) writeFileSync(report, JSON.stringify({ failures, disagreements: stats.disagreements }, null, 1));
  } finally {
    dir.remove();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
