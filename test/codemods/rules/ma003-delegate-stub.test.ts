// A route that only delegates (`(req, res) => things.list(req, res)`) keeps looking its callee up at each request
// once typed (`() => things.list()`, scan/delegating-handler.ts), not a `.bind` taken when the route was registered:
// a test that stubs `things.list` after the routes exist (jest.spyOn(things, 'list')) still reaches its stub.
// The fixture MA003/delegate is loaded as it was and as migrated, its controller instance stubbed after loading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { listen } from '../../compat/helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'fixtures', 'MA003');
const COMPAT = join(ROOT, 'compat', 'index.ts');

interface Things { list: (...args: any[]) => unknown }

for (const [variant, stub] of [
  ['input', (_req: any, res: any) => res.json({ stubbed: true })],
  ['output', async () => ({ stubbed: true })],
] as const) {
  test(`MA003/delegate ${variant}: a stub put on the controller after the routes were registered answers`, async () => {
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'ma003-delegate-stub-'));
    try {
      const source = readFileSync(join(DIR, `delegate.${variant}.js`), 'utf8').replace(/(['"])migrate-api\/compat\1/g, JSON.stringify(COMPAT));
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'commonjs', private: true }));
      writeFileSync(join(dir, 'delegate.js'), `${source}module.exports.things = things;\n`);
      const router = createRequire(join(dir, 'x.js'))('./delegate.js') as { things: Things };
      const express = (await import('express')).default;
      const app = express();
      app.use(router as never);
      const before = await listen(app);
      try {
        assert.deepEqual(await (await fetch(`${before.url}/things`)).json(), [{ id: 1, name: 'lamp' }]);
        router.things.list = stub;
        assert.deepEqual(await (await fetch(`${before.url}/things`)).json(), { stubbed: true });
      } finally {
        await before.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
