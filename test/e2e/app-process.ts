// Runs a legacy app (migrated or not) in a child process listening on 127.0.0.1:0, the way its own
// server.js would but without a fixed port; a child so that the same app can be loaded before and after
// its files change (an in-process require cache would keep the old code) and so a crash stays contained.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RunningApp {
  url: string;
  /** Everything the app printed, for failure messages. */
  output: () => string;
  close: () => Promise<void>;
}

const starter = `const entry = process.argv[2];
const mod = await import(entry);
const app = mod.default?.listen ? mod.default : mod.default?.default ?? mod;
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write('LISTENING ' + server.address().port + '\\n');
});
`;

/** Starts `dir/entry` (a module whose default export, or module.exports, is the express app). */
export async function startApp(dir: string, entry: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const work = await mkdtemp(join(tmpdir(), 'e2e-app-'));
  const script = join(work, 'start.mjs');
  await writeFile(script, starter);
  const args = [...(/\.[cm]?ts$/.test(entry) ? ['--import', 'tsx'] : []), script, pathToFileURL(join(dir, entry)).href];
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_TEST_CONTEXT;
  const child: ChildProcess = spawn(process.execPath, args, { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  // a safety net for an app that never listens, not a timing assertion
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk;
      const m = /LISTENING (\d+)/.exec(text);
      if (m) resolvePort(Number(m[1]));
    });
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${join(dir, entry)} exited with ${code} before listening:\n${text}`)));
  }).catch(async (err: Error) => {
    await rm(work, { recursive: true, force: true });
    throw err;
  }).finally(() => clearTimeout(guard));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => text,
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(work, { recursive: true, force: true });
    },
  };
}
