// A wrapper is removed only when its shape proves it does nothing but hand a rejection to next().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '@babel/parser';
import type { Node } from '../../codemods/rules/ast.js';
import { isWrapperShape } from '../../codemods/wrapper-shape.js';

const fn = (src: string) => parseExpression(src) as unknown as Node;

test('the two shapes of a rejection-to-next wrapper are recognised', () => {
  assert.ok(isWrapperShape(fn('(fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next)')));
  assert.ok(isWrapperShape(fn('function catchAsync(fn) { return function (rq, rs, nx) { return Promise.resolve(fn(rq, rs, nx)).catch(nx); }; }')));
  assert.ok(isWrapperShape(fn('(handler) => async (req, res, next) => { try { await handler(req, res, next); } catch (err) { next(err); } }')));
  // node-express-boilerplate's catchAsync: the promise started in a block, the error forwarded by an arrow.
  assert.ok(isWrapperShape(fn('(fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch((err) => next(err)); }')));
});

test('anything that does more, or less, is not a wrapper', () => {
  const not = [
    // a sync throw escapes `.catch`, and a non-promise has no .catch: not the same as the runtime
    '(fn) => (req, res, next) => fn(req, res, next).catch(next)',
    // changes what the handler sees
    '(fn) => (req, res, next) => Promise.resolve(fn(req, res)).catch(next)',
    '(fn) => (req, res, next) => Promise.resolve(fn(res, req, next)).catch(next)',
    // answers errors itself instead of handing them on
    '(fn) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch((e) => res.status(500).json(e))',
    '(fn) => async (req, res, next) => { try { await fn(req, res, next); } catch (err) { res.status(500).end(); } }',
    // does something besides
    '(fn) => async (req, res, next) => { try { log(req); await fn(req, res, next); } catch (err) { next(err); } }',
    '(fn, opts) => (req, res, next) => Promise.resolve(fn(req, res, next)).catch(next)',
    // forwards something else, or does more in the block
    '(fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch((err) => next(wrap(err))); }',
    '(fn) => (req, res, next) => { Promise.resolve(fn(req, res, next)).catch((err) => { log(err); next(err); }); }',
    '(fn) => (req, res, next) => { log(req); Promise.resolve(fn(req, res, next)).catch(next); }',
  ];
  for (const src of not) assert.equal(isWrapperShape(fn(src)), false, src);
});
