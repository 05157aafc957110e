// onValidationError hooks that answer a rejected request in the shape the app's old validator answered it
// (its clients parse that body), for apps whose validator middleware a migration took out of the chain:
// Joi behind a local `validate()` (`{ code: 400, message: '"email" must be a valid email' }`, messages
// joined with ', ' as abortEarly: false gives them) and celebrate's errors() (`{ statusCode, error,
// message: 'Validation failed', validation: { body: { source, keys, message } } }`). The messages follow
// Joi's templates for the rules a spec carries; a rule Joi words differently falls back to zod's message.
import type { ErrorResponse } from './options.js';
import type { RouteContext } from './route.js';
import type { RequestValidationError, ErrorDetail } from './validation-error.js';

const SOURCE: Record<string, string> = { body: 'body', query: 'query', path: 'params', header: 'headers', cookie: 'cookies' };

/** `{ code: status, message }`, Joi's messages joined with ', ' (node-express-boilerplate's validate()). */
export function joiValidationError(status = 400): (error: RequestValidationError, ctx?: RouteContext) => ErrorResponse {
  return (error, ctx) => ({ status, body: { code: status, message: error.detail.map((d) => joiMessage(d, valueOf(ctx, d))).join(', ') } });
}

/**
 * celebrate's errors() body for the first failing segment. celebrate validates with Joi's defaults, abortEarly
 * among them, so the body names the first failure only; `{ abortEarly: false }` (celebrate's second argument)
 * names every failure of the segment, joined with '. '.
 */
export function celebrateValidationError(status = 400, joiOptions: { abortEarly?: boolean } = {}): (error: RequestValidationError, ctx?: RouteContext) => ErrorResponse {
  return (error, ctx) => {
    const first = error.detail[0];
    const segment = SOURCE[String(first?.loc[0])] ?? String(first?.loc[0] ?? 'body');
    const abortEarly = joiOptions.abortEarly !== false;
    // zod names every unknown key in one issue on the object, Joi one error per key (and stops at the first).
    const perKey = error.detail.filter((d) => d.loc[0] === first?.loc[0]).flatMap((d) => (d.type === 'unrecognized_keys'
      ? unknownKeys(d).map((k) => ({ ...d, loc: [...d.loc, k], msg: `Unrecognized key: "${k}"` })) : [d]));
    const same = abortEarly ? perKey.slice(0, 1) : perKey;
    return {
      status,
      body: {
        statusCode: status, error: 'Bad Request', message: 'Validation failed',
        validation: { [segment]: { source: segment, keys: same.map((d) => d.loc.slice(1).join('.')), message: same.map((d) => joiMessage(d, valueOf(ctx, d))).join('. ') } },
      },
    };
  };
}

const REQUEST_PART: Record<string, 'body' | 'query' | 'params' | 'headers' | 'cookies'> = { body: 'body', query: 'query', path: 'params', header: 'headers', cookie: 'cookies' };

/** The request's value at an issue's place: Joi quotes it in some messages (a pattern's), zod's issue does not carry it. */
function valueOf(ctx: RouteContext | undefined, d: ErrorDetail): unknown {
  const part = REQUEST_PART[String(d.loc[0])];
  let v: unknown = part && ctx?.req ? (ctx.req as unknown as Record<string, unknown>)[part] : undefined;
  for (const key of d.loc.slice(1)) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

/** One issue in Joi's words, labelled by its key as `errors: { label: 'key' }` does. */
export function joiMessage(d: ErrorDetail, value?: unknown): string {
  const key = d.loc.length > 1 ? String(d.loc[d.loc.length - 1]) : String(d.loc[0]);
  const label = `"${key}"`;
  const num = /(-?\d+(?:\.\d+)?)/.exec(d.msg.replace(/^[^:]*:/, ''))?.[1];
  switch (d.type) {
    case 'invalid_type': {
      if (/received undefined/.test(d.msg)) return `${label} is required`;
      const expected = /expected (\w+)/.exec(d.msg)?.[1];
      // zod says `expected int` of a number that is not whole (a string is `expected number`): Joi's integer rule.
      if (expected === 'int') return /received number/.test(d.msg) ? `${label} must be an integer` : `${label} must be a number`;
      return expected ? `${label} must be a${/^[aeiou]/.test(expected) ? 'n' : ''} ${expected}` : d.msg;
    }
    case 'too_big':
      if (/string|characters/.test(d.msg)) return `${label} length must be less than or equal to ${num} characters long`;
      if (/array|items/.test(d.msg)) return `${label} must contain less than or equal to ${num} items`;
      return /<\d|< \d/.test(d.msg.replace(/<=/g, '')) ? `${label} must be less than ${num}` : `${label} must be less than or equal to ${num}`;
    case 'too_small':
      // Joi refuses '' before any length rule: a string under 1 character is an empty one.
      if (/string|characters/.test(d.msg) && num === '1') return `${label} is not allowed to be empty`;
      if (/string|characters/.test(d.msg)) return `${label} length must be at least ${num} characters long`;
      if (/array|items/.test(d.msg)) return `${label} must contain at least ${num} items`;
      return /[^>]>\d|[^>]> \d/.test(` ${d.msg.replace(/>=/g, '')}`) ? `${label} must be greater than ${num}` : `${label} must be greater than or equal to ${num}`;
    case 'invalid_format':
      if (/email/.test(d.msg)) return `${label} must be a valid email`;
      if (/ur[il]/i.test(d.msg)) return `${label} must be a valid uri`;
      if (/uuid|guid/i.test(d.msg)) return `${label} must be a valid GUID`;
      if (/datetime|date/i.test(d.msg)) return `${label} must be in ISO 8601 date format`;
      {
        // Joi's string.pattern.base: the value quoted, the regex as written (zod's message ends with it).
        const regex = /pattern (\/.*\/[a-z]*)$/.exec(d.msg)?.[1];
        if (regex && typeof value === 'string') return `${label} with value ${JSON.stringify(value)} fails to match the required pattern: ${regex}`;
      }
      return `${label} fails to match the required pattern`;
    case 'invalid_value': {
      const options = /expected one of (.*)$/.exec(d.msg)?.[1];
      return options ? `${label} must be one of [${options.replace(/"/g, '').split('|').join(', ')}]` : `${label} is invalid`;
    }
    case 'unrecognized_keys': {
      const keys = unknownKeys(d);
      return keys.map((k) => `"${k}" is not allowed`).join(', ') || d.msg;
    }
    case 'not_multiple_of': return `${label} must be a multiple of ${num}`;
    default: return d.msg;
  }
}

function unknownKeys(d: ErrorDetail): string[] {
  return [...d.msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
}
