#!/usr/bin/env node
// The executable behind `npx migrate-api`; all logic lives in cli.ts so tests can call main() in-process.
// A re-run of a tree that has not changed since a run that changed nothing is answered from that run's record
// first (cache/run-replay.ts), before cli.ts and the toolchain it imports (babel, recast, yaml) load.
import pc from 'picocolors';
import { tryReplay } from './cache/run-replay.js';

const started = Date.now();
const fail = (err: unknown) => {
  process.stderr.write(`${pc.red('internal error:')} ${(err as Error).stack ?? err}\n`);
  process.exitCode = 2;
};

let replayed: number | null = null;
try {
  replayed = tryReplay(process.argv.slice(2), { out: (s) => { process.stdout.write(s); }, err: (s) => { process.stderr.write(s); } }, started);
} catch {
  replayed = null; // the record is an optimisation: any trouble reading it means the full run
}
if (replayed !== null) {
  process.exitCode = replayed;
} else {
  import('./cli.js').then(({ main }) => main(process.argv.slice(2))).then((code) => { process.exitCode = code; }, fail);
}
