// One Joi schema expression, read statically, -> JSON Schema: `Joi.string().min(2).max(30).pattern(/^[\w-]+$/)`
// -> { type: 'string', minLength: 2, maxLength: 30, pattern: '^[\\w-]+$' }. A Joi schema is a chain of method
// calls on `Joi` (or on a name bound to another such chain), so the chain is read base first, each method
// folding into one state; what JSON Schema cannot say (when, custom, refs, conversions the handler relies on)
// becomes an UntranslatedRule naming the method. Hand-written: Joi's own describe() would need the app's code run.
import type { Node } from '../rules/ast.js';
import type { JsonSchema, UntranslatedRule, ValidatorScope } from './types.js';
import { keyName } from './scope.js';

export const JOI_PACKAGES = ['joi', '@hapi/joi'] as const;

export interface JoiContext {
  scope: ValidatorScope;
  untranslated: UntranslatedRule[];
}

/** A translated schema and its presence (Joi's default is optional). */
export interface JoiResult { schema: JsonSchema; presence?: 'required' | 'optional' | 'forbidden' }

interface State {
  kind: string;
  kw: Record<string, unknown>;
  presence?: JoiResult['presence'];
  /** `.options({ presence: 'required' })` / `.prefs(...)`: the default presence of an object's keys. */
  childPresence?: 'required' | 'optional';
  valid?: unknown[];
  allow: unknown[];
  invalid: unknown[];
  keys?: Record<string, JoiResult>;
  unknown?: boolean;
  patternProps?: Array<{ pattern: string; schema: JsonSchema }>;
  items?: JsonSchema[];
  alternatives?: JsonSchema[];
  match?: 'any' | 'one' | 'all';
  explicitMin?: boolean;
}

const MAX_DEPTH = 20;

/** Whether a name is the Joi namespace: imported from joi / @hapi/joi, or celebrate's re-export. */
export function isJoiNamespace(node: Node, file: string, scope: ValidatorScope): boolean {
  if (node.type !== 'Identifier' && node.type !== 'MemberExpression') return false;
  const imp = scope.packageImport?.(node, file);
  if (!imp) return false;
  if ((JOI_PACKAGES as readonly string[]).includes(imp.source)) return imp.name === '*' || imp.name === 'default' || imp.name === 'Joi';
  return imp.source === 'celebrate' && imp.name === 'Joi';
}

/** Whether an expression reads as a Joi schema (a chain rooted at Joi, or a name bound to one). */
export function isJoiSchema(expr: Node, file: string, scope: ValidatorScope, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const { base, calls } = flatten(expr);
  if (calls.length && isJoiNamespace(base, file, scope)) return true;
  if (base.type === 'Identifier' || base.type === 'MemberExpression') {
    const def = scope.definition(base, file);
    return !!def && def.node !== base && isJoiSchema(def.node, def.file, scope, depth + 1);
  }
  return false;
}

/** Translates a Joi schema expression; undefined when it is not one. */
export function joiSchema(expr: Node, file: string, ctx: JoiContext): JoiResult | undefined {
  const state = readState(expr, file, ctx, 0);
  return state && finish(state);
}

function flatten(expr: Node): { base: Node; calls: Array<{ name: string; args: Node[]; node: Node }> } {
  const calls: Array<{ name: string; args: Node[]; node: Node }> = [];
  let cur = expr;
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression' && !cur.callee.computed && cur.callee.property.type === 'Identifier') {
    calls.unshift({ name: cur.callee.property.name, args: cur.arguments, node: cur });
    cur = cur.callee.object;
  }
  return { base: cur, calls };
}

function fresh(kind: string): State {
  return { kind, kw: {}, allow: [], invalid: [] };
}

function readState(expr: Node, file: string, ctx: JoiContext, depth: number): State | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (expr.type === 'ObjectExpression') return objectKeys(fresh('object'), expr, file, ctx, depth);
  const lit = literal(expr);
  if (lit) return { ...fresh('any'), valid: [lit.value] };
  const { base, calls } = flatten(expr);
  let state: State | undefined;
  let rest = calls;
  if (calls.length && isJoiNamespace(base, file, ctx.scope)) {
    const [first, ...others] = calls;
    rest = others;
    state = constructor(first!, file, ctx, depth);
  } else if (base.type === 'Identifier' || base.type === 'MemberExpression') {
    const def = ctx.scope.definition(base, file);
    if (def && def.node !== base) {
      const inner = readState(def.node, def.file, ctx, depth + 1);
      state = inner && { ...inner, kw: { ...inner.kw }, allow: [...inner.allow], invalid: [...inner.invalid] };
    }
  }
  if (!state) return undefined;
  for (const call of rest) state = method(state, call, file, ctx, depth);
  return state;
}

