// Named components -> one module of zod schemas: `export const User = z.object({...}).meta({ id: 'User' })`
// in dependency order, with getters (or z.lazy) only where a cycle makes a ref point forward, and a
// `UserInput` request variant next to `User` wherever readOnly/writeOnly make them differ.
import { arrow, id, lit, mapExpr, zc, type ZodExpr } from './ast.js';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import type { JsonSchema } from '../model.js';
import type { ZodContext } from './context.js';
import { dateTimeDeclaration } from './convert/date-time.js';
import { withMeta } from './convert/meta.js';
import { preprocessInner, readOnlyHelperSource } from './convert/read-only.js';
import { componentName, declarationOrder, dependencies, isCycle, someSubSchema } from './graph.js';
import { NameAllocator, safeIdentifier } from './names.js';
import { printZod } from './printer.js';
import { ROUTE_HELPERS } from './route-helpers.js';
import { schemaToZod } from './schema-to-zod.js';
import type { ZodModule } from '../zod-import.js';

export type ModuleFormat = 'ts' | 'js' | 'cjs';
export interface SchemaExports { response: string; request: string }

export function emitSchemasModule(
  schemas: Record<string, JsonSchema>,
  opts: { format: ModuleFormat; sourceFile?: string; /** Where `z` comes from (codemods/zod-import.ts); default `zod`. */ zodModule?: ZodModule },
): { code: string; exports: Record<string, SchemaExports>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const edges = dependencies(schemas);
  const differs = variantsDiffer(schemas, edges);
  const alloc = new NameAllocator();
  // Taken first: no component is exported under a helper's name, which a route file may import from
  // migrate-api/compat beside the schemas (route-helpers.ts).
  const readOnlyHelper = alloc.take(ROUTE_HELPERS.readOnlyChecked);
  const dateTimeRegex = alloc.take(ROUTE_HELPERS.dateTime);
  const exports: Record<string, SchemaExports> = {};
  for (const name of Object.keys(schemas)) exports[name] = { response: alloc.take(safeIdentifier(name)), request: '' };
  for (const name of Object.keys(schemas)) {
    exports[name].request = differs.has(name) ? alloc.take(`${exports[name].response}Input`) : exports[name].response;
  }
  let helperUsed = false;
  let dateTimeUsed = false;
  const preprocessed = new Set<string>();

  const declarations: string[] = [];
  const annotated = new Set<string>();
  const exported: string[] = [];
  for (const scc of declarationOrder(schemas, edges)) {
    const cyclic = isCycle(scc, edges);
    const positions = new Map(scc.map((n, i) => [n, i]));
    if (cyclic) {
      diagnostics.push({ code: 'ref-cycle', severity: 'info', pointer: `#/components/schemas/${scc[0]}`, message: `recursive schemas ${scc.join(', ')} are declared with getters/z.lazy` });
    }
    scc.forEach((name, position) => {
      const variants: Array<'response' | 'request'> = differs.has(name) ? ['response', 'request'] : ['response'];
      for (const variant of variants) {
        const target = (ref: string) => componentName(ref);
        const ctx: ZodContext = {
          refName: (ref) => { const t = target(ref); return t !== undefined && exports[t] ? exports[t][variant] : undefined; },
          // A component typed `z.ZodType` (cycle outside getters) cannot be extended or discriminated on.
          resolveRef: (ref) => { const t = target(ref); return t !== undefined && !annotated.has(exports[t]?.[variant]) ? schemas[t] : undefined; },
          isDeferred: (ref) => { const t = target(ref); return t !== undefined && (positions.get(t) ?? -1) >= position; },
          isCyclic: (ref) => { const t = target(ref); return t !== undefined && positions.has(t); },
          isPreprocessed: (ref) => { const t = target(ref); return t !== undefined && preprocessed.has(exports[t]?.[variant]); },
          readOnlyHelper,
          dateTimeRegex,
          variant: differs.has(name) ? variant : undefined,
          location: variant === 'request' ? 'body' : 'response',
          pointer: `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          diagnostics,
        };
        const ident = exports[name][variant];
        const metaId = variant === 'request' ? `${name}Input` : name;
        let expr = withMeta(schemaToZod(schemas[name], ctx), [{ key: 'id', value: lit(metaId) }]);
        const { expr: resolved, lazy } = cyclic ? lazifyDeferred(expr) : { expr, lazy: false };
        expr = resolved;
        // A self-referencing initializer outside a getter has no inferable type; z.ZodType names one.
        const annotation = opts.format === 'ts' && lazy ? ': z.ZodType' : '';
        if (lazy) annotated.add(ident);
        if (preprocessInner(expr)) preprocessed.add(ident);
        const keyword = opts.format === 'cjs' ? 'const' : 'export const';
        const lead = `${keyword} ${ident}${annotation} = `;
        declarations.push(`${lead}${printZod(expr, lead.length)};`);
        // No component has these names, so a match is a use (or, harmlessly, a word of a description or a key).
        const printed = declarations[declarations.length - 1]!;
        if (printed.includes(`${readOnlyHelper}(`)) helperUsed = true;
        if (new RegExp(`\\b${dateTimeRegex}\\b`).test(printed)) dateTimeUsed = true;
        if (opts.format === 'ts') declarations.push(`export type ${ident} = z.infer<typeof ${ident}>;`);
        exported.push(ident);
      }
    });
  }

  const from = opts.sourceFile ? ` from ${opts.sourceFile}` : '';
  const header = [
    `// Generated by migrate-api${from}: one zod schema per OpenAPI component (\`migrate-api schemas\`).`,
    '// Components with readOnly/writeOnly properties also get an `...Input` variant for request bodies.',
  ];
  const zod = opts.zodModule ?? 'zod';
  const importLine = opts.format === 'cjs' ? `const { z } = require('${zod}');` : `import { z } from '${zod}';`;
  const helper = [
    ...(dateTimeUsed ? [dateTimeDeclaration(dateTimeRegex), ''] : []),
    ...(helperUsed ? [readOnlyHelperSource(readOnlyHelper, opts.format), ''] : []),
  ];
  const parts = [...header, ...(opts.format === 'cjs' ? ["'use strict';"] : []), importLine, '', ...helper, ...declarations.flatMap((d) => [d, ''])];
  if (opts.format === 'cjs') parts.push(`module.exports = { ${exported.join(', ')} };`, '');
  return { code: parts.join('\n').replace(/\n+$/, '\n'), exports, diagnostics };
}

/** Deferred refs left outside getters are read through `z.lazy(() => X)`. */
function lazifyDeferred(expr: ZodExpr): { expr: ZodExpr; lazy: boolean } {
  let lazy = false;
  const out = mapExpr(expr, (e, inside) => {
    if (e.kind !== 'id' || !e.deferred) return e;
    if (inside) return id(e.name);
    lazy = true;
    return zc('lazy', arrow([], id(e.name)));
  });
  return { expr: out, lazy };
}

/** Components whose request and response shapes differ: readOnly/writeOnly inside, or a ref to one that differs. */
function variantsDiffer(schemas: Record<string, JsonSchema>, edges: Map<string, string[]>): Set<string> {
  const has = (s: unknown): boolean => someSubSchema(s, (node) => node.readOnly === true || node.writeOnly === true);
  const out = new Set(Object.keys(schemas).filter((n) => has(schemas[n])));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of Object.keys(schemas)) {
      if (out.has(n)) continue;
      if (edges.get(n)!.some((t) => out.has(t))) { out.add(n); changed = true; }
    }
  }
  return out;
}

/**
 * The schemas in the order a module an earlier run wrote declares them (by their `.meta({ id })`), the ones it
 * does not have after them in their own order: declaration order breaks ties by this order, so the same schemas
 * give the same module whichever source (doc block, spec file, the module itself) each was read from this time.
 */
export function inModuleOrder(schemas: Record<string, JsonSchema>, previousModule: string): Record<string, JsonSchema> {
  const names = [...previousModule.matchAll(/\.meta\(\{\s*id: '((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
  return orderedLike(schemas, names);
}

/** The same for the `apiDocs` export's `components.schemas`, in the order its JSON lists them. */
export function inApiDocsOrder(schemas: Record<string, JsonSchema>, previousModule: string): Record<string, JsonSchema> {
  const at = previousModule.indexOf('"schemas": {', previousModule.indexOf('apiDocs'));
  if (at < 0 || previousModule.indexOf('apiDocs') < 0) return schemas;
  const indent = at - (previousModule.lastIndexOf('\n', at) + 1);
  const end = previousModule.indexOf(`\n${' '.repeat(indent)}}`, at);
  const section = previousModule.slice(at, end < 0 ? undefined : end);
  const key = new RegExp(`^ {${indent + 2}}("(?:[^"\\\\]|\\\\.)*"):`, 'gm');
  const names = [...section.matchAll(key)].map((m) => JSON.parse(m[1]!) as string);
  return orderedLike(schemas, names);
}

function orderedLike(schemas: Record<string, JsonSchema>, order: string[]): Record<string, JsonSchema> {
  const rank = new Map<string, number>();
  for (const n of order) if (!rank.has(n)) rank.set(n, rank.size);
  const names = Object.keys(schemas);
  const at = new Map(names.map((n, i) => [n, i]));
  const key = (n: string) => rank.get(n) ?? rank.size + at.get(n)!;
  return Object.fromEntries(names.sort((a, b) => key(a) - key(b)).map((n) => [n, schemas[n]!]));
}

/** The emitter knows JSON pointers (`#/components/schemas/Ride/properties/created`); the docs reader knows where each
 *  component is written: a diagnostic about a component gets that place, so it reads file:line like the others. */
export function locateComponentDiagnostics(diagnostics: Diagnostic[], schemaSources: Record<string, SourceLocation>): Diagnostic[] {
  return diagnostics.map((d) => {
    const name = d.pointer?.match(/^#\/components\/schemas\/([^/]+)/)?.[1];
    const component = name !== undefined ? componentName(`#/components/schemas/${name}`) : undefined;
    const at = component !== undefined ? schemaSources[component] : undefined;
    return d.at || !at ? d : { ...d, at };
  });
}
