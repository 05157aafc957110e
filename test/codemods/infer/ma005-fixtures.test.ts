// fixtures/MA005/<case>.input.<ext> + .output.<ext>: the route file of a migrated app before and after
// `migrate-api infer`. Side files: `<case>.recording.json` (a recording, --from) and `<case>.<name>` (another
// file of the app, written as <name>: a controller the routes import).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Recording } from '../../../compat/shapes-file.js';
import { inferProject } from '../../../codemods/infer/apply.js';
import { parseSource } from '../../../codemods/parse.js';
import { fixtureCases } from '../../helpers/fixture-cases.js';

const dir = join(import.meta.dirname, '../../../fixtures/MA005');
const cases = fixtureCases(dir);
const UPDATE = process.env.MIGRATE_API_UPDATE_FIXTURES === '1';

test('MA005: has a noop case', () => assert.ok(cases.some((c) => c.name === 'noop')));

for (const c of cases) {
  test(`MA005/${c.name}`, async () => {
    const app = mkdtempSync(join(tmpdir(), 'ma005-'));
    try {
      const ext = c.inputPath.split('.').pop()!;
      const routes = join(app, `routes.${ext}`);
      writeFileSync(routes, c.input);
      for (const side of readdirSync(dir)) {
        if (!side.startsWith(`${c.name}.`) || /\.(input|output)\.[a-z]+$/.test(side) || side.endsWith('.recording.json')) continue;
        writeFileSync(join(app, side.slice(c.name.length + 1)), readFileSync(join(dir, side)));
      }
      const rec = c.extra('recording.json');
      const recording = rec ? (JSON.parse(rec) as Recording) : undefined;
      const result = await inferProject(app, recording);
      const out = result.writes.find((w) => w.file === routes)?.after ?? c.input;
      if (UPDATE) writeFileSync(c.outputPath, out);
      assert.equal(out, c.output, `${c.name}: output differs from ${c.outputPath}`);
      assert.equal(result.writes.filter((w) => w.file !== routes).length, 0, 'only the route file changes');
      if (c.name === 'noop') assert.equal(result.writes.length, 0, 'noop changes nothing');
      assert.ok('ast' in parseSource(out, routes), 'the output parses');
      // Idempotence: the specs are no longer empty, so a second run writes nothing.
      writeFileSync(routes, out);
      const again = await inferProject(app, recording);
      assert.deepEqual(again.writes.map((w) => w.file), [], `${c.name}: a second run changed files`);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });
}
