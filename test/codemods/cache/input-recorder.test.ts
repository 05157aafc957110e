// The run's inputs as node:fs sees them (codemods/cache/input-recorder.ts): what the code reads through the named
// ESM imports, through the fs object, and through require() of an installed package is recorded with its content
// hash; a folder's listing, a missing file and a stat are recorded too; the recorder's own folders are left out;
// fs is itself again after stop(); and a recorded input that changes in any of these ways reads as changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs, { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { abandonRecording, readingOwnFile, recordInputs } from '../../../codemods/cache/input-recorder.js';
import { changedInputs } from '../../../codemods/cache/run-record.js';
import { tempDir } from '../../helpers/migrate-cli.js';

const inputsUnchanged = (inputs: Parameters<typeof changedInputs>[0]) => changedInputs(inputs)?.length === 0;

function tree(): string {
  const dir = tempDir('recorder');
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', 'http-status'), { recursive: true });
  mkdirSync(join(dir, 'cache'), { recursive: true });
  writeFileSync(join(dir, 'src', 'a.js'), 'a');
  writeFileSync(join(dir, 'tsconfig.json'), '{}');
  writeFileSync(join(dir, 'cache', 'entry.json'), '{}');
  writeFileSync(join(dir, 'node_modules', 'http-status', 'package.json'), '{"name":"http-status","main":"index.js"}');
  writeFileSync(join(dir, 'node_modules', 'http-status', 'index.js'), 'module.exports = { CREATED: 201 };');
  return dir;
}

test('reads, listings, existence checks, stats and required packages are recorded; the ignored folder is not', () => {
  const dir = tree();
  const original = fs.readFileSync;
  const rec = recordInputs((p) => p.startsWith(join(dir, 'cache')));
  readFileSync(join(dir, 'src', 'a.js'), 'utf8');            // the named ESM import
  fs.readFileSync(join(dir, 'tsconfig.json'));               // the fs object, a Buffer
  readdirSync(join(dir, 'src'));
  existsSync(join(dir, 'src', 'b.js'));
  statSync(join(dir, 'tsconfig.json'));
  readFileSync(join(dir, 'cache', 'entry.json'), 'utf8');
  const status = createRequire(join(dir, 'src', 'a.js'))('http-status') as { CREATED: number };
  assert.equal(status.CREATED, 201);
  const inputs = rec.stop()!;
  assert.equal(fs.readFileSync, original, 'fs is itself again');
  const seen = inputs.map((i) => `${i.kind} ${i.path.slice(dir.length + 1)}`);
  for (const s of ['file src/a.js', 'file tsconfig.json', 'dir src', 'stat src/b.js', 'stat tsconfig.json', 'file node_modules/http-status/index.js']) {
    assert.ok(seen.includes(s), `${s} recorded (${seen.join(', ')})`);
  }
  assert.ok(!seen.some((s) => s.includes('cache/')), 'the ignored folder is not an input');
  assert.ok(inputsUnchanged(inputs));

  // Each kind of change reads as one.
  const after = (change: () => void, undo: () => void, what: string) => {
    change();
    assert.equal(inputsUnchanged(inputs), false, what);
    undo();
    assert.ok(inputsUnchanged(inputs), `${what}, undone`);
  };
  after(() => writeFileSync(join(dir, 'src', 'a.js'), 'b'), () => writeFileSync(join(dir, 'src', 'a.js'), 'a'), 'a file\'s content');
  after(() => writeFileSync(join(dir, 'src', 'c.js'), ''), () => rmSync(join(dir, 'src', 'c.js')), 'a new file in a listed folder');
  after(() => mkdirSync(join(dir, 'src', 'b.js')), () => rmSync(join(dir, 'src', 'b.js'), { recursive: true }), 'something where nothing was');
  after(() => writeFileSync(join(dir, 'node_modules', 'http-status', 'index.js'), 'module.exports = { CREATED: 202 };'),
    () => writeFileSync(join(dir, 'node_modules', 'http-status', 'index.js'), 'module.exports = { CREATED: 201 };'), 'an installed package');
});

test('a file read only inside its own analysis is not shared; any other read of it, before or after, shares it', () => {
  const dir = tree();
  writeFileSync(join(dir, 'src', 'b.js'), 'b');
  writeFileSync(join(dir, 'src', 'c.js'), 'c');
  const [a, b, c] = ['a.js', 'b.js', 'c.js'].map((f) => join(dir, 'src', f)) as [string, string, string];
  const rec = recordInputs(() => false);
  readingOwnFile(a, () => readFileSync(a, 'utf8'));
  readingOwnFile(b, () => { readFileSync(b, 'utf8'); readFileSync(c, 'utf8'); });  // c: read by b's analysis ($ref)
  readingOwnFile(c, () => readFileSync(c, 'utf8'));
  readFileSync(b);                                                                     // b: read again by planning
  const inputs = rec.stop()!;
  const shared = (f: string) => inputs.find((i) => i.kind === 'file' && i.path === f)?.shared ?? false;
  assert.deepEqual([a, b, c].map(shared), [false, true, true]);
  // A changed input the caller can use (an unshared file) is listed; one it cannot use ends the look at once.
  writeFileSync(a, 'A');
  assert.deepEqual(changedInputs(inputs, (i) => !i.shared)?.map((i) => i.path), [a]);
  writeFileSync(b, 'B');
  assert.equal(changedInputs(inputs, (i) => !i.shared), null);
});

test('a read the recorder cannot attribute to a path (a file descriptor) makes the recording unusable', () => {
  const dir = tree();
  const rec = recordInputs(() => false);
  const fd = fs.openSync(join(dir, 'src', 'a.js'), 'r');
  readFileSync(fd);
  fs.closeSync(fd);
  assert.equal(rec.stop(), null);
  const spoiled = recordInputs(() => false);
  spoiled.spoil();
  assert.equal(spoiled.stop(), null);
});

test('an abandoned recording gives node:fs back at once and is unusable; with none under way, abandoning does nothing', () => {
  const dir = tree();
  const original = fs.readFileSync;
  abandonRecording();
  const rec = recordInputs(() => false);
  assert.notEqual(fs.readFileSync, original);
  abandonRecording();
  assert.equal(fs.readFileSync, original);
  readFileSync(join(dir, 'src', 'a.js'), 'utf8');
  assert.equal(rec.stop(), null);
  const next = recordInputs(() => false);
  readFileSync(join(dir, 'src', 'a.js'), 'utf8');
  assert.equal(next.stop()?.length, 1, 'a later recording is not spoiled by it');
});

test('two recordings at once in one process spoil each other (each would miss reads through the other\'s wrapper)', () => {
  const dir = tree();
  const outer = recordInputs(() => false);
  const inner = recordInputs(() => false);
  readFileSync(join(dir, 'src', 'a.js'), 'utf8');
  assert.equal(inner.stop(), null);
  assert.equal(outer.stop(), null);
  const next = recordInputs(() => false);
  readFileSync(join(dir, 'src', 'a.js'), 'utf8');
  assert.equal(next.stop()?.length, 1, 'a recording after them works again');
});
