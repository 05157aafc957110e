// `check --run "<its test command>"` on every fixture app finds exactly what the app's README lists under
// "What `migrate-api check --run` finds": every drift, those only a run shows included (inventory-ts's SKU id,
// clinic-cjs's leaked `secret`), and nothing else: the whole list is compared, so a new or a missing finding
// fails. An app whose records carry a password hash the docs never mention has that leak reported on both of
// its routes, without the hash in anything check prints.
// Like test/e2e, the copies import migrate-api/compat from dist/ (`npm run build` must be current).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../codemods/cli.js';
import { RUNTIME_KINDS, type DriftFinding } from '../../codemods/check/findings.js';
import { appsRoot, linkDependencies, prepareApp, repoRoot } from '../helpers/legacy-app.js';

const temps: string[] = [];
after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

async function checkRun(dir: string, command: string): Promise<{ code: number; out: string; err: string; findings: DriftFinding[] }> {
  let out = '';
  let err = '';
  const code = await main(['check', dir, '--run', command, '--json'], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err, findings: (JSON.parse(out) as { findings: DriftFinding[] }).findings };
}

/** `kind | route | file | field`: the field only for a runtime finding (`path.id` of "... violation at path.id: ..."). */
function key(f: DriftFinding): string {
  const at = RUNTIME_KINDS.has(f.kind) ? / violation at (\S+):/.exec(f.message)?.[1] ?? '?' : '';
  return [f.kind, f.route ?? '', f.file, at].join(' | ');
}

/** The README's table, as the same keys: one row per finding. */
function listed(app: string): { command: string; keys: string[] } {
  const readme = readFileSync(join(appsRoot, app, 'README.md'), 'utf8');
  const section = /^## What `migrate-api check --run "([^"]+)"` finds\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  assert.ok(section, `${app}/README.md has a "What \`migrate-api check --run\` finds" section`);
  const rows = section[2].split('\n').filter((l) => l.startsWith('| `'));
  const keys = rows.map((row) => row.split(' | ').slice(0, 4).map((c) => c.replace(/^\|\s*/, '').replace(/`/g, '').trim()).join(' | '));
  return { command: section[1], keys };
}

const apps = readdirSync(appsRoot).sort();

test('every fixture app is covered', () => {
  assert.deepEqual(apps, ['bookings-joi', 'bookings-ts', 'clinic-cjs', 'inventory-ts', 'notes-nodocs', 'orders-esm', 'users-cjs']);
});

for (const app of apps) {
  test(`${app}: check --run finds exactly what its README lists`, async () => {
    const { command, keys } = listed(app);
    assert.equal(command, (JSON.parse(readFileSync(join(appsRoot, app, 'package.json'), 'utf8')) as { scripts: { test: string } }).scripts.test);
    const dir = await prepareApp(app);
    temps.push(dir);
    const r = await checkRun(dir, command);
    assert.equal(r.code, 1, r.err.slice(-3000));
    assert.match(r.err, /the suite exited 0; the runtime counted \d+ contract violations?/, r.err.slice(-3000));
    assert.deepEqual(r.findings.map(key).sort(), [...keys].sort());
  });
}

test('inventory-ts: the SKU id is type drift only the run shows, on each route that takes it', async () => {
  const { keys } = listed('inventory-ts');
  assert.deepEqual(keys.filter((k) => k.endsWith('| path.id')).map((k) => k.split(' | ')[1]).sort(),
    ['DELETE /api/items/:id', 'GET /api/items/:id', 'PATCH /api/items/:id', 'POST /api/items/:id/adjustments']);
  assert.ok(keys.filter((k) => k.endsWith('| path.id')).every((k) => k.startsWith('type-drift |')));
});

test('records with a password hash the docs never mention: the leak on both routes, the hash nowhere in the output', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-run-leak-'));
  temps.push(dir);
  cpSync(join(repoRoot, 'fixtures', 'check-run', 'leak-app'), dir, { recursive: true });
  await linkDependencies(dir);
  const r = await checkRun(dir, 'node --test');
  assert.equal(r.code, 1, r.err.slice(-3000));
  assert.deepEqual(r.findings.map(key), [
    'leaked-response-key | GET /users | app.js | response.0.passwordHash',
    'leaked-response-key | GET /users/:id | app.js | response.passwordHash',
  ]);
  assert.doesNotMatch(r.out + r.err, /\$2b\$10\$/, 'no hash value is printed');
});
