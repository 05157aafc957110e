// A diagnostic the schemas module's emitter raises about a component (`type: date`, which no JSON Schema knows) says
// where the component is written, file:line, like every other diagnostic of the report (it had a JSON pointer only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../codemods/cli.js';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'rides', version: '1.0.0', dependencies: { express: '^4.21.0', 'migrate-api': '*', zod: '^4.1.0' } }),
  'src/app.js': "const express = require('express');\nconst app = express();\napp.use('/rides', require('./rides'));\nmodule.exports = app;\n",
  'src/rides.js': `const express = require('express');
const router = express.Router();

/**
 * @swagger
 * components:
 *   schemas:
 *     Ride:
 *       type: object
 *       properties:
 *         id: { type: integer }
 *         created: { type: date }
 */

/**
 * @swagger
 * /rides:
 *   get:
 *     responses:
 *       200:
 *         description: the rides
 *         content:
 *           application/json:
 *             schema: { type: array, items: { $ref: '#/components/schemas/Ride' } }
 */
router.get('/', (req, res) => res.json([]));

module.exports = router;
`,
};

test('the migration report locates a component diagnostic of the schemas module at the component', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-api-component-diag-'));
  try {
    for (const [f, text] of Object.entries(FILES)) { mkdirSync(dirname(join(dir, f)), { recursive: true }); writeFileSync(join(dir, f), text); }
    let out = '';
    await main([join(dir, 'src'), '--json', '--force', '--no-cache'], { out: (s) => { out += s; }, err: () => {}, isTTY: false });
    const report = JSON.parse(out) as { diagnostics: Array<{ code: string; message: string; at?: { file: string; line: number }; pointer?: string }> };
    const unknown = report.diagnostics.filter((d) => d.code === 'unknown-keyword');
    assert.deepEqual(unknown.map((d) => ({ message: d.message, pointer: d.pointer, line: d.at?.line, file: d.at && d.at.file.endsWith('rides.js') })), [
      { message: 'unknown type "date"; any value accepted', pointer: '#/components/schemas/Ride/properties/created', line: 8, file: true },
    ]);
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