const TYPES: Record<string, string> = {
  string: 'string', number: 'number', boolean: 'boolean', bool: 'boolean', object: 'object', array: 'array',
  date: 'date', any: 'any', alternatives: 'alternatives', alt: 'alternatives', binary: 'binary', func: 'function', function: 'function', symbol: 'symbol',
};

function constructor(call: { name: string; args: Node[]; node: Node }, file: string, ctx: JoiContext, depth: number): State {
  const kind = TYPES[call.name];
  if (!kind) return method(fresh('any'), call, file, ctx, depth); // Joi.valid(...), Joi.required(), Joi.allow(...)
  const state = fresh(kind);
  if (kind === 'binary' || kind === 'function' || kind === 'symbol') untranslated(ctx, call.node, file, `Joi.${call.name}()`, `no JSON Schema for a ${kind}`);
  if (kind === 'object' && call.args[0]) return method(state, { ...call, name: 'keys' }, file, ctx, depth);
  if (kind === 'alternatives' && call.args.length) return method(state, { ...call, name: 'try' }, file, ctx, depth);
  return state;
}

function untranslated(ctx: JoiContext, node: Node, file: string, rule: string, why: string): void {
  ctx.untranslated.push({ rule, file, line: ctx.scope.line(node, file), why });
}

function method(s: State, call: { name: string; args: Node[]; node: Node }, file: string, ctx: JoiContext, depth: number): State {
  const { name, args, node } = call;
  const num = (i = 0) => { const v = literal(args[i]); return typeof v?.value === 'number' ? v.value : undefined; };
  const todo = (why: string) => { untranslated(ctx, node, file, `.${name}(${args.map(argText).join(', ')})`, why); return s; };
  const needNum = (apply: (n: number) => void) => { const n = num(); if (n === undefined) return todo('a computed limit (Joi.ref or a variable)'); apply(n); return s; };
  switch (name) {
    case 'required': case 'exist': s.presence = 'required'; return s;
    case 'optional': s.presence = 'optional'; return s;
    case 'forbidden': s.presence = 'forbidden'; return s;
    case 'options': case 'prefs': case 'preferences': return prefs(s, args[0], todo);
    case 'presence': { const v = literal(args[0])?.value; if (v === 'required' || v === 'optional' || v === 'forbidden') s.presence = v; else return todo('a computed presence'); return s; }
    case 'label': case 'id': case 'meta': case 'tag': case 'unit': case 'notes': case 'strict': return s;
    case 'description': case 'note': { const v = literal(args[0])?.value; if (typeof v === 'string') s.kw.description = v; return s; }
    case 'example': { const v = literal(args[0]); if (v) s.kw.examples = [...((s.kw.examples as unknown[]) ?? []), v.value]; return s; }
    case 'messages': case 'message': { const v = staticValue(args[0]); if (v === undefined) return todo('computed messages'); s.kw['x-message'] = v; return s; }
    case 'default': {
      if (args.length === 0) return s;
      const v = staticValue(args[0]);
      if (v === undefined) return todo('a computed default (function or reference)');
      s.kw.default = v;
      return s;
    }
    case 'valid': case 'only': case 'equal': case 'allow': case 'invalid': case 'disallow': case 'not': {
      const values: unknown[] = [];
      for (const a of args.flatMap((x) => (x.type === 'ArrayExpression' ? x.elements : [x]))) {
        const v = literal(a);
        if (!v) return todo('a value that is a reference or computed');
        values.push(v.value);
      }
      if (name === 'allow') s.allow.push(...values);
      else if (name === 'invalid' || name === 'disallow' || name === 'not') s.invalid.push(...values);
      else s.valid = [...(s.valid ?? []), ...values];
      return s;
    }
    case 'min': case 'max': case 'length': return needNum((n) => limit(s, name, n));
    case 'greater': return needNum((n) => { s.kw.exclusiveMinimum = n; });
    case 'less': return needNum((n) => { s.kw.exclusiveMaximum = n; });
    case 'positive': s.kw.exclusiveMinimum = 0; return s;
    case 'negative': s.kw.exclusiveMaximum = 0; return s;
    case 'integer': s.kw.integer = true; return s;
    case 'multiple': return needNum((n) => { s.kw.multipleOf = n; });
    case 'port': s.kw.integer = true; s.kw.minimum = 0; s.kw.maximum = 65535; return s;
    case 'pattern': case 'regex': {
      if (s.kind === 'object') return objectPattern(s, args, file, ctx, depth, todo);
      const re = args[0]?.type === 'RegExpLiteral' ? args[0] : undefined;
      if (!re) return todo('a computed pattern');
      if (/[gimsuy]/.test(re.flags.replace(/[gu]/g, ''))) return todo(`regex flags /${re.flags}`);
      if (args[1] && literal(args[1]) === undefined && args[1].type === 'ObjectExpression' && hasKey(args[1], 'invert')) return todo('an inverted pattern');
      return addPattern(s, re.pattern);
    }
    case 'email': s.kw.format = 'email'; return s;
    case 'uri': return args.length ? todo('uri options') : ((s.kw.format = 'uri'), s);
    case 'uuid': case 'guid': s.kw.format = 'uuid'; return s;
    case 'isoDate': s.kw.format = 'date-time'; return s;
    case 'iso': s.kw.format = 'date-time'; return s;
    case 'alphanum': return addPattern(s, '^[a-zA-Z0-9]*$');
    case 'token': return addPattern(s, '^[a-zA-Z0-9_]*$');
    case 'hex': return addPattern(s, '^[a-fA-F0-9]*$');
    case 'unknown': { const v = args.length ? literal(args[0])?.value : true; if (typeof v !== 'boolean') return todo('computed'); s.unknown = v; return s; }
    case 'keys': case 'append': return args[0]?.type === 'ObjectExpression' ? objectKeys(s, args[0], file, ctx, depth)
      : args.length === 0 ? (s.keys ??= {}, s) : todo('keys from a computed object');
    case 'items': {
      const list = args.flatMap((x) => (x.type === 'ArrayExpression' ? x.elements : [x]));
      const schemas: JsonSchema[] = [];
      for (const a of list) { const r = child(a, file, ctx, depth); if (!r) return todo('items that are not Joi schemas'); schemas.push(r.schema); }
      s.items = [...(s.items ?? []), ...schemas];
      return s;
    }
    case 'unique': return args.length ? todo('unique by a comparator or key') : ((s.kw.uniqueItems = true), s);
    case 'try': {
      const list = args.flatMap((x) => (x.type === 'ArrayExpression' ? x.elements : [x]));
      const schemas: JsonSchema[] = [];
      for (const a of list) { const r = child(a, file, ctx, depth); if (!r) return todo('alternatives that are not Joi schemas'); schemas.push(r.schema); }
      s.alternatives = [...(s.alternatives ?? []), ...schemas];
      return s;
    }
    case 'match': { const v = literal(args[0])?.value; if (v === 'any' || v === 'one' || v === 'all') s.match = v; else return todo('computed match mode'); return s; }
    case 'empty': return args.length ? todo('empty values become undefined (a conversion)') : s;
    // Conversions: Joi hands the handler a changed value (trimmed, lower-cased, a Date); a spec says only what passes.
    case 'trim': case 'lowercase': case 'uppercase': case 'case': case 'normalize': case 'truncate': case 'replace': case 'raw': case 'cast':
    case 'rename': case 'single': case 'sort': case 'strip': case 'timestamp': case 'creditCard': case 'ip': case 'hostname': case 'domain':
    case 'base64': case 'dataUri': case 'isoDuration': case 'precision': case 'sparse': case 'has': case 'ordered': case 'assert':
    case 'insensitive': case 'and': case 'or': case 'xor': case 'nand': case 'oxor': case 'with': case 'without': case 'instance': case 'schema': case 'ref':
    case 'when': case 'conditional': case 'custom': case 'external': case 'error': case 'failover': case 'concat': case 'extend': case 'rule': case 'shared':
      return todo(WHY[name] ?? 'not expressible in JSON Schema');
    default:
      return todo('a method the translator does not know');
  }
}

