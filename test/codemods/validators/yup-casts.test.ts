// The casts codemods/validators/yup-casts.ts writes are claimed exact: checked here against the installed yup
// (non-strict validate, as the middleware runs it) and ajv on the same values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { array, boolean, date, string } from 'yup';
import { createAjv } from '../../helpers/ajv.js';
import { prng } from '../../helpers/instances.js';
import { V8_LOWER_CASE_DATE_TIME, withBooleanCasts, withNull, withoutCasts, withStringCasts, YUP_ISO_DATE } from '../../../codemods/validators/yup-casts.js';
import type { JsonSchema } from '../../../codemods/validators/types.js';

const ajv = createAjv();
const accepts = (schema: JsonSchema, v: unknown) => ajv.validate(schema, v);

/** Doubles of every magnitude and shape of text: integers, fractions, exponent forms, the longest texts. */
function numbers(): number[] {
  const random = prng(13);
  const out = [0, -0, 1, 9, -9, 10, 12.5, -1.2345678901234567e-6, 1.2345678901234567e-6, -1.7976931348623157e308, 5e-324, 1e21, 123456789012345680000];
  for (let i = 0; i < 3000; i++) out.push((random() - 0.5) * 10 ** Math.floor(random() * 60 - 30), Math.round((random() - 0.5) * 10 ** Math.floor(random() * 8)));
  return out;
}
const VALUES: unknown[] = [...numbers(), true, false, '', 'a', 'ab', 'x'.repeat(40), { a: 1 }, ['a'], null];

test('yup-casts: string() with length bounds accepts exactly the numbers and booleans yup does (or stays typed)', () => {
  for (const [min, max] of [[0, undefined], [1, undefined], [1, 60], [2, 30], [2, 25], [0, 25], [3, 40], [1, 20], [4, 4]] as Array<[number, number | undefined]>) {
    const typed: JsonSchema = { type: 'string', ...(min ? { minLength: min } : {}), ...(max !== undefined ? { maxLength: max } : {}) };
    const cast = withStringCasts(typed);
    let y = string();
    if (min) y = y.min(min);
    if (max !== undefined) y = y.max(max);
    const differ = VALUES.filter((v) => v !== null && accepts(cast, v) !== y.isValidSync(v));
    if (cast === typed) {
      // Left typed: zod is the stricter, never the looser.
      assert.ok(differ.every((v) => !accepts(cast, v)), `min ${min} max ${max}`);
      assert.ok(max !== undefined && max < 25 || min > 2, `min ${min} max ${max} should have been cast`);
    } else assert.deepEqual(differ, [], `min ${min} max ${max}: ${JSON.stringify(cast)}`);
    assert.deepEqual(withoutCasts(cast), typed);
  }
});

test('yup-casts: string().oneOf() takes the numbers and booleans whose text is listed', () => {
  const cast = withStringCasts({ type: 'string', enum: ['1', 'true', 'admin', '1.50', ''] });
  const y = string().oneOf(['1', 'true', 'admin', '1.50', '']);
  for (const v of [1, 1.5, true, false, 'admin', '1', '1.50', 0, '']) assert.equal(accepts(cast, v), y.isValidSync(v), JSON.stringify(v));
});

test('yup-casts: boolean() takes the text true/false/1/0 in any case, and 1 and 0', () => {
  const cast = withBooleanCasts({ type: 'boolean' });
  for (const v of [true, false, 1, 0, 2, -1, 0.5, 'true', 'TRUE', 'False', '1', '0', '01', 'yes', '', ' true', null]) {
    assert.equal(accepts(cast, v), boolean().isValidSync(v), JSON.stringify(v));
  }
  // The one cast not written: an array whose text is one of those (`[true]`, `["1"]`), KNOWN-GAPS.md.
  assert.ok(boolean().isValidSync([true]) && !accepts(cast, [true]));
});

test('yup-casts: every string the date patterns match is a date to yup', () => {
  const random = prng(7);
  const d = (n: number) => String(Math.floor(random() * n)).padStart(2, '0');
  const iso = new RegExp(YUP_ISO_DATE);
  const lower = new RegExp(V8_LOWER_CASE_DATE_TIME);
  const year = () => String(Math.floor(random() * 10000)).padStart(4, '0');
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  let matched = 0;
  for (let i = 0; i < 4000; i++) {
    const zone = pick(['', 'Z', 'z', `+${d(24)}:${d(60)}`, `-${d(100)}${d(100)}`, `+${d(24)}`]);
    const time = pick(['', `${pick(['T', 't', ' ', ''])}${d(100)}:${d(100)}`, `T${d(25)}:${d(60)}:${d(61)}.${d(100)}${d(10)}`, `t${pick(['24:00', '24:00:00', `${d(24)}:${d(60)}`])}`]);
    const s = `${year()}${pick(['', `-${d(100)}`, `-${pick(['01', '06', '12', d(13)])}-${pick(['01', '29', '31', d(32)])}`, `${d(100)}${d(100)}`])}${time}${time ? zone : ''}`;
    if (!iso.test(s) && !lower.test(s)) continue;
    matched++;
    assert.ok(date().isValidSync(s), s);
  }
  assert.ok(matched > 1000, `matched ${matched}`);
});

test('yup-casts: nullable() reaches every form a cast takes, and the wire form keeps it', () => {
  assert.deepEqual(withNull(withStringCasts({ type: 'string' })), { type: ['string', 'number', 'boolean', 'null'] });
  assert.deepEqual(withoutCasts(withNull(withStringCasts({ type: 'string' }))), { type: ['string', 'null'] });
  const bool = withNull(withBooleanCasts({ type: 'boolean' }));
  assert.ok(accepts(bool, null) && boolean().nullable().isValidSync(null));
  assert.deepEqual(withoutCasts(bool), { type: ['boolean', 'null'] });
  assert.deepEqual(withNull({ not: { type: 'null' } }), {});
  // Arrays are not cast by string(): an array of strings stays an array.
  assert.equal(array().of(string()).isValidSync([12]), accepts({ type: 'array', items: withStringCasts({ type: 'string' }) }, [12]));
});
