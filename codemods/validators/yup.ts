// yup -> JSON Schema: the schema handed to a validation middleware (`validate(userSchema)`), read statically
// from `yup.object({...})` / `object().shape({...})` chains, in this file or a `schemas/` module. What runs code
// or changes values (`test`, `when`, `transform`, `lazy`, `trim`) is named as untranslated. Which location the
// middleware validates, and whether it validates strictly (`{ strict: true }`: no casts), comes from its
// definition (./middleware-definition.ts), else the body; what the casts let through is ./yup-casts.ts.
import type { Node } from '../rules/ast.js';
import { readMiddleware } from './middleware-definition.js';
import { propKey, unwrapTs } from './scope.js';
import { evaluate, importedFrom, isPlainObject, readChain, snippet, UNKNOWN, type ChainCall, type Evaluated } from './static.js';
import { withBooleanCasts, withNull, withoutCasts, withStringCasts, YUP_URL_SCHEME, yupDateSchema } from './yup-casts.js';
import type { JsonSchema, RequestLocation, TranslatedValidator, UntranslatedRule, ValidatorScope, ValidatorTranslator } from './types.js';

const PACKAGES = ['yup'] as const;
const TYPES = new Set(['string', 'number', 'boolean', 'bool', 'date', 'array', 'object', 'mixed']);
const VALIDATE_CALLS = ['validate', 'validateSync', 'isValid', 'isValidSync', 'validateAt'];

/** `strict`: no casting here (the middleware passes `{ strict: true }`, or this schema or an ancestor is
 *  `.strict()`: a strict parent is not cast, and yup validates nested fields as they are). */
interface Ctx { file: string; scope: ValidatorScope; untranslated: UntranslatedRule[]; depth: number; strict: boolean }
interface Read { schema: JsonSchema; required: boolean; stripUnknown?: boolean }

export const yup: ValidatorTranslator = {
  library: 'yup',
  packages: PACKAGES,
  translate(argument, file, scope) {
    const call = unwrapTs(argument);
    if (call.type !== 'CallExpression') return undefined;
    const facts = readMiddleware(call, file, scope, VALIDATE_CALLS);
    // The middleware factory gets the schema as one of its arguments.
    for (const arg of call.arguments) {
      const ctx: Ctx = { file, scope, untranslated: [], depth: 0, strict: facts.options.strict === true };
      const read = readSchema(arg, ctx);
      if (!read) continue;
      const locations: TranslatedValidator['locations'] = {};
      if (facts.location === 'resource') {
        const props = (read.schema.properties ?? {}) as Record<string, JsonSchema>;
        for (const [k, s] of Object.entries(props)) if (k in LOCS) locations[LOCS[k]!] = k === 'body' ? s : withoutCasts(s);
      } else locations[facts.location] = facts.location === 'body' ? read.schema : withoutCasts(read.schema);
      const stripUnknown = facts.options.stripUnknown === true;
      return {
        library: 'yup', locations, untranslated: ctx.untranslated,
        unknownKeys: stripUnknown || read.stripUnknown ? 'strip' : read.schema.additionalProperties === false ? 'reject' : 'allow',
        // Written back, the cast value is what the handler sees: a Date for date(), "12.5" for 12.5, defaults.
        ...(facts.writesBack && !ctx.strict ? { convertsValues: true as const } : {}),
      };
    }
    return undefined;
  },
};

const LOCS: Record<string, RequestLocation> = { body: 'body', query: 'query', params: 'params', headers: 'headers' };

function untranslated(ctx: Ctx, node: Node, why: string, file = ctx.file): void {
  ctx.untranslated.push({ rule: snippet(node), file, line: ctx.scope.line(node, file), why });
}

