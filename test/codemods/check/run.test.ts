// `check --run`: the fixture apps' own suites, run against a report-mode migration of a copy, show the drift
// only running code can: inventory-ts's SKU id documented as an integer (type-drift at each route's line),
// under node:test's per-file processes. The app itself is left exactly as it was. Like test/e2e, the copy
// imports migrate-api/compat from dist/ (`npm run build` must be current).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../../../codemods/cli.js';
import type { DriftFinding } from '../../../codemods/check/findings.js';
import { prepareApp } from '../../helpers/legacy-app.js';

let dir: string;
let before_: Map<string, string>;

function tree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(p.slice(root.length), readFileSync(p, 'utf8'));
    }
  };
  walk(root);
  return out;
}

before(async () => {
  dir = await prepareApp('inventory-ts');
  before_ = tree(dir);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('inventory-ts: its own suite shows the SKU-for-integer id as type drift at each route; the app is untouched', async () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['check', dir, '--run', 'node --import tsx --test test/*.test.ts', '--json'],
    { out: (s) => void out.push(s), err: (s) => void err.push(s), isTTY: false });
  assert.equal(code, 1, err.join(''));
  const { findings } = JSON.parse(out.join('')) as { findings: DriftFinding[] };
  const idDrift = findings.filter((f) => f.kind === 'type-drift' && /at path\.id:/.test(f.message)).map((f) => f.route).sort();
  assert.deepEqual(idDrift, ['DELETE /api/items/:id', 'GET /api/items/:id', 'PATCH /api/items/:id', 'POST /api/items/:id/adjustments']);
  for (const f of findings.filter((x) => x.kind === 'type-drift')) assert.equal(f.file, 'src/routes/items.ts');
  // The static findings are still there beside the runtime ones.
  assert.ok(findings.some((f) => f.kind === 'undocumented-route'));
  assert.match(err.join(''), /the suite exited 0; the runtime counted \d+ contract violations/);
  assert.deepEqual(tree(dir), before_, 'the app itself is unchanged');
  assert.deepEqual(readdirSync(dirname(dir)).filter((n) => n.startsWith('.migrate-api-run-')), [], 'the copy is removed');
});
