import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { celebrateValidationError, joiValidationError } from '../../compat/legacy-validation-errors.js';
import { pushIssues, RequestValidationError, type ErrorDetail } from '../../compat/validation-error.js';

function detail(schema: z.ZodType, value: unknown): ErrorDetail[] {
  const r = schema.safeParse(value);
  assert.equal(r.success, false);
  const out: ErrorDetail[] = [];
  pushIssues(out, 'body', r.error!.issues);
  return out;
}

const Feedback = z.strictObject({ rating: z.number().int().min(1).max(5), email: z.email().optional(), name: z.string().min(2).optional(), area: z.enum(['indoor', 'terrace']).optional() });

test('joiValidationError words zod issues as Joi does, joined like abortEarly: false', () => {
  const hook = joiValidationError(400);
  const out = hook(new RequestValidationError(detail(Feedback, { rating: 9, email: 'x', name: 'a', area: 'roof', vip: 1 })));
  assert.deepEqual(out, {
    status: 400,
    body: { code: 400, message: '"rating" must be less than or equal to 5, "email" must be a valid email, "name" length must be at least 2 characters long, "area" must be one of [indoor, terrace], "vip" is not allowed' },
  });
  assert.deepEqual(hook(new RequestValidationError(detail(Feedback, {}))).body, { code: 400, message: '"rating" is required' });
  // Joi's string() refuses '' as empty (the translated spec says minLength 1).
  assert.deepEqual(hook(new RequestValidationError(detail(z.object({ token: z.string().min(1) }), { token: '' }))).body, { code: 400, message: '"token" is not allowed to be empty' });
});

test('celebrateValidationError answers in celebrate errors()\' shape', () => {
  const out = celebrateValidationError()(new RequestValidationError(detail(Feedback, { rating: 0 })));
  assert.deepEqual(out, {
    status: 400,
    body: { statusCode: 400, error: 'Bad Request', message: 'Validation failed', validation: { body: { source: 'body', keys: ['rating'], message: '"rating" must be greater than or equal to 1' } } },
  });
  // Joi's abortEarly, celebrate's default: the first failure only; with abortEarly: false, all of the segment's.
  const two = new RequestValidationError(detail(Feedback, { rating: 0, name: 'a' }));
  assert.deepEqual(celebrateValidationError()(two).body, { statusCode: 400, error: 'Bad Request', message: 'Validation failed', validation: { body: { source: 'body', keys: ['rating'], message: '"rating" must be greater than or equal to 1' } } });
  assert.deepEqual(celebrateValidationError(400, { abortEarly: false })(two).body, {
    statusCode: 400, error: 'Bad Request', message: 'Validation failed',
    validation: { body: { source: 'body', keys: ['rating', 'name'], message: '"rating" must be greater than or equal to 1. "name" length must be at least 2 characters long' } },
  });
});
