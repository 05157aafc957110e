// `check --run` under jest and mocha, each running its test files in worker processes (jest --maxWorkers=2,
// mocha --parallel): the violations counted in every worker are collected, so both routes' drift is found
// (GET /items/:id's code-for-integer id from one test file, POST /items's string id in its response from the
// other). The suites assert they ran in workers. Like run.test.ts, the copy imports migrate-api/compat from dist/.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../codemods/cli.js';
import type { DriftFinding } from '../../../codemods/check/findings.js';
import { linkDependencies, repoRoot } from '../../helpers/legacy-app.js';

const temps: string[] = [];
after(() => { for (const d of temps) rmSync(d, { recursive: true, force: true }); });

async function checkRun(app: string, command: string): Promise<{ code: number; findings: DriftFinding[]; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), `check-run-${app}-`));
  temps.push(dir);
  cpSync(join(repoRoot, 'fixtures', 'check-run', app), dir, { recursive: true });
  await linkDependencies(dir);
  let out = '';
  let err = '';
  const code = await main(['check', dir, '--run', command, '--json'], { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, findings: (JSON.parse(out) as { findings: DriftFinding[] }).findings, err };
}

const runtimeRoutes = (findings: DriftFinding[]) => [...new Set(findings.filter((f) => f.kind === 'type-drift').map((f) => `${f.route} ${/at (\S+):/.exec(f.message)?.[1]}`))].sort();

for (const [app, command] of [
  ['jest-app', `node node_modules/jest/bin/jest.js --ci --maxWorkers=2 --cacheDirectory=.jest-cache`],
  ['mocha-app', 'node node_modules/mocha/bin/mocha.js --parallel --jobs 2 test/*.test.js'],
] as const) {
  test(`${app}: violations from every worker are collected`, async () => {
    const r = await checkRun(app, command);
    assert.equal(r.code, 1, r.err.slice(-3000));
    assert.match(r.err, /the suite exited 0; the runtime counted \d+ contract violations?/, r.err.slice(-3000));
    assert.deepEqual(runtimeRoutes(r.findings), ['GET /items/:id path.id', 'POST /items response.id']);
    for (const f of r.findings.filter((x) => x.kind === 'type-drift')) assert.equal(f.file, 'app.js');
  });
}
