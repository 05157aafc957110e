// Which `res.json(x)` values MA003 may write as a bare `return x` (never undefined at run time) and which go out
// as reply(200, x) (compat answers an undefined one as res.json(undefined) did).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '@babel/parser';
import { buildParents, memberName, walk, type Node } from '../../../codemods/rules/ast.js';
import { neverUndefined } from '../../../codemods/rules/defined-value.js';

/** neverUndefined() of the argument of the handler's last `res.json(...)`. */
function defined(handler: string): boolean {
  const fn = parseExpression(handler, { plugins: ['typescript'] }) as unknown as Node;
  let value: Node | undefined;
  walk(fn, (n) => { if (n.type === 'CallExpression' && memberName(n.callee) === 'json') value = n.arguments[0]; });
  assert.ok(value, handler);
  return neverUndefined(value, fn, buildParents(fn));
}

test('literals, new, arithmetic, concatenation, templates and null are never undefined', () => {
  for (const v of ['{ ok: true }', '[1]', "'a'", '1', 'true', 'null', '`${a}`', 'new Date()', "'n: ' + n", 'a * 2', 'a ? [] : {}', 'rows || []', 'rows ?? []', '!a', '(x as unknown as object) || {}'])
    assert.equal(defined(`(req, res) => res.json(${v})`), true, v);
});

test('member reads, calls, awaits and names not proven go out as reply(200, x)', () => {
  for (const v of ['req.user', 'find(1)', 'map.get(1)', 'a && b', 'a ? b : {}', 'void 0', 'undefined', 'rows', 'rows!'])
    assert.equal(defined(`(req, res) => res.json(${v})`), false, v);
  assert.equal(defined('async (req, res) => { const u = await db.get(1); res.json(u); }'), false, 'unguarded');
  assert.equal(defined('(req, res) => { const { u } = load(); res.json(u); }'), false, 'destructured');
});

test('a name bound once to such a value, or guarded on every path before the send', () => {
  assert.equal(defined('(req, res) => { const p = { n: 1 }; res.json(p); }'), true);
  assert.equal(defined('(req, res) => { let p = []; p.push(1); res.json(p); }'), true, 'mutated, never reassigned');
  assert.equal(defined('(req, res) => { const u = find(); if (!u) return res.status(404).json({}); res.json(u); }'), true);
  assert.equal(defined('(req, res) => { const u = find(); if (u === undefined || bad) { throw new Error(); } res.json(u); }'), true);
  assert.equal(defined('(req, res) => { const u = find(); if (u == null) { res.status(404).end(); return; } res.json(u); }'), true);
  assert.equal(defined("(req, res) => { const u = find(); if (typeof u === 'undefined') return next(); res.json(u); }"), true);
  assert.equal(defined('(req, res) => { const u = find(); if (u) { res.json(u); } else { res.sendStatus(404); } }'), true);
  assert.equal(defined('(req, res) => { const u = find(); if (!u) { res.sendStatus(404); } else { res.json(u); } }'), true);
  assert.equal(defined('(req, res) => { try { const u = find(); if (!u) throw e; res.json(u); } catch (e) { next(e); } }'), true);
});

test('guards that leave undefined possible are not guards', () => {
  assert.equal(defined('(req, res) => { const u = find(); if (u === null) return res.end(); res.json(u); }'), false, '=== null');
  assert.equal(defined('(req, res) => { const u = find(); if (!u) log(); res.json(u); }'), false, 'does not exit');
  assert.equal(defined('(req, res) => { let u = find(); if (!u) return res.end(); u = other(); res.json(u); }'), false, 'written after');
  assert.equal(defined('(req, res) => { const u = find(); if (!u && x) return res.end(); res.json(u); }'), false, 'only with x');
  assert.equal(defined('(req, res) => { if (!u) return res.end(); res.json(u); }'), false, 'not the handler\'s own');
  assert.equal(defined('(req, res) => { const u = find(); if (!u) return res.end(); [1].map((u) => u); res.json(u); }'), false, 'bound twice');
  assert.equal(defined('(req, res) => { if (!u) return res.end(); var u = find(); res.json(u); }'), false, 'guard before the binding');
});