const WHY: Record<string, string> = {
  when: 'a condition on another field', conditional: 'a condition on another field', custom: 'a custom function', external: 'an async external check',
  error: 'a custom error', insensitive: 'a case-insensitive match', trim: 'a conversion (trim)', lowercase: 'a conversion (lower case)', uppercase: 'a conversion (upper case)',
  rename: 'renames a key', strip: 'removes the key from the value', and: 'a dependency between keys', or: 'a dependency between keys',
  xor: 'a dependency between keys', nand: 'a dependency between keys', oxor: 'a dependency between keys', with: 'a dependency between keys',
  without: 'a dependency between keys', ref: 'a reference to another field', concat: 'a schema merged at run time',
};

/** An argument as the rule's name shows it: names and literals as written, the rest elided. */
function argText(a: Node): string {
  if (a.type === 'Identifier') return a.name;
  if (a.type === 'MemberExpression' && !a.computed && a.object.type === 'Identifier') return `${a.object.name}.${a.property.name}`;
  const v = literal(a);
  return v && typeof v.value !== 'object' ? JSON.stringify(v.value) : '...';
}

function limit(s: State, name: 'min' | 'max' | 'length', n: number): void {
  const [lo, hi] = s.kind === 'string' ? ['minLength', 'maxLength'] : s.kind === 'array' ? ['minItems', 'maxItems']
    : s.kind === 'object' ? ['minProperties', 'maxProperties'] : ['minimum', 'maximum'];
  if (name !== 'max') { s.kw[lo!] = n; s.explicitMin = true; }
  if (name !== 'min') s.kw[hi!] = n;
}

