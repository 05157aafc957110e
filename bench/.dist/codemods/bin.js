#!/usr/bin/env node
import pc from "picocolors";
import { main } from "./cli.js";
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${pc.red("internal error:")} ${err.stack ?? err}
`);
    process.exitCode = 2;
  }
);
