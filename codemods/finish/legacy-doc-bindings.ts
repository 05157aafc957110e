// Which names hold a legacy document (MA006 rewires only endpoints that send one): swagger-jsdoc output, a
// loaded spec file, whatever swagger-ui-express is set up with, in the file itself or imported from a local
// module that exports one (`export { spec as swaggerSpec }`, `module.exports = swaggerJSDoc(options)`).
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { namesImportedFrom, requiredModule } from './source.js';

const SPEC_FILE_TEXT = /\.(ya?ml|json)['"`]/;

/** Names bound in `program` to a legacy document. */
export function legacyDocBindings(program: Node, source: string): Set<string> {
  return docBindings(program, source).docs;
}

/** The document bindings, and the names swagger-jsdoc is imported under (exports may call it directly). */
function docBindings(program: Node, source: string): { docs: Set<string>; jsdoc: Set<string> } {
  const swaggerUi = namesImportedFrom(program, ['swagger-ui-express']);
  const jsdoc = namesImportedFrom(program, ['swagger-jsdoc']);
  const out = new Set<string>();
  walk(program, (n) => {
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.init) {
      const init = source.slice(n.init.start, n.init.end);
      if (callsJsdoc(n.init, jsdoc) || (SPEC_FILE_TEXT.test(init) && /\b(require|readFileSync|load|parse|import)\b/.test(init))) out.add(n.id.name);
    }
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.object.type === 'Identifier'
      && swaggerUi.has(n.callee.object.name) && n.callee.property.name === 'setup' && n.arguments[0]?.type === 'Identifier') out.add(n.arguments[0].name);
  });
  return { docs: out, jsdoc };
}

const callsJsdoc = (n: Node, jsdoc: Set<string>) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && jsdoc.has(n.callee.name);

const nameOf = (n: Node): string | null => (n.type === 'Identifier' ? n.name : n.type === 'StringLiteral' ? n.value : null);

/** `module.exports` / `exports` as an assignment target: '' for the whole module, the property name for one export. */
function commonJsExport(target: Node): string | null {
  if (target.type !== 'MemberExpression' || target.computed) return null;
  const obj = target.object;
  if (obj.type === 'Identifier' && obj.name === 'module' && target.property.name === 'exports') return '';
  if (obj.type === 'Identifier' && obj.name === 'exports') return target.property.name;
  if (obj.type === 'MemberExpression' && commonJsExport(obj) === '') return target.property.name;
  return null;
}

/** The names a module exports bound to a legacy document ('default' for the default export or `module.exports`). */
export function exportedLegacyDocs(program: Node, source: string): Set<string> {
  const { docs, jsdoc } = docBindings(program, source);
  const isDoc = (n: Node | null | undefined) => !!n && ((n.type === 'Identifier' && docs.has(n.name)) || callsJsdoc(n, jsdoc));
  const out = new Set<string>();
  for (const stmt of program.body as Node[]) {
    if (stmt.type === 'ExportNamedDeclaration' && !stmt.source) {
      for (const d of stmt.declaration?.type === 'VariableDeclaration' ? stmt.declaration.declarations : []) {
        if (d.id.type === 'Identifier' && docs.has(d.id.name)) out.add(d.id.name);
      }
      for (const sp of stmt.specifiers ?? []) {
        const exported = nameOf(sp.exported);
        if (sp.type === 'ExportSpecifier' && exported && isDoc(sp.local)) out.add(exported);
      }
    }
    if (stmt.type === 'ExportDefaultDeclaration' && isDoc(stmt.declaration)) out.add('default');
    if (stmt.type === 'ExpressionStatement' && stmt.expression.type === 'AssignmentExpression' && stmt.expression.operator === '=') {
      const { left, right } = stmt.expression;
      const name = commonJsExport(left);
      if (name === '' && isDoc(right)) out.add('default');
      else if (name === '' && right.type === 'ObjectExpression') {
        for (const p of right.properties) if (p.type === 'ObjectProperty' && !p.computed && isDoc(p.value) && nameOf(p.key)) out.add(nameOf(p.key)!);
      } else if (name && isDoc(right)) out.add(name);
    }
  }
  return out;
}

/**
 * Local names `program` imports from a module of the app that exports a legacy document under that name:
 * `import { swaggerSpec } from './docs/swagger.js'`, `import spec from './spec'`, `const spec = require('./spec')`,
 * `const { spec } = require('./docs')`. `exportedBy(spec)` resolves any specifier (relative, or through tsconfig paths:
 * `@/config/swagger`) to its module's exported documents; a package has none.
 */
export function importedLegacyDocs(program: Node, exportedBy: (spec: string) => ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const stmt of program.body as Node[]) {
    if (stmt.type === 'ImportDeclaration' && stmt.importKind !== 'type') {
      const docs = exportedBy(stmt.source.value);
      for (const sp of stmt.specifiers) {
        const imported = sp.type === 'ImportDefaultSpecifier' ? 'default' : sp.type === 'ImportSpecifier' && sp.importKind !== 'type' ? nameOf(sp.imported) : null;
        if (imported && docs.has(imported)) out.add(sp.local.name);
      }
    }
    if (stmt.type !== 'VariableDeclaration') continue;
    for (const d of stmt.declarations as Node[]) {
      const whole = requiredModule(d.init);
      const member = d.init?.type === 'MemberExpression' && !d.init.computed ? requiredModule(d.init.object) : null;
      if (d.id.type === 'Identifier' && whole !== null && exportedBy(whole).has('default')) out.add(d.id.name);
      if (d.id.type === 'Identifier' && member !== null && exportedBy(member).has(d.init.property.name)) out.add(d.id.name);
      if (d.id.type === 'ObjectPattern' && whole !== null) {
        const docs = exportedBy(whole);
        for (const p of d.id.properties) {
          if (p.type === 'ObjectProperty' && !p.computed && p.value.type === 'Identifier' && docs.has(nameOf(p.key) ?? '')) out.add(p.value.name);
        }
      }
    }
  }
  return out;
}
