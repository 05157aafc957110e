import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '@babel/parser';
import type * as t from '@babel/types';
import { delegatedCall, forwardingArrow } from '../../../codemods/scan/delegating-handler.js';

const delegate = (src: string) => {
  const node = parseExpression(src, { plugins: ['typescript'] }) as t.Node;
  const d = delegatedCall(node, (n) => src.slice(n.start!, n.end!));
  return d ? `${src.slice(d.callee.start!, d.callee.end!)}/${d.args}` : null;
};

test('a function that only hands its own (req, res[, next]) to another is a delegate', () => {
  assert.equal(delegate('(request, response) => createUserController.handle(request, response)'), 'createUserController.handle/2');
  assert.equal(delegate('(req, res, next) => ctrl.show(req, res, next)'), 'ctrl.show/3');
  assert.equal(delegate('(req, res) => { return ctrl.list(req, res); }'), 'ctrl.list/2');
  assert.equal(delegate('(req, res) => { ctrl.list(req, res); }'), 'ctrl.list/2');
  assert.equal(delegate('async (req, res) => await ctrl.list(req, res)'), 'ctrl.list/2');
  assert.equal(delegate('async (req, res) => { await ctrl.list(req, res); }'), 'ctrl.list/2');
  assert.equal(delegate('function (req, res) { return ctrl.list(req, res); }'), 'ctrl.list/2');
  assert.equal(delegate('(req: Request, res: Response) => removeUser(req, res)'), 'removeUser/2');
  // An arrow's `this` is the route call's: `this.ctrl.list.bind(this.ctrl)` reads it the same way.
  assert.equal(delegate('(req, res) => this.ctrl.list(req, res)'), 'this.ctrl.list/2');
});

test('anything else is an inline handler as before', () => {
  for (const src of [
    "(req, res) => ctrl.list(req, res, 'x')", // an extra argument
    '(req, res) => ctrl.list(res, req)', // reordered
    '(req, res, next) => ctrl.list(req, res)', // next not handed on
    '(req, res) => ctrl.list(req)', // res not handed on
    '(req, res) => { log(req); return ctrl.list(req, res); }', // a statement before the call
    '(req, res) => { "use strict"; return ctrl.list(req, res); }',
    'function (req, res) { return this.list(req, res); }', // `this` of a function expression is express's
    'function named(req, res) { return ctrl.list(req, res); }',
    '(req, res) => ctrl.list.call(ctrl, req, res)',
    '(req, res) => ctrl.list(...[req, res])',
    '(req, res) => ctrl.list?.(req, res)',
    '(req, res) => ctrl[name](req, res)',
    '(req, res) => req.handler(req, res)', // the callee read off what it is handed
    '(req, res) => /* why */ ctrl.list(req, res)', // a comment, which the rewrite would drop
    '(req, res) => ctrl.list<X>(req, res)',
    '(req, res = {}) => ctrl.list(req, res)',
    '(req, req2) => ctrl.list(req, req2, req)',
    '(req) => ctrl.list(req)',
    '(req, res) => ctrl.list(req, res).then(done)',
    'async (req, res) => { const x = await ctrl.list(req, res); return x; }',
    '(req, res) => new Ctrl().list(req, res)',
  ]) assert.equal(delegate(src), null, src);
});

test('the forwarding arrow passes as many arguments as the typed function declares, named apart from the callee', () => {
  assert.equal(forwardingArrow('createUserController.handle', 2), '(input, ctx) => createUserController.handle(input, ctx)');
  assert.equal(forwardingArrow('createUserController.handle', 1), '(input) => createUserController.handle(input)');
  assert.equal(forwardingArrow('ctrl.list', 0), '() => ctrl.list()');
  assert.equal(forwardingArrow('ctx.users.list', 2), '(input, _ctx) => ctx.users.list(input, _ctx)');
  assert.equal(forwardingArrow('input.handle', 1), '(_input) => input.handle(_input)');
});
