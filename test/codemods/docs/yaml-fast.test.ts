// The js-yaml fast path of parseYaml must read every text exactly as the `yaml` package does: same value,
// and for every key and item (and pointers that miss) the same offset, hence the same file:line:col in
// diagnostics. Checked on tricky snippets, every YAML text of the docs fixtures, and the YAML documents of
// @readme/oas-examples.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineCounter, parseDocument } from 'yaml';
import { flasggerParts, isDocComment, openapiSections, unwrapComment, yamlText } from '../../../codemods/docs/comments.js';
import { parseFast } from '../../../codemods/docs/yaml-fast.js';
import { joinPointer, offsetOf, parseYaml } from '../../../codemods/docs/yaml-source.js';
import { parseSource } from '../../../codemods/parse.js';
import { exampleDocuments } from '../../helpers/corpus.js';

/** Texts the fast path must take (no construct it leaves to `yaml`), each with a YAML 1.1 vs 1.2 or layout trap. */
const FAST = [
  'a: yes\nb: no\nc: on\nd: off\ne: y\nf: n\ng: Yes\n',
  'mode: 0755\nhex: 0x1F\noct: 0o17\nbin: 0b101\nsep: 1_000\nneg: -12\nplus: +7\nbad: +0x1\nzero: -0\n',
  'f1: 1.5\nf2: .5\nf3: 1e3\nf4: -1.5E-2\nf5: 1.\nf6: .inf\nf7: -.Inf\nf8: .NaN\nf9: 1_0.5\nf10: +.5\n',
  'date: 2020-01-01\nts: 2001-12-14t21:59:43.10-05:00\ntime: 12:30\nsexa: 1:20:30\n',
  'n1: ~\nn2: null\nn3: Null\nn4: NULL\nn5:\nn6: nUll\nb1: True\nb2: TRUE\nb3: tRue\n',
  '200:\n  description: OK\n"404":\n  description: Missing\n1.0: x\ntrue: y\n',
  'a: |\n  line 1\n  line 2\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\nd: x\n',
  'plain: this is\n  a multi line\n  plain scalar\nq: "esc \\u00e9 \\n \\t"\ns: \'it\'\'s\'\n',
  '# leading comment\n\n/users/{id}:   # trailing\n  get:\n    # inner\n    parameters:\n      - in: path\n        name: id\n      -   in: query\n          name: q\n      -\n        in: header\n        name: h\n',
  'schema: { type: object, properties: { a: { type: string }, b: { $ref: "#/x" } }, required: [a, b] }\nlist: [1, "two", { three: 3 }, [4]]\n',
  'nested:\n- - a\n  - b\n- - c\nempty: []\nemptymap: {}\nkey with spaces: v\n"quoted key": v\n\'single\': v\n',
  '---\nopenapi: 3.1.0\ninfo:\n  title: x\n',
  'url: http://example.com/a#b\ncolon: a:b\nhash: a #comment\nstar: a * b\namp: a & b\n',
  '',
  '# only a comment\n',
  'just a scalar',
  '- a\n- b: 1\n  c: 2\n',
];

/** Fast values, but js-yaml's recorded nodes do not line up with them (an empty item, a `...` end marker):
 *  offsetOf says so and parseYaml asks `yaml` for the positions. */
const LAYOUT_FALLBACK = ['seq:\n- a\n-\n- c\n', 'openapi: 3.1.0\ninfo:\n  title: x\n...\n'];

/** Texts left to `yaml`: constructs where the two libraries differ, and errors (whose message and position
 *  only `yaml` gives as the diagnostics expect). */
const SLOW = [
  'base: &b { type: string }\nother: *b\n',
  'a: &x 1\nb:\n  <<: { c: 2 }\n',
  'tagged: !!str 123\n',
  '? complex\n: value\n',
  '[a, b]: c\n',
  '%YAML 1.1\n---\na: yes\n',
  'a:\n\tb: 1\n',
  '~: z\nnull: y\n',
  'a: 1\nnull: y\n',
  'a: { ~: 1 }\n',
  '- : x\n',
  'a:\n  : x\n',
  '{a: 1}: x\n',
  'k:\n  - [a, b]: c\n',
  'a: 1\na: 2\n',
  'a: "unterminated\nb: 1\n',
  'a: b: c\n',
  'a:\n  - x\n  y: 1\n',
  'x: 1\n---\ny: 2\n',
];

