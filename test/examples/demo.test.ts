// `npm run demo`: runs examples/demo.ts the way npm does (tsx, from the repo root), once with --no-serve
// (migrate, report, exit) and once serving on PORT=0 (a free port on 127.0.0.1), until its /docs answers.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const temps: string[] = [];

function startDemo(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/demo.ts', ...args], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c));
  child.stderr!.on('data', (c: Buffer) => (text += c));
  const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return { child, output: () => text, exit };
}

/** The temp copy the demo announces, remembered for clean-up. */
function copiedDir(output: string): string {
  const m = /Copied the legacy app fixtures\/apps\/users-cjs to (\S+)/.exec(output);
  assert.ok(m, `the demo did not say where it copied the app:\n${output}`);
  temps.push(m[1]!);
  return m[1]!;
}

after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('--no-serve migrates a copy, prints the summary and the report, and exits 0', async () => {
    const demo = startDemo(['--no-serve']);
    const code = await demo.exit;
    const out = demo.output();
    assert.equal(code, 0, out);
    const dir = copiedDir(out);
    assert.match(out, /routes\s+10\b/);
    assert.match(out, /legacy-wrapped\s+\d+/);
    assert.match(out, /skipped\s+0\b/);
    const report = /Report: (\S+report\.html)/.exec(out)?.[1];
    assert.ok(report && existsSync(report), `no report file announced or written:\n${out}`);
    const json = JSON.parse(readFileSync(join(dir, 'migrate-api-report', 'report.json'), 'utf8')) as { summary: { routes: number }; diagnostics: Array<{ severity: string; message: string }> };
    assert.equal(json.summary.routes, 10);
    // A first run on a plain swagger-jsdoc app: every doc source read, so nothing to warn about.
    assert.deepEqual(json.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), []);
    // The copy really was migrated; the bundled fixture was not touched.
    assert.match(readFileSync(join(dir, 'routes', 'users.js'), 'utf8'), /typed\(express\.Router\(\)/);
    assert.doesNotMatch(readFileSync(join(repoRoot, 'fixtures', 'apps', 'users-cjs', 'routes', 'users.js'), 'utf8'), /typed\(/);
    assert.match(out, /Not serving \(--no-serve\)/);
    assert.doesNotMatch(out, /package manager/, 'the demo linked what it needs: it must not ask for an install');
    assert.doesNotMatch(out, /Serving the migrated app/);
  });

  it('serves the migrated app and its /docs on the port from $PORT', async () => {
    const demo = startDemo([], { PORT: '0' });
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const poll = setInterval(() => {
          const m = /Docs: (http:\/\/127\.0\.0\.1:\d+\/docs)/.exec(demo.output());
          if (m) { clearInterval(poll); resolveUrl(m[1]!); }
        }, 50);
        void demo.exit.then((code) => { clearInterval(poll); reject(new Error(`the demo exited (${code}) before serving:\n${demo.output()}`)); });
      });
      copiedDir(demo.output());
      const docs = await fetch(url);
      assert.equal(docs.status, 200, `GET ${url} answered ${docs.status}\n${demo.output()}`);
      assert.match(await docs.text(), /swagger-ui/);
      const users = await fetch(url.replace('/docs', '/api/users'));
      assert.equal(users.status, 401, 'the migrated API itself answers (auth still required)');
      demo.child.kill('SIGTERM');
      assert.equal(await demo.exit, 0);
      assert.equal(existsSync(copiedDir(demo.output())), false, 'the temp copy is removed when the demo stops');
    } finally {
      demo.child.kill('SIGTERM');
      await demo.exit;
    }
  });
});
