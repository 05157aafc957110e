// Before: api-schemas.js exports Order (from a doc block that a first, partial run turned into code and removed)
// After:  a later run that emits the module again from the docs that are left still exports Order, copied over.
//
// The schemas module an earlier run wrote is the only place left for what MA002 removed with a doc block: a
// migrated route imports its schemas from it (keepPreviousSchemas), and a doc block not yet migrated may
// `$ref` a schema only it still holds, in the `apiDocs` export (previousDocs).
import { parse } from '@babel/parser';
import type { JsonSchema } from '../model.js';
import type { Node } from '../rules/ast.js';
import { parserPlugins } from '../parse.js';

/** The export carrying the legacy docs that are not routes (named schemas as JSON Schema among them). */
export const API_DOCS_EXPORT = 'apiDocs';

export const KEPT_NOTE = '// Kept from the previous module: no doc block defines these any more (their routes are migrated).';

interface SchemaModule { program: Node; declarations: Map<string, Node> }

function read(code: string, file: string): SchemaModule | null {
  let program: Node;
  try {
    program = parse(code, { sourceType: 'module', plugins: parserPlugins(file) }).program as unknown as Node;
  } catch {
    return null;
  }
  const declarations = new Map<string, Node>();
  for (const stmt of program.body as Node[]) {
    const decl = stmt.type === 'ExportNamedDeclaration' ? stmt.declaration : stmt;
    if (decl?.type !== 'VariableDeclaration' || decl.declarations.length !== 1) continue;
    const d = decl.declarations[0];
    const isRequire = d.init?.type === 'CallExpression' && d.init.callee.type === 'Identifier' && d.init.callee.name === 'require';
    if (d.id.type === 'Identifier' && d.id.name !== API_DOCS_EXPORT && !isRequire) declarations.set(d.id.name, stmt);
  }
  return { program, declarations };
}

/** `next` plus the schema declarations of `previous` it no longer has, placed before its apiDocs export. */
export function keepPreviousSchemas(previous: string, next: string, file: string): string {
  // The module is generated, one declaration per line start: nothing missing (the usual case) needs no parse
  // of what can be megabytes of schemas.
  const declared = (code: string) => new Set([...code.matchAll(/^(?:export )?const (\w+) = /gm)].map((m) => m[1]));
  const nextNames = declared(next);
  if (previous === next || [...declared(previous)].every((name) => nextNames.has(name))) return next;
  const before = read(previous, file);
  const after = read(next, file);
  if (!before || !after) return next;
  const missing = [...before.declarations].filter(([name]) => !after.declarations.has(name));
  if (missing.length === 0) return next;
  const block = `${KEPT_NOTE}\n${missing.map(([, stmt]) => previous.slice(stmt.start, stmt.end)).join('\n\n')}\n\n`;
  const body = after.program.body as Node[];
  const isModuleExports = (s: Node) => s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression'
    && textOf(next, s.expression.left) === 'module.exports';
  const exportsList = body.find((s) => isModuleExports(s) && s.expression.right.type === 'ObjectExpression');
  const apiDocs = body.find((s) => (s.type === 'ExportNamedDeclaration' && s.declaration?.declarations?.[0]?.id.name === API_DOCS_EXPORT)
    || (s.type === 'ExpressionStatement' && textOf(next, s.expression?.left ?? s) === `module.exports.${API_DOCS_EXPORT}`));
  // Insert before the CommonJS export list (whose names then grow), else before the apiDocs export and its note.
  const anchor = exportsList ?? apiDocs;
  if (!anchor) return `${next}\n${block.trimEnd()}\n`;
  const at = anchor === apiDocs && apiDocs.leadingComments?.length ? apiDocs.leadingComments[0].start : anchor.start;
  let out = next.slice(0, at) + block + next.slice(at);
  if (exportsList) {
    const object = exportsList.expression.right;
    const props = object.properties as Node[];
    const names = missing.map(([name]) => name).join(', ');
    const shift = block.length;
    out = props.length
      ? out.slice(0, props[props.length - 1]!.end + shift) + `, ${names}` + out.slice(props[props.length - 1]!.end + shift)
      : out.slice(0, object.start + shift) + `{ ${names} }` + out.slice(object.end + shift);
  }
  return out;
}

function textOf(code: string, node: Node): string {
  return code.slice(node.start, node.end);
}

/** What a generated module's `apiDocs` keeps (normalized 3.1, as apiDocsValue wrote it); null when it has none. */
export interface PreviousDocs {
  info?: { title?: string; version?: string; description?: string; termsOfService?: string; contact?: Record<string, unknown>; license?: Record<string, unknown> };
  servers?: Array<{ url: string; description?: string }>;
  security?: Array<Record<string, string[]>>;
  tags?: Array<{ name: string; description?: string }>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> } & Record<string, Record<string, unknown> | undefined>;
  /** Documented operations no route served (unrouted-docs.ts), by path then method. */
  paths?: Record<string, Record<string, unknown>>;
  /** The module line of each key of `paths` (not part of apiDocs: where a report points at one). */
  pathLines?: Record<string, number>;
}

export function previousDocs(code: string): PreviousDocs | null {
  // apiDocsExport writes it last, as `<export> = <JSON.stringify output>;`: read by text, not by parsing the module.
  const start = new RegExp(`^(?:export const ${API_DOCS_EXPORT}|module\\.exports\\.${API_DOCS_EXPORT}) = `, 'm').exec(code);
  if (!start) return null;
  const json = code.slice(start.index + start[0].length).trimEnd().replace(/;$/, '');
  let docs: PreviousDocs;
  try {
    docs = JSON.parse(json) as PreviousDocs;
  } catch {
    return null;
  }
  if (docs.paths && typeof docs.paths === 'object') {
    // apiDocsExport prints JSON indented by two: each path is a key four spaces in, after `"paths": {`.
    const base = start.index + start[0].length;
    const from = json.indexOf('\n  "paths": {');
    const lines: Record<string, number> = {};
    for (const path of Object.keys(docs.paths)) {
      const at = from < 0 ? -1 : json.indexOf(`\n    ${JSON.stringify(path)}: {`, from);
      if (at >= 0) lines[path] = lineAt(code, base + at + 1);
    }
    docs.pathLines = lines;
  }
  return docs;
}

function lineAt(code: string, index: number): number {
  let line = 1;
  for (let i = code.indexOf('\n'); i >= 0 && i < index; i = code.indexOf('\n', i + 1)) line++;
  return line;
}

/** Whether a file is a schemas module written by migrate-api (its first line says so). */
export function isGeneratedSchemasModule(code: string): boolean {
  return code.startsWith('// Generated by migrate-api');
}
