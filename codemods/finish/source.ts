// What the finish steps share for reading and editing one source file: parse, find who a name was
// imported from, add a compat import in the file's own module style.
import { parseSource } from '../parse.js';
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { ensureImports, moduleStyle } from '../rules/imports.js';
import type { SourceEdits } from '../rules/edits.js';

export function parseProgram(text: string, file: string): Node | null {
  const parsed = parseSource(text, file);
  return 'ast' in parsed ? (parsed.ast.program as unknown as Node) : null;
}

export function quoteStyle(source: string): 'single' | 'double' {
  const single = source.match(/(^|[\s(,=:[])'/g)?.length ?? 0;
  const double = source.match(/(^|[\s(,=:[])"/g)?.length ?? 0;
  return double > single ? 'double' : 'single';
}

/** The specifier of `require('x')` (or `await require('x')`), else null. */
export const requiredModule = (n: Node | null | undefined): string | null => {
  let init = n;
  if (init?.type === 'AwaitExpression') init = init.argument;
  if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require'
    && init.arguments[0]?.type === 'StringLiteral') return init.arguments[0].value as string;
  return null;
};

/** Local names bound to `module` (default, namespace or `const x = require(module)`, also `.default`). */
export function namesImportedFrom(program: Node, modules: readonly string[]): Set<string> {
  const out = new Set<string>();
  walk(program, (n) => {
    if (n.type === 'ImportDeclaration' && modules.includes(n.source.value)) {
      for (const sp of n.specifiers) out.add(sp.local.name);
    }
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
      let init = n.init;
      if (init?.type === 'MemberExpression' && init.property?.name === 'default') init = init.object;
      const m = requiredModule(init);
      if (m && modules.includes(m)) out.add(n.id.name);
    }
  });
  return out;
}

/** Modules a file imports or requires (static forms only). */
export function importedModules(program: Node): string[] {
  const out: string[] = [];
  walk(program, (n) => {
    if ((n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source?.value) out.push(n.source.value);
    if (n.type === 'CallExpression' && ((n.callee.type === 'Identifier' && n.callee.name === 'require') || n.callee.type === 'Import')
      && n.arguments[0]?.type === 'StringLiteral') out.push(n.arguments[0].value);
  });
  return out;
}

/** Adds `names` from migrate-api/compat, merged into the file's import of it when there is one. */
export function addCompatImport(program: Node, file: string, source: string, names: string[], edits: SourceEdits): void {
  const parseStatements = (src: string) => ((parseProgram(src, file)?.body ?? []) as Node[]);
  ensureImports(program, moduleStyle(file, program), quoteStyle(source), [{ module: 'migrate-api/compat', names }], parseStatements, edits);
}
