// A router's onValidationError over real HTTP, on Express 5 and 4: the same invalid requests sent to the legacy
// app (Joi behind a local validate() and celebrate with errors(), as fixtures/apps/bookings-joi has them) and to
// its migrated form (the validators gone from the chains, each router answering through its own hook) get the
// same status and body; a router without a hook answers with the app's hook, and the app's default without one.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { NextFunction, Request, Response } from 'express';
import request from 'supertest';
import Joi from 'joi';
import { celebrate, errors, isCelebrateError, Segments } from 'celebrate';
import { z } from 'zod';
import { celebrateValidationError, joiValidationError, typed } from '../../compat/index.js';
import { listen, VERSIONS, type ExpressModule, type Listening } from './helpers.js';

const feedbackRules = {
  body: Joi.object().keys({
    rating: Joi.number().integer().min(1).max(5).required(),
    comment: Joi.string().max(200),
  }),
};
// The spec MA004 writes for those rules (fixtures/apps/bookings-joi, migrated).
const feedbackSpec = z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().min(1).max(200).optional() });

const tableRules = Joi.object({ label: Joi.string().min(1).max(20).pattern(/^[A-Z][\w-]*$/).required(), seats: Joi.number().integer().min(1).max(12).required() });
const tableSpec = z.strictObject({ label: z.string().min(1).max(20).regex(/^[A-Z][\w-]*$/), seats: z.number().int().min(1).max(12) });

class ApiError extends Error {
  constructor(public statusCode: number, message: string) { super(message); }
}

// node-express-boilerplate's validate(): Joi with abortEarly: false, messages joined, answered by the error handler.
const validate = (schema: Record<string, Joi.Schema>) => (req: Request, _res: Response, next: NextFunction) => {
  const object = Object.fromEntries(Object.keys(schema).map((k) => [k, (req as unknown as Record<string, unknown>)[k]]));
  const { error } = Joi.compile(schema).prefs({ errors: { label: 'key' }, abortEarly: false }).validate(object);
  if (error) return next(new ApiError(400, error.details.map((d) => d.message).join(', ')));
  return next();
};

const errorHandler = (err: ApiError, _req: Request, res: Response, next: NextFunction) => {
  if (isCelebrateError(err)) return next(err);
  res.status(err.statusCode || 500).json({ code: err.statusCode || 500, message: err.message });
};

function legacyApp(impl: ExpressModule) {
  const app = impl();
  app.use(impl.json());
  const bookings = impl.Router();
  bookings.post('/feedback', validate(feedbackRules), (req, res) => res.status(201).json(req.body));
  const tables = impl.Router();
  tables.post('/', celebrate({ [Segments.BODY]: tableRules }), (req, res) => res.status(201).json(req.body));
  app.use('/bookings', bookings);
  app.use('/tables', tables);
  app.use(errorHandler);
  app.use(errors());
  return app;
}

function migratedApp(impl: ExpressModule, appHook: boolean) {
  const app = typed(impl(), { validation: 'enforce', docs: false, ...(appHook ? { onValidationError: () => ({ status: 418, body: { from: 'app' } }) } : {}) });
  app.use(impl.json());
  const bookings = typed(impl.Router(), { validation: 'enforce', onValidationError: joiValidationError(400) });
  bookings.post('/feedback', { body: feedbackSpec, status: 201 }, async ({ body }) => body);
  const tables = typed(impl.Router(), { validation: 'enforce', onValidationError: celebrateValidationError(400) });
  tables.post('/', { body: tableSpec, status: 201 }, async ({ body }) => body);
  const plain = typed(impl.Router(), { validation: 'enforce' });
  plain.post('/', { body: tableSpec, status: 201 }, async ({ body }) => body);
  app.use('/bookings', bookings);
  app.use('/tables', tables);
  app.use('/plain', plain);
  app.use(errorHandler);
  app.use(errors());
  return app;
}

const FEEDBACK: unknown[] = [
  {}, { rating: 0 }, { rating: 6, comment: '' }, { rating: 'x' }, { rating: 2.5 }, { rating: 3, extra: true }, { comment: 'x'.repeat(201) },
  { rating: 3 }, { rating: 5, comment: 'lovely' },
];
const TABLES: unknown[] = [
  {}, { label: 'window', seats: 2 }, { label: 'W1', seats: 0 }, { label: '', seats: 13 }, { label: 'W1', seats: 2, area: 'x' }, { label: 'W1', seats: 4 },
];

for (const [name, impl] of VERSIONS) {
  describe(`a router's onValidationError answers as the validator it replaces (${name})`, () => {
    let old: Listening;
    let migrated: Listening;
    let noAppHook: Listening;
    before(async () => {
      old = await listen(legacyApp(impl));
      migrated = await listen(migratedApp(impl, true));
      noAppHook = await listen(migratedApp(impl, false));
    });
    after(async () => { await old.close(); await migrated.close(); await noAppHook.close(); });

    for (const [path, bodies] of [['/bookings/feedback', FEEDBACK], ['/tables', TABLES]] as const) {
      it(`POST ${path}: the same status and body for every request`, async () => {
        let rejected = 0;
        for (const body of bodies) {
          const a = await request(old.url).post(path).send(body as object);
          const b = await request(migrated.url).post(path).send(body as object);
          assert.deepEqual({ status: b.status, body: b.body }, { status: a.status, body: a.body }, JSON.stringify(body));
          if (a.status === 400) rejected++;
        }
        assert.ok(rejected >= bodies.length - 2, 'most requests are invalid ones');
      });
    }

    it('a router without a hook answers with the app\'s hook, or the default 422 when the app has none', async () => {
      await request(migrated.url).post('/plain').send({}).expect(418, { from: 'app' });
      const res = await request(noAppHook.url).post('/plain').send({}).expect(422);
      assert.deepEqual(res.body.detail.map((d: { loc: string[] }) => d.loc), [['body', 'label'], ['body', 'seats']]);
      await request(noAppHook.url).post('/bookings/feedback').send({}).expect(400, { code: 400, message: '"rating" is required' });
    });
  });
}

describe('router onValidationError options', () => {
  it('refuses a hook that is not a function when the router is made, not at the first invalid request', () => {
    const [, impl] = VERSIONS[0]!;
    assert.throws(() => typed(impl.Router(), { onValidationError: 'joiValidationError(400)' as never }), /typed\(\): onValidationError must be a function/);
  });
});
