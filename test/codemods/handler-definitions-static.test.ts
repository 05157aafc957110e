// A class's static member handed to a route (`router.get('/users/:id', UsersController.show)`) is typed in place
// only when nothing else can reach it (codemods/scan/definition.ts, codemods/handler-definitions.ts): each variation
// of the static-class-esm fixture below breaks one condition, and that route must then stay legacy with the reason.
// The refusals that still run as an app (`this`, `super`, a test calling it, a getter, a subclass) are the
// noop-static-class-refused folder case; these are the shapes that do not (express refuses an undefined handler)
// or that need the fixture changed around one route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrateProject } from '../../codemods/migrate.js';

const base = join(import.meta.dirname, '../../fixtures/MA003/static-class-esm/input');
const CONTROLLER = 'controllers/usersController.js';
const ROUTES = 'routes/usersRoutes.js';

async function migrateVariant(edits: Array<[file: string, from: string, to: string]>): Promise<Map<string, string>> {
  const work = await mkdtemp(join(tmpdir(), 'static-members-'));
  try {
    await cp(base, work, { recursive: true });
    for (const [file, from, to] of edits) {
      const text = await readFile(join(work, file), 'utf8');
      assert.ok(text.includes(from), `${file} has ${from}`);
      await writeFile(join(work, file), text.split(from).join(to));
    }
    const { report } = await migrateProject(work);
    return new Map(report.routes.map((r) => [`${r.method.toUpperCase()} ${r.path}`, `${r.status}: ${r.reason ?? ''}`]));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

test('the unchanged fixture: every static member typed', async () => {
  const verdicts = await migrateVariant([]);
  assert.deepEqual([...verdicts.values()], ['typed: ', 'typed: ', 'typed: ']);
});

test('an instance method read through the class (`UsersController.show` with `show` not static): legacy', async () => {
  const verdicts = await migrateVariant([[CONTROLLER, '  static show(req, res) {', '  show(req, res) {']]);
  assert.equal(verdicts.get('GET /users/:id'), "legacy: legacy handler: the handler's definition is not followed: `show` is an instance member of class UsersController, read through the class (it is not a static member)");
  assert.equal(verdicts.get('POST /users'), 'typed: ');
});

test('a static member reassigned (`UsersController.show = ...` beside the routes): legacy', async () => {
  const verdicts = await migrateVariant([[ROUTES, "import UsersController from '../controllers/usersController.js';",
    "import UsersController from '../controllers/usersController.js';\n\nUsersController.show = UsersController.show;"]]);
  assert.equal(verdicts.get('GET /users/:id'), 'legacy: legacy handler: also reassigned (routes/usersRoutes.js:4)');
  assert.equal(verdicts.get('GET /users'), 'typed: ');
});

test('a static member called by another one through the class name (the routes import it under another): legacy', async () => {
  const verdicts = await migrateVariant([
    [ROUTES, 'UsersController', 'Users'],
    [CONTROLLER, '  static list = async', '  static again(req, res) {\n    return UsersController.create(req, res);\n  }\n\n  static list = async'],
  ]);
  assert.equal(verdicts.get('POST /users'), `legacy: legacy handler: also called (${CONTROLLER}:19)`);
  assert.equal(verdicts.get('GET /users/:id'), 'typed: ');
});

test('a computed or private key: no static member by that name, legacy', async () => {
  const computed = await migrateVariant([[CONTROLLER, '  static show(req, res) {', "  static ['show'](req, res) {"]]);
  assert.equal(computed.get('GET /users/:id'), "legacy: legacy handler: the handler's definition is not followed: class UsersController has no static member `show`");
  const priv = await migrateVariant([[CONTROLLER, '  static show(req, res) {', '  static #show(req, res) {']]);
  assert.equal(priv.get('GET /users/:id'), "legacy: legacy handler: the handler's definition is not followed: class UsersController has no static member `show`");
});

test('a static arrow property that reads `this` (the class): legacy all the same', async () => {
  const verdicts = await migrateVariant([[CONTROLLER, '    res.json(users);', '    res.json(this.name ? users : []);']]);
  assert.equal(verdicts.get('GET /users'), 'legacy: legacy handler: static member `list` of class UsersController uses `this`');
});

test('CommonJS `module.exports = Class`, a static property inside a local catchAsync: typed, the wrapper dropped', async () => {
  const work = await mkdtemp(join(tmpdir(), 'static-members-cjs-'));
  try {
    const files: Record<string, string> = {
      'package.json': '{ "name": "s", "private": true, "dependencies": { "express": "^4.21.0" } }',
      'lib/catchAsync.js': 'module.exports = (fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next);\n',
      'controllers/health.js': [
        "const catchAsync = require('../lib/catchAsync');",
        '',
        'class HealthController {',
        '  static ping(req, res) {',
        '    res.json({ ok: true });',
        '  }',
        '',
        '  static list = catchAsync(async (req, res) => {',
        '    res.json([req.query.q]);',
        '  });',
        '}',
        '',
        'module.exports = HealthController;',
        '',
      ].join('\n'),
      'routes/health.js': [
        "const express = require('express');",
        "const HealthController = require('../controllers/health');",
        '',
        'const router = express.Router();',
        '',
        '/**\n * @openapi\n * /ping:\n *   get:\n *     responses:\n *       200: { description: ok }\n */',
        "router.get('/ping', HealthController.ping);",
        '',
        '/**\n * @openapi\n * /list:\n *   get:\n *     parameters:\n *       - { in: query, name: q, schema: { type: string } }\n *     responses:\n *       200: { description: ok }\n */',
        "router.get('/list', HealthController.list);",
        '',
        'module.exports = router;',
        '',
      ].join('\n'),
    };
    for (const [f, text] of Object.entries(files)) {
      await mkdir(join(work, dirname(f)), { recursive: true });
      await writeFile(join(work, f), text);
    }
    const { report, writes } = await migrateProject(work);
    assert.deepEqual(report.routes.map((r) => `${r.status} ${r.path}`), ['typed /ping', 'typed /list']);
    const controller = writes.find((w) => w.file.endsWith('controllers/health.js'))!.after;
    assert.match(controller, /\n {2}static async ping\(\) \{\n {4}return \{ ok: true \};\n {2}\}/);
    assert.match(controller, /\n {2}static list = async \(\{ query \}\) => \{\n {4}return \[query\.q\];\n {2}\};/);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('`async` goes after a class method\'s modifiers: a non-async `public getUser(req, res)` instance method too', async () => {
  const work = await mkdtemp(join(tmpdir(), 'static-members-public-'));
  try {
    await cp(join(import.meta.dirname, '../../fixtures/MA003/ts-controllers/input'), work, { recursive: true });
    const file = join(work, 'src/controllers/users.controller.ts');
    const text = await readFile(file, 'utf8');
    assert.ok(text.includes('\n  getUser(req: Request, res: Response) {'));
    await writeFile(file, text.replace('\n  getUser(req: Request, res: Response) {', '\n  public getUser(req: Request, res: Response) {'));
    const { report, writes } = await migrateProject(work);
    assert.equal(report.routes.find((r) => r.path === '/users/:id')?.status, 'typed');
    assert.match(writes.find((w) => w.file === file)!.after, /\n {2}public async getUser\(\{ params \}: InputOf<typeof getUserInput>\) \{/);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
