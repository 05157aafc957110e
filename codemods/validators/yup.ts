import type { ValidatorTranslator } from './types.js';
export const yup: ValidatorTranslator = { library: 'yup', packages: ['yup'], translate: () => undefined };
