// The finish column (issue 17): on the migrated checkout (after infer on a docs-less app), `migrate-api finish
// <src> --run "<test command>"` (MA006-MA011), each step done / unchanged / skipped with its reasons from
// finish.json; then the suite as finish left it (routers MA010 flipped run in enforce), the served documents
// (the generated one against the original docs, and what the app's old docs URL answers now), and a second
// finish that must change nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { SuiteSummary } from './app.js';
import { compareDocs, withServer, type DocsResult, type Serve } from './docs.js';
import { runStep, shellArg, tail, type StepOptions } from './step.js';
import { compareSuites, type RunSuite, type SuiteDiff, type TestResult } from './suite.js';

type Json = Record<string, any>;

export interface FinishStepRecord {
  id: string;
  name: string;
  status: 'done' | 'unchanged' | 'skipped';
  did: string[];
  reasons: string[];
}

/** What the app's old docs URL answers after finish. */
export interface LegacyUrlRecord {
  url: string;
  /** 'generated': the generated document (as JSON, or the Swagger UI page that loads it); 'legacy': a document
   *  that is not the generated one (the hand-written one, still served); 'none': no document (why in `detail`) */
  serves: 'generated' | 'legacy' | 'none';
  /** how it was read: JSON at the URL, a Swagger UI page's data-url, swagger-ui-express's inline swaggerDoc */
  via?: 'json' | 'swagger-ui data-url' | 'swagger-ui-express init';
  detail?: string;
}

export interface FinishRecord {
  exit: number | null;
  ms: number;
  problem?: string;
  steps: FinishStepRecord[];
  standing?: { routes: number; typed: number; legacy: number; reportMode: number; left: string[]; complete: boolean };
  /** files finish changed (git diff --stat, one per line) */
  changedFiles: string[];
  /** the suite as finish left it, against the suite before the migration */
  suite?: SuiteSummary & { diff?: SuiteDiff };
  tsc?: { exit: number | null; errors: number; first: string[] };
  /** the generated document after finish against the original docs */
  docFacts?: DocsResult;
  legacyUrl?: LegacyUrlRecord;
  /** a second `finish` (without --run) on the finished, committed checkout */
  second?: { exit: number | null; clean: boolean; changed: string[] };
}

/** `var options = {...}` of swagger-ui-express's swagger-ui-init.js: the object literal, braces balanced
 *  outside strings (it is JSON.stringify output inside a script, so no regex can end it reliably). */
export function initOptions(js: string): Json | null {
  const at = js.indexOf('var options = {');
  if (at < 0) return null;
  const start = js.indexOf('{', at);
  let depth = 0;
  let inString = false;
  for (let i = start; i < js.length; i++) {
    const c = js[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      try {
        return JSON.parse(js.slice(start, i + 1)) as Json;
      } catch {
        return null;
      }
    }
  }
  return null;
}

const isDocument = (x: unknown): x is Json => !!x && typeof x === 'object' && ('openapi' in x || 'swagger' in x);

/** The document a docs URL leads to: JSON at the URL, or the one a Swagger UI page there loads. */
export async function documentAt(base: string, url: string): Promise<{ doc?: Json; via?: LegacyUrlRecord['via']; detail?: string }> {
  const res = await fetch(`${base}${url}`);
  const text = await res.text();
  if (res.status !== 200) return { detail: `GET ${url} answered ${res.status}` };
  try {
    const doc = JSON.parse(text) as unknown;
    return isDocument(doc) ? { doc, via: 'json' } : { detail: `GET ${url} answered JSON that is not a document` };
  } catch { /* a page */ }
  const dataUrl = /data-url="([^"]+)"/.exec(text);
  if (dataUrl) {
    const target = new URL(dataUrl[1]!.replace(/&amp;/g, '&'), res.url);
    const doc = await fetch(target).then((r) => r.json()).catch(() => null) as unknown;
    return isDocument(doc) ? { doc, via: 'swagger-ui data-url' } : { detail: `the page's data-url ${target.pathname} is not a document` };
  }
  if (/swagger-ui-init\.js/.test(text)) {
    const init = await fetch(new URL('./swagger-ui-init.js', res.url)).then((r) => r.text());
    const options = initOptions(init);
    if (isDocument(options?.swaggerDoc)) return { doc: options.swaggerDoc, via: 'swagger-ui-express init' };
    if (typeof options?.swaggerUrl === 'string') {
      const doc = await fetch(new URL(options.swaggerUrl, res.url)).then((r) => r.json()).catch(() => null) as unknown;
      if (isDocument(doc)) return { doc, via: 'swagger-ui-express init' };
    }
    return { detail: 'a swagger-ui-express page with no document in its init script' };
  }
  return { detail: `GET ${url} answered a page with no document` };
}

