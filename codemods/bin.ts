#!/usr/bin/env node
// The executable behind `npx migrate-api`; all logic lives in cli.ts so tests can call main() in-process.
import pc from 'picocolors';
import { main } from './cli.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`${pc.red('internal error:')} ${(err as Error).stack ?? err}\n`);
    process.exitCode = 2;
  },
);
