// Which input values a typed handler may read parsed (`params.id`) and which it must read raw (`req.params.id`,
// the very value it read before): report mode hands a typed handler each location parsed with every raw key kept
// (compat/report-input.ts), so a key's parsed value equals the raw one unless its schema coerces, defaults or
// transforms it. Decided per key from the spec's source text; a named schema (`body: NewUser`) is not seen here,
// so its values are read raw.
import { parseExpression } from '@babel/parser';
import { ROUTE_HELPERS } from '../zod/route-helpers.js';
import { isReference, walk, type Node } from './ast.js';

/** Schema text that makes parsed values differ from the raw request's. */
export const CHANGES_VALUES = /z\.coerce|stringbool|\.default\(|\.prefault\(|\.transform\(|\.pipe\(|\.preprocess\(|\.catch\(|\.overwrite\(|\.trim\(|\.toLowerCase\(|\.toUpperCase\(|\.normalize\(/g;

export type KeyValue = 'same' | 'number' | 'changed';

export interface LocationSchema {
  /** The schema is an inline `z.object({...})` whose keys could be read. */
  known: boolean;
  /** Something outside the keys (an object-level transform, a named schema) may change any value. */
  changesAll: boolean;
  /** Per key: its parsed value is the raw one, or the raw one through Number() (`z.coerce.number()` alone), or may differ. */
  keys: Map<string, KeyValue>;
}

const UNKNOWN: LocationSchema = { known: false, changesAll: true, keys: new Map() };

function parseSchema(text: string): Node | null {
  try {
    return parseExpression(text, { plugins: ['typescript'] }) as unknown as Node;
  } catch {
    return null;
  }
}

/** The `z.object({...})` at the root of a chain (`z.object({...}).strict().meta(...)`), or null. */
function rootObject(n: Node): Node | null {
  let cur: Node = n;
  while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression') {
    const callee = cur.callee;
    if (callee.object.type === 'Identifier' && callee.property.name === 'object' && cur.arguments[0]?.type === 'ObjectExpression') return cur;
    cur = callee.object;
  }
  return null;
}

function keyValue(text: string, node: Node, zName: string): KeyValue {
  const changing = text.match(new RegExp(CHANGES_VALUES.source, 'g')) ?? [];
  // A reference to another schema (`Address`): its definition is not here to read.
  let named = false;
  walk(node, (n, parent) => {
    // `dateTime()` (migrate-api/compat) checks a string and gives it back as it is.
    if (n.type === 'Identifier' && n.name === ROUTE_HELPERS.dateTime && parent?.type === 'CallExpression' && parent.callee === n) return;
    if (n.type === 'Identifier' && n.name !== zName && isReference(n, parent ?? undefined)) named = true;
  });
  if (named) return 'changed';
  if (changing.length === 0) return 'same';
  // `z.coerce.number()` with checks and .optional() only: Number(raw) is the parsed number (or NaN for both).
  return changing.length === 1 && /^z\.coerce\.number\(\)/.test(text) ? 'number' : 'changed';
}

export function readLocationSchema(raw: string | undefined): LocationSchema {
  const text = raw && withoutReadOnlyChecks(raw);
  if (!text) return UNKNOWN;
  const expr = parseSchema(text);
  const root = expr && rootObject(expr);
  if (!expr || !root) return UNKNOWN;
  const zName = root.callee.object.name as string;
  const keys = new Map<string, KeyValue>();
  const shape = root.arguments[0] as Node;
  for (const p of shape.properties as Node[]) {
    if (p.type !== 'ObjectProperty' || p.computed) return UNKNOWN;
    const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'StringLiteral' ? p.key.value : null;
    if (key === null) return UNKNOWN;
    keys.set(key as string, keyValue(text.slice(p.value.start, p.value.end), p.value, zName));
  }
  // What lies outside the shape: `.strict()` changes no value, `.transform()` or `.default()` on the object may.
  const outside = text.slice(0, shape.start) + text.slice(shape.end);
  return { known: true, changesAll: new RegExp(CHANGES_VALUES.source).test(outside), keys };
}

/** What `req.<loc>.<key>` is when read parsed: the raw value, the raw value through Number(), or unknown. A key
 *  the schema does not declare is read raw (enforce strips it, and TypeScript does not know it). */
export function keyValueOf(schema: LocationSchema, key: string): KeyValue {
  if (!schema.known || schema.changesAll) return 'changed';
  return schema.keys.get(key) ?? 'changed';
}

/** Whether the whole location may be read parsed (`req.body` -> `body`). */
export function locationKeepsRawValues(schema: LocationSchema): boolean {
  return schema.known && !schema.changesAll && [...schema.keys.values()].every((v) => v === 'same');
}

/**
 * `z.preprocess(readOnlyChecked(check), inner)` read as `inner`: the check only adds issues and hands the value
 * on as it was (compat/read-only.ts), so the values a handler gets are `inner`'s. Other preprocesses stay.
 */
function withoutReadOnlyChecks(text: string): string | undefined {
  if (!text.includes(`${ROUTE_HELPERS.readOnlyChecked}(`)) return text;
  const expr = parseSchema(text);
  if (!expr) return undefined;
  // The node's text with each such preprocess replaced by its inner schema, nested ones too (one parse).
  const plain = (node: Node): string => {
    const checked: Node[] = [];
    walk(node, (n) => {
      const [check] = n.type === 'CallExpression' ? (n.arguments as Node[]) : [];
      if (n.type !== 'CallExpression' || n.arguments.length !== 2 || n.callee.type !== 'MemberExpression' || n.callee.property.name !== 'preprocess'
        || check?.type !== 'CallExpression' || check.callee.type !== 'Identifier' || check.callee.name !== ROUTE_HELPERS.readOnlyChecked) return;
      checked.push(n);
      return false;
    });
    let out = text.slice(node.start, node.end);
    for (const n of checked.reverse()) out = out.slice(0, n.start - node.start) + plain(n.arguments[1] as Node) + out.slice(n.end - node.start);
    return out;
  };
  return plain(expr);
}
