// Before: const swaggerSpec = require('./config/swagger');   (its only use was the endpoint MA006 rewired)
// After:  (gone, and so are the imports only it used)
//
// The code that built the legacy document goes once nothing uses it: a binding that the file used before finish
// does not use, whose value is a legacy document or a module that only builds one; a helper module (fs, path, yaml)
// only when the removed code was what used it.
import type { Node } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { referenceCounts, removeUnused } from '../rules/imports.js';
import { parseProgram, quoteStyle } from './source.js';

/** Packages that only serve legacy docs: an unused binding of them goes whatever it was before. */
const DOC_PACKAGES = new Set(['swagger-jsdoc', 'swagger-ui-express', 'express-openapi-validator']);
/** Modules the legacy doc code used as well as other code: their binding goes only when the removed code was its user. */
const HELPER_MODULES = new Set(['yaml', 'js-yaml', 'yamljs', 'fs', 'node:fs', 'path', 'node:path']);
const DOC_VALUE = /swagger|openapi|api-?docs|\.ya?ml['"`]/i;

function requireOf(init: Node | null | undefined): string | null {
  let n = init;
  if (n?.type === 'MemberExpression') n = n.object;
  return n?.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments[0]?.type === 'StringLiteral'
    ? n.arguments[0].value : null;
}

export interface UnusedRemoval { output?: string; removed: string[] }

/**
 * Removes top-level declarations of legacy-doc values that `originalText` used and `text` no longer does, to a
 * fixed point (removing `adminDocs` leaves `swaggerJsdoc` unused), then the imports only they used.
 * `docModule(spec)` says whether a local module only builds docs (its require may go).
 */
export function removeUnusedDocCode(text: string, originalText: string, file: string, docModule: (spec: string) => boolean): UnusedRemoval {
  const original = parseProgram(originalText, file);
  let current = text;
  const removed: string[] = [];
  if (!original) return { removed };
  const before = referenceCounts(original);
  const startProgram = parseProgram(text, file);
  const atStart = startProgram ? referenceCounts(startProgram) : new Map<string, number>();
  for (const [k, v] of atStart) if ((before.get(k) ?? 0) < v) before.set(k, v);
  for (let round = 0; round < 10; round++) {
    const program = parseProgram(current, file);
    if (!program) return { removed };
    const now = referenceCounts(program);
    const edits = new SourceEdits(current);
    let changed = false;
    for (const s of program.body as Node[]) {
      if (s.type !== 'VariableDeclaration' || s.declarations.length !== 1) continue;
      const d = s.declarations[0];
      // referenceCounts counts the declared name itself once: used means more than that.
      if (d.id.type !== 'Identifier' || !d.init) continue;
      const mod = requireOf(d.init);
      // A module of the app (relative, or through tsconfig paths) that only builds docs: docModule resolves it.
      const localDocModule = mod !== null && !DOC_PACKAGES.has(mod) && !HELPER_MODULES.has(mod) && docModule(mod);
      const unusedNow = (now.get(d.id.name) ?? 0) <= 1;
      const usedBefore = (before.get(d.id.name) ?? 0) > 1 || (atStart.get(d.id.name) ?? 0) > 1;
      const goes = unusedNow && (mod !== null
        ? DOC_PACKAGES.has(mod) || localDocModule || (HELPER_MODULES.has(mod) && usedBefore)
        : DOC_VALUE.test(current.slice(d.init.start, d.init.end)));
      if (!goes) continue;
      edits.removeLines(s.start, s.end);
      removed.push(`${file}:${s.loc.start.line}: ${d.id.name}`);
      changed = true;
    }
    if (!changed) break;
    current = edits.apply();
  }
  // Named imports and destructured requires that only the removed code (or a rewired endpoint) used.
  const program = parseProgram(current, file);
  if (program) {
    const edits = new SourceEdits(current);
    for (const { name, line } of removeUnused(program, before, edits, quoteStyle(current))) removed.push(`${file}:${line}: ${name}`);
    current = edits.apply();
  }
  return { output: current === text ? undefined : current, removed };
}
