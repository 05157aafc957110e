// The inventory-ts drift no static check can see: openapi.yaml documents the item id as an integer, the
// code uses SKUs. Migrated in a temp copy (report mode, the default), the app serves SKU requests as
// before while the runtime counts the violations; `check --runtime` shows them at each route's line.
// Like test/e2e, the migrated app imports migrate-api/compat from dist/ (`npm run build` must be current);
// the violations registry is process-global, so the source build's writeViolations() sees its counts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resetViolations, writeViolations } from '../../../compat/index.js';
import { main } from '../../../codemods/cli.js';
import { RUNTIME_KINDS, type DriftFinding } from '../../../codemods/check/findings.js';
import { prepareApp } from '../../helpers/legacy-app.js';

let dir: string;
let dump: string;
const io = (out: string[]) => ({ out: (s: string) => void out.push(s), err: (s: string) => void out.push(s), isTTY: false });

before(async () => {
  dir = await prepareApp('inventory-ts');
  const log: string[] = [];
  assert.equal(await main([dir], io(log)), 0, log.join(''));
  dump = join(dir, 'violations.json');
  const mod = await import(pathToFileURL(join(dir, 'src/app.ts')).href);
  const app = mod.default?.default ?? mod.default;
  // The app's compat (the dist build, a module of its own) logs report-mode violations with console.warn.
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => void warnings.push(m);
  resetViolations();
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/items/SKU-1001`;
  const headers = { authorization: 'Bearer manager-token', 'content-type': 'application/json' };
  try {
    const sent = [
      await fetch(url, { headers }),
      await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ price: 19.5 }) }),
      await fetch(`${url}/adjustments`, { method: 'POST', headers, body: JSON.stringify({ delta: 1, reason: 'received' }) }),
      await fetch(url, { method: 'DELETE', headers }),
    ];
    // Report mode changes no answer: the SKUs still work.
    assert.deepEqual(sent.map((r) => r.status), [200, 200, 200, 204]);
    await Promise.all(sent.map((r) => r.arrayBuffer()));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    console.warn = warn;
  }
  assert.equal(warnings.length, 4, 'report mode logged each violating route once');
  writeViolations(dump);
  resetViolations();
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the SKU-for-integer drift shows up as runtime findings at each route, beside the static ones', async () => {
  const out: string[] = [];
  assert.equal(await main(['check', dir, '--runtime', dump, '--json'], io(out)), 1);
  const { findings } = JSON.parse(out.join('')) as { findings: DriftFinding[] };
  const code = readFileSync(join(dir, 'src/routes/items.ts'), 'utf8').split('\n');
  const lineOf = (text: string) => code.findIndex((l) => l.includes(text)) + 1;
  const pathIdViolation = (route: string, registration: string) =>
    ({ kind: 'type-drift', file: 'src/routes/items.ts', line: lineOf(registration), route, where: 'path.id' });
  const summary = findings.map(({ kind, file, line, route, message }) =>
    ({ kind, file, line, route, ...(RUNTIME_KINDS.has(kind) ? { where: /violation at (\S+):/.exec(message)?.[1] } : {}) }));
  assert.deepEqual(summary.filter((f) => f.kind === 'type-drift' && f.where === 'path.id').sort((a, b) => a.line - b.line), [
    pathIdViolation('POST /api/items/:id/adjustments', "router.post('/:id/adjustments'"),
    pathIdViolation('GET /api/items/:id', "router.get('/:id'"),
    pathIdViolation('PATCH /api/items/:id', "router.patch('/:id'"),
    pathIdViolation('DELETE /api/items/:id', "router.delete('/:id'"),
  ].sort((a, b) => a.line - b.line));
  // The two static drifts of the README are still there, and every finding points into the code.
  assert.deepEqual(summary.filter((f) => !RUNTIME_KINDS.has(f.kind)).map((f) => f.kind), ['undocumented-input', 'undocumented-route']);
  assert.ok(findings.every((f) => f.file === 'src/routes/items.ts'), JSON.stringify(findings, null, 1));
});
