// What `npm install migrate-api` adds to an app that already has express and zod: packages and megabytes,
// measured by installing `npm pack` of a checkout into a fresh app from the npm registry; once into an app on
// zod 4, once into an app on zod 3.25 that also has @asteasolutions/zod-to-openapi@7 (peer zod ^3, as
// edwinhern/express-typescript has): there a runtime that depends on zod-to-openapi 9 (peer zod ^4) fails with
// ERESOLVE, which the table reports. Also proves the installed package works as a user meets it: `npx migrate-api
// --help` runs and `require('migrate-api/compat')` serves /openapi.json, /docs and /redoc from the installed files.
// Usage: npx tsx bench/install-weight.ts [checkout ...]   (default: this checkout; give an older checkout to compare)
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(fileURLToPath(new URL('..', import.meta.url)));
const checkouts = process.argv.slice(2).length ? process.argv.slice(2).map((p) => resolve(p)) : [here];

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Packages (folders with a package.json under node_modules, nested ones included) and bytes on disk. */
function weigh(dir: string): { packages: number; bytes: number } {
  let packages = 0;
  let bytes = 0;
  const walk = (d: string, inModules: boolean) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isSymbolicLink()) continue;
      if (e.isDirectory()) {
        const isPackage = inModules && !e.name.startsWith('@') && !e.name.startsWith('.');
        if (isPackage) packages++;
        walk(p, e.name === 'node_modules' || (inModules && e.name.startsWith('@')));
      } else bytes += statSync(p).size;
    }
  };
  walk(join(dir, 'node_modules'), true);
  return { packages, bytes };
}

const smokeApp = `
const express = require('express');
const { typed } = require('migrate-api/compat');
const app = typed(express(), { title: 'weigh', version: '1.0.0' });
const server = app.listen(0, '127.0.0.1', async () => {
  const base = 'http://127.0.0.1:' + server.address().port;
  const statuses = [];
  for (const p of ['/openapi.json', '/docs', '/docs/swagger-ui-bundle.js', '/redoc', '/redoc/redoc.standalone.js']) {
    statuses.push((await fetch(base + p)).status);
  }
  console.log(JSON.stringify(statuses));
  server.close();
});`;

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${out}`))));
  });
}

/** The apps measured: what each already has before migrate-api. */
const APPS: Array<{ label: string; has: string[] }> = [
  { label: 'express 5 + zod 4', has: ['express@5', 'zod@4'] },
  { label: 'express 5 + zod 3.25 + zod-to-openapi 7', has: ['express@5', 'zod@3.25.76', '@asteasolutions/zod-to-openapi@7'] },
];

for (const checkout of checkouts) for (const { label, has } of APPS) {
  const work = mkdtempSync(join(tmpdir(), 'migrate-api-weight-'));
  try {
    const tarball = join(work, npm(['pack', '--silent', '--ignore-scripts', '--pack-destination', work], checkout).trim().split('\n').pop()!);
    const app = join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    npm(['install', '--no-audit', '--no-fund', ...has], app);
    const before = weigh(app);
    try {
      npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
    } catch (err) {
      const code = /npm error code (\w+)/.exec(String((err as { stderr?: string }).stderr ?? err))?.[1] ?? 'failed';
      console.log(`${checkout}, app with ${label}\n  npm install of the tarball: ${code}`);
      continue;
    }
    const after = weigh(app);
    writeFileSync(join(app, 'smoke.cjs'), smokeApp);
    const served = (await run(process.execPath, ['smoke.cjs'], app)).trim();
    const help = (await run('npx', ['--no-install', 'migrate-api', '--help'], app)).split('\n')[0];
    const mb = (b: number) => (b / 1e6).toFixed(1);
    console.log(`${checkout}, app with ${label}\n  tarball ${mb(statSync(tarball).size)} MB; the app: ${before.packages} packages, ${mb(before.bytes)} MB`);
    console.log(`  + migrate-api: +${after.packages - before.packages} packages, +${mb(after.bytes - before.bytes)} MB`);
    console.log(`  served /openapi.json /docs /docs/swagger-ui-bundle.js /redoc /redoc/redoc.standalone.js: ${served}`);
    console.log(`  npx migrate-api --help: ${help}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
