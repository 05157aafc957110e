// How an app's validator middleware answers an invalid request, read from its code, so that enforce can take
// the middleware out and still answer the same way (compat's joiValidationError / celebrateValidationError as
// onValidationError). Only shapes recognised for certain count; anything else keeps the middleware in place.
import { walk, type Node } from '../rules/ast.js';
import type { FileValidatorScope } from './scope.js';
import type { ValidatorLibrary } from './types.js';

export interface ErrorShape { hook: 'joiValidationError' | 'celebrateValidationError'; status: number }

/** The hook call the app options get: `joiValidationError(400)`. */
export const hookSource = (s: ErrorShape) => `${s.hook}(${s.status})`;

export function errorShapeOf(library: ValidatorLibrary, arg: Node, file: string, scope: FileValidatorScope): ErrorShape | undefined {
  // celebrate's errors() answers 400 with its own body; the app's errors() call is what clients see.
  // Options of its own (`celebrate(schema, { abortEarly: false })`) change what the body names: not reproduced.
  if (library === 'celebrate') return arg.type === 'CallExpression' && arg.arguments.length === 1 ? { hook: 'celebrateValidationError', status: 400 } : undefined;
  if (library !== 'joi' || arg.type !== 'CallExpression') return undefined;
  const def = scope.definition(arg.callee, file);
  if (!def) return undefined;
  // node-express-boilerplate's validate(): every detail's message joined with ', ', answered with a 4xx as
  // `{ code, message }` (directly, or through an ApiError its error handler writes the same way).
  let joined = false;
  let details = false;
  let status: number | undefined;
  let body = false;
  walk(def.node, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.name === 'join' && n.arguments[0]?.value === ', ') joined = true;
    if (n.type === 'MemberExpression' && !n.computed && n.property.name === 'details') details = true;
    if (n.type === 'NumericLiteral' && n.value >= 400 && n.value < 500) status ??= n.value;
    if (n.type === 'MemberExpression' && !n.computed && n.property.name === 'BAD_REQUEST') status ??= 400;
    if (n.type === 'NewExpression' && /Error$/.test(n.callee.name ?? '')) body = true;
    if (n.type === 'ObjectExpression' && (n.properties as Node[]).some((p) => p.key?.name === 'code') && (n.properties as Node[]).some((p) => p.key?.name === 'message')) body = true;
  });
  return joined && details && status && body ? { hook: 'joiValidationError', status } : undefined;
}