/** The first pattern is `pattern`; Joi checks every one, so further ones go to allOf. */
function addPattern(s: State, pattern: string): State {
  if (s.kw.pattern === undefined) s.kw.pattern = pattern;
  else s.kw.allOf = [...((s.kw.allOf as JsonSchema[]) ?? []), { pattern }];
  return s;
}

function prefs(s: State, arg: Node | undefined, todo: (why: string) => State): State {
  if (arg?.type !== 'ObjectExpression') return todo('computed options');
  for (const p of arg.properties as Node[]) {
    const key = p.type === 'ObjectProperty' ? keyName(p.key) : undefined;
    const v = key ? literal(p.value)?.value : undefined;
    if (key === 'presence' && (v === 'required' || v === 'optional')) s.childPresence = v;
    else if (key === 'allowUnknown' && typeof v === 'boolean') s.unknown = v;
    else if (key === 'stripUnknown' && v !== undefined) s.unknown = s.unknown ?? undefined;
    else if (key === 'abortEarly' || key === 'errors' || key === 'messages' || key === 'stripUnknown') continue;
    else if (key === 'convert' && v === true) continue;
    else todo(`option ${key ?? '(computed)'}`);
  }
  return s;
}

function child(expr: Node, file: string, ctx: JoiContext, depth: number): JoiResult | undefined {
  const st = readState(expr, file, ctx, depth + 1);
  return st && finish(st);
}

function objectKeys(s: State, obj: Node, file: string, ctx: JoiContext, depth: number): State {
  s.keys ??= {};
  for (const p of obj.properties as Node[]) {
    const key = p.type === 'ObjectProperty' && !p.computed ? keyName(p.key) : undefined;
    if (!key) { untranslated(ctx, p, file, p.type === 'SpreadElement' ? '...spread keys' : '[computed key]', 'keys only known at run time'); continue; }
    const r = child(p.value, file, ctx, depth);
    if (!r) { untranslated(ctx, p.value, file, `${key}: ...`, 'not a Joi schema the translator can read'); s.keys[key] = { schema: {} }; continue; }
    s.keys[key] = r;
  }
  return s;
}

function objectPattern(s: State, args: Node[], file: string, ctx: JoiContext, depth: number, todo: (why: string) => State): State {
  const re = args[0]?.type === 'RegExpLiteral' ? args[0] : undefined;
  const r = args[1] && child(args[1], file, ctx, depth);
  if (!re || re.flags || !r) return todo('a key pattern the translator cannot read');
  s.patternProps = [...(s.patternProps ?? []), { pattern: re.pattern, schema: r.schema }];
  return s;
}

