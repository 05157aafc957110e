// One step of the real-app benchmark: a shell command in the app's folder, with a timeout, its whole
// output appended to the app's log. A failing or hanging step is a result to record, never a crash.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface StepResult {
  code: number | null;
  /** true when the step was killed at its timeout */
  timedOut: boolean;
  output: string;
  ms: number;
}

export interface StepOptions {
  cwd: string;
  log: string;
  timeoutMs: number;
  env?: Record<string, string>;
}

/** Kills the step's whole process group: test runners and servers spawn children of their own. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function runStep(label: string, command: string, opts: StepOptions): Promise<StepResult> {
  const started = Date.now();
  appendFileSync(opts.log, `\n===== ${label}: ${command}\n      (cwd ${opts.cwd}, timeout ${opts.timeoutMs / 1000}s)\n`);
  return new Promise((resolvePromise) => {
    const env = { ...process.env, ...opts.env };
    // Inherited, these would make a child node --test / tsx talk to this process instead of running alone.
    delete env.NODE_TEST_CONTEXT;
    delete env.NODE_OPTIONS;
    Object.assign(env, opts.env);
    const child = spawn('bash', ['-c', command], { cwd: opts.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer): void => {
      output += chunk;
      appendFileSync(opts.log, chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let timedOut = false;
    const guard = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, opts.timeoutMs);
    const finish = (code: number | null): void => {
      clearTimeout(guard);
      // a suite that leaves a server running must not outlive its step
      killGroup(child.pid);
      const ms = Date.now() - started;
      appendFileSync(opts.log, `\n----- ${label}: exit ${code}${timedOut ? ' (TIMED OUT)' : ''} in ${(ms / 1000).toFixed(1)}s\n`);
      resolvePromise({ code, timedOut, output, ms });
    };
    child.on('error', (err) => {
      output += String(err);
      finish(null);
    });
    child.on('close', (code) => finish(code));
  });
}

/** The last lines of a step's output, for the table when the step failed. */
/** One argument for the bash line runStep runs, quoted so the shell passes it as written (`$?` and `$p` in a test
 *  command included): JSON.stringify's double quotes let bash expand them before migrate-api saw the command. */
export function shellArg(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function tail(text: string, lines = 3): string {
  return text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-lines).join(' / ');
}
