import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '@babel/parser';
import { ensureImports, moduleStyle, referenceCounts, removeUnused } from '../../../codemods/rules/imports.js';
import type { Node } from '../../../codemods/rules/ast.js';

const program = (src: string, ts = false) => parse(src, { sourceType: 'unambiguous', plugins: ts ? ['typescript'] : [] }).program as unknown as Node;
const parseStatements = (src: string) => program(src, true).body as Node[];
const sourceOf = (p: Node, src: string) => (p.body as Node[]).map((s) => (s.start !== undefined ? src.slice(s.start, s.end) : `<new ${s.type}>`));

test('module style: extension first, then the file\'s own imports or requires', () => {
  assert.equal(moduleStyle('a.mjs', program('const x = require("x");')), 'esm');
  assert.equal(moduleStyle('a.cjs', program('import x from "x";')), 'cjs');
  assert.equal(moduleStyle('a.js', program('import x from "x";')), 'esm');
  assert.equal(moduleStyle('a.js', program('export const a = 1;')), 'esm');
  assert.equal(moduleStyle('a.js', program('const x = require("x");')), 'cjs');
  assert.equal(moduleStyle('a.ts', program('const x = 1;', true)), 'esm');
  assert.equal(moduleStyle('a.ts', program('const x = require("x").y;', true)), 'cjs');
});

test('ensureImports merges into an existing require of the same module, keeping aliases', () => {
  const src = "const { legacy, typed: t } = require('migrate-api/compat');\nconst a = 1;\n";
  const p = program(src);
  const conflicts = ensureImports(p, 'cjs', 'single', [{ module: 'migrate-api/compat', names: ['legacy', 'reply'] }], parseStatements);
  assert.deepEqual(conflicts, []);
  const decl = (p.body as Node[])[0]!;
  assert.deepEqual(decl.declarations[0].id.properties.map((x: Node) => `${x.key.name}:${x.value.name}`), ['legacy:legacy', 'typed:t', 'reply:reply']);
  assert.equal((p.body as Node[]).length, 2);
});

test('ensureImports adds new imports after the last import, once, and reports names bound elsewhere', () => {
  const src = "import express from 'express';\nconst z = 5;\nexpress();\n";
  const p = program(src);
  const conflicts = ensureImports(p, 'esm', 'double', [
    { module: 'migrate-api/compat', names: ['typed', 'type Typed'] },
    { module: 'zod', names: ['z'] },
  ], parseStatements);
  assert.deepEqual(conflicts, ['`z` is already declared; not imported from zod']);
  const body = p.body as Node[];
  assert.equal(body[1]!.type, 'ImportDeclaration');
  assert.equal(body[1]!.source.value, 'migrate-api/compat');
  assert.deepEqual(body[1]!.specifiers.map((s: Node) => `${s.importKind === 'type' ? 'type ' : ''}${s.local.name}`), ['typed', 'type Typed']);
  assert.equal(body.length, 4);
  // Already imported: nothing to add.
  ensureImports(p, 'esm', 'double', [{ module: 'migrate-api/compat', names: ['typed'] }], parseStatements);
  assert.equal((p.body as Node[]).length, 4);
});

test('ensureImports in a CommonJS TS file puts types in an `import type`', () => {
  const p = program("const express = require('express');\n", true);
  ensureImports(p, 'cjs', 'single', [{ module: 'migrate-api/compat', names: ['typed', 'type Typed'] }], parseStatements);
  const body = p.body as Node[];
  assert.equal(body[1]!.type, 'ImportDeclaration');
  assert.equal(body[1]!.importKind, 'type');
  assert.equal(body[2]!.type, 'VariableDeclaration');
});

test('removeUnused drops only bindings the rewrite made unused', () => {
  const src = "import { Request, NextFunction, Unused } from 'express';\nconst { a, b } = require('x');\nf(a, b);\nlet h = (req: Request, next: NextFunction) => 0;\n";
  const p = program(src, true);
  const before = referenceCounts(p);
  // Simulate a rewrite: the handler loses its annotations, `b` is no longer passed.
  (p.body as Node[])[3]!.declarations[0].init.params = [];
  (p.body as Node[])[2]!.expression.arguments.pop();
  removeUnused(p, before);
  assert.deepEqual(sourceOf(p, src).length, 4);
  const imp = (p.body as Node[])[0]!;
  assert.deepEqual(imp.specifiers.map((s: Node) => s.local.name), ['Unused']);
  assert.deepEqual((p.body as Node[])[1]!.declarations[0].id.properties.map((x: Node) => x.key.name), ['a']);
});

test('a whole-module require counts as the import it needs, and is never removed', () => {
  const src = "const z = require('zod');\nconst x = require('x');\nx();\n";
  const p = program(src);
  const before = referenceCounts(p);
  assert.deepEqual(ensureImports(p, 'cjs', 'single', [{ module: 'zod', names: ['z'] }], parseStatements), []);
  (p.body as Node[]).pop();
  removeUnused(p, before);
  assert.equal((p.body as Node[]).length, 2);
});
