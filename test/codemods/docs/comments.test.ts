import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Comment } from '@babel/types';
import { parseSource } from '../../../codemods/parse.js';
import { flasggerParts, openapiSections, unwrapComment, yamlText } from '../../../codemods/docs/comments.js';

function comments(code: string): Comment[] {
  const parsed = parseSource(code, 'x.js');
  assert.ok('ast' in parsed);
  return parsed.ast.comments ?? [];
}

test('unwrap strips the star margin and keeps each line\'s source position', () => {
  const code = 'foo();\n  /** first\n   *   indented\n   *no-space\n   */';
  const [c] = comments(code);
  const lines = unwrapComment(c);
  assert.deepEqual(lines.map((l) => [l.text, l.line, l.col]), [
    ['first', 2, 7],
    ['  indented', 3, 6],
    ['no-space', 4, 5],
    ['', 5, 4],
  ]);
  // the column points at the text in the source
  const src = code.split('\n');
  for (const l of lines.filter((x) => x.text)) assert.equal(src[l.line - 1].slice(l.col - 1, l.col - 1 + l.text.length), l.text);
});

test('a comment without star margin is dedented, so its YAML keeps its shape', () => {
  const [c] = comments('/**\n    @openapi\n    /a:\n      get: {}\n*/');
  const [section] = openapiSections(unwrapComment(c));
  assert.equal(yamlText(section.lines).text, '/a:\n  get: {}');
});

test('each @openapi/@swagger tag is a section that ends at the next tag', () => {
  const [c] = comments('/**\n * Intro text\n * @swagger\n * /a: {}\n *\n * @param x ignored\n * @openapi\n * /b: {}\n */');
  const sections = openapiSections(unwrapComment(c));
  assert.deepEqual(sections.map((s) => [s.tag, yamlText(s.lines).text, s.lines[0].line]), [['swagger', '/a: {}', 4], ['openapi', '/b: {}', 8]]);
  const { map } = yamlText(sections[1].lines);
  assert.deepEqual(map(1, 2), { line: 8, col: 5 });
});

test("flasgger parts (flasgger's own rule): the first line is the summary, the lines up to --- the description, YAML after", () => {
  const [c] = comments('/**\n * Get a user\n * by id.\n *\n * Long text\n * more.\n * ---\n * responses: {}\n */');
  const parts = flasggerParts(unwrapComment(c));
  assert.deepEqual(parts && { ...parts, yaml: parts.yaml.map((l) => l.text) }, {
    summary: 'Get a user',
    description: 'by id.\n\nLong text\nmore.',
    yaml: ['responses: {}'],
    separatorLine: 7,
  });
  const [prose] = comments('/**\n * Title\n * ---\n * Just prose after a rule.\n */');
  assert.equal(flasggerParts(unwrapComment(prose)), undefined);
});
