// Each finish step on its fixture projects: fixtures/<MA0xx>/<case>/input is copied to a temp folder, `finish`
// runs that step alone, and the tree must equal <case>/output (a file missing there was deleted); `reasons.txt`
// beside them, when present, holds lines the step's reasons must include. Every step keeps a `noop` case, and a
// second run over the output changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishProject } from '../../../codemods/finish/index.js';
import type { FinishRuleId } from '../../../codemods/finish/types.js';
import { FIXTURES, readTree } from '../../helpers/migrate-cli.js';

async function finishTree(dir: string, id: FinishRuleId, deleteSpecFiles: boolean) {
  const r = await finishProject(dir, { only: [id], deleteSpecFiles });
  const tree = readTree(dir);
  for (const c of r.changes) {
    const rel = c.file.slice(dir.length + 1);
    if (c.after === null) tree.delete(rel); else tree.set(rel, c.after);
  }
  return { tree: new Map([...tree].sort(([a], [b]) => a.localeCompare(b))), step: r.steps.find((s) => s.id === id)! };
}

for (const id of ['MA006', 'MA007', 'MA008', 'MA009', 'MA010'] as FinishRuleId[]) {
  const dir = join(FIXTURES, id);
  const cases = readdirSync(dir).filter((c) => existsSync(join(dir, c, 'input'))).sort();
  test(`${id}: has a noop case`, () => assert.ok(cases.includes('noop')));
  for (const c of cases) {
    test(`${id}/${c}`, async () => {
      const tmp = mkdtempSync(join(tmpdir(), `finish-${id}-`));
      try {
        cpSync(join(dir, c, 'input'), tmp, { recursive: true });
        const deleteSpecFiles = existsSync(join(dir, c, 'delete-spec-files'));
        const { tree, step } = await finishTree(tmp, id, deleteSpecFiles);
        assert.deepEqual(tree, readTree(join(dir, c, 'output')));
        const reasons = join(dir, c, 'reasons.txt');
        if (existsSync(reasons)) {
          for (const line of readFileSync(reasons, 'utf8').split('\n').filter(Boolean)) assert.ok(step.reasons.includes(line), `${line}\nnot in\n${step.reasons.join('\n')}`);
        }
        if (c === 'noop') assert.notEqual(step.status, 'done');
        // Idempotent: the output, finished again, is the output.
        const again = mkdtempSync(join(tmpdir(), `finish-${id}-again-`));
        try {
          cpSync(join(dir, c, 'output'), again, { recursive: true });
          const second = await finishTree(again, id, deleteSpecFiles);
          assert.deepEqual(second.tree, readTree(join(dir, c, 'output')));
        } finally { rmSync(again, { recursive: true, force: true }); }
      } finally { rmSync(tmp, { recursive: true, force: true }); }
    });
  }
}
