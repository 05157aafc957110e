// One file's plan: for each matched route, the spec to attach (from its docs, with its validators merged in
// under MA004), the doc comments the rewrite may remove and the schema names the file must import.
import type { Diagnostic, RuleId, SourceLocation } from './diagnostics.js';
import type { FilePlan, MatchedRoute, RoutePlan, ScanResult } from './plan.js';
import { isErrorMiddlewareAt } from './handler-arity.js';
import type { ImportStyle } from './scan/import-style.js';
import { operationSpecSource } from './zod/operation-spec.js';
import { alignPathParams, renamedMessage } from './path-params.js';
import { variantSpecs } from './zod/path-variants.js';
import { validatedDoc } from './rules/ma004-validators-to-spec.js';
import type { RouteValidators } from './validators/route-validators.js';
import { importSpecifier, type ModuleFormat } from './module-paths.js';
import type { FileReader } from './parsed-files.js';
import type { ZodModule } from './zod-import.js';

export interface PlanContext {
  validation: 'report' | 'enforce';
  rules: Set<RuleId>;
  schemasFile: string;
  format: ModuleFormat;
  /** Where the migrated code imports `z` from (codemods/zod-import.ts). */
  zodModule: ZodModule;
  importStyle: ImportStyle | null;
  exportsByRef: Map<string, { request: string; response: string }>;
  /** Whether the file's doc comments must stay: a swagger-jsdoc call of the app reads them. */
  keepDocComments: (file: string) => boolean;
  app?: FilePlan['app'];
  mountingRouters?: SourceLocation[];
  diagnostics: Diagnostic[];
  /** The routes' translated validators when MA004 runs: they join (or are) the route's docs. */
  validators?: RouteValidators;
  /** The docs' components, for validators merged into a documented `$ref`. */
  resolveRef?: (ref: string) => Record<string, unknown> | undefined;
  /** The planning phase's reader of other files (a handler defined elsewhere). */
  parsed: FileReader;
}

export function planFile(file: string, matched: MatchedRoute[], ctx: PlanContext): FilePlan {
  const used = new Set<string>();
  const routes: RoutePlan[] = matched.map(({ route, doc: documented, alsoServed }) => {
    const doc = validatedDoc(route, documented, ctx.validators?.get(route), ctx.resolveRef).doc;
    let specSource = '{}';
    let todo: RoutePlan['todo'];
    if (doc && (ctx.rules.has('MA002') || doc.style === 'validator')) {
      const { operation, renamed } = alignPathParams(route.openapiPath, doc);
      if (renamed.length) {
        todo = { rule: 'MA002', why: renamedMessage(renamed) };
        ctx.diagnostics.push({ code: 'path-params', severity: 'warning', rule: 'MA002', at: { ...route.at, file: route.file }, route: `${route.method.toUpperCase()} ${route.fullPath ?? route.path ?? '?'}`, message: todo.why });
      }
      const spec = operationSpecSource(operation, {
        format: ctx.format,
        refName: (ref, variant) => ctx.exportsByRef.get(ref)?.[variant],
        ...(alsoServed ? { variants: variantSpecs(route, doc, alsoServed) } : {}),
        ...(route.optionalParams?.length ? { optionalPathParams: route.optionalParams } : {}),
      });
      for (const d of spec.diagnostics) ctx.diagnostics.push({ ...d, at: d.at ?? doc.at, route: `${route.method.toUpperCase()} ${route.fullPath ?? route.path ?? '?'}` });
      for (const id of spec.usedRefs) used.add(id);
      specSource = spec.source;
    }
    return {
      at: route.at,
      method: route.method,
      fullPath: route.fullPath,
      specSource,
      documented: !!doc,
      ...(route.migrated ? { migrated: route.migrated } : {}),
      ...(route.dynamic ? { dynamic: route.dynamic } : {}),
      ...(todo ? { todo } : {}),
      ...(route.handler.definedAt && isErrorMiddlewareAt(route.handler.definedAt, ctx.parsed) ? { errorMiddlewareLast: true } : {}),
      docComment: doc?.comment && doc.at.file === file && ctx.rules.has('MA002') && !ctx.keepDocComments(file)
        ? { startLine: doc.comment.startLine, endLine: doc.comment.endLine } : undefined,
      ...(doc?.comments && doc.comment && doc.at.file === file && ctx.rules.has('MA002') && !ctx.keepDocComments(file)
        ? { moreDocComments: doc.comments.map((c) => ({ startLine: c.startLine, endLine: c.endLine })) } : {}),
    };
  });
  for (const name of ctx.app?.uses ?? []) used.add(name);
  return {
    file,
    routes,
    app: ctx.app,
    ...(ctx.mountingRouters ? { mountingRouters: ctx.mountingRouters } : {}),
    schemaImports: used.size ? { names: [...used].sort(), from: importSpecifier(file, ctx.schemasFile, ctx.format, ctx.importStyle) } : null,
    validation: ctx.validation,
    rules: ctx.rules,
    // Only where it is not the default: a zod-4 app's plans (and the cache keys made of them) stay as they were.
    ...(ctx.zodModule !== 'zod' ? { zodModule: ctx.zodModule } : {}),
  };
}

/** Routers (not apps: those are wrapped anyway) that mount another router, by file: `api.use('/owners', owners)`
 *  is only recorded by the runtime when `api` is typed too, whether or not `api` has routes of its own. */
export function mountingRouters(scan: ScanResult): Map<string, SourceLocation[]> {
  const out = new Map<string, SourceLocation[]>();
  for (const m of scan.mounts) {
    if (!m.child) continue;
    const parent = scan.routers.find((r) => r.file === m.parent.file && r.name === m.parent.name);
    if (!parent || parent.kind !== 'router' || parent.created.startsWith('typed')) continue;
    const list = out.get(parent.file) ?? [];
    if (!list.some((at) => at.line === parent.at.line && at.col === parent.at.col)) list.push(parent.at);
    out.set(parent.file, list);
  }
  return out;
}
