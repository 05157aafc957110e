import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globRegExp, inApis } from '../../../codemods/docs/jsdoc-options.js';

test("swagger-jsdoc's apis globs: *, **, ?, {a,b}", () => {
  const re = (g: string) => globRegExp(g);
  assert.ok(re('/app/routes/*.js').test('/app/routes/users.js'));
  assert.ok(!re('/app/routes/*.js').test('/app/routes/admin/users.js'));
  assert.ok(re('/app/src/**/*.ts').test('/app/src/a/b/c.ts'));
  assert.ok(re('/app/src/**/*.ts').test('/app/src/c.ts'));
  assert.ok(re('/app/docs/*.{yaml,yml}').test('/app/docs/pets.yml'));
  assert.ok(!re('/app/docs/*.{yaml,yml}').test('/app/docs/pets.json'));
  assert.ok(re('/app/v?.js').test('/app/v2.js'));
  assert.ok(!re('/app/a.b.js').test('/app/aXb.js'), 'dots are literal');
});

test('blocks count as the options\' when their file matches apis, all of them when apis is unknown', () => {
  assert.ok(inApis('/app/routes/users.js', ['/app/routes/*.js']));
  assert.ok(!inApis('/app/lib/users.js', ['/app/routes/*.js']));
  assert.ok(inApis('/app/lib/users.js', undefined));
});
