import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '@babel/parser';
import type * as t from '@babel/types';
import { selfBoundMethod, unboundText } from '../../../codemods/scan/bound-method.js';

const bound = (src: string) => {
  const node = parseExpression(src) as t.Node;
  const m = selfBoundMethod(node, (n) => src.slice(n.start!, n.end!));
  return m ? src.slice(m.start!, m.end!) : null;
};

test('a method bound to its own receiver is the method reference', () => {
  assert.equal(bound('this.ctrl.list.bind(this.ctrl)'), 'this.ctrl.list');
  assert.equal(bound('ctrl.list.bind( ctrl )'), 'ctrl.list');
});

test('any other bind is a different function', () => {
  assert.equal(bound('this.ctrl.list.bind(this)'), null);
  assert.equal(bound('this.ctrl.list.bind(this.other)'), null);
  assert.equal(bound('this.ctrl.list.bind(this.ctrl, 1)'), null);
  assert.equal(bound('list.bind(list)'), null);
  assert.equal(bound('this.ctrl[name].bind(this.ctrl)'), null);
  assert.equal(bound('this.ctrl.list.call(this.ctrl)'), null);
});

test('unboundText drops only a self-bind', () => {
  assert.equal(unboundText('this.ctrl.list.bind(this.ctrl)'), 'this.ctrl.list');
  assert.equal(unboundText('this.ctrl.list.bind(this)'), 'this.ctrl.list.bind(this)');
  assert.equal(unboundText('ctrl.list'), 'ctrl.list');
});
