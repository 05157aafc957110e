// One entry of bench/real-apps/apps/*.json (the contract is in bench/real-apps/README.md) and the record
// the runner keeps for it in bench/real-apps/results.json.
import type { OriginalDocs, Serve } from './docs.js';
import type { EnforceRecord } from './enforce.js';
import type { FinishRecord } from './finish.js';
import type { InferRecord } from './infer.js';
import type { ReviewEditRecord } from './review-edit.js';
import type { ValidatorShare } from './validator-share.js';
import type { ResultsFormat, SuiteDiff } from './suite.js';

export interface AppEntry {
  name: string;
  repo: string;
  commit: string;
  root: string;
  src: string;
  lang: 'js' | 'ts';
  module: 'cjs' | 'esm';
  express: '4' | '5';
  docs: string[];
  features: string[];
  install: string;
  test: string;
  results: ResultsFormat;
  resultsFile: string | null;
  tsc: string | null;
  env?: Record<string, string>;
  node: '20' | '22';
  notes: string;
  /** how to build the original document (optional: absent means "n/a: not described") */
  originalDocs?: OriginalDocs;
  /** how to start the migrated app to GET its generated document (optional) */
  serve?: Serve;
  /** the path the unmigrated app served its docs at (a JSON document or a Swagger UI page), asked again after finish */
  legacyDocsUrl?: string;
}

export interface SuiteSummary {
  exit: number | null;
  timedOut: boolean;
  passed: number;
  failed: number;
  skipped: number;
  /** why per-test results are missing, when they are */
  problem?: string;
}

export interface TscSummary {
  exit: number | null;
  errors: number;
  /** the first error lines */
  first: string[];
}

export interface AppRecord {
  name: string;
  repo: string;
  commit: string;
  lang: string;
  module: string;
  express: string;
  docs: string[];
  ranAt: string;
  /** Where its log went (MIGRATE_API_BENCH_SCRATCH moves it); older records lack it and were in the default folder. */
  log?: string;
  /** the migrate-api commit the app ran with */
  migrateApiCommit?: string;
  /** the step the run stopped at, when it stopped early */
  stoppedAt?: string;
  install?: { exit: number | null; timedOut: boolean; ms: number };
  suiteBefore?: SuiteSummary;
  migrate?: {
    exit: number | null; timedOut: boolean; ms: number; summary?: Record<string, number>; docsPaths?: Record<string, string>; message?: string;
    /** `doc-source-unread` warnings of the migration's report: a doc source it says it could not read */
    unreadDocSources?: string[];
  };
  suiteAfter?: SuiteSummary;
  diff?: SuiteDiff;
  tscBefore?: TscSummary | null;
  tscAfter?: TscSummary | null;
  secondRun?: { exit: number | null; clean: boolean; changed: string[] };
  /** a comment added to the written files only their own analysis read, committed: the re-run against the uncached run */
  reviewEdit?: ReviewEditRecord;
  docFacts?: { compared: number | null; lost: string[]; na?: string };
  /** the suite again under MIGRATE_API_VALIDATION=enforce, compared with the report-mode run */
  enforce?: EnforceRecord;
  /** validator schemas of the original code the translators read, and how many without an untranslated rule (MA004) */
  validators?: ValidatorShare;
  /** docs-less apps: `migrate-api infer --run` after the migration, and the suite again in report and enforce (MA005) */
  infer?: InferRecord;
  /** `migrate-api finish --run` on the migrated checkout (MA006-MA011) and what the app does after it */
  finish?: FinishRecord;
  /** milliseconds per step (suites, install, tsc, migrate) and in total */
  timings?: Record<string, number>;
  /** anything that went wrong in the harness itself or a step, one line each */
  errors: string[];
}
