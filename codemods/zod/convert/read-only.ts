// readOnly properties in requests: validate, then strip. OpenAPI says a readOnly property is not part
// of a request, so the request variant (`XInput`) does not list it: the handler's type lacks it, the
// served document shows the request schema without it, and zod strips it from the parsed value. One
// sent anyway is still checked against its own schema (a bad `id` is refused, as any JSON Schema
// validator refuses it) by `z.preprocess(check, object)`: the check sees the raw input, the object
// gives the value. zod-to-openapi prints a preprocess as its inner schema, so the document is unchanged;
// a preprocess is not a z.object, so callers that need one (`.extend()`, discriminated unions) take
// `.out`. The check is a module-level helper (module.ts declares it once), named in ZodContext.readOnly.
import { call, id, member, obj, zc, type ObjectProp, type ZodExpr } from '../ast.js';
import type { ModuleFormat } from '../module.js';

/** `z.preprocess(helper(check), inner)` */
export function checkedThenStripped(helper: string, check: ZodExpr, inner: ZodExpr): ZodExpr {
  return zc('preprocess', call(id(helper), check), inner);
}

/** The check of an object's readOnly properties: each optional (OpenAPI lifts `required` for them). */
export function readOnlyCheck(entries: ObjectProp[]): ZodExpr {
  return zc('object', obj(entries));
}

/** The inner schema of `z.preprocess(f, inner)`, or undefined for any other expression. */
export function preprocessInner(e: ZodExpr): ZodExpr | undefined {
  if (e.kind !== 'call' || e.isNew || e.args.length !== 2) return undefined;
  const c = e.callee;
  return c.kind === 'member' && c.property === 'preprocess' && c.object.kind === 'id' && c.object.name === 'z' ? e.args[1] : undefined;
}

/** The object inside a schema that may be a preprocess: a ref to one reads `.out`. */
export function objectOf(e: ZodExpr, wrappedRef: boolean): ZodExpr {
  return preprocessInner(e) ?? (wrappedRef ? member(e, 'out') : e);
}

/** The helper's declaration. Issues keep their code, message and path (relative to the object). */
export function readOnlyHelperSource(name: string, format: ModuleFormat): string {
  const ts = format === 'ts';
  return [
    '// A readOnly property is not part of a request (OpenAPI): one sent anyway is checked against its',
    '// schema here, then the object schema this runs before leaves it out of the parsed value.',
    `const ${name} = (check${ts ? ': z.ZodType' : ''}) => (value${ts ? ': unknown' : ''}, ctx${ts ? ': z.RefinementCtx' : ''}) => {`,
    '  const r = check.safeParse(value);',
    `  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, input: value }${ts ? ' as z.core.$ZodRawIssue' : ''});`,
    '  return value;',
    '};',
  ].join('\n');
}
