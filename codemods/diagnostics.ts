// Every problem the migration meets becomes a Diagnostic with a place (file:line:col of the
// *source* file) instead of a crash, so the run goes on and the exit code tells.

/** Stable rule ids (bump-pydantic style), used in --only/--disable, the report and TODO markers. */
export type RuleId = `MA${number}${number}${number}`;

export type DiagnosticCode =
  | 'yaml-parse'        // YAML (or JSON) that does not parse
  | 'ref-missing'       // $ref to nowhere
  | 'ref-cycle'         // refs round a cycle: handled with z.lazy, or cut where it describes no value
  | 'unknown-keyword'   // a keyword the reader or emitter does not understand
  | 'orphan-doc'        // a flasgger block with no route under it
  | 'lossy-schema'      // zod cannot express the schema exactly; closest safe form emitted
  | 'duplicate-operation'
  | 'parse-error'       // a source file that does not parse
  | 'dynamic-route'     // a route whose path or method is computed
  | 'unsupported'       // anything else a rule cannot handle safely
  | (string & {});

export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col?: number;
}

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  at?: SourceLocation;
  /** The rule that raised it, when a rule did. */
  rule?: RuleId;
  /** `GET /users/:id` when it concerns a route. */
  route?: string;
  /** JSON pointer inside the doc/schema, when it concerns one. */
  pointer?: string;
}

export function formatLocation(at: SourceLocation | undefined): string {
  if (!at) return '';
  return `${at.file}:${at.line}${at.col ? `:${at.col}` : ''}`;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = formatLocation(d.at);
  const tag = d.rule ? `${d.rule} ` : '';
  const route = d.route ? ` [${d.route}]` : '';
  return `${where ? `${where}: ` : ''}${d.severity} ${tag}${d.code}${route}: ${d.message}`;
}