/** A yup schema expression (or a name bound to one) -> its JSON Schema; undefined when it is not yup. */
export function readSchema(node: Node, ctx: Ctx): Read | undefined {
  if (ctx.depth > 20) return undefined;
  const n = unwrapTs(node);
  if (n.type === 'Identifier' || n.type === 'MemberExpression') {
    if (n.type === 'MemberExpression' && importedFrom(n, ctx.file, ctx.scope)) return undefined;
    const def = ctx.scope.definition(n, ctx.file);
    if (!def || !/Expression$/.test(unwrapTs(def.node).type)) return undefined;
    return readSchema(def.node, { ...ctx, file: def.file, depth: ctx.depth + 1 });
  }
  if (n.type !== 'CallExpression') return undefined;
  const chain = readChain(n);
  if (!chain) return undefined;
  const imp = importedFrom(chain.root, ctx.file, ctx.scope);
  if (!imp || !(PACKAGES as readonly string[]).includes(imp.source)) return undefined;
  if (imp.name === 'lazy' || imp.name === 'ref') { untranslated(ctx, n, `yup.${imp.name}() is resolved at validation time`); return { schema: {}, required: false }; }
  if (!TYPES.has(imp.name)) return undefined;
  return readTyped(imp.name === 'bool' ? 'boolean' : imp.name, chain.rootArgs, chain.calls, n, ctx);
}

function readShape(arg: Node | undefined, ctx: Ctx): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
  if (!arg) return { properties: {}, required: [] };
  let obj = unwrapTs(arg);
  let file = ctx.file;
  if (obj.type === 'Identifier') {
    const def = ctx.scope.definition(obj, ctx.file);
    if (!def) return undefined;
    obj = unwrapTs(def.node); file = def.file;
  }
  if (obj.type !== 'ObjectExpression') return undefined;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const p of obj.properties) {
    const key = p.type === 'ObjectProperty' ? propKey(p) : undefined;
    if (key === undefined) { untranslated({ ...ctx, file }, p, 'a spread or computed key in the shape', file); continue; }
    const r = readSchema(p.value, { ...ctx, file, depth: ctx.depth + 1 });
    if (!r) { untranslated(ctx, p.value, 'not a yup schema read statically', file); properties[key] = {}; continue; }
    properties[key] = r.schema;
    if (r.required) required.push(key);
  }
  return { properties, required };
}

const num = (v: Evaluated): number | undefined => (typeof v === 'number' ? v : undefined);
const message = (v: Evaluated): string | undefined => (typeof v === 'string' ? v : isPlainObject(v) && typeof v.message === 'string' ? v.message : undefined);

