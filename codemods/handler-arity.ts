// Whether the function a route argument names is Express error-handling middleware: four parameters,
// `(err, req, res, next)`. Express tells it from the others by its length alone, so a chain ending in one
// (`router.post('/token', tokenHandler, mapOAuthErrors)`) has its handler before it: wrapped as the
// handler, the error middleware would stop receiving errors (a legacy() wrapper has three parameters).
// Hand-written: the scan resolves where `ctrl.mapErrors` is defined (file:line:col), not its parameters.
import type { SourceLocation } from './diagnostics.js';
import type { FileReader } from './parsed-files.js';

type AnyNode = Record<string, any>;

const FUNCTION = /^(ArrowFunctionExpression|FunctionExpression|FunctionDeclaration|ObjectMethod|ClassMethod|ClassPrivateMethod)$/;

/** `(err, req, res, next) => ...`: four parameters, none of them a rest element. */
export function isErrorMiddlewareNode(fn: AnyNode | undefined): boolean {
  return !!fn && FUNCTION.test(fn.type) && fn.params.length === 4 && !fn.params.some((p: AnyNode) => p.type === 'RestElement');
}

/** The function defined at `at` (the scan's definedAt of a handler in another file) is error middleware. `parsed`
 *  is the planning phase's reader (parsed-files.ts): a tree kept for the whole process would outlive the rewrite
 *  of its file, and a second run in the same process (the CLI's fixed-point check) would read it stale. */
export function isErrorMiddlewareAt(at: SourceLocation, parsed: FileReader): boolean {
  const program = parsed(at.file)?.program as AnyNode | undefined;
  if (!program) return false;
  let found: AnyNode | undefined;
  // The scan points at the function itself (an arrow), at its name (`function mapErrors`), or at the key of
  // a method or of a property whose value is the function (`mapErrors = (err, req, res, next) => ...`).
  const visit = (n: AnyNode, parent: AnyNode | undefined): void => {
    if (found || !n || typeof n.type !== 'string') return;
    const start = n.loc?.start;
    if (start && start.line > at.line) return;
    if (start && start.line === at.line && (at.col === undefined || start.column + 1 === at.col)) {
      const candidates = [n, parent, parent?.value, parent?.init];
      const fn = candidates.find((c) => c && FUNCTION.test(c.type) && (c === n || c === parent || parent?.key === n || parent?.id === n));
      if (fn) { found = fn; return; }
    }
    for (const k of Object.keys(n)) {
      if (k === 'loc' || k.endsWith('Comments')) continue;
      const v = n[k];
      if (Array.isArray(v)) v.forEach((c) => c && typeof c === 'object' && visit(c, n));
      else if (v && typeof v === 'object' && typeof v.type === 'string') visit(v, n);
    }
  };
  visit(program, undefined);
  return isErrorMiddlewareNode(found);
}
