// A schema without `type` whose keywords imply one (`properties`/`required` -> object, `items` ->
// array, `minLength` -> string, `minimum` -> number): JSON Schema applies those keywords to values of
// that type only, and every other value passes. So the implied type's checks are one branch of a
// union with every other JSON type, unchecked: `{ properties: { a: ... } }` accepts `"text"`, `3`,
// `null` and `[1]`, as ajv does, while an object is still checked (and stripped) as the object.
import { arr, zc, type ZodExpr } from '../ast.js';
import type { SchemaObject } from '../context.js';
import { typesOf } from './types.js';

const OTHERS: Array<[string, () => ZodExpr]> = [
  ['string', () => zc('string')],
  ['number', () => zc('number')],
  ['boolean', () => zc('boolean')],
  ['null', () => zc('null')],
  ['array', () => zc('array', zc('unknown'))],
  ['object', () => zc('record', zc('string'), zc('unknown'))],
];

/** Whether the schema's type is only implied by its keywords (no `type` written). */
export const typeIsImplied = (s: SchemaObject): boolean => s.type === undefined;

/** `checked` (the implied type's schema) or any value of another JSON type. */
export function orOtherTypes(checked: ZodExpr, implied: string, nullable: boolean): ZodExpr {
  const others = OTHERS.filter(([t]) => t !== implied && !(t === 'number' && implied === 'integer') && !(nullable && t === 'null'));
  return zc('union', arr([checked, ...others.map(([, make]) => make())]));
}

/** A sub-schema checked only against values that already passed `parent` (`not`, `if/then/else`):
 *  when the parent fixes the type the sub-schema implies, that type can be written out. */
export function typedLikeParent(sub: unknown, parent: SchemaObject): unknown {
  if (!sub || typeof sub !== 'object' || Array.isArray(sub) || typeof parent.type !== 'string') return sub;
  const s = sub as SchemaObject;
  if (!typeIsImplied(s) || typeof s.$ref === 'string' || typesOf(s)?.[0] !== parent.type) return sub;
  return { type: parent.type, ...s };
}
