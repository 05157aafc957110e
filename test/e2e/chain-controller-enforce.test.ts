// Codemod and runtime together on a chain whose controller, in another file, replies and then calls next() for
// post-response middleware (fixtures/MA003/chain-controller-cjs): migrated in ENFORCE mode and served over real
// HTTP, an invalid body is rejected before the controller runs (the store it writes stays empty, nothing is
// broadcast), and a valid one is inserted, answered, and still broadcast after the reply. Before the codemod
// resolved controllers across files it wrapped the last function (legacy(broadcast)): the invalid row was
// written and answered 201 before validation ran.
// Needs `npm run build` (the migrated tree requires migrate-api/compat from dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';
import { answers } from '../helpers/equivalence-run.js';

const input = join(import.meta.dirname, '../../fixtures/MA003/chain-controller-cjs/input');

test('enforce: an invalid body is rejected before a controller defined elsewhere writes; post-response middleware still runs (insert; delete replying in one branch)', async () => {
  const cache = join(import.meta.dirname, '../../node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const work = await mkdtemp(join(cache, 'chain-enforce-'));
  try {
    await cp(input, work, { recursive: true });
    const { writes } = await migrateProject(work, { validation: 'enforce' });
    for (const w of writes) await writeFile(w.file, w.after);
    const [invalid, afterInvalid, valid, afterValid, badId, deleted, afterDelete] = await answers(work, {
      mount: 'routes/rows.js',
      requests: [
        { method: 'POST', path: '/rows', body: { name: '' } },
        { method: 'GET', path: '/rows' },
        { method: 'POST', path: '/rows', body: { name: 'Ada' } },
        { method: 'GET', path: '/rows' },
        // deleteRow replies then calls next() in one branch of an if: still the handler.
        { method: 'DELETE', path: '/rows/x' },
        { method: 'DELETE', path: '/rows/1' },
        { method: 'GET', path: '/rows' },
      ],
    });
    assert.equal(invalid!.status, 422, invalid!.body);
    assert.deepEqual(JSON.parse(afterInvalid!.body), { rows: [], events: [] });
    assert.equal(valid!.status, 201, valid!.body);
    assert.deepEqual(JSON.parse(valid!.body), { message: 'Row inserted', data: { id: 1, name: 'Ada' } });
    assert.deepEqual(JSON.parse(afterValid!.body), { rows: [{ id: 1, name: 'Ada' }], events: ['INSERT'] });
    assert.equal(badId!.status, 422, badId!.body);
    assert.equal(deleted!.status, 200, deleted!.body);
    assert.deepEqual(JSON.parse(afterDelete!.body), { rows: [], events: ['INSERT', 'DELETE'] });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
