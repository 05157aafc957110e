// `migrate-api schemas <spec> [--out file] [--format ts|js|cjs] [--zod zod|zod/v4]`: any Swagger 2.0 / OpenAPI 3.x
// document -> one zod v4 module of its components (what json-schema-to-zod did, for OpenAPI users). It imports
// `z` from where a migration of the package it is written into would (codemods/zod-import.ts: `zod/v4` when that
// package's zod is 3.25+), unless --zod says.
// Exit codes: 0 written, 1 written but something was reported as an error (e.g. a $ref to nowhere),
// 2 usage error or a spec that cannot be read at all.
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from './diagnostics.js';
import { readSpecFile } from './docs/index.js';
import { emitSchemasModule, locateComponentDiagnostics, type ModuleFormat } from './zod/module.js';
import { writeFileAtomic } from './write.js';
import { zodModuleFor, type ZodModule } from './zod-import.js';

export const SCHEMAS_USAGE = 'Usage: migrate-api schemas <spec> [--out file] [--format ts|js|cjs] [--zod zod|zod/v4]\n';
const ZOD_MODULES: ZodModule[] = ['zod', 'zod/v4'];
const FORMATS: ModuleFormat[] = ['ts', 'js', 'cjs'];

export async function convertSpecToZodModule(specPath: string, opts: { format: ModuleFormat; zodModule?: ZodModule }): Promise<{ code: string; diagnostics: Diagnostic[] }> {
  const model = await readSpecFile(specPath);
  const { code, diagnostics } = emitSchemasModule(model.schemas, { format: opts.format, sourceFile: specPath, zodModule: opts.zodModule });
  const located = locateComponentDiagnostics(diagnostics, model.schemaSources);
  return { code, diagnostics: [...model.diagnostics, ...located] };
}

interface Io { out(s: string): void; err(s: string): void }
const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function runSchemasCommand(argv: string[], io: Io = stdio): Promise<number> {
  let values: { out?: string; format?: string; zod?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, zod: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    io.err(`error: ${(err as Error).message}\n${SCHEMAS_USAGE}`);
    return 2;
  }
  if (values.help) { io.out(SCHEMAS_USAGE); return 0; }
  if (positionals.length !== 1) { io.err(`error: expected one spec file, got ${positionals.length}\n${SCHEMAS_USAGE}`); return 2; }
  const format = (values.format ?? formatFromPath(values.out)) as ModuleFormat;
  if (!FORMATS.includes(format)) { io.err(`error: --format must be ts, js or cjs, not "${values.format}"\n${SCHEMAS_USAGE}`); return 2; }

  if (values.zod !== undefined && !ZOD_MODULES.includes(values.zod as ZodModule)) { io.err(`error: --zod must be zod or zod/v4, not "${values.zod}"\n${SCHEMAS_USAGE}`); return 2; }
  // The package the module goes into (--out's folder, else the working folder) decides, as a migration's would.
  const zodModule = (values.zod as ZodModule | undefined) ?? zodModuleFor(values.out ? dirname(resolve(values.out)) : process.cwd());
  const { code, diagnostics } = await convertSpecToZodModule(positionals[0], { format, zodModule });
  for (const d of diagnostics) io.err(`${formatDiagnostic(d)}${d.pointer && !d.at ? ` (${d.pointer})` : ''}\n`);
  const unreadable = diagnostics.some((d) => d.severity === 'error' && (d.code === 'yaml-parse' || /cannot read/.test(d.message)));
  if (unreadable) return 2;
  if (values.out) writeFileAtomic(values.out, code);
  else io.out(code);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** `--out x.cjs` means CommonJS, `--out x.js`/`.mjs` ESM JavaScript; TypeScript otherwise. */
function formatFromPath(out: string | undefined): ModuleFormat {
  const ext = out ? extname(out) : '';
  return ext === '.cjs' ? 'cjs' : ext === '.js' || ext === '.mjs' ? 'js' : 'ts';
}