function finish(s: State): JoiResult {
  let schema = base(s);
  if (s.valid) {
    // Joi's allow-list short-circuits the type's other rules: a valid value passes whatever else is said.
    const values = [...s.valid, ...s.allow];
    schema = values.length === 1 ? { const: values[0] } : { enum: values };
  } else {
    const extra = s.allow.filter((v) => v !== null && !(v === '' && s.kind === 'string' && !s.explicitMin && schema.minLength === 1));
    if (s.allow.includes('') && s.kind === 'string' && !s.explicitMin) delete schema.minLength;
    if (extra.length) schema = { anyOf: [extra.length === 1 ? { const: extra[0] } : { enum: extra }, schema] };
    if (s.allow.includes(null)) schema = nullable(schema);
  }
  if (s.invalid.length) schema.not = { enum: s.invalid };
  for (const k of ['description', 'examples', 'default', 'x-message'] as const) if (s.kw[k] !== undefined) schema[k] = s.kw[k];
  return { schema, ...(s.presence ? { presence: s.presence } : {}) };
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

const CARRY = ['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'format', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'allOf'];

function base(s: State): JsonSchema {
  const out: JsonSchema = {};
  switch (s.kind) {
    case 'string': out.type = 'string'; break;
    case 'number': out.type = s.kw.integer ? 'integer' : 'number'; break;
    case 'boolean': out.type = 'boolean'; break;
    case 'date': out.type = 'string'; out.format = 'date-time'; break;
    case 'array': out.type = 'array'; break;
    case 'object': out.type = 'object'; break;
    default: if (s.kw.integer) out.type = 'integer';
  }
  for (const k of CARRY) if (s.kw[k] !== undefined) out[k] = s.kw[k];
  // Joi's string() refuses '' unless allowed or a min says otherwise.
  if (s.kind === 'string' && !s.explicitMin) out.minLength = 1;
  if (s.kind === 'array' && s.items?.length) out.items = s.items.length === 1 ? s.items[0] : { anyOf: s.items };
  if (s.kind === 'object' && s.keys) {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const [k, r] of Object.entries(s.keys)) {
      const presence = r.presence ?? s.childPresence ?? 'optional';
      if (presence === 'forbidden') { properties[k] = { not: {} }; continue; }
      properties[k] = r.schema;
      if (presence === 'required') required.push(k);
    }
    out.properties = properties;
    if (required.length) out.required = required;
    // Joi refuses keys it was not told about, once keys() is given; Joi.object() alone takes any.
    if (s.patternProps?.length) {
      out.patternProperties = Object.fromEntries(s.patternProps.map((p) => [p.pattern, p.schema]));
      if (!s.unknown) out.additionalProperties = false;
    } else if (s.unknown !== true) out.additionalProperties = false;
  } else if (s.kind === 'object' && s.patternProps?.length) {
    out.patternProperties = Object.fromEntries(s.patternProps.map((p) => [p.pattern, p.schema]));
    if (!s.unknown) out.additionalProperties = false;
  }
  if (s.kind === 'alternatives' && s.alternatives?.length) {
    const key = s.match === 'one' ? 'oneOf' : s.match === 'all' ? 'allOf' : 'anyOf';
    out[key] = s.alternatives;
  }
  return out;
}

function hasKey(obj: Node, key: string): boolean {
  return (obj.properties as Node[]).some((p) => p.type === 'ObjectProperty' && keyName(p.key) === key);
}

/** A literal argument: string, number (also negative), boolean, null, a plain template. */
export function literal(n: Node | undefined): { value: unknown } | undefined {
  if (!n) return undefined;
  switch (n.type) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': return { value: n.value };
    case 'NullLiteral': return { value: null };
    case 'TemplateLiteral': return n.expressions.length === 0 ? { value: n.quasis[0].value.cooked } : undefined;
    case 'UnaryExpression': {
      const v = n.operator === '-' ? literal(n.argument) : undefined;
      return typeof v?.value === 'number' ? { value: -v.value } : undefined;
    }
    case 'Literal': return n.regex ? undefined : { value: n.value };
    default: return undefined;
  }
}

/** A JSON value written as a literal (objects and arrays of literals): `.messages({...})`, `.default([])`. */
function staticValue(n: Node | undefined): unknown {
  if (!n) return undefined;
  const lit = literal(n);
  if (lit) return lit.value;
  if (n.type === 'ArrayExpression') {
    const out = n.elements.map((e: Node) => staticValue(e));
    return out.includes(undefined) ? undefined : out;
  }
  if (n.type === 'ObjectExpression') {
    const out: Record<string, unknown> = {};
    for (const p of n.properties as Node[]) {
      const k = p.type === 'ObjectProperty' && !p.computed ? keyName(p.key) : undefined;
      const v = k ? staticValue(p.value) : undefined;
      if (k === undefined || v === undefined) return undefined;
      out[k] = v;
    }
    return out;
  }
  return undefined;
}
