// `migrate-api check`: every place the docs lie about the code, from one read-only analysis.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type * as t from '@babel/types';
import { analyzeProject, type Analysis } from '../analyze.js';
import { parseSource } from '../parse.js';
import { RUNTIME_KINDS, sortFindings, type DriftFinding, type DriftKind } from './findings.js';
import { staticDrift } from './static-drift.js';
import { runtimeDrift } from './runtime-drift.js';
import { combineViolations, readWorkerShares, type ViolationReport } from '../../compat/violations-file.js';
import { ignoredDocBlocks } from './ignored-docs.js';
import { componentResolver, validatorDrift } from '../rules/ma004-validators-to-spec.js';

export interface CheckOptions {
  specs?: string[];
  /** A violations dump written by the runtime in report mode (MIGRATE_API_VIOLATIONS_FILE). */
  runtime?: string;
  ignore?: DriftKind[];
}

export interface CheckResult {
  analysis: Analysis;
  findings: DriftFinding[];
}

export async function checkProject(root: string, opts: CheckOptions = {}): Promise<CheckResult> {
  const analysis = await analyzeProject(root, { specs: opts.specs });
  return { analysis, findings: driftOf(analysis, opts) };
}

/** The findings of one analysis: a migration's report takes them from the analysis it migrated with, so its
 *  "documented operations with no route" and its missing-route findings are the same list. */
export function driftOf(analysis: Analysis, opts: Omit<CheckOptions, 'specs'> = {}): DriftFinding[] {
  // The check reads source text again (the analysis keeps no file contents, so a migration's memory stays flat).
  const sources = new Map<string, string>();
  for (const file of analysis.scan.files) {
    try { sources.set(file, readFileSync(file, 'utf8')); } catch { /* reported by the scan */ }
  }
  const rel = (f: string) => relative(analysis.root, f).split(sep).join('/') || f;
  // Handlers are re-parsed on demand: the check keeps source text, not every AST of the tree.
  const asts = new Map<string, t.File | null>();
  const astOf = (file: string) => {
    if (!asts.has(file)) {
      let code = sources.get(file);
      if (code === undefined) { try { code = readFileSync(file, 'utf8'); } catch { code = undefined; } }
      const parsed = code === undefined ? null : parseSource(code, file);
      asts.set(file, parsed && 'ast' in parsed ? parsed.ast : null);
    }
    return asts.get(file)!;
  };
  let findings = staticDrift({ match: analysis.match, docs: analysis.docs, astOf, rel, headersReadAnywhere: headersRead(sources.values()) });
  for (const [file, code] of sources) findings.push(...ignoredDocBlocks(code, rel(file)));
  findings.push(...validatorDrift(analysis.match.matched, analysis.validators, rel, componentResolver(analysis.docs.schemas)));
  if (opts.runtime) findings.push(...runtimeDrift(readRuntimeDump(opts.runtime), opts.runtime, analysis, rel));
  if (opts.ignore?.length) {
    const ignored = new Set(opts.ignore.flatMap((k) => (k === 'runtime' ? [...RUNTIME_KINDS] : [k])));
    findings = findings.filter((f) => !ignored.has(f.kind));
  }
  // Messages taken over from the docs reader name files absolutely; findings are relative to the root.
  const absolute = analysis.root + sep;
  findings = findings.map((f) => ({ ...f, message: f.message.split(absolute).join('') }));
  return sortFindings(dedupe(findings));
}

/** `req.get('X-Api-Key')`, `req.header('x')`, `req.headers['x-api-key']`, `req.headers.authorization` anywhere. */
function headersRead(sources: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const code of sources) {
    for (const m of code.matchAll(/\.(?:get|header)\(\s*['"`]([\w-]+)['"`]\s*\)|\.headers\[\s*['"`]([\w-]+)['"`]\s*\]|\.headers\.(\w+)/g)) {
      names.add((m[1] ?? m[2] ?? m[3]).toLowerCase());
    }
  }
  return names;
}

function dedupe(findings: DriftFinding[]): DriftFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}|${f.file}|${f.line}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The dump, with the shares cluster workers left beside it when no primary of ours summed them (pm2 and the like). */
function readRuntimeDump(file: string): string {
  const text = readFileSync(file, 'utf8');
  const shares = readWorkerShares(file).reports;
  if (shares.length === 0) return text;
  try {
    return JSON.stringify(combineViolations([JSON.parse(text) as ViolationReport, ...shares]));
  } catch {
    return text; // the dump itself is not JSON: runtimeDrift reports that
  }
}
