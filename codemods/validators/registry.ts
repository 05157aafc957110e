// Every validator translator, in the order they are tried on a route-chain argument (the first that
// recognises it answers). celebrate comes before Joi: a celebrate(...) call holds Joi schemas too.
import { celebrateTranslator } from './celebrate.js';
import { joiTranslator } from './joi.js';
import type { ValidatorTranslator } from './types.js';

export const TRANSLATORS: readonly ValidatorTranslator[] = [
  celebrateTranslator,
  joiTranslator,
];
