// Before: const express = require('express');
// After:  const express = require('express');\nconst { typed, legacy } = require('migrate-api/compat');\nconst { z } = require('zod');
//
// Imports are added once, in the file's own module style, merged into an existing import of the same
// module, and names the rewrite left unused (e.g. `Request` after a typed handler) are removed.
import { extname } from 'node:path';
import { childKeys, isIdent, isNode, isReference, type Node } from './ast.js';
import type { SourceEdits } from './edits.js';
import { isRequireOf } from './ma001-wrap-router.js';

export type ModuleStyle = 'esm' | 'cjs';

export function moduleStyle(file: string, program: Node): ModuleStyle {
  const ext = extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'esm';
  if (ext === '.cjs' || ext === '.cts') return 'cjs';
  const body = program.body as Node[];
  if (body.some((s) => /^(Import|Export(Named|Default|All))Declaration$/.test(s.type))) return 'esm';
  if (/\.tsx?$/.test(ext)) return body.some((s) => isRequireStatement(s)) ? 'cjs' : 'esm';
  return 'cjs';
}

function isRequireStatement(s: Node): boolean {
  if (s.type !== 'VariableDeclaration') return false;
  return s.declarations.some((d: Node) => {
    let init = d.init as Node | null;
    while (init && (init.type === 'MemberExpression' || (init.type === 'CallExpression' && !isIdent(init.callee, 'require')))) init = init.type === 'MemberExpression' ? init.object : init.callee;
    return !!init && init.type === 'CallExpression' && isIdent(init.callee, 'require');
  });
}

const referenceKeys = childKeys(new Set(['loc', 'start', 'end', 'range', 'extra', 'tokens', 'original', 'comments', 'leadingComments', 'trailingComments', 'innerComments']));

/** Reference counts of every identifier, type positions included; import/require bindings themselves excluded. */
export function referenceCounts(program: Node): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (n: Node, parent: Node | undefined): void => {
    if (n.type === 'ImportDeclaration') return;
    if (parent?.type === 'Program' && n.type === 'VariableDeclaration' && isBindingRequire(n)) return;
    if (n.type === 'Identifier' && isReference(n, parent)) counts.set(n.name, (counts.get(n.name) ?? 0) + 1);
    for (const key of referenceKeys(n)) {
      const v = n[key];
      if (Array.isArray(v)) { for (const c of v) if (isNode(c)) visit(c, n); } else if (isNode(v)) visit(v, n);
    }
  };
  visit(program, undefined);
  return counts;
}

/** `const { a, b } = require('m')` */
function isBindingRequire(s: Node): boolean {
  return s.declarations.length === 1 && s.declarations[0].id.type === 'ObjectPattern'
    && s.declarations[0].init?.type === 'CallExpression' && isIdent(s.declarations[0].init.callee, 'require');
}

export interface Binding {
  name: string; module: string; stmt: Node; remove(): void;
  /** The name the module exports it under (`default`, `*` for the module itself). */
  imported: string;
}

