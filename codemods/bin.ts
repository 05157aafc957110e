#!/usr/bin/env node
// The executable behind `npx migrate-api`; all logic lives in cli.ts so tests can call main() in-process.
// A re-run of a tree that has not changed since a run that changed nothing is answered from that run's record
// first (cache/run-replay.ts), before cli.ts and the toolchain it imports (babel, recast, yaml) load; after an edit
// only its own analysis saw, from the record too, once that file's analysis comes out the same.
import pc from 'picocolors';
import { tryReplay } from './cache/run-replay.js';

const started = Date.now();
const fail = (err: unknown) => {
  process.stderr.write(`${pc.red('internal error:')} ${(err as Error).stack ?? err}\n`);
  process.exitCode = 2;
};

const io = { out: (s: string) => { process.stdout.write(s); }, err: (s: string) => { process.stderr.write(s); } };
// The record is an optimisation: any trouble reading it means the full run.
tryReplay(process.argv.slice(2), io, started).catch(() => null).then((replayed) => {
  if (replayed !== null) {
    process.exitCode = replayed;
    return;
  }
  return import('./cli.js').then(({ main }) => main(process.argv.slice(2))).then((code) => { process.exitCode = code; });
}).catch(fail);
