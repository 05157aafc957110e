// One express-validator field chain (`.isString().isLength({ min: 1 }).optional()`) -> the field's JSON Schema
// and whether it is required. Standard validators check `String(value)` (undefined and null read as ''), so a
// field is required exactly when some validator rejects '' and nothing makes it optional: `isLength({ max: 5 })`
// alone accepts a missing field, `isEmail()` does not.
import type { Node } from '../rules/ast.js';
import type { FieldRule } from './field-paths.js';
import { mergeSchemas } from './field-paths.js';
import { isoDateSchema, isPlainObject, UNKNOWN, type Evaluated } from './static.js';
import type { JsonSchema } from './types.js';

export interface Step { name: string; args: Evaluated[]; node: Node }
type Report = (node: Node, why: string) => void;

const SANITIZERS = new Set(['trim', 'ltrim', 'rtrim', 'escape', 'unescape', 'normalizeEmail', 'toInt', 'toFloat', 'toBoolean',
  'toDate', 'toLowerCase', 'toUpperCase', 'blacklist', 'whitelist', 'stripLow', 'toArray', 'customSanitizer']);
const COERCIONS: Record<string, string> = { toInt: 'integer', toFloat: 'number', toBoolean: 'boolean' };
const IGNORED = new Set(['bail', 'run', 'builder']);

const num = (v: Evaluated): number | undefined => (typeof v === 'number' ? v : undefined);

/** The schema a validator adds, and whether it rejects '' (what a missing value reads as). */
function validator(name: string, args: Evaluated[], report: () => void): { schema: JsonSchema; rejectsEmpty: boolean } | undefined {
  const o = isPlainObject(args[0]) ? args[0] : {};
  const bounds = (s: JsonSchema) => {
    if (num(o.min) !== undefined) s.minimum = o.min;
    if (num(o.max) !== undefined) s.maximum = o.max;
    if (num(o.gt) !== undefined) s.exclusiveMinimum = o.gt;
    if (num(o.lt) !== undefined) s.exclusiveMaximum = o.lt;
    return s;
  };
  switch (name) {
    case 'isString': return { schema: { type: 'string' }, rejectsEmpty: true };
    case 'isInt': return { schema: bounds({ type: 'integer' }), rejectsEmpty: true };
    case 'isFloat': case 'isNumeric': case 'isDecimal': return { schema: bounds({ type: 'number' }), rejectsEmpty: true };
    case 'isBoolean':
      if (o.loose === true) { report(); return undefined; }
      return { schema: { type: 'boolean' }, rejectsEmpty: true };
    case 'isEmail': return { schema: { type: 'string', format: 'email' }, rejectsEmpty: true };
    case 'isURL': return { schema: { type: 'string', format: 'uri' }, rejectsEmpty: true };
    case 'isUUID': return { schema: { type: 'string', format: 'uuid' }, rejectsEmpty: true };
    case 'isISO8601': case 'isDate':
      return { schema: isoDateSchema(), rejectsEmpty: true };
    case 'isLength': {
      const s: JsonSchema = {};
      if (num(o.min) !== undefined) s.minLength = o.min;
      if (num(o.max) !== undefined) s.maxLength = o.max;
      return { schema: s, rejectsEmpty: (num(o.min) ?? 0) > 0 };
    }
    case 'matches': {
      const [re, flags] = args;
      const pattern = re instanceof RegExp ? re : typeof re === 'string' ? safeRegExp(re, typeof flags === 'string' ? flags : '') : undefined;
      // JSON Schema patterns carry no flags; `g`/`y` change nothing for a single test, the rest change meaning.
      if (!pattern || /[imsuv]/.test(pattern.flags)) { report(); return undefined; }
      return { schema: { type: 'string', pattern: pattern.source }, rejectsEmpty: !pattern.test('') };
    }
    case 'isIn': {
      const list = args[0];
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string' || typeof v === 'number')) { report(); return undefined; }
      const values = [...new Set(list.map(String))];
      return { schema: { enum: values }, rejectsEmpty: !values.includes('') };
    }
    case 'notEmpty': return { schema: { minLength: 1 }, rejectsEmpty: true };
    case 'isArray': {
      const s: JsonSchema = { type: 'array' };
      if (num(o.min) !== undefined) s.minItems = o.min;
      if (num(o.max) !== undefined) s.maxItems = o.max;
      return { schema: s, rejectsEmpty: true };
    }
    case 'isObject': return { schema: { type: 'object' }, rejectsEmpty: true };
    default: return undefined;
  }
}

