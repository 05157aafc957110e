// Which JSON types a schema admits: 3.1 `type` arrays, 3.0 `nullable: true`, or — when `type` is
// omitted, as hand-written docs often do — the type its keywords imply (`properties` -> object...).
import type { SchemaObject } from '../context.js';

const IMPLIED: Array<[string, string[]]> = [
  ['object', ['properties', 'additionalProperties', 'required', 'patternProperties', 'minProperties', 'maxProperties', 'propertyNames']],
  ['array', ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains']],
  ['string', ['minLength', 'maxLength', 'pattern']],
  ['number', ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf']],
];

export function typesOf(s: SchemaObject): string[] | undefined {
  let types: string[] | undefined;
  if (Array.isArray(s.type)) types = s.type.filter((t): t is string => typeof t === 'string');
  else if (typeof s.type === 'string') types = [s.type];
  else {
    const implied = IMPLIED.find(([, keys]) => keys.some((k) => k in s));
    if (implied) types = [implied[0]];
  }
  if (s.nullable === true && types && !types.includes('null')) types = [...types, 'null'];
  // `integer` is a subset of `number`: listing both admits every number.
  if (types?.includes('integer') && types.includes('number')) types = types.filter((t) => t !== 'integer');
  return types && [...new Set(types)];
}

/** Does a JSON value belong to one of `types` (used to keep only the enum values a type admits)? */
export function valueHasType(v: unknown, types: string[] | undefined): boolean {
  if (!types) return true;
  return types.some((t) => {
    switch (t) {
      case 'null': return v === null;
      case 'string': return typeof v === 'string';
      case 'boolean': return typeof v === 'boolean';
      case 'number': return typeof v === 'number';
      case 'integer': return typeof v === 'number' && Number.isInteger(v);
      case 'array': return Array.isArray(v);
      case 'object': return typeof v === 'object' && v !== null && !Array.isArray(v);
      default: return false;
    }
  });
}
