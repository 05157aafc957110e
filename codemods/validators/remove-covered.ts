// Before: router.post('/users', { body: z.object({...}) }, auth, validate(userValidation.createUser), legacy(ctrl.create))
// After:  router.post('/users', { body: z.object({...}) }, auth, legacy(ctrl.create))
//
// Enforce mode (`--validation enforce`, and the `finish` command) takes a validator middleware out of a route's
// chain once the route's spec covers all of its rules: the typed route validates the same input, so keeping it
// would validate every request twice. Only a call that already carries a spec (its second argument an object
// literal) loses anything: the validator must not go before its rules are in the spec.
import { memberName, walk, type Node } from '../rules/ast.js';
import { VERBS } from '../rules/locate.js';
import { parseSource } from '../parse.js';

export interface CoveredValidator {
  method: string;
  /** The route path as written (`/users/:id`). */
  path: string;
  /** The middleware argument's source text, `validate(userValidation.createUser)`. */
  text: string;
}

/** The source with each covered validator argument removed; the same text when none is found. A file that
 *  does not parse is returned as it was. */
export function removeCoveredValidators(source: string, file: string, covered: CoveredValidator[]): { source: string; removed: CoveredValidator[] } {
  if (covered.length === 0) return { source, removed: [] };
  const parsed = parseSource(source, file);
  if ('diagnostic' in parsed) return { source, removed: [] };
  const cuts: Array<[number, number]> = [];
  const removed: CoveredValidator[] = [];
  const norm = (s: string) => s.replace(/\s+/g, '');
  walk(parsed.ast.program as unknown as Node, (n) => {
    if (n.type !== 'CallExpression' || !VERBS.has(memberName(n.callee) ?? '')) return;
    const args = n.arguments as Node[];
    const path = args[0]?.type === 'StringLiteral' ? args[0].value as string : undefined;
    if (path === undefined || args[1]?.type !== 'ObjectExpression') return;
    const method = memberName(n.callee)!;
    // Between the spec and the handler: never the spec itself, never the handler.
    for (let i = 2; i < args.length - 1; i++) {
      const text = source.slice(args[i]!.start, args[i]!.end);
      const hit = covered.find((c) => c.method === method && c.path === path && norm(c.text) === norm(text));
      if (!hit) continue;
      cuts.push([args[i - 1]!.end, args[i]!.end]);
      removed.push(hit);
    }
  });
  let out = source;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to);
  return { source: out, removed };
}
