import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isErrorMiddlewareAt } from '../../codemods/handler-arity.js';
import { parsedFileReader } from '../../codemods/parsed-files.js';

// Each place the scan's definedAt points at for the shapes a controller file takes: the function, its name, its key.
test('error middleware defined in another file is told by its four parameters, wherever the scan points', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arity-'));
  try {
    const file = join(dir, 'errors.js');
    writeFileSync(file, [
      'const mapErrors = (err, req, res, next) => res.status(400).json({ error: err.message });',
      'function finalHandler(err, req, res, next) { next(err); }',
      'const handlers = {',
      '  token(req, res, next) { next(); },',
      '  mapped(err, req, res, next) { res.end(); },',
      '};',
      'class Ctrl {',
      '  onError = (err, req, res, next) => next(err);',
      '  list = (req, res) => res.json([]);',
      '  variadic(...args) {}',
      '}',
      '',
    ].join('\n'));
    const at = (line: number, col: number) => ({ file, line, col });
    const parsed = parsedFileReader();
    assert.equal(isErrorMiddlewareAt(at(1, 19), parsed), true, 'an arrow bound to a const (the scan points at the arrow)');
    assert.equal(isErrorMiddlewareAt(at(2, 10), parsed), true, 'a function declaration (at its name)');
    assert.equal(isErrorMiddlewareAt(at(4, 3), parsed), false, 'a three-parameter object method');
    assert.equal(isErrorMiddlewareAt(at(5, 3), parsed), true, 'a four-parameter object method (at its key)');
    assert.equal(isErrorMiddlewareAt(at(8, 3), parsed), true, 'a class property holding an arrow (at its key)');
    assert.equal(isErrorMiddlewareAt(at(9, 3), parsed), false, 'a two-parameter class property');
    assert.equal(isErrorMiddlewareAt(at(10, 3), parsed), false, 'rest parameters are not four');
    assert.equal(isErrorMiddlewareAt({ file: join(dir, 'missing.js'), line: 1, col: 1 }, parsed), false, 'an unreadable file is not error middleware');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
