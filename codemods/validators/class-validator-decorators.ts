// One class-validator decorator -> the keywords it enforces. class-validator checks types strictly (no coercion:
// `@IsInt()` refuses "5"), and its string validators (`@Length`, `@Matches`, `@IsEmail`) refuse non-strings,
// so each string rule carries `type: string` and each number rule `type: number`.
import { isoDateSchema, isPlainObject, type Evaluated } from './static.js';
import type { JsonSchema } from './types.js';

export interface PropertyRule {
  schema: JsonSchema;
  /** `{ each: true }`: the rule applies to the array's items. */
  each?: boolean;
  optional?: boolean;
  /** `@IsDefined()`: checked even under skipMissingProperties. */
  defined?: boolean;
  /** Checks nothing on its own (`@Allow()`): a missing value passes. */
  passive?: boolean;
  /** Why the decorator, though known, cannot be expressed (non-static arguments, flags). */
  untranslatable?: string;
}

const num = (v: Evaluated): number | undefined => (typeof v === 'number' ? v : undefined);

/** The options object a decorator takes last (`{ each, message }`). */
function optionsOf(values: Evaluated[]): Record<string, Evaluated> {
  const last = values.at(-1);
  return isPlainObject(last) && ('each' in last || 'message' in last || 'groups' in last || 'always' in last) ? last : {};
}

export function decoratorRule(name: string, values: Evaluated[], _property: string): PropertyRule | undefined {
  const o = optionsOf(values);
  if (Array.isArray(o.groups) || o.always === true) return { schema: {}, untranslatable: 'validation groups pick rules at run time' };
  const withMsg = (schema: JsonSchema, extra: Partial<PropertyRule> = {}): PropertyRule => {
    if (typeof o.message === 'string') schema['x-message'] = o.message;
    return { schema, each: o.each === true, ...extra };
  };
  const needNum = (...vs: Evaluated[]) => vs.every((v) => v === undefined || typeof v === 'number');
  switch (name) {
    case 'IsOptional': return { schema: {}, optional: true };
    case 'Allow': return { schema: {}, passive: true };
    case 'IsDefined': return withMsg({}, { defined: true });
    case 'IsNotEmpty': return withMsg({ not: { enum: ['', null] } });
    case 'IsString': return withMsg({ type: 'string' });
    case 'IsInt': return withMsg({ type: 'integer' });
    case 'IsNumber': return withMsg({ type: 'number' });
    case 'IsBoolean': return withMsg({ type: 'boolean' });
    case 'IsEmail': return withMsg({ type: 'string', format: 'email' });
    case 'IsUrl': case 'IsURL': return withMsg({ type: 'string', format: 'uri' });
    case 'IsUUID': return withMsg({ type: 'string', format: 'uuid' });
    case 'IsDateString': case 'IsISO8601': return withMsg(isoDateSchema());
    case 'IsArray': return withMsg({ type: 'array' });
    case 'IsObject': return withMsg({ type: 'object' });
    case 'IsPositive': return withMsg({ type: 'number', exclusiveMinimum: 0 });
    case 'IsNegative': return withMsg({ type: 'number', exclusiveMaximum: 0 });
    case 'Length': {
      const [min, max] = values;
      if (!needNum(min, isPlainObject(max) ? undefined : max)) return { schema: {}, untranslatable: 'bounds that are not static numbers' };
      const s: JsonSchema = { type: 'string' };
      if (typeof min === 'number') s.minLength = min;
      if (typeof max === 'number') s.maxLength = max;
      return withMsg(s);
    }
    case 'MinLength': case 'MaxLength': {
      const v = num(values[0]);
      if (v === undefined) return { schema: {}, untranslatable: 'a bound that is not a static number' };
      return withMsg({ type: 'string', [name === 'MinLength' ? 'minLength' : 'maxLength']: v });
    }
    case 'Min': case 'Max': {
      const v = num(values[0]);
      if (v === undefined) return { schema: {}, untranslatable: 'a bound that is not a static number' };
      return withMsg({ type: 'number', [name === 'Min' ? 'minimum' : 'maximum']: v });
    }
    case 'ArrayMinSize': case 'ArrayMaxSize': case 'ArrayNotEmpty': {
      const v = name === 'ArrayNotEmpty' ? 1 : num(values[0]);
      if (v === undefined) return { schema: {}, untranslatable: 'a size that is not a static number' };
      return withMsg({ type: 'array', [name === 'ArrayMaxSize' ? 'maxItems' : 'minItems']: v });
    }
    case 'Matches': {
      const [re, flags] = values;
      const pattern = re instanceof RegExp ? re : typeof re === 'string' ? safe(re, typeof flags === 'string' ? flags : '') : undefined;
      if (!pattern || /[imsuv]/.test(pattern.flags)) return { schema: {}, untranslatable: 'a pattern that is not static or has flags' };
      return withMsg({ type: 'string', pattern: pattern.source });
    }
    case 'IsIn': {
      const list = values[0];
      if (!Array.isArray(list) || list.some((v) => typeof v === 'object' && v !== null)) return { schema: {}, untranslatable: 'values that are not static' };
      return withMsg({ enum: list });
    }
    case 'IsEnum': {
      const e = values[0];
      // class-validator accepts every value of the object, so a numeric TS enum also accepts its member names.
      if (!isPlainObject(e)) return { schema: {}, untranslatable: 'an enum that is not found statically' };
      return withMsg({ enum: [...new Set(Object.values(e))] });
    }
    default: return undefined;
  }
}

function safe(source: string, flags: string): RegExp | undefined {
  try { return new RegExp(source, flags); } catch { return undefined; }
}
