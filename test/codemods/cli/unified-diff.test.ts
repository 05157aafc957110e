// --dry's diff is checked for what matters, that the patch turns old into new: applied by the diff package and by
// `git apply`, on random edits (repeated lines, no final newline, CRLF) and on a big generated route file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { unifiedDiff } from '../../../codemods/cli/unified-diff.js';
import { bigRouteFile } from '../../helpers/big-route-file.js';
import { tempDir } from '../../helpers/migrate-cli.js';

function rng(seed: number) {
  return () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
}

test('random edits: the patch applies and gives the new text', () => {
  const rand = rng(7);
  const pool = ['});', '', 'a', 'b', 'router.get(x)', '  return 1;', '/**', ' */'];
  for (let round = 0; round < 300; round++) {
    const eol = round % 5 === 0 ? '\r\n' : '\n';
    const lines = Array.from({ length: Math.floor(rand() * 60) }, (_, i) => (rand() < 0.5 ? pool[Math.floor(rand() * pool.length)]! : `line ${i}`));
    const next = [...lines];
    for (let e = Math.floor(rand() * 6); e > 0; e--) {
      const at = Math.floor(rand() * (next.length + 1));
      if (rand() < 0.4) next.splice(at, 1 + Math.floor(rand() * 3));
      else next.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pool[Math.floor(rand() * pool.length)]!));
    }
    const before = lines.join(eol) + (rand() < 0.7 ? eol : '');
    const after = next.join(eol) + (rand() < 0.7 ? eol : '');
    const patch = unifiedDiff('a/f.js', 'b/f.js', before, after);
    if (before === after) { assert.equal(patch, ''); continue; }
    assert.equal(applyPatch(before, patch), after, `round ${round}:\n${patch}`);
  }
});

test('a new file diffs from /dev/null', () => {
  const patch = unifiedDiff('/dev/null', 'b/new.js', '', 'one\ntwo\n');
  assert.match(patch, /^--- \/dev\/null\n\+\+\+ b\/new\.js\n@@ -0,0 \+1,2 @@\n\+one\n\+two\n$/m);
  assert.equal(applyPatch('', patch), 'one\ntwo\n');
});

test('a big route file where every route changes: git apply turns it into the new text, only changed lines in it', () => {
  const count = 6000;
  const before = bigRouteFile(count);
  // What a migration does to each route: the doc block goes, the call gets a spec and a wrapped handler.
  const after = before
    .replace(/\/\*\*\n \* @openapi\n(?: \*.*\n)*? \*\/\n/g, '')
    .replace(/router\.get\('(\/items\d+\/:id)', \(req, res\) => \{\n/g, "router.get('$1', {\n  params: z.object({ id: z.coerce.number().int() }),\n}, legacy((req, res) => {\n")
    .replace(/^\}\);$/gm, '}));')
    .replace("const router = express.Router();", "const router = typed(express.Router(), { validation: 'report' });");
  const patch = unifiedDiff('a/routes.js', 'b/routes.js', before, after);
  const [parsed] = parsePatch(patch);
  // Only what changed is in the patch: per route the 15 doc lines, the call line and its `});`, plus the router line.
  const removed = parsed!.hunks.flatMap((h) => h.lines).filter((l) => l.startsWith('-')).length;
  assert.equal(removed, count * 17 + 1);
  assert.equal(applyPatch(before, patch), after);
  const dir = tempDir('big-diff');
  writeFileSync(join(dir, 'routes.js'), before);
  writeFileSync(join(dir, 'change.patch'), patch);
  execFileSync('git', ['apply', 'change.patch'], { cwd: dir });
  assert.equal(readFileSync(join(dir, 'routes.js'), 'utf8'), after);
});
