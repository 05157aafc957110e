import type { ValidatorTranslator } from './types.js';
export const classValidator: ValidatorTranslator = { library: 'class-validator', packages: ['class-validator'], translate: () => undefined };
