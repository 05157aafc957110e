// celebrate: `celebrate({ [Segments.BODY]: Joi.object({...}), [Segments.PARAMS]: {...} }, joiOptions?)`,
// imported from 'celebrate' (its Joi too). Each segment is a Joi schema or a plain object of Joi schemas,
// which celebrate compiles to one; cookies have no place in a route spec and are named as untranslated.
import type { Node } from '../rules/ast.js';
import { joiLocations } from './joi.js';
import { keyName } from './scope.js';
import type { UntranslatedRule, ValidatorTranslator } from './types.js';

const SEGMENTS: Record<string, string> = { BODY: 'body', QUERY: 'query', PARAMS: 'params', HEADERS: 'headers', COOKIES: 'cookies', SIGNEDCOOKIES: 'signedCookies' };

export const celebrateTranslator: ValidatorTranslator = {
  library: 'celebrate',
  packages: ['celebrate'],
  translate(argument, file, scope) {
    if (argument.type !== 'CallExpression') return undefined;
    const imp = scope.packageImport?.(argument.callee, file);
    if (imp?.source !== 'celebrate' || !['celebrate', 'default', '*'].includes(imp.name)) return undefined;
    const untranslated: UntranslatedRule[] = [];
    let schema = argument.arguments[0] as Node | undefined;
    let schemaFile = file;
    if (schema && (schema.type === 'Identifier' || schema.type === 'MemberExpression')) {
      const d = scope.definition(schema, file);
      if (d) { schema = d.node; schemaFile = d.file; }
    }
    // `[Segments.BODY]` (or `[Segments['BODY']]`), or the plain string key celebrate also accepts.
    const keyOf = (p: Node): string | undefined => {
      if (!p.computed) return keyName(p.key);
      const k = p.key;
      if (k.type === 'MemberExpression' && scope.packageImport?.(k.object, schemaFile)?.source === 'celebrate') {
        const name = k.computed ? keyName(k.property) : k.property.name;
        return name ? SEGMENTS[name] : undefined;
      }
      return keyName(k);
    };
    const locations = schema && joiLocations(schema, schemaFile, scope, untranslated, keyOf);
    if (!locations) {
      untranslated.push({ rule: 'celebrate(...)', file, line: scope.line(argument, file), why: 'its schema object is computed' });
      return { library: 'celebrate', locations: {}, untranslated };
    }
    const opts = argument.arguments[1] as Node | undefined;
    const allowUnknown = opts?.type === 'ObjectExpression' && (opts.properties as Node[]).some((p) => p.type === 'ObjectProperty' && keyName(p.key) === 'allowUnknown' && p.value.type === 'BooleanLiteral' && p.value.value);
    if (opts && opts.type !== 'ObjectExpression') untranslated.push({ rule: 'celebrate(schema, options)', file, line: scope.line(opts, file), why: 'computed Joi options' });
    if (allowUnknown) for (const s of Object.values(locations)) if (s && s.additionalProperties === false) delete s.additionalProperties;
    return { library: 'celebrate', locations, untranslated, unknownKeys: allowUnknown ? 'allow' : 'reject' };
  },
};
