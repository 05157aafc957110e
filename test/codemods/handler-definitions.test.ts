// MA003 for handlers defined away from their route: each fixtures/MA003/<case>/ folder (a controller file and a
// route file, or more) is migrated as a whole and must give output/ exactly, file by file; a second run changes
// nothing; files output/ does not hold must not be written. The report's verdicts per route are in expect.json.
// UPDATE_FIXTURES=1 rewrites output/ files that exist (review the diff before keeping it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';
import { fixtureFolders } from '../helpers/fixture-cases.js';

const UPDATE = process.env.UPDATE_FIXTURES === '1';
const dir = join(import.meta.dirname, '../../fixtures/MA003');

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/')).sort();
}

const cases = fixtureFolders(dir);
test('MA003 folder cases: there are some, with a noop among them', () => {
  assert.ok(cases.length >= 4);
  assert.ok(cases.some((c) => c.name.startsWith('noop')));
});

for (const c of cases) {
  test(`MA003/${c.name}: the migrated tree is output/, and a second run changes nothing`, async () => {
    // Under the repo's node_modules, so the rewrite resolves an app's installed packages (a status package's
    // numbers, rules/status-constants.ts) as it does in an installed app.
    const cache = join(import.meta.dirname, '../../node_modules/.cache');
    await mkdir(cache, { recursive: true });
    const work = await mkdtemp(join(cache, `ma003-${c.name}-`));
    try {
      await cp(c.input, work, { recursive: true });
      const { report, writes } = await migrateProject(work);
      const written = new Map(writes.map((w) => [relative(work, w.file).split(sep).join('/'), w.after]));
      const expected = await filesUnder(c.output);
      for (const file of written.keys()) assert.ok(expected.includes(file), `${c.name}: ${file} was written but output/ has no such file`);
      for (const file of expected) {
        const want = await readFile(join(c.output, file), 'utf8');
        const got = written.get(file) ?? await readFile(join(c.input, file), 'utf8');
        if (UPDATE && got !== want) await writeFile(join(c.output, file), got);
        else assert.equal(got, want, `${c.name}: ${file}`);
      }
      const verdicts = report.routes.map((r) => `${r.status} ${r.method.toUpperCase()} ${r.path}${r.reason ? `: ${r.reason}` : ''}`);
      const expect = c.extra('expect.json');
      if (expect) assert.deepEqual(verdicts, JSON.parse(expect));
      for (const [file, after] of written) await writeFile(join(work, file), after);
      const again = await migrateProject(work);
      assert.deepEqual(again.writes.map((w) => relative(work, w.file)), [], `${c.name}: a second run writes nothing`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}
