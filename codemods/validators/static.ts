// What every translator needs to read code without running it: literal values (through constants, imports,
// `as const`, spreads and TypeScript enums), method chains (`body('x').isInt().optional()`), and which package
// a name was imported from.
import { memberName, type Node } from '../rules/ast.js';
import { propKey, requireSource, unwrapTs } from './scope.js';
import type { ValidatorScope } from './types.js';

export type StaticValue = string | number | boolean | null | undefined | RegExp | StaticValue[] | { [k: string]: StaticValue };
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Evaluated = StaticValue | typeof UNKNOWN;

const MAX_DEPTH = 30;

/** The value of an expression when it is a literal or bound to one; UNKNOWN otherwise. */
export function evaluate(node: Node | undefined, file: string, scope: ValidatorScope, depth = 0): Evaluated {
  if (!node || depth > MAX_DEPTH) return UNKNOWN;
  const n = unwrapTs(node);
  const d = depth + 1;
  switch (n.type) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': return n.value;
    case 'NullLiteral': return null;
    case 'RegExpLiteral': return new RegExp(n.pattern, n.flags);
    case 'TemplateLiteral': {
      let out = n.quasis[0].value.cooked;
      for (let i = 0; i < n.expressions.length; i++) {
        const v = evaluate(n.expressions[i], file, scope, d);
        if (v === UNKNOWN || (typeof v === 'object' && v !== null)) return UNKNOWN;
        out += String(v) + n.quasis[i + 1].value.cooked;
      }
      return out;
    }
    case 'UnaryExpression': {
      const v = evaluate(n.argument, file, scope, d);
      if (typeof v !== 'number') return UNKNOWN;
      return n.operator === '-' ? -v : n.operator === '+' ? v : UNKNOWN;
    }
    case 'Identifier':
      if (n.name === 'undefined') return undefined;
      return viaDefinition(n, file, scope, d);
    case 'MemberExpression': {
      const d2 = scope.definition(n, file);
      if (d2) return d2.node.type === 'TSEnumDeclaration' ? enumMember(d2.node, memberName(n), d2.file, scope, d) : evaluate(d2.node, d2.file, scope, d);
      const obj = evaluate(n.object, file, scope, d);
      const key = memberName(n);
      if (obj === UNKNOWN || key === null || typeof obj !== 'object' || obj === null || obj instanceof RegExp) return UNKNOWN;
      if (Array.isArray(obj)) return key === 'length' ? obj.length : UNKNOWN;
      return Object.hasOwn(obj, key) ? obj[key] : UNKNOWN;
    }
    case 'ArrayExpression': {
      const out: StaticValue[] = [];
      for (const el of n.elements) {
        if (!el) return UNKNOWN;
        if (el.type === 'SpreadElement') {
          const v = evaluate(el.argument, file, scope, d);
          if (!Array.isArray(v)) return UNKNOWN;
          out.push(...v);
        } else {
          const v = evaluate(el, file, scope, d);
          if (v === UNKNOWN) return UNKNOWN;
          out.push(v);
        }
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, StaticValue> = {};
      for (const p of n.properties) {
        if (p.type === 'SpreadElement') {
          const v = evaluate(p.argument, file, scope, d);
          if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof RegExp) return UNKNOWN;
          Object.assign(out, v);
          continue;
        }
        if (p.type !== 'ObjectProperty' && p.type !== 'Property') return UNKNOWN;
        const k = propKey(p);
        const v = evaluate(p.value, file, scope, d);
        if (k === undefined || v === UNKNOWN) return UNKNOWN;
        out[k] = v;
      }
      return out;
    }
    case 'CallExpression': {
      // `Object.values(Enum)` / `Object.keys(CONST)`: common ways to list allowed values.
      const callee = n.callee;
      // `LIST.join(', ')` in a message.
      if (callee.type === 'MemberExpression' && memberName(callee) === 'join' && n.arguments.length <= 1) {
        const list = evaluate(callee.object, file, scope, d);
        const sep = n.arguments[0] ? evaluate(n.arguments[0], file, scope, d) : ',';
        if (Array.isArray(list) && typeof sep === 'string' && list.every((x) => typeof x === 'string' || typeof x === 'number')) return list.join(sep);
      }
      if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object' && n.arguments.length === 1) {
        const v = evaluate(n.arguments[0], file, scope, d);
        if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof RegExp) return UNKNOWN;
        const m = memberName(callee);
        if (m === 'values') return Object.values(v);
        if (m === 'keys') return Object.keys(v);
      }
      return UNKNOWN;
    }
    case 'NewExpression': {
      if (n.callee.type === 'Identifier' && n.callee.name === 'RegExp') {
        const src = evaluate(n.arguments[0], file, scope, d);
        const flags = n.arguments[1] ? evaluate(n.arguments[1], file, scope, d) : '';
        if (typeof src === 'string' && typeof flags === 'string') {
          try { return new RegExp(src, flags); } catch { return UNKNOWN; }
        }
      }
      return UNKNOWN;
    }
    case 'TSEnumDeclaration': return enumObject(n, file, scope, d);
    default: return UNKNOWN;
  }
}

function viaDefinition(n: Node, file: string, scope: ValidatorScope, depth: number): Evaluated {
  const def = scope.definition(n, file);
  if (!def || def.node.type === 'ImportDeclaration' || def.node.type === 'VariableDeclarator') return UNKNOWN;
  return evaluate(def.node, def.file, scope, depth);
}

