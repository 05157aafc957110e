// `--spec` files are read before anything else: one that is missing or broken would otherwise only leave a
// diagnostic (filtered out of the report when it sits outside the target), and the run would migrate, or
// `check` say "no drift", without the docs the user asked for.
import { existsSync, statSync } from 'node:fs';
import { readSpecFile } from '../docs/index.js';
import { formatDiagnostic } from '../diagnostics.js';
import { InputError } from '../cli-errors.js';

export async function checkSpecArgs(specs: readonly string[] | undefined): Promise<void> {
  for (const spec of specs ?? []) {
    if (!existsSync(spec) || !statSync(spec).isFile()) throw new InputError(`--spec ${spec}: no such file`);
    const model = await readSpecFile(spec);
    const unreadable = model.diagnostics.find((d) => d.severity === 'error' && (d.code === 'yaml-parse' || /cannot read/.test(d.message)));
    if (unreadable) throw new InputError(`--spec ${spec} cannot be read: ${formatDiagnostic(unreadable)}`);
    const documentsNothing = model.operations.length === 0 && Object.keys(model.schemas).length === 0;
    if (documentsNothing && model.diagnostics.some((d) => /no `swagger` or `openapi` version key/.test(d.message))) {
      throw new InputError(`--spec ${spec} is not a Swagger/OpenAPI document (no \`swagger\`/\`openapi\` key, no paths, no schemas)`);
    }
  }
}
