// `npm run demo [-- --no-serve]`: the main job in one command. Copies the bundled legacy users app
// (CommonJS, Express 4, swagger-jsdoc docs) to a temp dir, migrates it with default options, prints the
// summary and where the report is, then starts the migrated app and prints its /docs URL
// (port: $PORT, else 3000, else any free one). `--no-serve` stops after the migration.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { main as migrateApi } from '../codemods/cli.js';
import { copyLegacyApp, linkDependencies, repoRoot } from './app-copy.js';

const APP = 'users-cjs';

interface Listenable { listen: (port: number, host: string) => Server }

function listen(app: Listenable, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1');
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

async function serve(app: Listenable): Promise<Server> {
  const wanted = process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`PORT=${process.env.PORT} is not a port number`);
  try {
    return await listen(app, wanted);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.log(`port ${wanted} is busy; using a free one`);
    return listen(app, 0);
  }
}

async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'no-serve': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
  if (!existsSync(join(repoRoot, 'dist', 'compat', 'index.cjs'))) {
    // `npm install` builds dist/ (the prepare script); a checkout installed with --ignore-scripts gets it here.
    console.log('Building dist/ (the migrated app imports migrate-api/compat from it)...');
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  }

  const dir = await copyLegacyApp(APP);
  console.log(`Copied the legacy app fixtures/apps/${APP} to ${dir}\n`);
  const reportDir = join(dir, 'migrate-api-report');
  // The CLI asks the user to install what it added to package.json; here the copy's node_modules is linked below.
  const print = (s: string) => {
    process.stdout.write(s.replace(/^.*added migrate-api and zod to package\.json.*\n/m, 'note: added migrate-api and zod to the copy\'s package.json (the demo links them in: nothing to install)\n'));
  };
  const code = await migrateApi([dir, '--report', reportDir], { out: print, err: print, isTTY: false });
  if (code !== 0) {
    console.error(`\nmigrate-api exited with ${code}; the copy is left in ${dir} to look at.`);
    return code;
  }
  console.log(`\nReport: ${join(reportDir, 'report.html')} (also report.md, report.json)`);
  console.log(`Migrated app: ${dir} (diff it against fixtures/apps/${APP})`);
  // The migration added migrate-api and zod to package.json; here "npm install" is a relink.
  await linkDependencies(dir);

  if (values['no-serve']) {
    console.log(`\nNot serving (--no-serve). To run it: cd ${dir} && npm start`);
    console.log(`The copy stays for you to look at; remove it with: rm -rf ${dir}`);
    return 0;
  }

  const app = createRequire(join(dir, 'package.json'))('./app.js') as Listenable;
  const server = await serve(app);
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  console.log(`\nServing the migrated app on ${base}`);
  console.log(`Docs: ${base}/docs  (Redoc: ${base}/redoc, document: ${base}/openapi.json)`);
  // Say so plainly when the docs the demo promises are not there, rather than leave a dead link.
  const docs = await fetch(`${base}/docs`).then((r) => r.status, (e: Error) => e.message);
  if (docs !== 200) console.log(`warning: GET /docs answered ${docs}: the migrated app does not serve the generated docs`);
  console.log(values.keep ? `Ctrl-C to stop (the copy in ${dir} stays: --keep).` : 'Ctrl-C to stop (the temp copy is removed then; --keep keeps it).');
  const stop = () => {
    server.close(() => {
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
    // A browser's keep-alive sockets would hold close() open; this is a demo, not a server under load.
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

run(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exitCode = code; },
  (err: Error) => {
    console.error(`error: ${err.message}`);
    process.exitCode = 1;
  },
);