/** Names bound at the top level by imports, destructured requires and declarations. */
export function topLevelBindings(program: Node): { imports: Binding[]; declared: Set<string> } {
  const imports: Binding[] = [];
  const declared = new Set<string>();
  for (let s of program.body as Node[]) {
    if ((s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration) s = s.declaration;
    if (/^TS(TypeAlias|Interface|Enum|Module)Declaration$/.test(s.type) && s.id?.type === 'Identifier') declared.add(s.id.name);
    if (s.type === 'ImportDeclaration') {
      for (const sp of s.specifiers) {
        const imported = sp.type === 'ImportDefaultSpecifier' ? 'default' : sp.type === 'ImportNamespaceSpecifier' ? '*' : sp.imported.name ?? sp.imported.value;
        imports.push({ name: sp.local.name, imported, module: s.source.value, stmt: s, remove: () => { s.specifiers = s.specifiers.filter((x: Node) => x !== sp); } });
      }
    } else if (s.type === 'VariableDeclaration') {
      if (isBindingRequire(s)) {
        const pattern = s.declarations[0].id;
        for (const p of pattern.properties) {
          if (p.type === 'RestElement' || p.value?.type !== 'Identifier') { if (p.argument) declared.add(p.argument.name); continue; }
          imports.push({ name: p.value.name, imported: p.key.name ?? p.key.value, module: s.declarations[0].init.arguments[0]?.value, stmt: s, remove: () => { pattern.properties = pattern.properties.filter((x: Node) => x !== p); } });
        }
      } else {
        for (const d of s.declarations) {
          if (d.id.type !== 'Identifier') continue;
          // `const z = require('zod')` binds the module itself: never removed (its require may have effects).
          if (isRequireOf(d.init, d.init?.arguments?.[0]?.value)) imports.push({ name: d.id.name, imported: '*', module: d.init.arguments[0].value, stmt: s, remove: () => {} });
          else declared.add(d.id.name);
        }
      }
    } else if ((s.type === 'FunctionDeclaration' || s.type === 'ClassDeclaration') && s.id) declared.add(s.id.name);
  }
  return { imports, declared };
}

/** names: `x`, `type X` for a type-only import, `X as Y` for an alias. */
/** `A as B` (import syntax) -> `A: B` (destructuring syntax). */
const asProperty = (entry: string) => entry.replace(/^(\S+) as (\S+)$/, '$1: $2');

export interface ImportNeed { module: string; names: string[] }

/**
 * Adds the named imports, merging into an existing import of the module; returns conflicts (a name bound
 * to something else). Statements are built as text and parsed, so recast prints them on one line.
 */
export function ensureImports(program: Node, style: ModuleStyle, quote: 'single' | 'double', needs: ImportNeed[],
  parseStatements: (source: string) => Node[], edits?: SourceEdits): string[] {
  const conflicts: string[] = [];
  const body = program.body as Node[];
  const q = quoter(quote);
  const added: string[] = [];
  const replace = (old: Node, source: string) => {
    const next = parseStatements(source)[0]!;
    next.comments = old.comments;
    body[body.indexOf(old)] = next;
    if (edits) {
      edits.replaceNode(old, source);
      // The new statement stands where the old one was: later insertions anchor on it.
      Object.assign(next, { start: old.start, end: old.end });
    }
  };
  for (const need of needs) {
    const { imports, declared } = topLevelBindings(program);
    const missing: string[] = [];
    for (const entry of need.names) {
      const name = entry.replace(/^type /, '').replace(/^.* as /, '');
      const bound = imports.find((x) => x.name === name);
      if (bound?.module === need.module) continue;
      if (bound || declared.has(name)) { conflicts.push(`\`${name}\` is already declared; not imported from ${need.module}`); continue; }
      missing.push(entry);
    }
    if (missing.length === 0) continue;
    if (style === 'cjs') {
      // A type has no require() form; TS allows `import type` in a CommonJS file (erased at compile time).
      const types = missing.filter((n) => n.startsWith('type ')).map((n) => n.slice(5));
      if (types.length) added.push(`import type { ${types.join(', ')} } from ${q(need.module)};`);
      missing.splice(0, missing.length, ...missing.filter((n) => !n.startsWith('type ')));
      if (missing.length === 0) continue;
    }
    if (style === 'esm') {
      const existing = body.find((s) => s.type === 'ImportDeclaration' && s.source.value === need.module && s.importKind !== 'type'
        && !s.specifiers.some((x: Node) => x.type === 'ImportNamespaceSpecifier'));
      if (existing) {
        replace(existing, importSource(existing, missing, q));
      } else {
        added.push(`import { ${missing.join(', ')} } from ${q(need.module)};`);
      }
    } else {
      const existing = body.find((s) => s.type === 'VariableDeclaration' && isBindingRequire(s) && isRequireOf(s.declarations[0].init, need.module));
      if (existing) {
        replace(existing, importSource(existing, missing, q));
      } else {
        added.push(`const { ${missing.map(asProperty).join(', ')} } = require(${q(need.module)});`);
      }
    }
  }
  if (added.length) {
    // One parse for all new statements: recast keeps their line breaks only when they share a source.
    const insertAt = importAnchor(body, style, addedNames(needs, conflicts));
    // The trailing blank line keeps recast from gluing the next statement onto the last new one.
    const statements = parseStatements(`${added.join('\n')}\n\n`);
    const first = body[insertAt + 1];
    if (edits) {
      const anchor = body[insertAt];
      if (anchor) {
        const at = edits.endOfLineAfter(anchor.end);
        // The new imports end the import block: a blank line between them and the code that follows.
        const codeFollows = /^\r?\n[ \t]*\S/.test(edits.source.slice(at));
        edits.insert(at, `\n${added.join('\n')}${codeFollows ? '\n' : ''}`);
      }
      // Before the first statement (a file header comment stays above it), after any directive.
      else if (first) edits.insert(first.start, `${added.join('\n')}\n\n`);
      else edits.insert(program.directives?.at(-1)?.end ?? 0, `\n${added.join('\n')}\n`);
    }
    if (insertAt === -1 && first?.comments?.length && statements[0]) {
      // A file header stays at the top, above the new imports.
      statements[0].comments = first.comments.filter((c: Node) => c.leading);
      first.comments = first.comments.filter((c: Node) => !c.leading);
    }
    body.splice(insertAt + 1, 0, ...statements);
  }
  return conflicts;
}

/** The local names the added statements bind (a conflicting name is not added). */
function addedNames(needs: ImportNeed[], conflicts: string[]): Set<string> {
  const names = new Set(needs.flatMap((n) => n.names.map((e) => e.replace(/^type /, '').replace(/^.* as /, ''))));
  for (const c of conflicts) names.delete(/^`([^`]+)`/.exec(c)?.[1] ?? '');
  return names;
}

/**
 * The index of the statement the new imports follow (-1: before the first statement). ESM imports are
 * hoisted, so they end the import block. A require() runs where it stands: `const router = typed(...)` above
 * the file's other requires would meet `typed` in its temporal dead zone, so CommonJS requires go after
 * the last import/require that precedes the first statement using one of the new names.
 */
function importAnchor(body: Node[], style: ModuleStyle, names: Set<string>): number {
  let last = -1;
  body.forEach((s, i) => { if (s.type === 'ImportDeclaration' || isRequireStatement(s)) last = i; });
  if (style === 'esm') return last;
  const first = firstUse(body, names);
  let anchor = -1;
  for (let i = 0; i < Math.min(first, body.length); i++) {
    const s = body[i]!;
    if (s.type === 'ImportDeclaration' || isRequireStatement(s)) anchor = i;
  }
  return first < body.length ? anchor : last;
}

/** The first top-level statement that runs code naming one of `names`. A function declaration is hoisted:
 *  code in it runs from the first statement that names the function (or from where it stands). */
function firstUse(body: Node[], names: Set<string>): number {
  const mentions = (s: Node, wanted: Set<string>) => {
    let found = false;
    const visit = (n: Node, parent: Node | undefined): void => {
      if (found) return;
      if (n.type === 'Identifier' && wanted.has(n.name) && isReference(n, parent) && !(parent?.type === 'FunctionDeclaration' && parent.id === n)) { found = true; return; }
      for (const key of referenceKeys(n)) {
        const v = n[key];
        if (Array.isArray(v)) { for (const c of v) if (isNode(c)) visit(c, n); } else if (isNode(v)) visit(v, n);
      }
    };
    visit(s, undefined);
    return found;
  };
  const hoisted = new Set<string>();
  for (const s of body) {
    const fn = s.type === 'FunctionDeclaration' ? s : (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration?.type === 'FunctionDeclaration' ? s.declaration : null;
    if (fn?.id && mentions(fn, names)) hoisted.add(fn.id.name);
  }
  const wanted = new Set([...names, ...hoisted]);
  const i = body.findIndex((s) => mentions(s, wanted));
  return i < 0 ? body.length : i;
}

/** An import (or destructured require) statement's source with its bindings as they are now, plus `extra` names. */
function importSource(stmt: Node, extra: string[], q: (v: string) => string): string {
  if (stmt.type === 'ImportDeclaration') {
    const def = stmt.specifiers.find((x: Node) => x.type === 'ImportDefaultSpecifier');
    const ns = stmt.specifiers.find((x: Node) => x.type === 'ImportNamespaceSpecifier');
    const named = stmt.specifiers.filter((x: Node) => x.type === 'ImportSpecifier').map((x: Node) => {
      const imported = x.imported.name ?? x.imported.value;
      return `${x.importKind === 'type' ? 'type ' : ''}${imported === x.local.name ? imported : `${imported} as ${x.local.name}`}`;
    });
    const all = [...named, ...extra];
    const clauses = [def?.local.name, ns ? `* as ${ns.local.name}` : undefined, all.length ? `{ ${all.join(', ')} }` : undefined].filter(Boolean);
    return `import ${stmt.importKind === 'type' ? 'type ' : ''}${clauses.join(', ')} from ${q(stmt.source.value)};`;
  }
  const decl = stmt.declarations[0];
  const props = decl.id.properties.map((p: Node) => (p.type === 'RestElement' ? `...${p.argument.name}`
    : p.shorthand || p.key.name === p.value.name ? p.value.name : `${p.key.name ?? q(p.key.value)}: ${p.value.name}`));
  const rest = props.filter((p: string) => p.startsWith('...'));
  const all = [...props.filter((p: string) => !p.startsWith('...')), ...extra.map(asProperty), ...rest];
  return `${stmt.kind} { ${all.join(', ')} } = require(${q(decl.init.arguments[0].value)});`;
}

const quoter = (quote: 'single' | 'double') => (v: string) => (quote === 'single' ? `'${v}'` : `"${v}"`);

/** Removes import/require bindings that were used before the rewrite and are not any more; returns them. */
export function removeUnused(program: Node, before: Map<string, number>, edits?: SourceEdits, quote: 'single' | 'double' = 'single'): Array<{ name: string; line: number }> {
  const after = referenceCounts(program);
  const { imports } = topLevelBindings(program);
  const emptied = new Set<Node>();
  const removed: Array<{ name: string; line: number }> = [];
  for (const imp of imports) {
    if ((before.get(imp.name) ?? 0) > 0 && !after.get(imp.name)) {
      imp.remove();
      emptied.add(imp.stmt);
      removed.push({ name: imp.name, line: imp.stmt.loc?.start.line ?? 0 });
    }
  }
  for (const s of emptied) {
    const empty = s.type === 'ImportDeclaration' ? s.specifiers.length === 0 : s.declarations[0].id.properties.length === 0;
    if (edits) {
      if (empty) edits.removeLines(s.start, s.end);
      else edits.replaceNode(s, importSource(s, [], quoter(quote)));
    }
    if (empty) {
      const body = program.body as Node[];
      const i = body.indexOf(s);
      if (i >= 0) body.splice(i, 1);
    }
  }
  return removed;
}