/** Every pointer to a key or item of the value, plus one missing child under each node. */
function pointers(value: unknown, base = ''): string[] {
  const out = [base, joinPointer(base, 'missing~key/x')];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, joinPointer(base, i))));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, joinPointer(base, k)));
  }
  return out;
}

/** Asserts the fast path agrees with `yaml` when it takes the text; returns whether it did. */
function agree(text: string, label: string): boolean {
  const fast = parseFast(text);
  const doc = parseDocument(text, { uniqueKeys: true, merge: true });
  if (!fast) return false;
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${label}: js-yaml accepted what yaml rejects`);
  assert.deepStrictEqual(fast.value, doc.toJS({ maxAliasCount: 1000 }), `${label}: values differ`);
  for (const p of pointers(fast.value)) {
    const offset = fast.offsetOf(p);
    if (offset !== undefined) assert.equal(offset, offsetOf(doc, p), `${label}: offset of ${JSON.stringify(p)}`);
  }
  return true;
}

test('fast YAML path: tricky snippets read as yaml (YAML 1.2 core) reads them', () => {
  FAST.forEach((text, i) => assert.ok(agree(text, `snippet ${i}`), `snippet ${i} should take the fast path`));
  SLOW.forEach((text, i) => assert.equal(agree(text, `slow ${i}`), false, `snippet ${i} must be left to yaml`));
});

test('fast YAML path: when the recorded nodes do not line up, positions come from yaml', () => {
  for (const text of LAYOUT_FALLBACK) {
    assert.ok(agree(text, JSON.stringify(text)));
    const fast = parseFast(text)!;
    const misses = pointers(fast.value).filter((p) => fast.offsetOf(p) === undefined);
    assert.ok(misses.length > 0, `${JSON.stringify(text)} now lines up: move it to FAST`);
    const read = parseYaml(text, 'f.yaml');
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: true });
    for (const p of misses) assert.deepEqual(read.locate(p), { file: 'f.yaml', ...lines.linePos(offsetOf(doc, p)) }, p);
  }
});

test('fast YAML path: every offset of the snippets is recorded (no fallback needed)', () => {
  for (const text of FAST) {
    const fast = parseFast(text)!;
    for (const p of pointers(fast.value)) assert.notEqual(fast.offsetOf(p), undefined, `${JSON.stringify(text)} ${p}`);
  }
});

test('fast YAML path: every YAML text of the docs fixtures agrees with yaml', () => {
  const root = resolve('fixtures/docs');
  let fastCount = 0;
  let total = 0;
  for (const style of readdirSync(root)) {
    for (const f of readdirSync(join(root, style))) {
      const file = join(root, style, f);
      const texts: string[] = [];
      if (/\.ya?ml$/.test(f)) texts.push(readFileSync(file, 'utf8'));
      else if (/\.(js|ts)$/.test(f)) {
        const parsed = parseSource(readFileSync(file, 'utf8'), file);
        if ('diagnostic' in parsed) continue;
        for (const c of parsed.ast.comments ?? []) {
          if (!isDocComment(c)) continue;
          const lines = unwrapComment(c);
          for (const s of openapiSections(lines)) texts.push(yamlText(s.lines).text);
          const parts = flasggerParts(lines);
          if (parts) texts.push(yamlText(parts.yaml).text);
        }
      }
      texts.forEach((t, i) => {
        total++;
        if (agree(t, `${style}/${f} #${i}`)) fastCount++;
      });
    }
  }
  assert.ok(total > 30 && fastCount > total / 2, `fast path taken for ${fastCount} of ${total} fixture texts`);
});

test('fast YAML path: the YAML documents of @readme/oas-examples agree with yaml', () => {
  const files = exampleDocuments().map((f) => f.replace(/\/json\/(.*)\.json$/, '/yaml/$1.yaml')).filter((f) => existsSync(f));
  const fast = files.filter((f) => agree(readFileSync(f, 'utf8'), f));
  assert.ok(files.length > 20 && fast.length > files.length / 2, `fast path taken for ${fast.length} of ${files.length}`);
});
