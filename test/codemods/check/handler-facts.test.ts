import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as t from '@babel/types';
import { parseSource } from '../../../codemods/parse.js';
import { handlerFacts, walk } from '../../../codemods/check/handler-facts.js';

function factsOf(code: string) {
  const parsed = parseSource(code, 'h.ts');
  if (!('ast' in parsed)) throw new Error(parsed.diagnostic.message);
  let fn: t.Function | undefined;
  walk(parsed.ast, (n) => { if (!fn && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration')) fn = n; });
  return handlerFacts(fn!);
}

test('reads through members, destructuring, aliases and req.get', () => {
  const f = factsOf(`(req, res) => {
    const page = req.query.page;
    const { email, name: fullName } = req.body;
    const q = req.query;
    const size = q.pageSize;
    const key = req.get('X-Api-Key');
    const id = req.params['id'];
    res.json({ id, email });
  }`);
  assert.deepEqual(f.reads.map((r) => `${r.location}.${r.name}@${r.line}`), [
    'query.page@2', 'body.email@3', 'body.name@3', 'query.pageSize@5', 'header.x-api-key@6', 'params.id@7',
  ]);
  assert.deepEqual([...f.opaque], []);
  assert.deepEqual(f.objects, [{ status: null, keys: ['id', 'email'], line: 8 }]);
});

test('statuses from res.status, sendStatus and HTTP exceptions; objects carry their chain status', () => {
  const f = factsOf(`async function create(req, res, next) {
    if (!req.body.name) return res.status(400).json({ error: 'name required' });
    if (exists) throw new HTTPException(409, 'taken');
    res.status(201).json({ id: 1, name: req.body.name, password: 'x' });
    res.sendStatus(204);
  }`);
  assert.deepEqual(f.statuses.map((s) => s.status), [400, 409, 201, 204]);
  assert.deepEqual(f.objects.map((o) => [o.status, o.keys]), [[400, ['error']], [201, ['id', 'name', 'password']]]);
});

test('a location handed away whole is opaque, so "declared but never read" is not claimed', () => {
  const f = factsOf(`(req, res) => { validate(req.body); const { a, ...rest } = req.query; res.json(store.list({ ...rest })); }`);
  assert.deepEqual([...f.opaque].sort(), ['body', 'query']);
  assert.deepEqual(f.reads.map((r) => r.name), ['a']);
  assert.deepEqual(f.objects, [], 'a computed response is not compared key by key');
});

test('calls on other objects are not sends', () => {
  const f = factsOf(`(req, res) => { other.status(500); cache.json({ x: 1 }); res.json(list); }`);
  assert.deepEqual(f.statuses, []);
  assert.deepEqual(f.objects, []);
});

test('a typed handler: the destructured input names are followed like req.query / req.body', () => {
  const f = factsOf(`async ({ params, query: { page, size: pageSize }, body, headers }) => {
    const q = body.title;
    const key = headers['x-api-key'];
    if (!params.id) throw new HTTPException(404, 'unknown');
    return { q, page, pageSize, key };
  }`);
  assert.deepEqual(f.reads.map((r) => `${r.location}.${r.name}@${r.line}`), [
    'query.page@1', 'query.size@1', 'body.title@2', 'header.x-api-key@3', 'params.id@4',
  ]);
  assert.deepEqual(f.statuses, [{ status: 404, line: 4 }]);
  assert.deepEqual([...f.opaque], []);
});

test('a typed handler taking ...rest cannot be followed: its locations are opaque', () => {
  const f = factsOf(`async ({ params, ...input }) => store.save(input)`);
  assert.deepEqual([...f.opaque].sort(), ['body', 'header', 'query']);
});

test('header reads keep the spelling of the code for messages, compared lowercased', () => {
  const f = factsOf(`(req, res) => { req.get('X-Tenant'); const { 'X-Trace': t } = req.headers; }`);
  assert.deepEqual(f.reads.map(({ name, written }) => [name, written]), [['x-tenant', 'X-Tenant'], ['x-trace', 'X-Trace']]);
});

test('an object sent with a computed status is not compared with any documented response', () => {
  const f = factsOf(`(req, res) => { const code = 418; res.status(code).json({ error: 'x' }); res.status(201).json({ id: 1 }); }`);
  assert.deepEqual(f.objects.map((o) => [o.status, o.keys]), [[201, ['id']]]);
  assert.deepEqual(f.statuses.map((s) => s.status), [201]);
});

test('destructuring the request itself, and casts or {} fallbacks around a location, are followed', () => {
  const f = factsOf(`(req, res) => {
    const { query: { page }, headers } = req;
    const { delta, reason } = (req.body ?? {}) as { delta?: number; reason?: string };
    const { sort } = req.query!;
    res.json([page, headers['x-trace'], delta, reason, sort]);
  }`);
  assert.deepEqual(f.reads.map((r) => `${r.location}.${r.name}@${r.line}`), [
    'query.page@2', 'body.delta@3', 'body.reason@3', 'query.sort@4', 'header.x-trace@5',
  ]);
  assert.deepEqual([...f.opaque], []);
});

test('an alias handed away whole is opaque', () => {
  const f = factsOf(`(req, res) => { const q = req.query; const b = req.body; res.json([parse(q), { ...b }]); }`);
  assert.deepEqual([...f.opaque].sort(), ['body', 'query']);
});

test("a typed handler's raw reads through its context `{ req }` count as reads; matchedData(req) hides the rest", () => {
  const f = factsOf(`async ({ params }, { req: request }) => {
    const q = request.query.page;
    return { id: params.id, q };
  }`);
  assert.deepEqual(f.reads.map((r) => `${r.location}.${r.name}`).sort(), ['params.id', 'query.page']);
  const opaque = factsOf(`async (_input, { req }) => matchedData(req, { locations: ['body'] })`);
  assert.deepEqual([...opaque.opaque].sort(), ['body', 'header', 'query']);
});

test('what the code makes of a read (Number, parseInt, === "true"), redirects, and literal kinds of sent objects', () => {
  const f = factsOf(`(req, res) => {
    const page = Number(req.query.page);
    const { limit, draft } = req.query;
    const n = parseInt(limit, 10);
    if (draft === 'true') return res.redirect('/drafts');
    if (req.body.old) return res.redirect(301, '/new');
    res.status(404).json({ error: 'not found', code: 4, retry: false, at: \`x\`, more: {}, list: [], none: null, id });
  }`);
  assert.deepEqual(f.reads.map((r) => `${r.location}.${r.name}:${r.hint ?? '-'}`), ['query.page:number', 'query.limit:int', 'query.draft:bool', 'body.old:-']);
  assert.deepEqual(f.redirects.map((r) => r.status), [302, 301]);
  assert.deepEqual(f.statuses.map((s) => s.status), [404]);
  assert.deepEqual(f.objects[0].kinds, { error: 'string', code: 'number', retry: 'boolean', at: 'string', more: 'object', list: 'array', none: 'null' });
});

test('sends with a known status: chained, plain (200), and none claimed as 200 where a status is set in a statement of its own', () => {
  const chained = factsOf(`(req, res) => {
    if (!req.body) return res.status(400).send('bad');
    if (req.query.html) return res.render('page');
    res.status(201).end();
  }`);
  assert.deepEqual(chained.sends.map((s) => s.status), [400, 200, 201]);
  const bare = factsOf(`(req, res) => {
    res.status(err ? 500 : 404);
    res.json({ error: 'x' });
  }`);
  assert.deepEqual(bare.sends, [], 'the status of res.json here is whatever the earlier statement set');
});

test('answers with no body: res.json()/send()/end() without an argument and the typed replies that send none', () => {
  const legacy = factsOf(`(req, res) => {
    if (!req.params.id) return res.status(400).json();
    if (req.query.x) return res.json(undefined);
    res.send();
  }`);
  assert.deepEqual(legacy.emptyBodies, [
    { status: 400, line: 2, call: 'res.status(400).json()' },
    { status: 200, line: 4, call: 'res.send()' },
  ], 'res.json(undefined) has an argument: the runtime checks it');
  const typed = factsOf(`async ({ params }, { res }) => {
    if (!params.id) return replyEmptyJson(400);
    if (params.id === 'x') return reply(404);
    if (params.id === 'y') return reply(200, undefined);
    return replyEnd(201, { Location: '/x' });
  }`);
  assert.deepEqual(typed.emptyBodies.map((e) => `${e.status} ${e.call}@${e.line}`), ['400 replyEmptyJson(400)@2', '404 reply(404)@3', '201 replyEnd(201)@5']);
});

test('res.end() after res.write() or a pipe into res sent a body; a status set apart is unknown', () => {
  assert.deepEqual(factsOf(`(req, res) => { res.write('a'); res.end(); }`).emptyBodies, []);
  assert.deepEqual(factsOf(`(req, res) => { fs.createReadStream(p).pipe(res); res.end(); }`).emptyBodies, []);
  assert.deepEqual(factsOf(`(req, res) => { res.status(code); res.json(); }`).emptyBodies, []);
});