function safeRegExp(source: string, flags: string): RegExp | undefined {
  try { return new RegExp(source, flags); } catch { return undefined; }
}

export function stepsToRule(steps: Step[], report: Report): FieldRule {
  let schema: JsonSchema = {};
  let rejectsEmpty = false;
  let optional: 'undefined' | 'null' | 'falsy' | undefined;
  let hasDefault = false;
  let negateNext = false;
  let lastType: string | undefined;
  let lastTranslated = false;
  for (const step of steps) {
    const { name, args, node } = step;
    if (negateNext) {
      negateNext = false;
      report(node, `.not().${name}() negates a validator; JSON Schema "not" is not emitted for it`);
      continue;
    }
    if (IGNORED.has(name)) continue;
    if (name === 'not') { negateNext = true; continue; }
    if (name === 'withMessage') {
      // The message of the validator just before; one that was not translated keeps its message to itself.
      if (typeof args[0] === 'string' && lastTranslated) schema['x-message'] = args[0];
      continue;
    }
    if (name === 'optional') {
      const o = isPlainObject(args[0]) ? args[0] : {};
      optional = o.checkFalsy === true || o.values === 'falsy' ? 'falsy' : o.nullable === true || o.values === 'null' ? 'null' : 'undefined';
      continue;
    }
    if (name === 'exists') {
      // exists() rejects a missing field; a present '' passes it, but "required" is all the schema needs.
      const o = isPlainObject(args[0]) ? args[0] : {};
      if (o.checkFalsy === true) report(node, 'exists({ checkFalsy }) rejects every falsy value');
      else if (o.checkNull === true && schema.type === undefined) schema = mergeSchemas(schema, { not: { type: 'null' } });
      rejectsEmpty = true;
      continue;
    }
    if (name === 'default') {
      if (args[0] === UNKNOWN) report(node, 'the default value is not static');
      else { schema.default = args[0]; hasDefault = true; }
      continue;
    }
    if (SANITIZERS.has(name)) {
      const coerced = COERCIONS[name];
      // After its own validator, toInt/toFloat/toBoolean leave every value the schema admits as the handler
      // would see it: a JSON number stays that number, and on the wire the spec's zod coerces the same way.
      if (coerced && (lastType === coerced || (coerced === 'number' && lastType === 'integer'))) continue;
      report(node, `sanitizer ${name}() changes the value the handler sees; the schema checks the value as sent`);
      continue;
    }
    if (name === 'if') {
      // Everything after .if() applies only when its condition holds: none of it is a plain schema rule.
      report(node, '.if() makes the rest of the chain conditional on app code');
      break;
    }
    if (name === 'custom' || name === 'customSanitizer') {
      lastTranslated = false;
      report(node, `.${name}() runs app code`);
      continue;
    }
    let unreadable = false;
    const v = validator(name, args, () => { unreadable = true; });
    lastTranslated = v !== undefined;
    if (!v) {
      report(node, unreadable ? `the options of ${name}() are not expressible as JSON Schema` : `validator ${name}() has no JSON Schema keyword here`);
      continue;
    }
    if (typeof v.schema.type === 'string') lastType = v.schema.type;
    schema = mergeSchemas(schema, v.schema);
    rejectsEmpty = rejectsEmpty || v.rejectsEmpty;
  }
  if (optional === 'null' && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (optional === 'falsy') schema = { anyOf: [schema, { enum: ['', 0, false, null] }] };
  return { schema, required: rejectsEmpty && optional === undefined && !hasDefault };
}
