// The on-disk entries: found under the same key, missed under another, and never trusted when anything about
// them is off (truncated, changed bytes, another tool's or format's entry); concurrent writers leave a whole entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCache } from '../../../codemods/cache/file-cache.js';
import { defaultCacheDir } from '../../../codemods/cache/cache-dir.js';

const json = (s: string) => JSON.parse(s) as unknown;

function fresh(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ma-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function onlyEntry(dir: string): string {
  assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n').filter((l) => !l.startsWith('#'))[0], '*', 'the folder ignores itself');
  const files = readdirSync(dir).filter((f) => f !== '.gitignore');
  assert.equal(files.length, 1, `one entry, no temp files left: ${files.join(', ')}`);
  return join(dir, files[0]!);
}

test('an entry is found under its key and missed under another key, kind or file', async (t) => {
  const dir = fresh(t);
  const cache = new FileCache(dir, 'tool-a');
  cache.set('analysis', '/app/a.js', 'k1', JSON.stringify({ routes: 2 }));
  await cache.flush();
  const again = new FileCache(dir, 'tool-a');
  assert.deepEqual(again.get('analysis', '/app/a.js', 'k1', json), { routes: 2 });
  assert.equal(again.get('analysis', '/app/a.js', 'k2', json), undefined);
  assert.equal(again.get('rewrite', '/app/a.js', 'k1', json), undefined);
  assert.equal(again.get('analysis', '/app/b.js', 'k1', json), undefined);
  assert.deepEqual({ hits: again.stats.hits, misses: again.stats.misses, ignored: again.stats.ignored }, { hits: 1, misses: 3, ignored: 0 });
  assert.deepEqual(again.stats.missed, ['analysis:/app/a.js', 'rewrite:/app/a.js', 'analysis:/app/b.js']);
});

test('a new value for the same file replaces the entry: the folder does not grow with edits', async (t) => {
  const dir = fresh(t);
  const cache = new FileCache(dir, 'tool-a');
  for (let i = 0; i < 5; i++) { cache.set('analysis', '/app/a.js', `k${i}`, JSON.stringify(i)); await cache.flush(); }
  onlyEntry(dir);
  assert.equal(cache.get('analysis', '/app/a.js', 'k4', json), 4);
});

test('another tool version, another cache format, a truncated file or changed bytes: ignored, never trusted', async (t) => {
  const dir = fresh(t);
  const write = async () => {
    const c = new FileCache(dir, 'tool-a');
    c.set('analysis', '/app/a.js', 'k1', JSON.stringify({ routes: 2, name: 'users' }));
    await c.flush();
    return onlyEntry(dir);
  };
  const entry = await write();
  const original = readFileSync(entry, 'utf8');

  const other = new FileCache(dir, 'tool-b');
  assert.equal(other.get('analysis', '/app/a.js', 'k1', json), undefined);
  assert.equal(other.stats.ignored, 1);

  const [header, body] = [original.slice(0, original.indexOf('\n')), original.slice(original.indexOf('\n') + 1)];
  const variants: Record<string, string> = {
    'another format': `${JSON.stringify({ ...JSON.parse(header), format: 999 })}\n${body}`,
    'truncated': original.slice(0, original.length - 5),
    'a changed byte in the body (still valid JSON)': original.replace('"users"', '"usees"'),
    'no header': body,
    'garbage': '\u0000\u0001not a cache entry',
    'empty': '',
  };
  for (const [what, text] of Object.entries(variants)) {
    writeFileSync(entry, text);
    const c = new FileCache(dir, 'tool-a');
    assert.equal(c.get('analysis', '/app/a.js', 'k1', json), undefined, what);
    assert.equal(c.stats.ignored + c.stats.misses, 1, what);
  }
  writeFileSync(entry, original);
  assert.deepEqual(new FileCache(dir, 'tool-a').get('analysis', '/app/a.js', 'k1', json), { routes: 2, name: 'users' });
});

test('a body its decoder refuses is a miss, not an error', async (t) => {
  const dir = fresh(t);
  const c = new FileCache(dir, 'tool-a');
  c.set('analysis', '/app/a.js', 'k1', JSON.stringify({}));
  await c.flush();
  assert.equal(c.get('analysis', '/app/a.js', 'k1', () => { throw new Error('not mine'); }), undefined);
  assert.equal(c.stats.ignored, 1);
});

test('concurrent writers of the same entries each leave a whole entry (temp file + rename), never a mix', async (t) => {
  const dir = fresh(t);
  const writers = Array.from({ length: 4 }, () => new FileCache(dir, 'tool-a'));
  const big = (w: number, i: number) => JSON.stringify({ writer: w, round: i, pad: String(w).repeat(200_000) });
  for (let i = 0; i < 10; i++) writers.forEach((c, w) => { c.set('analysis', '/app/a.js', 'k1', big(w, i)); c.set('analysis', '/app/b.js', 'k1', big(w, i)); });
  await Promise.all(writers.map((c) => c.flush()));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  for (const file of ['/app/a.js', '/app/b.js']) {
    const v = new FileCache(dir, 'tool-a').get('analysis', file, 'k1', (s) => JSON.parse(s) as { writer: number; pad: string });
    assert.ok(v, `${file}: a whole entry`);
    assert.equal(v.pad, String(v.writer).repeat(200_000));
  }
});

test('the cache folder follows find-cache-dir: node_modules/.cache/migrate-api of the package, or $CACHE_DIR', (t) => {
  const dir = fresh(t);
  assert.equal(defaultCacheDir(dir, {}), join(dir, 'node_modules', '.cache', 'migrate-api'));
  assert.equal(defaultCacheDir(dir, { CACHE_DIR: '/var/cache/x' }), join('/var/cache/x', 'migrate-api'));
  assert.equal(defaultCacheDir(dir, { CACHE_DIR: 'true' }), join(dir, 'node_modules', '.cache', 'migrate-api'));
  assert.equal(defaultCacheDir(null, {}), null);
});
