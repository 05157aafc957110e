// Every validator translator, in the order they are tried on a route-chain argument (the first that
// recognises it answers). celebrate comes before Joi: a celebrate(...) call holds Joi schemas too.
import { celebrateTranslator } from './celebrate.js';
import { classValidator } from './class-validator.js';
import { expressValidator } from './express-validator.js';
import { joiTranslator } from './joi.js';
import { yup } from './yup.js';
import type { ValidatorTranslator } from './types.js';

export const TRANSLATORS: readonly ValidatorTranslator[] = [
  celebrateTranslator,
  joiTranslator,
  expressValidator,
  classValidator,
  yup,
];
