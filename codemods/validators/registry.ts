// Every validator translator, asked in turn about each route-chain argument.
import type { ValidatorTranslator } from './types.js';
import { classValidator } from './class-validator.js';
import { expressValidator } from './express-validator.js';
import { yup } from './yup.js';

export const validatorTranslators: readonly ValidatorTranslator[] = [
  expressValidator,
  classValidator,
  yup,
];
