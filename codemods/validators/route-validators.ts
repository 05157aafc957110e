// MA004's reading half: for each route, the validator middleware of its chain, translated
// (`router.post('/', auth, validate(userValidation.createUser), ctrl.create)` -> Joi's body schema).
// Only projects that import a validator package pay for it: each route file with a chain is parsed once more.
import type { Node } from '../rules/ast.js';
import { locateRouteCall } from '../rules/locate.js';
import type { MatchResult, RouteRecord } from '../plan.js';
import type { FileScan } from '../scan/index.js';
import { TRANSLATORS } from './registry.js';
import { FileValidatorScope, type ModuleResolver } from './scope.js';
import type { TranslatedValidator } from './types.js';
import { errorShapeOf, type ErrorShape } from './error-shape.js';

export interface RouteValidator extends TranslatedValidator {
  /** The middleware argument's index in the route call and its place, to find it again (enforce removes it). */
  argument: { index: number; line: number; col: number; text: string };
  /** How the middleware answers an invalid request, when the codemod can tell (onValidationError reproduces it). */
  errorShape?: ErrorShape;
}

/** Route -> its validators, in chain order; routes without any are absent. */
export type RouteValidators = Map<RouteRecord, RouteValidator[]>;

/** Whether any file imports a package a translator reads. */
export function usesValidatorPackage(scans: Iterable<FileScan>): boolean {
  const packages = new Set(TRANSLATORS.flatMap((t) => t.packages));
  for (const s of scans) {
    for (const v of s.bindings.values()) if (importSource(v) && packages.has(importSource(v)!)) return true;
  }
  return false;
}

function importSource(v: unknown): string | undefined {
  let cur = v as { k: string; source?: string; obj?: unknown } | undefined;
  while (cur?.k === 'member') cur = cur.obj as typeof cur;
  return cur?.k === 'import' ? cur.source : undefined;
}

export function routeValidators(match: MatchResult, resolveModule: ModuleResolver, scope = new FileValidatorScope(resolveModule)): RouteValidators {
  const out: RouteValidators = new Map();
  for (const { route } of match.matched) {
    if (route.dynamic || route.migrated || route.middleware.length === 0) continue;
    const found = validatorsOf(route, scope);
    if (found.length) out.set(route, found);
  }
  return out;
}

/** One route's validators, migrated routes too (finish reads them beside the spec the migration wrote). */
export function validatorsOf(route: RouteRecord, scope: FileValidatorScope): RouteValidator[] {
  const program = scope.program(route.file);
  const call = program && locateRouteCall(program, { at: route.at, method: route.method } as never);
  if (!call) return [];
  const out: RouteValidator[] = [];
  const args = call.arguments as Node[];
  // The handler last, the middleware the scan counted before it (after the path, which a `.route()` chain's
  // verbs do not repeat); arrays of middleware too, as express flattens them.
  const first = Math.max(0, args.length - 1 - route.middleware.length);
  for (let i = first; i < args.length - 1; i++) {
    const items = args[i]!.type === 'ArrayExpression' ? (args[i]!.elements as Node[]) : [args[i]!];
    for (const arg of items) {
      for (const t of TRANSLATORS) {
        let r: TranslatedValidator | undefined;
        try {
          r = t.translate(arg, route.file, scope);
        } catch (err) {
          r = { library: t.library, locations: {}, untranslated: [{ rule: 'the whole validator', file: route.file, line: arg.loc?.start.line ?? route.at.line, why: `the translator failed: ${(err as Error).message}` }] };
        }
        if (!r) continue;
        const errorShape = errorShapeOf(r.library, arg, route.file, scope);
        out.push({ ...r, argument: { index: i, line: arg.loc?.start.line ?? 0, col: (arg.loc?.start.column ?? 0) + 1, text: route.middleware[i - first] ?? '' }, ...(errorShape ? { errorShape } : {}) });
        break;
      }
    }
  }
  return out;
}
