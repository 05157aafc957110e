// One hash for the cache's keys and the run record's inputs: parts are kept apart, and a text hashes as its
// UTF-8 bytes (a file read as a string or as a Buffer records the same value).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha1 } from '../../../codemods/cache/sha1.js';

test('sha1 separates its parts and hashes a string as its UTF-8 bytes', () => {
  assert.notEqual(sha1('ab', 'c'), sha1('a', 'bc'));
  assert.equal(sha1('héllo'), sha1(Buffer.from('héllo', 'utf8')));
  assert.equal(sha1('x'), createHash('sha1').update('x\0').digest('hex'));
  assert.match(sha1(), /^[0-9a-f]{40}$/);
});
