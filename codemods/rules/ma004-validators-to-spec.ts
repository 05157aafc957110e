// Before: router.post('/users', validate(userValidation.createUser), ctrl.create)        (no docs, or docs weaker than Joi)
// After:  router.post('/users', { body: z.object({ email: z.email(), ... }) }, validate(userValidation.createUser), legacy(ctrl.create))
//
// MA004 puts a route's validator translations (codemods/validators/) into the same spec object the docs
// become: where there are no docs the validator is the spec; where there are, the stricter rule wins and each
// disagreement is a drift finding. Report mode keeps the old middleware in the chain (its error body and status
// are the app's behaviour today); enforce drops it where the spec covers all its rules (removeCoveredValidators).
import type { DocOperation } from '../model.js';
import type { RouteRecord } from '../plan.js';
import type { DriftFinding } from '../check/findings.js';
import { mergeValidators, validatorOperation, type ResolveRef, type ValidatorDisagreement } from '../validators/spec-merge.js';
import type { RouteValidator, RouteValidators } from '../validators/route-validators.js';
import type { CoveredValidator } from '../validators/remove-covered.js';
import { hookSource, type ErrorShape } from '../validators/error-shape.js';

export const MA004 = {
  id: 'MA004' as const, name: 'validators-to-spec',
  description: 'Translate the route\'s validator middleware (Joi, celebrate, express-validator, class-validator, yup) into its spec: '
    + 'the validator is the spec of an undocumented route; with docs the stricter rule wins and each disagreement is drift. '
    + 'Report mode keeps the middleware; enforce removes it when the spec covers all of its rules. Untranslated rules are named.',
};

/** The docs' components as mergeValidators reads them (`#/components/schemas/Name`). */
export function componentResolver(schemas: Record<string, unknown>): ResolveRef {
  const prefix = '#/components/schemas/';
  return (ref) => (ref.startsWith(prefix) && Object.hasOwn(schemas, ref.slice(prefix.length)) ? schemas[ref.slice(prefix.length)] as Record<string, unknown> : undefined);
}

/** The operation a route is planned with: its docs, its validators', or both merged (`$ref`s in the docs read
 *  through resolveRef). */
export function validatedDoc(route: RouteRecord, doc: DocOperation | undefined, validators: RouteValidator[] | undefined, resolveRef?: ResolveRef):
  { doc: DocOperation | undefined; disagreements: ValidatorDisagreement[] } {
  const usable = (validators ?? []).filter((v) => Object.keys(v.locations).length > 0);
  if (usable.length === 0) return { doc, disagreements: [] };
  if (!doc) {
    if (!route.openapiPath) return { doc, disagreements: [] };
    return {
      doc: { method: route.method, path: route.openapiPath, operation: validatorOperation(usable), style: 'validator', at: { file: route.file, line: route.at.line } },
      disagreements: [],
    };
  }
  const { operation, disagreements } = mergeValidators(doc.operation, usable, resolveRef);
  return { doc: { ...doc, operation }, disagreements };
}

/**
 * Whether enforce may take a validator out of the chain: every one of its rules is in the spec, and it hands
 * the handler nothing the spec would not: Joi writes its converted value back (`Object.assign(req, value)`,
 * celebrate's `req[segment] = value`), so a default, or a number/boolean read from params or query, is a value
 * a legacy handler sees only while the old middleware runs; a yup middleware that writes its cast back
 * (`convertsValues`: a Date for date(), "12.5" for 12.5) likewise stays.
 */
export function isCovered(v: RouteValidator): boolean {
  if (v.untranslated.length > 0 || Object.keys(v.locations).length === 0 || v.convertsValues) return false;
  return !Object.entries(v.locations).some(([where, schema]) => changesValue(schema, where !== 'body'));
}

function changesValue(schema: unknown, onTheWire: boolean): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const s = schema as Record<string, unknown>;
  if (s.default !== undefined) return true;
  const types = ([] as unknown[]).concat(s.type ?? []);
  if (onTheWire && types.some((t) => t === 'number' || t === 'integer' || t === 'boolean')) return true;
  return Object.entries(s).some(([k, v]) => k !== 'examples' && k !== 'enum' && k !== 'const'
    && (Array.isArray(v) ? v.some((x) => changesValue(x, onTheWire)) : changesValue(v, onTheWire)));
}

/** Drift findings: the docs against each route's validators, plus the rules no spec could carry. */
export function validatorDrift(matched: Array<{ route: RouteRecord; doc?: DocOperation }>, validators: RouteValidators | undefined, rel: (f: string) => string, resolveRef?: ResolveRef): DriftFinding[] {
  if (!validators) return [];
  const out: DriftFinding[] = [];
  for (const { route, doc } of matched) {
    const list = validators.get(route);
    if (!list) continue;
    const name = `${route.method.toUpperCase()} ${route.fullPath ?? route.path ?? '?'}`;
    if (doc) {
      for (const d of validatedDoc(route, doc, list, resolveRef).disagreements) {
        out.push({ kind: 'validator-drift', file: rel(doc.at.file), line: doc.at.line, route: name, message: d.message, hint: 'say in the docs what the validator enforces (the migrated spec already takes the stricter rule)' });
      }
    }
    for (const v of list) {
      for (const u of v.untranslated) {
        out.push({ kind: 'validator-untranslated', file: rel(u.file), line: u.line, route: name, message: `${u.rule}: ${u.why}`, hint: 'the old middleware stays in the chain until this rule is expressed in the spec or dropped' });
      }
    }
  }
  return out;
}

/**
 * The one error shape enforce reproduces for the whole app (onValidationError is app-wide): the shape of the
 * first covered validator that has one. Covered validators of another shape, or of none, stay in the chain.
 */
export function enforcedErrorShape(validators: RouteValidators): ErrorShape | undefined {
  for (const list of validators.values()) for (const v of list) if (isCovered(v) && v.errorShape) return v.errorShape;
  return undefined;
}

/** The validators of a file's routes that enforce may remove (removeCoveredValidators' input). */
export function coveredValidators(validators: RouteValidators, file: string): CoveredValidator[] {
  const shape = enforcedErrorShape(validators);
  const out: CoveredValidator[] = [];
  for (const [route, list] of validators) {
    if (route.file !== file || route.path === null) continue;
    for (const v of list) {
      if (isCovered(v) && shape && v.errorShape && hookSource(v.errorShape) === hookSource(shape)) out.push({ method: route.method, path: route.path, text: v.argument.text });
    }
  }
  return out;
}
