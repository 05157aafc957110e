// A field typed with an interface is followed to its one implementing class only when nothing else can stand in
// for it (codemods/interface-implementor.ts, codemods/interface-member-plan.ts): each variation of the
// ts-interface-controllers fixture below breaks one condition, and every route must then stay legacy with that
// reason, the controller and the interface files unwritten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';

const base = join(import.meta.dirname, '../../fixtures/MA003/ts-interface-controllers/input');

async function migrateVariant(edit: (root: string) => Promise<void>) {
  const work = await mkdtemp(join(tmpdir(), 'iface-'));
  try {
    await cp(base, work, { recursive: true });
    await edit(work);
    const { report, writes } = await migrateProject(work);
    return { reasons: report.routes.map((r) => `${r.status} ${r.method.toUpperCase()} ${r.path}: ${r.reason ?? ''}`), written: writes.map((w) => relative(work, w.file).split(sep).join('/')).sort() };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function replaceIn(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  assert.ok(text.includes(from), `${file} has ${from}`);
  await writeFile(file, text.replace(from, to));
}

test('the route class constructed with something else than the implementation (a mock): legacy', async () => {
  const { reasons, written } = await migrateVariant((root) => replaceIn(join(root, 'src/routes/index.ts'),
    'export default new ItemsRoute(itemsController).router;',
    'export default new ItemsRoute({ ...itemsController } as never).router;'));
  assert.deepEqual(written, ['src/routes/items-route.ts']);
  for (const r of reasons) assert.match(r, /^legacy .*src\/routes\/index\.ts constructs ItemsRoute with something not known to be a ItemsController$/);
});

test('the member also called with (req, res) through the field, outside the routes: that route legacy, the others typed', async () => {
  const { reasons } = await migrateVariant((root) => replaceIn(join(root, 'src/routes/items-route.ts'),
    '  private defineRoutes(): void {',
    '  async listFor(req: Parameters<Router>[0], res: Parameters<Router>[1]): Promise<void> {\n    await this.itemsController.listAsync(req, res);\n  }\n\n  private defineRoutes(): void {'));
  assert.match(reasons[0]!, /^legacy GET \/items: .*interface IItemsController's `listAsync` is also read at src\/routes\/items-route\.ts:15, by code that calls it with \(req, res\)$/);
  assert.match(reasons[1]!, /^typed GET \/items\/:id/);
});

test('an interface that extends it (another implementation may come through it): legacy', async () => {
  const { reasons, written } = await migrateVariant((root) => writeFile(join(root, 'src/controllers/more.ts'),
    "import { IItemsController } from './items-controller-interface.js';\nexport interface IMoreItems extends IItemsController { extra(): void }\n"));
  assert.deepEqual(written, ['src/routes/items-route.ts']);
  for (const r of reasons) assert.match(r, /which interface IMoreItems extends \(src\/controllers\/more\.ts:2\)$/);
});

test('the implementation subclassed: legacy', async () => {
  const { reasons } = await migrateVariant((root) => writeFile(join(root, 'src/controllers/sub.ts'),
    "import ItemsController from './items-controller.js';\nexport class LoudItems extends ItemsController {}\n"));
  for (const r of reasons) assert.match(r, /its implementation ItemsController is extended \(LoudItems \(src\/controllers\/sub\.ts:2\)\)$/);
});
