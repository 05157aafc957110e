// statusKeyed: an object built key by key from status codes holds the same keys, in the same (ascending
// integer) order, with the same JSON as a plain object literal; the far key used to set it up is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusKeyed } from '../../../codemods/docs/status-keyed.js';

test('keys, order, JSON and membership are those of a plain object', () => {
  const o = statusKeyed<{ description: string }>();
  o['404'] = { description: 'Not found' };
  o['200'] = { description: 'OK' };
  o.default = { description: 'Error' };
  o['2XX'] = { description: 'Any success' };
  const plain: Record<string, { description: string }> = { 404: { description: 'Not found' }, 200: { description: 'OK' }, default: { description: 'Error' }, '2XX': { description: 'Any success' } };
  assert.deepEqual(Object.keys(o), ['200', '404', 'default', '2XX']);
  assert.equal(JSON.stringify(o), JSON.stringify(plain));
  assert.deepEqual(o, plain);
  assert.equal(Object.hasOwn(o, String(2 ** 24)), false);
  delete o['200'];
  assert.deepEqual(Object.keys(o), ['404', 'default', '2XX']);
});
