import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validatorShare } from '../../../bench/real-apps/validator-share.js';

describe('validatorShare', () => {
  const dir = mkdtempSync(join(tmpdir(), 'validator-share-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('counts each location schema a translator reads, clean or with the untranslated rule named', () => {
    mkdirSync(join(dir, 'routes'));
    writeFileSync(join(dir, 'routes', 'tables.js'), `import { Router } from 'express';
import { celebrate, Joi, Segments } from 'celebrate';
const router = Router();
router.post('/tables', celebrate({ [Segments.BODY]: Joi.object({ name: Joi.string().min(2).required() }) }), (req, res) => res.json({}));
router.get('/tables/:id', celebrate({
  [Segments.PARAMS]: { id: Joi.number().integer().required() },
  [Segments.QUERY]: Joi.object({ q: Joi.string().custom(check) }),
}), (req, res) => res.json({}));
router.get('/plain', (req, res) => res.json({}));
function check(v) { return v; }
export default router;
`);
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), `router.post('/x', celebrate({ body: Joi.object({}) }), h);`);
    const share = validatorShare(dir);
    assert.equal(share.schemas, 3);
    assert.equal(share.clean, 1);
    assert.equal(share.untranslated.length, 1);
    assert.match(share.untranslated[0]!, /^celebrate routes\/tables\.js:7 \.custom\(check\) — a custom function$/);
  });

  it('takes a file for its folder, and counts nothing where no translator claims an argument', () => {
    const other = join(dir, 'plain');
    mkdirSync(other);
    writeFileSync(join(other, 'app.js'), `const app = require('express')();\napp.get('/', auth, (req, res) => res.send('ok'));\n`);
    assert.deepEqual(validatorShare(join(other, 'app.js')), { schemas: 0, clean: 0, untranslated: [] });
  });
});