function readFinishJson(file: string): Pick<FinishRecord, 'steps' | 'standing'> | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { steps: FinishStepRecord[]; standing: FinishRecord['standing'] };
    return { steps: data.steps.map(({ id, name, status, did, reasons }) => ({ id, name, status, did, reasons })), standing: data.standing };
  } catch {
    return null;
  }
}

export interface FinishOptions {
  bin: string; src: string; testCommand: string; reportDir: string; step: StepOptions;
  suite: RunSuite; before: TestResult[] | null;
  /** `git add -A && git commit`; returns the porcelain status before committing */
  commit: (message: string) => string[];
  tsc?: () => Promise<FinishRecord['tsc']>;
  /** how to start the app and where its documents are, when the entry says */
  serve?: { serve: Serve; appDir: string; log: string; env: Record<string, string>; openapi?: string; legacyUrl?: string; original: Json | string };
}

export async function runFinish(o: FinishOptions): Promise<FinishRecord> {
  o.commit('before finish');
  const out = join(o.reportDir, 'finish');
  const r = await runStep('finish', `node ${JSON.stringify(o.bin)} finish ${JSON.stringify(o.src)} --run ${shellArg(o.testCommand)} --report ${JSON.stringify(out)}`, o.step);
  const rec: FinishRecord = { exit: r.code, ms: r.ms, steps: [], changedFiles: [] };
  const data = readFinishJson(join(out, 'finish.json'));
  if (!data) {
    rec.problem = `no finish.json (exit ${r.code}${r.timedOut ? ', timed out' : ''}): ${tail(r.output)}`;
    return rec;
  }
  Object.assign(rec, data);
  rec.changedFiles = o.commit('finished');

  const after = await o.suite('suite after finish');
  rec.suite = {
    exit: after.code, timedOut: after.timedOut, passed: after.run.passed, failed: after.run.failed, skipped: after.run.skipped, problem: after.run.problem,
    ...(o.before && after.run.tests ? { diff: compareSuites(o.before, after.run.tests) } : {}),
  };
  if (o.tsc) rec.tsc = await o.tsc();

  const s = o.serve;
  if (s?.openapi) {
    const openapi = s.openapi;
    const served = await withServer(s.serve, s.appDir, openapi, s.log, s.env, async (base) => {
      const generated = await documentAt(base, openapi);
      const legacy = s.legacyUrl ? await documentAt(base, s.legacyUrl) : undefined;
      return { generated, legacy };
    });
    if (typeof served === 'string') rec.docFacts = { compared: null, lost: [], na: served };
    else {
      rec.docFacts = compareDocs(s.original, served.generated.doc ?? served.generated.detail ?? 'no document');
      if (s.legacyUrl && served.legacy) {
        const l = served.legacy;
        rec.legacyUrl = !l.doc
          ? { url: s.legacyUrl, serves: 'none', detail: l.detail }
          : { url: s.legacyUrl, serves: isDeepStrictEqual(l.doc, served.generated.doc) ? 'generated' : 'legacy', via: l.via };
      }
    }
  }

  o.commit('suite and server after finish'); // a suite may write tracked files (a SQLite database)
  const second = await runStep('second finish', `node ${JSON.stringify(o.bin)} finish ${JSON.stringify(o.src)}`, o.step);
  const changed = o.commit('second finish');
  rec.second = { exit: second.code, clean: changed.length === 0, changed };
  return rec;
}
