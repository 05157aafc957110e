import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NameAllocator, safeIdentifier } from '../../../codemods/zod/names.js';

test('component names become safe identifiers', () => {
  assert.equal(safeIdentifier('User-Profile'), 'UserProfile');
  assert.equal(safeIdentifier('my schema.v2'), 'mySchemaV2');
  assert.equal(safeIdentifier('2fa'), '_2fa');
  assert.equal(safeIdentifier('class'), 'class_');
  assert.equal(safeIdentifier('z'), 'z_');
  assert.equal(safeIdentifier('Set'), 'Set_');
  assert.equal(safeIdentifier('---'), 'Schema');
  assert.equal(safeIdentifier('Pet'), 'Pet');
});

test('collisions get numeric suffixes', () => {
  const a = new NameAllocator();
  assert.deepEqual([a.take('User'), a.take('User'), a.take('User')], ['User', 'User2', 'User3']);
});
