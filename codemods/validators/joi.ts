// Joi behind an app's own middleware: `validate(userValidation.createUser)` with
// `createUser = { body: Joi.object().keys({...}), params: ... }`, or `validator(schema, 'query')`.
// The middleware is the app's (no package names it), so it is recognised by its argument: an object of
// request parts holding Joi schemas, or one Joi schema with the part said by a string or by what the
// middleware function reads (`req.body`).
import { walk, type Node } from '../rules/ast.js';
import { isJoiSchema, joiSchema, JOI_PACKAGES, literal, type JoiContext } from './joi-schema.js';
import { keyName } from './scope.js';
import type { JsonSchema, RequestLocation, TranslatedValidator, UntranslatedRule, ValidatorScope, ValidatorTranslator } from './types.js';

const LOCATIONS: readonly RequestLocation[] = ['params', 'query', 'body', 'headers', 'cookies'];

/** Reads `{ body: <joi>, params: <joi> }` (the object itself, or a name bound to it) into locations. */
export function joiLocations(obj: Node, file: string, scope: ValidatorScope, untranslated: UntranslatedRule[],
  keyOf: (prop: Node) => string | undefined = (p) => (p.computed ? undefined : keyName(p.key))): Partial<Record<RequestLocation, JsonSchema>> | undefined {
  if (obj.type !== 'ObjectExpression') return undefined;
  const props = (obj.properties as Node[]).filter((p) => p.type === 'ObjectProperty');
  const keyed = props.map((p) => ({ p, key: keyOf(p) }));
  // A part is a Joi schema, or a plain object of them (Joi.compile / celebrate make it an object schema).
  const joiPart = (v: Node) => isJoiSchema(v, file, scope)
    || (v.type === 'ObjectExpression' && (v.properties as Node[]).some((q) => q.type === 'ObjectProperty' && isJoiSchema(q.value, file, scope)));
  if (!keyed.some(({ p, key }) => key && isLocationKey(key) && joiPart(p.value))) return undefined;
  const ctx: JoiContext = { scope, untranslated };
  const out: Partial<Record<RequestLocation, JsonSchema>> = {};
  for (const { p, key } of keyed) {
    if (!key || !(LOCATIONS as readonly string[]).includes(key)) {
      untranslated.push({ rule: `${key ?? '[computed]'}: ...`, file, line: scope.line(p, file), why: 'validates a part of the request a spec has no place for' });
      continue;
    }
    const r = joiSchema(p.value, file, ctx);
    if (!r) { untranslated.push({ rule: `${key}: ...`, file, line: scope.line(p, file), why: 'not a Joi schema the translator can read' }); continue; }
    out[key as RequestLocation] = r.schema;
  }
  return out;
}

const isLocationKey = (k: string) => (LOCATIONS as readonly string[]).includes(k) || k === 'signedCookies';

function resolved(node: Node, file: string, scope: ValidatorScope): { node: Node; file: string } {
  if (node.type === 'Identifier' || node.type === 'MemberExpression') {
    const d = scope.definition(node, file);
    if (d) return d;
  }
  return { node, file };
}

/** The one request part a middleware function reads (`req.body`), when there is exactly one. */
function partReadBy(callee: Node, file: string, scope: ValidatorScope): RequestLocation | undefined {
  const def = scope.definition(callee, file);
  if (!def) return undefined;
  const parts = new Set<RequestLocation>();
  walk(def.node, (n) => {
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier' && (LOCATIONS as readonly string[]).includes(n.property.name)
      && n.object.type === 'Identifier' && /^req(uest)?$/.test(n.object.name)) parts.add(n.property.name as RequestLocation);
  });
  return parts.size === 1 ? [...parts][0] : undefined;
}

/** The keys object of a `Joi.object({...})` whose keys are all request parts, else undefined. */
function requestPartsObject(node: Node): Node | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  const keys = node.arguments[0] as Node | undefined;
  if (node.callee.property.name !== 'object' || keys?.type !== 'ObjectExpression') return undefined;
  const names = (keys.properties as Node[]).map((p) => (p.type === 'ObjectProperty' ? keyName(p.key) : undefined));
  return names.length > 0 && names.every((n) => n && isLocationKey(n)) ? keys : undefined;
}

export const joiTranslator: ValidatorTranslator = {
  library: 'joi',
  packages: JOI_PACKAGES,
  translate(argument, file, scope) {
    if (argument.type !== 'CallExpression' || argument.arguments.length === 0) return undefined;
    if (isJoiSchema(argument, file, scope)) return undefined; // a schema, not a middleware
    if (scope.packageImport?.(argument.callee, file)?.source === 'celebrate') return undefined;
    const untranslated: UntranslatedRule[] = [];
    const arg = resolved(argument.arguments[0], file, scope);
    const locations = joiLocations(arg.node, arg.file, scope, untranslated);
    if (locations) return { library: 'joi', locations, untranslated, unknownKeys: 'reject' };
    if (!isJoiSchema(arg.node, arg.file, scope)) return undefined;
    // `Joi.object({ body: ..., params: ..., query: ... })` validated against `{ body, params, query }` of req.
    const parts = requestPartsObject(arg.node);
    const fromParts = parts && joiLocations(parts, arg.file, scope, untranslated);
    if (fromParts) return { library: 'joi', locations: fromParts, untranslated, unknownKeys: 'reject' };
    const named = literal(argument.arguments[1])?.value;
    const part = typeof named === 'string' && (LOCATIONS as readonly string[]).includes(named) ? named as RequestLocation : partReadBy(argument.callee, file, scope);
    const r = joiSchema(arg.node, arg.file, { scope, untranslated });
    if (!part || !r) {
      untranslated.push({ rule: `${argument.callee.type === 'Identifier' ? argument.callee.name : 'validator'}(...)`, file, line: scope.line(argument, file),
        why: 'which part of the request the middleware validates is not known' });
      return { library: 'joi', locations: {}, untranslated, unknownKeys: 'reject' };
    }
    return { library: 'joi', locations: { [part]: r.schema }, untranslated, unknownKeys: 'reject' } satisfies TranslatedValidator;
  },
};