function readTyped(type: string, rootArgs: Node[], calls: ChainCall[], whole: Node, ctx: Ctx): Read {
  let schema: JsonSchema = {};
  let required = false;
  let nullable = false;
  let hasDefault = false;
  let inner: Read | undefined;
  let objectHasRequired = false;
  let objectDefaultUndefined = false;
  let stripUnknown = false;
  const strict = ctx.strict || calls.some((c) => c.name === 'strict' && (c.args.length === 0 || evaluate(c.args[0], ctx.file, ctx.scope) === true));
  ctx = { ...ctx, strict };
  const setShape = (arg: Node | undefined) => {
    const shape = readShape(arg, ctx);
    if (!shape) { untranslated(ctx, arg ?? whole, 'the object shape is not read statically'); return; }
    schema.properties = { ...((schema.properties as object) ?? {}), ...shape.properties };
    const req = [...new Set([...((schema.required as string[]) ?? []), ...shape.required])];
    if (req.length > 0) schema.required = req;
    objectHasRequired = req.length > 0;
  };
  switch (type) {
    case 'string': schema.type = 'string'; break;
    case 'number': schema.type = 'number'; break;
    case 'boolean': schema.type = 'boolean'; break;
    case 'date':
      // A strict date() wants a Date object, which no request carries.
      if (strict) untranslated(ctx, whole, 'a strict date() accepts only Date objects');
      schema = yupDateSchema();
      break;
    case 'object': schema.type = 'object'; if (rootArgs[0]) setShape(rootArgs[0]); break;
    case 'array': schema.type = 'array'; if (rootArgs[0]) inner = readSchema(rootArgs[0], { ...ctx, depth: ctx.depth + 1 }); break;
  }
  const lengthKeys = type === 'string' ? ['minLength', 'maxLength'] : type === 'array' ? ['minItems', 'maxItems'] : type === 'number' ? ['minimum', 'maximum'] : undefined;
  for (const c of calls) {
    const args = c.args.map((a) => evaluate(a, ctx.file, ctx.scope));
    const msg = message(args.at(-1) as Evaluated);
    const bound = (i: 0 | 1) => {
      const v = num(args[0]);
      if (!lengthKeys || v === undefined) { untranslated(ctx, c.node, `.${c.name}() with a bound that is not a static number`); return; }
      schema[lengthKeys[i]] = v;
    };
    switch (c.name) {
      case 'required':
        required = true;
        // yup reads '' as missing on strings.
        if (type === 'string' && schema.format === undefined) schema.minLength = Math.max(1, (schema.minLength as number | undefined) ?? 0);
        if (typeof args[0] === 'string') schema['x-message'] = args[0];
        break;
      case 'defined': required = true; break;
      case 'optional': required = false; break;
      case 'notRequired': required = false; nullable = true; break;
      case 'nullable': nullable = true; break;
      case 'nonNullable': nullable = false; break;
      case 'min': bound(0); break;
      case 'max': bound(1); break;
      case 'length': bound(0); bound(1); break;
      case 'moreThan': if (type === 'number' && num(args[0]) !== undefined) schema.exclusiveMinimum = args[0]; else untranslated(ctx, c.node, '.moreThan() without a static number'); break;
      case 'lessThan': if (type === 'number' && num(args[0]) !== undefined) schema.exclusiveMaximum = args[0]; else untranslated(ctx, c.node, '.lessThan() without a static number'); break;
      case 'positive': schema.exclusiveMinimum = 0; break;
      case 'negative': schema.exclusiveMaximum = 0; break;
      case 'integer': schema.type = 'integer'; break;
      case 'email': schema.format = 'email'; break;
      case 'url': schema.format = 'uri'; schema.pattern = YUP_URL_SCHEME; break;
      case 'uuid': schema.format = 'uuid'; break;
      case 'matches': {
        const re = args[0];
        const opts = isPlainObject(args[1]) ? args[1] : {};
        if (!(re instanceof RegExp) || /[imsuv]/.test(re.flags) || opts.excludeEmptyString === true) {
          untranslated(ctx, c.node, '.matches() with flags, options or a pattern that is not static');
        } else schema.pattern = re.source;
        break;
      }
      case 'oneOf': {
        const list = args[0];
        if (!Array.isArray(list) || list.some((v) => typeof v === 'object' && v !== null)) { untranslated(ctx, c.node, '.oneOf() with values that are not static'); break; }
        // yup lets undefined through unless required, and null only when nullable(), listed or not.
        schema.enum = list.filter((v) => v !== undefined && v !== null);
        break;
      }
      case 'default': {
        if (args[0] === UNKNOWN) untranslated(ctx, c.node, 'the default is not static');
        else if (args[0] !== undefined) { schema.default = args[0]; hasDefault = true; }
        else if (type === 'object') objectDefaultUndefined = true;
        break;
      }
      case 'shape': setShape(c.args[0]); break;
      case 'of': inner = readSchema(c.args[0]!, { ...ctx, depth: ctx.depth + 1 }); if (!inner) untranslated(ctx, c.node, 'the item schema is not read statically'); break;
      // Outside strict mode yup strips unknown keys while casting and never rejects them.
      case 'noUnknown': if (args[0] !== false) { if (strict) schema.additionalProperties = false; else stripUnknown = true; } break;
      case 'strict': case 'label': case 'meta': case 'describe': case 'typeError': case 'strip': case 'concat':
        if (c.name === 'typeError' && msg) schema['x-message'] = msg;
        if (c.name === 'strip' || c.name === 'concat') untranslated(ctx, c.node, `.${c.name}() changes the shape the handler sees`);
        break;
      default:
        untranslated(ctx, c.node, /^(test|when|transform|trim|lowercase|uppercase|notOneOf|ensure|compact)$/.test(c.name)
          ? `.${c.name}() runs code or changes the value` : `.${c.name}() has no JSON Schema keyword here`);
    }
  }
  if (inner) schema.items = inner.schema;
  // mixed() takes any value but null (unless nullable).
  if (type === 'mixed' && !schema.enum) schema = { ...schema, not: { type: 'null' } };
  if (!strict && type === 'string') schema = withStringCasts(schema);
  if (!strict && type === 'boolean' && !schema.enum) schema = withBooleanCasts(schema);
  // An object schema builds its default ({} with its fields' defaults), so a missing object is validated as {}:
  // it fails exactly when one of its fields is required, whatever `.required()` says; `.default(undefined)`
  // turns that off.
  if (type === 'object' && !objectDefaultUndefined) required = objectHasRequired;
  if (nullable) schema = withNull(schema);
  return { schema, required: required && !hasDefault, stripUnknown };
}
