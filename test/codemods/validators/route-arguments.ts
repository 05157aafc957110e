// The fixture harness's view of a route file: every `router.<verb>('/path', ...middleware, handler)` call and its
// middleware arguments, each handed to a translator with the real ValidatorScope (codemods/validators/scope.ts).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseSource } from '../../../codemods/parse.js';
import { walk, type Node } from '../../../codemods/rules/ast.js';
import { FileValidatorScope } from '../../../codemods/validators/scope.js';
import type { TranslatedValidator, ValidatorTranslator } from '../../../codemods/validators/types.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);

export interface RouteResult { route: string; argument: number; result: TranslatedValidator }

export function translateRoutes(file: string, translator: ValidatorTranslator, root: string, scope = new FileValidatorScope()): RouteResult[] {
  const parsed = parseSource(readFileSync(file, 'utf8'), file);
  if (!('ast' in parsed)) throw new Error(`${file}: ${parsed.diagnostic.message}`);
  const out: RouteResult[] = [];
  walk(parsed.ast.program as unknown as Node, (n) => {
    if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier') return;
    if (!VERBS.has(n.callee.property.name) || n.arguments[0]?.type !== 'StringLiteral') return;
    const args: Node[] = n.arguments.slice(1, -1);
    args.forEach((a, i) => {
      const result = translator.translate(a, file, scope);
      if (result) {
        const untranslated = result.untranslated.map((u) => ({ ...u, file: relative(root, u.file) }));
        out.push({ route: `${n.callee.property.name.toUpperCase()} ${n.arguments[0].value}`, argument: i + 1, result: { ...result, untranslated } });
      }
    });
  });
  return out;
}
