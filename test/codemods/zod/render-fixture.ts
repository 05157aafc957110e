// How a fixture input becomes its expected output: a components.schemas map -> the schemas module;
// `{ components?, operation }` -> that module plus `export const spec = <operation spec>`.
// Diagnostics are appended as comments so the fixture pins them too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonSchema, OperationObject } from '../../../codemods/model.js';
import { componentName } from '../../../codemods/zod/graph.js';
import { emitSchemasModule, type ModuleFormat } from '../../../codemods/zod/module.js';
import { operationSpecSource } from '../../../codemods/zod/operation-spec.js';
import { ROUTE_HELPER_NAMES } from '../../../codemods/zod/route-helpers.js';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/schema-to-zod');

export function fixtureCases(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.input.yaml')).map((f) => f.slice(0, -'.input.yaml'.length)).sort();
}

export function readInput(name: string): { schemas: Record<string, JsonSchema>; operation?: OperationObject } {
  const doc = parse(readFileSync(join(FIXTURES, `${name}.input.yaml`), 'utf8')) as Record<string, unknown>;
  if ('operation' in doc) return { schemas: (doc.components ?? {}) as Record<string, JsonSchema>, operation: doc.operation as OperationObject };
  return { schemas: doc as Record<string, JsonSchema> };
}

export function renderFixture(name: string, format: ModuleFormat = 'ts'): string {
  const { schemas, operation } = readInput(name);
  const mod = emitSchemasModule(schemas, { format });
  let code = mod.code;
  const diagnostics = [...mod.diagnostics];
  if (operation) {
    const spec = operationSpecSource(operation, {
      refName: (ref, variant) => { const n = componentName(ref); return n !== undefined ? mod.exports[n]?.[variant] : undefined; },
      format,
    });
    code += `\n${format === 'cjs' ? 'module.exports.spec' : 'export const spec'} = ${spec.source};\n`;
    // A route file imports the helpers its spec calls from migrate-api/compat (rules/index.ts); so does this one.
    const helpers = ROUTE_HELPER_NAMES.filter((h) => new RegExp(`\\b${h}\\(`).test(spec.source));
    if (helpers.length) code = withCompatImport(code, helpers, format);
    diagnostics.push(...spec.diagnostics);
  }
  if (diagnostics.length) {
    code += `\n// diagnostics:\n${diagnostics.map((d) => `// ${d.severity} ${d.code} ${d.pointer ?? ''}: ${d.message}`).join('\n')}\n`;
  }
  return code;
}

/** The import line after the module's `z` import. */
function withCompatImport(code: string, names: string[], format: ModuleFormat): string {
  const zImport = format === 'cjs' ? "const { z } = require('zod');" : "import { z } from 'zod';";
  const line = format === 'cjs' ? `const { ${names.join(', ')} } = require('migrate-api/compat');` : `import { ${names.join(', ')} } from 'migrate-api/compat';`;
  return code.replace(zImport, `${zImport}\n${line}`);
}
