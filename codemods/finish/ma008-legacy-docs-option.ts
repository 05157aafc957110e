// Before: typed(express(), { ..., legacyDocs: apiDocs })   and   export const apiDocs = { ... } in the schemas module
// After:  typed(express(), { ... })                         and   no apiDocs
//
// MA008: the legacy document merged into the generated one goes when every part of it lives in code. What apiDocs
// holds is compared with what the code gives the generated document: the app's title/version/description (and termsOfService/contact/license), and the
// named schemas the routes use (a schema with `.meta({ id })` that some route file names). Anything else
// (security schemes, shared parameters and responses, tags, servers, a schema no route uses) keeps it, listed.
import { relative } from 'node:path';
import type { Node } from '../rules/ast.js';
import { walk } from '../rules/ast.js';
import { SourceEdits } from '../rules/edits.js';
import { optionLiteral } from '../app-plan.js';
import { referenceCounts, removeUnused } from '../rules/imports.js';
import { parseProgram, quoteStyle } from './source.js';
import { result, type FinishContext, type FinishStep, type StepResult } from './types.js';

type Json = Record<string, any>;

/** The `apiDocs` object literal of a schemas module, as JSON (the migration prints it as JSON). */
function apiDocsOf(program: Node, source: string): { value: Json; stmt: Node } | null {
  for (const s of program.body as Node[]) {
    const decl = s.type === 'ExportNamedDeclaration' ? s.declaration : s;
    let init: Node | null = null;
    if (decl?.type === 'VariableDeclaration' && decl.declarations[0]?.id?.name === 'apiDocs') init = decl.declarations[0].init;
    if (s.type === 'ExpressionStatement' && s.expression.type === 'AssignmentExpression'
      && source.slice(s.expression.left.start, s.expression.left.end).replace(/^module\./, '') === 'exports.apiDocs') init = s.expression.right;
    if (init?.type === 'ObjectExpression') {
      try { return { value: JSON.parse(source.slice(init.start, init.end)), stmt: s }; } catch { return null; }
    }
  }
  return null;
}

/** The parts of apiDocs the code does not give the generated document. */
export function residualParts(apiDocs: Json, appOptions: string, schemaUsed: (name: string) => boolean): string[] {
  const left: string[] = [];
  for (const [key, value] of Object.entries(apiDocs)) {
    if (key === 'openapi') continue;
    if (key === 'info') {
      for (const [k, v] of Object.entries(value as Json)) {
        if (['title', 'version', 'description'].includes(k) && appOptions.includes(JSON.stringify(v).slice(1, -1))) continue;
        // termsOfService, contact, license: the migration writes them into the options as optionLiteral prints them.
        if (['termsOfService', 'contact', 'license'].includes(k) && (typeof v === 'string' || (v && typeof v === 'object'))
          && appOptions.includes(`${k}: ${optionLiteral(v as string | Json)}`)) continue;
        left.push(`info.${k}`);
      }
      continue;
    }
    if (key === 'components') {
      for (const [section, entries] of Object.entries(value as Json)) {
        for (const name of Object.keys(entries as Json)) if (section !== 'schemas' || !schemaUsed(name)) left.push(`components.${section}.${name}`);
      }
      continue;
    }
    if (key === 'paths') { for (const p of Object.keys(value as Json)) left.push(`paths.${p}`); continue; }
    if (Array.isArray(value) ? value.length : value !== undefined) left.push(key);
  }
  return left;
}

export const ma008: FinishStep = {
  id: 'MA008',
  name: 'drop-legacy-docs',
  run(ctx: FinishContext): StepResult {
    const rel = (f: string) => relative(ctx.root, f) || f;
    const files = ctx.analysis.scan.files;
    const users: Array<{ file: string; prop: Node; options: string }> = [];
    let module: { file: string; value: Json; stmt: Node } | null = null;
    for (const file of files) {
      const text = ctx.ws.read(file);
      if (text === null || !text.includes('apiDocs')) continue;
      const program = parseProgram(text, file);
      if (!program) continue;
      const docs = apiDocsOf(program, text);
      if (docs) module = { file, ...docs };
      walk(program, (n) => {
        if (n.type === 'ObjectProperty' && n.key?.name === 'legacyDocs' && n.value.type === 'Identifier') {
          users.push({ file, prop: n, options: text });
        }
      });
    }
    if (!users.length) return result(this, [], []);
    if (!module) return result(this, [], [`${users.map((u) => rel(u.file)).join(', ')}: legacyDocs is not the generated apiDocs (or it is not plain JSON): left as it is`]);
    const routeTexts = files.filter((f) => f !== module!.file).map((f) => ctx.ws.read(f) ?? '').join('\n');
    const moduleText = ctx.ws.read(module.file)!;
    const schemaUsed = (name: string) => new RegExp(`id: ['"]${name}['"]`).test(moduleText) && new RegExp(`\\b${name}\\b`).test(routeTexts);
    const left = residualParts(module.value, users.map((u) => u.options).join('\n'), schemaUsed);
    if (left.length) {
      return result(this, [], [`${rel(module.file)}: apiDocs stays: ${left.join(', ')} ${left.length > 1 ? 'live' : 'lives'} only there (no route or option carries ${left.length > 1 ? 'them' : 'it'})`]);
    }
    const did: string[] = [];
    for (const u of users) {
      const text = ctx.ws.read(u.file)!;
      const program = parseProgram(text, u.file)!;
      const before = referenceCounts(program);
      const edits = new SourceEdits(text);
      // The property and the comma before it (the migration appends it last).
      let start = u.prop.start;
      const head = text.slice(0, start);
      const comma = /,\s*$/.exec(head);
      if (comma) start = comma.index;
      edits.replace(start, u.prop.end, '');
      let out = edits.apply();
      const again = parseProgram(out, u.file);
      if (again) {
        const e2 = new SourceEdits(out);
        removeUnused(again, before, e2, quoteStyle(out));
        out = e2.apply();
      }
      ctx.ws.write(u.file, out);
      did.push(`${rel(u.file)}:${u.prop.loc.start.line}: legacyDocs removed (every part of apiDocs lives in code)`);
    }
    const edits = new SourceEdits(moduleText);
    const stmt = module.stmt;
    const comments = (stmt.leadingComments ?? []) as Node[];
    edits.removeLines(comments.length ? comments[0].start : stmt.start, stmt.end);
    // apiDocs is the module's last statement: the blank line that stood before it goes with it.
    ctx.ws.write(module.file, edits.apply().replace(/(\r?\n)(?:[ \t]*\r?\n)+$/, '$1'));
    did.push(`${rel(module.file)}: apiDocs removed`);
    return result(this, did, []);
  },
};
