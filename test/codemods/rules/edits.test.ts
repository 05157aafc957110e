import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '@babel/parser';
import { indentRest, SourceEdits } from '../../../codemods/rules/edits.js';

test('a replacement built from a slice carries the edits inside that slice', () => {
  const src = 'res.status(201).json({ id: req.params.id });';
  const edits = new SourceEdits(src);
  const value = { start: src.indexOf('{'), end: src.lastIndexOf('}') + 1 };
  const read = src.indexOf('req.params');
  edits.replace(read, read + 'req.params'.length, 'params');
  edits.replace(0, src.length, 'return reply(201, ', value, ');');
  assert.equal(edits.apply(), 'return reply(201, { id: params.id });');
});

test('insertions at one offset keep their order and come before a replacement starting there', () => {
  const src = 'a(b);';
  const edits = new SourceEdits(src);
  edits.replace(2, 3, 'c');
  edits.insert(2, 'x, ');
  edits.insert(2, 'legacy(');
  edits.insert(3, ')');
  assert.equal(edits.apply(), 'a(x, legacy(c));');
});

test('a second replacement of the same range wins', () => {
  const edits = new SourceEdits('import { a, b } from "m";');
  edits.replace(0, 25, 'import { a } from "m";');
  edits.replace(0, 25, 'import { a, typed } from "m";');
  assert.equal(edits.apply(), 'import { a, typed } from "m";');
});

test('removeLines takes whole lines when nothing else is on them, one blank line of two, and only the range otherwise', () => {
  const src = 'const a = 1;\n\n  /** doc */\n\nrouter.get();\nx(); /* c */ y();\n';
  const doc = src.indexOf('/**');
  const edits = new SourceEdits(src);
  edits.removeLines(doc, src.indexOf('*/') + 2);
  const inline = src.indexOf('/* c */');
  edits.removeLines(inline, inline + 7);
  assert.equal(edits.apply(), 'const a = 1;\n\nrouter.get();\nx();  y();\n');
});

test('positions: indentation, line starts, and the end of a line with a trailing comment', () => {
  const src = "const x = require('x'); // why\n    router.get('/a', h);\nfoo(); bar();";
  const edits = new SourceEdits(src);
  const route = src.indexOf('router');
  assert.equal(edits.indentAt(route), '    ');
  assert.equal(edits.startsLine(route), true);
  assert.equal(edits.startsLine(src.indexOf("'/a'")), false);
  assert.equal(edits.endOfLineAfter(src.indexOf(';') + 1), src.indexOf('\n'));
  const foo = src.indexOf('foo();') + 'foo();'.length;
  assert.equal(edits.endOfLineAfter(foo), foo, 'another statement on the line: right after the statement');
});

test('with no edits the source comes back unchanged; node slices follow Babel offsets', () => {
  const src = 'app.get("/x", (req, res) => res.json(1));\n';
  const edits = new SourceEdits(src);
  assert.equal(edits.apply(), src);
  const call = (parse(src).program.body[0] as any).expression;
  edits.wrap(call.arguments[1], 'legacy(', ')');
  assert.equal(edits.apply(), 'app.get("/x", legacy((req, res) => res.json(1)));\n');
});

test('indentRest indents every line but the first, and leaves blank lines blank', () => {
  assert.equal(indentRest('{\n  a: 1,\n\n}', '    '), '{\n      a: 1,\n\n    }');
  assert.equal(indentRest('{ a: 1 }', '  '), '{ a: 1 }');
});
