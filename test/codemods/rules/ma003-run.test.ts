// Run-equivalence of MA003: for every fixtures/MA003 case that declares requests (`<case>.requests.json`), the
// legacy input as it was (plain express), the same route wrapped in legacy() with its spec, and the typed output
// are each mounted in an express app (report mode) and sent the same requests, in order: status, headers and
// body bytes must be the same. Run on Express 5 and Express 4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleId } from '../../../codemods/diagnostics.js';
import type { FilePlan } from '../../../codemods/plan.js';
import { applyFilePlan } from '../../../codemods/rules/index.js';
import { fixtureCases } from '../../helpers/fixture-cases.js';
import { listen } from '../../compat/helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'fixtures', 'MA003');
const COMPAT = join(ROOT, 'compat', 'index.ts');
/** Files beside the cases that they import (stores, stubs, schemas). */
const SUPPORT = readdirSync(DIR, { withFileTypes: true }).filter((d) => d.isFile() && !/\.(input|output)\.[a-z]+$|\.(plan|requests)\.json$/.test(d.name)).map((d) => d.name);
/** Headers that differ between two servers whatever they run. */
const VOLATILE = new Set(['date', 'connection', 'keep-alive']);

interface RequestCase { method: string; path: string; body?: unknown; headers?: Record<string, string> }
interface Answer { status: number; headers: Record<string, string>; body: string }

function planOf(json: string, file: string, rules: RuleId[]): FilePlan {
  const p = JSON.parse(json) as Omit<FilePlan, 'rules'>;
  return { ...p, validation: p.validation ?? 'report', schemaImports: p.schemaImports ?? null, file: p.file ?? file, rules: new Set(rules) };
}

/** The case's source, made loadable from a scratch folder: compat from this checkout, express 4 or 5. */
function loadable(source: string, express: 'express' | 'express4'): string {
  return source
    .replace(/(['"])migrate-api\/compat\1/g, JSON.stringify(COMPAT))
    .replace(/(require\(|from )(['"])express\2/g, `$1$2${express}$2`);
}

async function loadRouter(dir: string, file: string): Promise<unknown> {
  let m = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
  // CommonJS `module.exports = router` and a compiled `export default app` both end up under default.
  let out: unknown = m.default ?? m;
  while (out && typeof out === 'object' && 'default' in out && !('handle' in out)) out = (out as { default: unknown }).default;
  m = {};
  return out;
}

async function answers(express: 'express' | 'express4', router: unknown, requests: RequestCase[]): Promise<Answer[]> {
  const mod = (await import(express)) as { default: any };
  const e = mod.default;
  const app = e();
  app.use(e.json());
  // What auth middleware before the handler sets: the handler reads it as it did.
  app.use((req: any, res: any, next: any) => {
    if (req.headers['x-user']) req.user = { name: req.headers['x-user'] };
    req.session = { views: 2 };
    res.locals.tenant = 'acme';
    next();
  });
  app.use(router);
  // A legacy error middleware: it must get the very error the handler passed on.
  app.use((err: any, req: any, res: any, next: any) => {
    void next;
    res.status(typeof err?.status === 'number' ? err.status : 500).json({ error: String(err?.message), name: err?.name, ctor: err?.constructor?.name });
  });
  const server = await listen(app);
  try {
    const out: Answer[] = [];
    for (const r of requests) {
      const headers: Record<string, string> = { ...r.headers };
      if (r.body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(server.url + r.path, {
        method: r.method, headers, redirect: 'manual',
        ...(r.body !== undefined ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
      });
      const h: Record<string, string> = {};
      res.headers.forEach((v, k) => { if (!VOLATILE.has(k)) h[k] = v; });
      out.push({ status: res.status, headers: h, body: await res.text() });
    }
    return out;
  } finally {
    await server.close();
  }
}

const cases = fixtureCases(DIR).filter((c) => c.extra('requests.json') !== undefined);

test('MA003: run-equivalence cases exist, in JS and in TS', () => {
  assert.ok(cases.some((c) => c.inputPath.endsWith('.js')));
  assert.ok(cases.some((c) => c.inputPath.endsWith('.ts')));
});

for (const c of cases) {
  for (const express of ['express', 'express4'] as const) {
    test(`MA003/${c.name}: legacy input, legacy() and typed output answer alike (${express})`, async () => {
      const ext = c.inputPath.split('.').pop()!;
      const file = `${c.name}.${ext}`;
      const requests = JSON.parse(c.extra('requests.json')!) as RequestCase[];
      const wrapped = applyFilePlan(c.input, planOf(c.extra('plan.json')!, file, ['MA001', 'MA002'])).output;
      assert.ok(wrapped, 'the route is wrapped with its spec');
      const cache = join(ROOT, 'node_modules', '.cache');
      mkdirSync(cache, { recursive: true });
      const root = mkdtempSync(join(cache, `ma003-run-${c.name}-`));
      try {
        const variants = { raw: c.input, legacy: wrapped, typed: c.output };
        const got: Record<string, Answer[]> = {};
        for (const [name, source] of Object.entries(variants)) {
          const dir = join(root, name);
          mkdirSync(dir);
          writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'commonjs', private: true }));
          for (const f of SUPPORT) copyFileSync(join(DIR, f), join(dir, f));
          writeFileSync(join(dir, file), loadable(source, express));
          got[name] = await answers(express, await loadRouter(dir, file), requests);
        }
        requests.forEach((r, i) => {
          const label = `${r.method} ${r.path} (#${i + 1})`;
          assert.deepEqual(got.typed![i], got.raw![i], `${label}: typed output vs legacy input`);
          assert.deepEqual(got.legacy![i], got.raw![i], `${label}: legacy() vs legacy input`);
        });
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
}
