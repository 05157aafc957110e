// The Joi translator on the shapes real code takes: whole JSON Schema outputs compared, and every rule a
// spec cannot carry named (never dropped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { Node } from '../../../codemods/rules/ast.js';
import { joiTranslator } from '../../../codemods/validators/joi.js';
import { celebrateTranslator } from '../../../codemods/validators/celebrate.js';
import { FileValidatorScope } from '../../../codemods/validators/scope.js';
import type { TranslatedValidator } from '../../../codemods/validators/types.js';

const dir = mkdtempSync(join(tmpdir(), 'joi-translator-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const resolver = (from: string, spec: string) => {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [base, `${base}.js`].find((f) => existsSync(f) && f.endsWith('.js')) ?? null;
};

/** Writes the files, then translates the first argument of the `route(...)` call in main.js. */
function translate(files: Record<string, string>): TranslatedValidator | undefined {
  const root = mkdtempSync(join(dir, 'case-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const file = join(root, 'main.js');
  const scope = new FileValidatorScope(resolver);
  const program = scope.program(file)!;
  const stmt = (program.body as Node[]).find((s) => s.type === 'ExpressionStatement' && s.expression.callee?.name === 'route')!;
  const arg = stmt.expression.arguments[0] as Node;
  const r = celebrateTranslator.translate(arg, file, scope) ?? joiTranslator.translate(arg, file, scope);
  return r && { ...r, untranslated: r.untranslated.map((u) => ({ ...u, file: u.file.slice(root.length + 1) })) };
}

test('a validations module behind a local validate(): body, query, params, with presence, limits and formats', () => {
  const r = translate({
    'validations.js': `const Joi = require('joi');
const name = Joi.string().min(2).max(30).pattern(/^[\\w-]+$/);
module.exports.createUser = {
  body: Joi.object().keys({ name: name.required(), email: Joi.string().email().required(), age: Joi.number().integer().min(13).allow(null), bio: Joi.string().allow('') }),
  params: Joi.object({ orgId: Joi.string().uuid().required() }),
};`,
    'main.js': `const validate = require('./validate');\nconst v = require('./validations');\nroute(validate(v.createUser));`,
    'validate.js': 'module.exports = (schema) => (req, res, next) => next();',
  });
  assert.deepEqual(r, {
    library: 'joi', unknownKeys: 'reject', untranslated: [],
    locations: {
      body: {
        type: 'object',
        properties: {
          name: { type: 'string', pattern: '^[\\w-]+$', minLength: 2, maxLength: 30 },
          email: { type: 'string', format: 'email', minLength: 1 },
          age: { type: ['integer', 'null'], minimum: 13 },
          bio: { type: 'string' },
        },
        required: ['name', 'email'],
        additionalProperties: false,
      },
      params: { type: 'object', properties: { orgId: { type: 'string', format: 'uuid', minLength: 1 } }, required: ['orgId'], additionalProperties: false },
    },
  });
});

test('valid/default/messages/unknown/alternatives/arrays, and when/custom/refs named as untranslated', () => {
  const r = translate({
    'main.js': `import Joi from 'joi';
import validate from './validate.js';
const check = (v) => v;
route(validate({
  body: Joi.object({
    role: Joi.string().valid('user', 'admin').default('user').messages({ 'any.only': 'bad role' }),
    tags: Joi.array().items(Joi.string().max(5)).min(1).unique(),
    id: Joi.alternatives().try(Joi.number().integer(), Joi.string().guid()),
    meta: Joi.object().unknown(true),
    code: Joi.string().custom(check),
    end: Joi.number().greater(Joi.ref('start')),
    kind: Joi.string().when('role', { is: 'admin', then: Joi.required() }),
  }),
}));`,
    'validate.js': 'export default (schema) => (req, res, next) => next();',
  });
  assert.deepEqual(r?.locations.body, {
    type: 'object',
    properties: {
      role: { enum: ['user', 'admin'], default: 'user', 'x-message': { 'any.only': 'bad role' } },
      tags: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', maxLength: 5, minLength: 1 } },
      id: { anyOf: [{ type: 'integer' }, { type: 'string', format: 'uuid', minLength: 1 }] },
      meta: { type: 'object' },
      code: { type: 'string', minLength: 1 },
      end: { type: 'number' },
      kind: { type: 'string', minLength: 1 },
    },
    additionalProperties: false,
  });
  assert.deepEqual(r?.untranslated.map((u) => `${u.file}:${u.line} ${u.rule}: ${u.why}`), [
    'main.js:10 .custom(check): a custom function',
    'main.js:11 .greater(...): a computed limit (Joi.ref or a variable)',
    'main.js:12 .when("role", ...): a condition on another field',
  ]);
});

test('one schema with the request part said by a string, or by what the middleware reads', () => {
  const said = translate({ 'main.js': `const Joi = require('joi');\nconst v = require('./v');\nroute(v(Joi.object({ q: Joi.string() }), 'query'));`, 'v.js': 'module.exports = () => {};' });
  assert.deepEqual(Object.keys(said!.locations), ['query']);
  const read = translate({ 'main.js': `const Joi = require('joi');\nconst validator = require('./v');\nroute(validator(Joi.object({ q: Joi.string() })));`, 'v.js': 'module.exports = (s) => (req, res, next) => { const { error } = s.validate(req.body); next(error); };' });
  assert.deepEqual(Object.keys(read!.locations), ['body']);
  const unknown = translate({ 'main.js': `const Joi = require('joi');\nconst validator = require('./v');\nroute(validator(Joi.object({ q: Joi.string() })));`, 'v.js': 'module.exports = (s) => (req, res, next) => next(s.validate({ ...req.body, ...req.query }).error);' });
  assert.deepEqual(unknown?.locations, {});
  assert.equal(unknown?.untranslated[0]?.why, 'which part of the request the middleware validates is not known');
});

test('request parts as keys of one Joi.object (soul\'s validator(schema))', () => {
  const r = translate({ 'main.js': `const Joi = require('joi');\nconst { validator } = require('./v');\nroute(validator(Joi.object({ query: Joi.object().required(), params: Joi.object({ name: Joi.string().required() }).required() })));`, 'v.js': 'module.exports.validator = (s) => (req, res, next) => next();' });
  assert.deepEqual(r?.locations, { query: { type: 'object' }, params: { type: 'object', properties: { name: { type: 'string', minLength: 1 } }, required: ['name'], additionalProperties: false } });
});

test('celebrate: Segments keys, plain objects of Joi, allowUnknown; a non-validator call is not translated', () => {
  const r = translate({ 'main.js': `const { celebrate, Joi, Segments } = require('celebrate');\nroute(celebrate({ [Segments.PARAMS]: { id: Joi.number().integer().required() }, [Segments.BODY]: Joi.object({ a: Joi.boolean() }) }, { allowUnknown: true }));` });
  assert.deepEqual(r, {
    library: 'celebrate', unknownKeys: 'allow', untranslated: [],
    locations: { params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }, body: { type: 'object', properties: { a: { type: 'boolean' } } } },
  });
  assert.equal(translate({ 'main.js': `const auth = require('./auth');\nroute(auth('admin'));`, 'auth.js': 'module.exports = () => {};' }), undefined);
});
