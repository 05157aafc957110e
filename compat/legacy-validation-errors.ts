// onValidationError hooks that answer a rejected request in the shape the app's old validator answered it
// (its clients parse that body), for apps whose validator middleware a migration took out of the chain:
// Joi behind a local `validate()` (`{ code: 400, message: '"email" must be a valid email' }`, messages
// joined with ', ' as abortEarly: false gives them) and celebrate's errors() (`{ statusCode, error,
// message: 'Validation failed', validation: { body: { source, keys, message } } }`). The messages follow
// Joi's templates for the rules a spec carries; a rule Joi words differently falls back to zod's message.
import type { ErrorResponse } from './options.js';
import type { RequestValidationError, ErrorDetail } from './validation-error.js';

const SOURCE: Record<string, string> = { body: 'body', query: 'query', path: 'params', header: 'headers', cookie: 'cookies' };

/** `{ code: status, message }`, Joi's messages joined with ', ' (node-express-boilerplate's validate()). */
export function joiValidationError(status = 400): (error: RequestValidationError) => ErrorResponse {
  return (error) => ({ status, body: { code: status, message: error.detail.map(joiMessage).join(', ') } });
}

/** celebrate's errors() body for the first failing segment. */
export function celebrateValidationError(status = 400): (error: RequestValidationError) => ErrorResponse {
  return (error) => {
    const first = error.detail[0];
    const segment = SOURCE[String(first?.loc[0])] ?? String(first?.loc[0] ?? 'body');
    const same = error.detail.filter((d) => d.loc[0] === first?.loc[0]);
    return {
      status,
      body: {
        statusCode: status, error: 'Bad Request', message: 'Validation failed',
        validation: { [segment]: { source: segment, keys: same.map((d) => d.loc.slice(1).join('.')), message: same.map(joiMessage).join('. ') } },
      },
    };
  };
}

/** One issue in Joi's words, labelled by its key as `errors: { label: 'key' }` does. */
export function joiMessage(d: ErrorDetail): string {
  const key = d.loc.length > 1 ? String(d.loc[d.loc.length - 1]) : String(d.loc[0]);
  const label = `"${key}"`;
  const num = /(-?\d+(?:\.\d+)?)/.exec(d.msg.replace(/^[^:]*:/, ''))?.[1];
  switch (d.type) {
    case 'invalid_type': {
      if (/received undefined/.test(d.msg)) return `${label} is required`;
      const expected = /expected (\w+)/.exec(d.msg)?.[1];
      return expected ? `${label} must be a${/^[aeiou]/.test(expected) ? 'n' : ''} ${expected === 'int' ? 'number' : expected}` : d.msg;
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
      return `${label} fails to match the required pattern`;
    case 'invalid_value': {
      const options = /expected one of (.*)$/.exec(d.msg)?.[1];
      return options ? `${label} must be one of [${options.replace(/"/g, '').split('|').join(', ')}]` : `${label} is invalid`;
    }
    case 'unrecognized_keys': {
      const keys = [...d.msg.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      return keys.map((k) => `"${k}" is not allowed`).join(', ') || d.msg;
    }
    case 'not_multiple_of': return `${label} must be a multiple of ${num}`;
    default: return d.msg;
  }
}
