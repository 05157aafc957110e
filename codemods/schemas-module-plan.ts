// Step 4 of the migration: the one module of named zod schemas, emitted from the docs' components (and the app's
// carried-over `apiDocs`), laid out as an earlier run left it so a re-run writes the same bytes, and the export
// names each route's spec imports from it.
import { existsSync, readFileSync } from 'node:fs';
import type { Diagnostic, RuleId } from './diagnostics.js';
import type { DocOperation, DocsModel } from './model.js';
import type { ModuleFormat } from './module-paths.js';
import type { Runner } from './migrate-runner.js';
import { apiDocsExport, apiDocsValue } from './app-plan.js';
import { unroutedPaths } from './unrouted-docs.js';
import { emitSchemasModule, inApiDocsOrder, inModuleOrder, locateComponentDiagnostics } from './zod/module.js';
import { keepPreviousSchemas } from './zod/previous-module.js';
import type { ZodModule } from './zod-import.js';

export interface SchemasModulePlan {
  /** The module's text on disk (null: none yet) and the text to write; absent when nothing changes. */
  write?: { before: string | null; after: string };
  /** `#/components/schemas/User` -> its request and response export names. */
  exportsByRef: Map<string, { request: string; response: string }>;
  /** The legacy docs' non-route parts, exported for typed(app, { apiDocs }) (null: no app, or nothing to carry). */
  apiDocs: Record<string, unknown> | null;
  /** Whether any code imports from the module (named schemas or apiDocs). */
  usesSchemas: boolean;
  diagnostics: Diagnostic[];
}

export function planSchemasModule(root: string, docs: DocsModel, { schemasFile, format, zodModule, hasApp, unrouted = [], memo }: {
  schemasFile: string;
  format: ModuleFormat;
  zodModule: ZodModule;
  /** An app is wrapped, now or by an earlier run: a re-run must emit the same module. */
  hasApp: boolean;
  /** Documented operations with no route in code: apiDocs carries them, marked, into the served document. */
  unrouted?: DocOperation[];
  memo?: Runner['memo'];
}): SchemasModulePlan {
  const before = existsSync(schemasFile) ? readFileSync(schemasFile, 'utf8') : null;
  // A re-run reads some schemas back from the module (their doc blocks became code), after those still in
  // the docs: the order the module already has is kept, so the second run writes the same bytes.
  const docsInOrder = before === null ? docs : { ...docs, schemas: inModuleOrder(docs.schemas, before) };
  const emit = () => emitSchemasModule(docsInOrder.schemas, { format, zodModule });
  // A re-run emits the module again to compare it with the one on disk: cached by its whole input.
  const emitted = memo ? memo('schemas-module', schemasFile, JSON.stringify([format, zodModule, docsInOrder.schemas]), emit) : emit();
  const diagnostics = locateComponentDiagnostics(emitted.diagnostics, docs.schemaSources).map((d) => ({ ...d, rule: d.rule ?? ('MA002' as RuleId) }));
  const exportsByRef = new Map(Object.entries(emitted.exports).map(([name, ids]) => [`#/components/schemas/${name}`, ids]));
  const apiDocs = hasApp ? apiDocsValue(root, before === null ? docs : { ...docs, schemas: inApiDocsOrder(docs.schemas, before) }, unroutedPaths(unrouted, schemasFile)) : null;
  const usesSchemas = Object.keys(docs.schemas).length > 0 || apiDocs !== null;
  const fresh = emitted.code + (apiDocs ? apiDocsExport(apiDocs, format) : '');
  const after = before === null ? fresh : keepPreviousSchemas(before, fresh, schemasFile);
  return { ...(usesSchemas && before !== after ? { write: { before, after } } : {}), exportsByRef, apiDocs, usesSchemas, diagnostics };
}
