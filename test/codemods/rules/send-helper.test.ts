// Send helpers: which definitions are one (readSendHelper) and what a call of one becomes (inlineSendHelper),
// down to the text of the reply value: arguments in place of parameters, literal and missing ones folded,
// parentheses where an argument sits inside a larger expression, and the calls that must stay legacy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '@babel/parser';
import type { Node } from '../../../codemods/rules/ast.js';
import { inlinedParts, inlineSendHelper, readSendHelper, type SendHelper } from '../../../codemods/rules/send-helper.js';

const parse = (src: string) => parseExpression(src, { allowAwaitOutsideFunction: true }) as unknown as Node;

function helper(src: string): SendHelper | { why: string } {
  return readSendHelper(parse(src), src, 'http.js');
}

/** The call inlined: status, how it is sent, and the value's text as it would be written. */
function inline(helperSrc: string, callSrc: string): { status: number | null; via: string; value: string | null } | { why: string } {
  const h = helper(helperSrc);
  if ('why' in h) throw new Error(h.why);
  const call = parse(callSrc);
  const out = inlineSendHelper(h, call, callSrc, 'ctrl.js');
  if ('why' in out) return out;
  const v = out.send.value;
  const text = (n: Node) => (inlinedParts.get(n) ?? [{ start: n.start, end: n.end }]).map((p) => (typeof p === 'string' ? p : callSrc.slice(p.start, p.end))).join('');
  return { status: out.send.status, via: out.send.via, value: v ? text(v) : null };
}

const OK = '(res, data, meta) => res.status(200).json(meta ? { data, meta } : { data })';

test('a single send on the res parameter, computed from the parameters, is a send helper', () => {
  assert.deepEqual(helper(OK), { params: ['res', 'data', 'meta'], res: 0, text: 'res.status(200).json(meta ? { data, meta } : { data })' });
  assert.deepEqual(helper('function send(res, status, body) { return res.status(status).json(body); }'),
    { params: ['res', 'status', 'body'], res: 0, text: 'res.status(status).json(body)' });
});

test('anything else is not, with the reason', () => {
  assert.deepEqual(helper('async (res, d) => res.json(d)'), { why: 'async or a generator' });
  assert.deepEqual(helper('(res, d, s = 200) => res.status(s).json(d)'), { why: 'it has default, rest or destructured parameters' });
  assert.deepEqual(helper('(res, d) => { log(d); return res.json(d); }'), { why: 'its body is not a single send' });
  assert.deepEqual(helper('(res, d) => res.json({ d, at: Date.now() })'), { why: 'it computes its reply with more than its parameters' });
  assert.deepEqual(helper('(res, d) => res.json({ d, v: VERSION })'), { why: 'its reply reads `VERSION`, which is not a parameter' });
  assert.deepEqual(helper('(res, d) => res.json({ d, id: res.locals.id })'), { why: 'it uses `res` other than to send' });
  assert.deepEqual(helper('(res, view) => res.render(view)'), { why: 'renders a view (`res.render`)' });
});

test('arguments take the parameters\' places; a missing or literal one folds the conditional it decides', () => {
  assert.deepEqual(inline(OK, 'ok(res, rows)'), { status: 200, via: 'json', value: '{ data: rows }' });
  assert.deepEqual(inline(OK, 'ok(res, rows, undefined)'), { status: 200, via: 'json', value: '{ data: rows }' });
  assert.deepEqual(inline(OK, 'ok(res, rows, meta)'), { status: 200, via: 'json', value: 'meta ? { data: rows, meta } : { data: rows }' });
  assert.deepEqual(inline(OK, 'ok(res, db.all())'), { status: 200, via: 'json', value: '{ data: db.all() }' });
  assert.deepEqual(inline('(res, status, body) => res.status(status).json(body)', 'send(res, 404, { error: "gone" })'),
    { status: 404, via: 'json', value: '{ error: "gone" }' });
});

test('an argument inside a larger expression keeps its own grouping', () => {
  assert.deepEqual(inline('(res, page) => res.json(page.items)', 'list(res, a || b)'), { status: null, via: 'json', value: '(a || b).items' });
  assert.deepEqual(inline('(res, page) => res.json({ items: page })', 'list(res, a || b)'), { status: null, via: 'json', value: '{ items: a || b }' });
  assert.deepEqual(inline('(res, page) => res.json({ items: page })', 'list(res, await load())'), { status: null, via: 'json', value: '{ items: await load() }' });
});

test('calls whose arguments would be evaluated differently stay legacy', () => {
  assert.deepEqual(inline(OK, 'ok(res, rows, makeMeta())'), { why: '`ok()` uses its parameter `meta` more than once, and its argument is computed' });
  assert.deepEqual(inline('(res, d, m) => res.json(m && d)', 'ok(res, load(), m)'), { why: '`ok()` uses its parameter `d` conditionally, and its argument is computed' });
  assert.deepEqual(inline('(res, a, b) => res.json({ a, b })', 'ok(res, f(), g())'), { why: 'more than one argument of `ok()` is computed (their order would change)' });
  assert.deepEqual(inline('(res, a) => res.json(a)', 'ok(res, x, audit())'), { why: 'an argument of `ok()` with effects would no longer be evaluated' });
  assert.deepEqual(inline('(res, status, body) => res.status(status).json(body)', 'send(res, code, body)'), { why: '`send()` `res.status()` with a computed status with these arguments' });
  assert.deepEqual(inline(OK, 'ok(...args)'), { why: 'spreads arguments into `ok()`' });
});
