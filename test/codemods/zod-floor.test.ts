// The migrated code and migrate-api/compat call `z.stringFormat` (compat's dateTime(), the schemas module's
// date-time, json-pointer, uri-reference), which zod's `zod/v4` first ships in 3.25.68: an app on zod 3.25.0 to
// 3.25.67 crashed at load after a default migration (`z.stringFormat is not a function`, checked by hand on
// 3.25.67). The CLI stops before writing (exit 2, the fix) unless --force, as it does for zod older than 3.25;
// the run record's replay does not answer for such an app either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { olderThan, ZOD_MIN, zodTooOld } from '../../codemods/peer-versions.js';
import { readTree, replayCli, runCli, tempDir } from '../helpers/migrate-cli.js';

const ROUTES = `const express = require('express');

const router = express.Router();

/**
 * @openapi
 * /events:
 *   post:
 *     requestBody:
 *       content:
 *         application/json:
 *           schema:
 *             type: object
 *             properties:
 *               at: { type: string, format: date-time }
 *     responses:
 *       201: { description: created }
 */
router.post('/events', (req, res) => res.status(201).json({ at: req.body.at }));

module.exports = router;
`;

function write(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A JavaScript app whose docs have a date-time field; `installed` is node_modules/zod's version. */
function app(range: string, installed?: string): string {
  const dir = tempDir('zod-floor');
  write(dir, {
    'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { express: '^4.21.2', zod: range } }),
    'src/events.js': ROUTES,
    ...(installed ? { 'node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: installed }) } : {}),
  });
  return dir;
}

test('the floor is 3.25.68, compared to the patch', () => {
  assert.deepEqual([...ZOD_MIN], [3, 25, 68]);
  const older = ['3.25.0', '3.25.67', '=3.25.67', 'v3.25.20', '3.24.2', '~3.24.1', '3.25.67 || 3.24.0', '2.0.0'];
  const notOlder = ['3.25.68', '3.25.76', '^3.25.0', '~3.25.0', '^3.25.67', '~3.25.67', '3.25.x', '3.25', '3.x', '^3.23.8', '>=3.25 <4', '4.0.0', '^4.1.5', '*', 'latest', '3.25.67 || ^4.0.0'];
  for (const v of older) assert.equal(olderThan(v, ZOD_MIN), true, v);
  for (const v of notOlder) assert.equal(olderThan(v, ZOD_MIN), false, v);
  // A minimum without a patch compares as before (TypeScript 5.5): 5.5.0 is new enough, 5.4.5 is not.
  assert.equal(olderThan('5.5.0', [5, 5]), false);
  assert.equal(olderThan('5.4.5', [5, 5]), true);
  assert.equal(olderThan('~5.5.0', [5, 5]), false);
});

test('the installed zod decides, else the range: 3.25.67 is found, 3.25.68 is not', () => {
  assert.equal(zodTooOld(join(app('^3.25.0', '3.25.67'), 'src'))?.version, '3.25.67');
  assert.equal(zodTooOld(join(app('^3.25.0', '3.25.68'), 'src')), null);
  assert.equal(zodTooOld(join(app('3.25.40'), 'src'))?.version, '3.25.40');
  assert.equal(zodTooOld(join(app('^3.25.0'), 'src')), null, 'a range that installs 3.25.68 or newer');
});

test('an app on zod 3.25.67 stops before anything is written: exit 2, the floor and the fix; --force migrates', async () => {
  const dir = app('3.25.67', '3.25.67');
  const before = readTree(dir);
  for (const args of [[join(dir, 'src')], [join(dir, 'src'), '--dry']]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /zod 3\.25\.67 \(.*node_modules\/zod\/package\.json\) is older than 3\.25\.68/);
    assert.match(r.err, /z\.stringFormat/);
    assert.match(r.err, /npm install zod@\^3\.25\.68 keeps zod 3 for the app's own code/);
    assert.match(r.err, /npm install zod@\^4/);
    assert.match(r.err, /--force/);
    assert.equal(r.out, '');
    assert.deepEqual(readTree(dir), before);
  }
  const forced = await runCli([join(dir, 'src'), '--dry', '--force', '--no-cache']);
  assert.notEqual(forced.code, 2, forced.err);
  assert.match(forced.out, /dateTime\(\)/);
});

test('an app on zod 3.25.68 migrates', async () => {
  const dir = app('3.25.68', '3.25.68');
  const r = await runCli([join(dir, 'src'), '--dry', '--no-cache']);
  assert.notEqual(r.code, 2, r.err);
  assert.match(r.out, /require\('zod\/v4'\)/);
});

test('the run record is not replayed once the installed zod is below the floor: the full run refuses', async () => {
  const dir = app('^3.25.0', '3.25.76');
  const src = join(dir, 'src');
  assert.equal((await runCli([src, '--force'])).code, 0);
  await runCli([src, '--dry']);
  assert.notEqual((await replayCli([src, '--dry'])).code, null, 'an unchanged tree is replayed');
  // node_modules/zod/package.json is no input of the run: only the check before it sees the downgrade.
  write(dir, { 'node_modules/zod/package.json': JSON.stringify({ name: 'zod', version: '3.25.67' }) });
  assert.equal((await replayCli([src, '--dry'])).code, null);
  assert.equal((await runCli([src, '--dry'])).code, 2);
});
