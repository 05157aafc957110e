// A drift finding: one place where the docs say one thing and the code does another, with where
// to look (file:line) and a one-line hint for the fix.
export const DRIFT_KINDS = {
  'undocumented-route': 'a route in code has no docs',
  'missing-route': 'a documented operation has no route in code',
  'mount-relative-path': 'a doc block writes its route\'s path inside the router, without the prefix the router is mounted at',
  'path-params': 'path parameters documented differ from the path declared in code',
  'undocumented-input': 'the handler reads a field the docs do not declare',
  'unread-required-input': 'the docs declare a required field the handler never reads',
  'undocumented-status': 'the handler sends a status the docs do not list',
  'response-keys': 'an object sent as a response has keys that differ from the documented schema',
  'empty-response': 'the handler answers with no body a status the docs give a body schema',
  'doc-yaml': 'a doc block that does not parse',
  'doc-ignored': 'a doc block that swagger-jsdoc would silently ignore',
  'duplicate-doc': 'the same operation is documented twice',
  'validator-drift': 'the validator middleware (Joi, celebrate, ...) and the docs disagree on a field',
  'validator-untranslated': 'a validator rule no spec can carry (when, custom, refs): the old middleware keeps it',
  'runtime': 'a contract violation seen at run time (report mode)',
  'type-drift': 'at run time, a value of another type than documented (an id documented as integer that is a string)',
  'null-drift': 'at run time, null where the docs do not allow it',
  'missing-response-key': 'at run time, a response without a key the docs require',
  'leaked-response-key': 'at run time, a response key the docs do not declare (enforce strips it)',
  'undocumented-request-key': 'at run time, a request body key the docs do not declare reaches a typed handler (enforce strips it)',
} as const;

export type DriftKind = keyof typeof DRIFT_KINDS;

/** The kinds only a run shows (`--runtime`, `--run`); `--ignore runtime` drops them all. */
export const RUNTIME_KINDS: ReadonlySet<DriftKind> = new Set(['runtime', 'type-drift', 'null-drift', 'missing-response-key', 'leaked-response-key', 'undocumented-request-key']);

export interface DriftFinding {
  kind: DriftKind;
  file: string;
  line: number;
  /** `GET /users/:id` */
  route?: string;
  message: string;
  hint: string;
}

export function sortFindings(findings: DriftFinding[]): DriftFinding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.kind.localeCompare(b.kind) || a.message.localeCompare(b.message));
}