/** A TypeScript enum as the object it compiles to (numeric members get their reverse mapping, like tsc). */
export function enumObject(decl: Node, file: string, scope: ValidatorScope, depth = 0): Evaluated {
  const out: Record<string, StaticValue> = {};
  let next: number | undefined = 0;
  for (const m of decl.members ?? decl.body?.members ?? []) {
    const name = m.id.type === 'Identifier' ? m.id.name : m.id.value;
    let v: Evaluated;
    if (m.initializer) v = evaluate(m.initializer, file, scope, depth + 1);
    else v = next;
    if (v === UNKNOWN || (typeof v !== 'string' && typeof v !== 'number')) return UNKNOWN;
    out[name] = v;
    if (typeof v === 'number') { out[String(v)] = name; next = v + 1; } else next = undefined;
  }
  return out;
}

function enumMember(decl: Node, key: string | null, file: string, scope: ValidatorScope, depth: number): Evaluated {
  const obj = enumObject(decl, file, scope, depth);
  if (obj === UNKNOWN || key === null || typeof obj !== 'object' || obj === null || Array.isArray(obj) || obj instanceof RegExp) return UNKNOWN;
  return Object.hasOwn(obj, key) ? obj[key] : UNKNOWN;
}

export interface ChainCall { name: string; args: Node[]; node: Node }

/** `root(args).a(x).b()` -> root callee, root args, and the calls after it in order. */
export function readChain(node: Node): { root: Node; rootArgs: Node[]; calls: ChainCall[] } | undefined {
  const calls: ChainCall[] = [];
  let n = unwrapTs(node);
  while (n.type === 'CallExpression' && n.callee.type === 'MemberExpression') {
    const name = memberName(n.callee);
    if (name === null) return undefined;
    const inner = unwrapTs(n.callee.object);
    if (inner.type !== 'CallExpression') {
      // `yup.string()` / `ev.body('x')`: the member call is the root.
      calls.reverse();
      return { root: n.callee, rootArgs: n.arguments, calls };
    }
    calls.push({ name, args: n.arguments, node: n });
    n = inner;
  }
  if (n.type !== 'CallExpression') return undefined;
  calls.reverse();
  return { root: n.callee, rootArgs: n.arguments, calls };
}

/** The package and exported name a callee comes from (`body` from express-validator, `yup.string` -> yup/string). */
export function importedFrom(callee: Node, file: string, scope: ValidatorScope): { source: string; name: string } | undefined {
  const n = unwrapTs(callee);
  if (n.type === 'MemberExpression') {
    const name = memberName(n);
    const ns = importedFrom(n.object, file, scope);
    if (name === null || !ns) return undefined;
    return ns.name === '*' || ns.name === 'default' ? { source: ns.source, name } : undefined;
  }
  if (n.type !== 'Identifier') return undefined;
  const def = scope.definition(n, file);
  if (!def) return undefined;
  const d = def.node;
  if (d.type === 'ImportDeclaration') {
    const spec = d.specifiers.find((s: Node) => s.local.name === n.name);
    if (!spec) return undefined;
    const name = spec.type === 'ImportSpecifier' ? (spec.imported.name ?? spec.imported.value) : spec.type === 'ImportDefaultSpecifier' ? 'default' : '*';
    return { source: d.source.value, name };
  }
  const req = requireSource(d);
  if (req !== undefined) return { source: req, name: '*' };
  if (d.type === 'VariableDeclarator' && d.id.type === 'ObjectPattern' && d.init) {
    const src = requireSource(unwrapTs(d.init));
    const prop = d.id.properties.find((p: Node) => p.value?.type === 'Identifier' && p.value.name === n.name);
    if (src !== undefined && prop) return { source: src, name: propKey(prop) ?? '' };
  }
  return undefined;
}

/** Source text of a node for an UntranslatedRule (`.custom(checkSku)`), shortened. */
export function snippet(node: Node, max = 80): string {
  const text = printShort(node);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function printShort(n: Node): string {
  switch (n.type) {
    case 'Identifier': return n.name;
    case 'StringLiteral': return JSON.stringify(n.value);
    case 'NumericLiteral': case 'BooleanLiteral': return String(n.value);
    case 'MemberExpression': return `${printShort(n.object)}.${memberName(n) ?? '[…]'}`;
    case 'CallExpression': return `${printShort(n.callee)}(${n.arguments.map(printShort).join(', ')})`;
    case 'ArrowFunctionExpression': case 'FunctionExpression': return '(…) => …';
    case 'ObjectExpression': return '{…}';
    case 'ObjectProperty': return `${n.computed ? '[…]' : printShort(n.key)}: ${printShort(n.value)}`;
    case 'ArrayExpression': return '[…]';
    case 'RegExpLiteral': return `/${n.pattern}/${n.flags}`;
    default: return '…';
  }
}

/** The elements of an array literal, or of the array a name is bound to (a `validations/` module's export). */
export function arrayElements(node: Node, file: string, scope: ValidatorScope, depth = 0): Array<{ node: Node; file: string }> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrapTs(node);
  if (n.type === 'ArrayExpression') {
    const out: Array<{ node: Node; file: string }> = [];
    for (const el of n.elements) {
      if (!el) return undefined;
      if (el.type === 'SpreadElement') {
        const inner = arrayElements(el.argument, file, scope, depth + 1);
        if (!inner) return undefined;
        out.push(...inner);
      } else out.push({ node: el, file });
    }
    return out;
  }
  if (n.type === 'Identifier' || n.type === 'MemberExpression') {
    const def = scope.definition(n, file);
    return def ? arrayElements(def.node, def.file, scope, depth + 1) : undefined;
  }
  return undefined;
}

export const isPlainObject = (v: Evaluated): v is Record<string, StaticValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RegExp);

/** ISO 8601 as validator libraries accept it: a date or a date-time (each branch typed, as the zod emitter
 *  reads formats only on typed schemas). */
export const isoDateSchema = (): Record<string, unknown> => ({ anyOf: [{ type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }] });
