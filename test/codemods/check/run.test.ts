// `check --run`: the fixture apps' own suites, run against a report-mode migration of a copy, show the drift
// only running code can: inventory-ts's SKU id documented as an integer (type-drift at each route's line),
// under node:test's per-file processes. The app itself is left exactly as it was. Like test/e2e, the copy
// imports migrate-api/compat from dist/ (`npm run build` must be current).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
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
  // Only this app's copy: other test files run their own check --run copies beside it at the same time.
  assert.deepEqual(readdirSync(dirname(dir)).filter((n) => n.startsWith(`migrate-api-run-${basename(dir)}`)), [], 'the copy is removed');
});

test('a later `migrate-api --report` says in report.html and report.md what that run found', async () => {
  const reportDir = join(dir, '..', `${dir.split('/').pop()}-report`);
  try {
    const code = await main([dir, '--report', reportDir, '--force'], { out: () => {}, err: () => {}, isTTY: false });
    assert.ok(code === 0 || code === 1);
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    assert.match(html, /<h2>What the last <code>check --run<\/code> found<\/h2><p><code>node --import tsx --test test\/\*\.test\.ts<\/code> on [^:]+:\d\d:[\d.:]+Z: the suite exited 0, the runtime counted \d+ contract violations, \d+ findings\.<\/p>/);
    assert.match(html, /<td>src\/routes\/items\.ts:\d+<\/td><td>type-drift<\/td><td>GET \/api\/items\/:id<\/td><td>\d+x request violation at path\.id:/);
    const md = readFileSync(join(reportDir, 'report.md'), 'utf8');
    assert.match(md, /## What the last `check --run` found/);
    const json = JSON.parse(readFileSync(join(reportDir, 'report.json'), 'utf8')) as { lastRun?: { command: string; exitCode: number } };
    assert.equal(json.lastRun?.command, 'node --import tsx --test test/*.test.ts');
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
});
