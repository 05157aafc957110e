// Before: api.yml documents GET /api/v1/spec, which the app serves with express.static at a path from the
//         environment: the scan sees no route, so no route spec carries the operation and /openapi.json lost it.
// After:  apiDocs.paths['/api/v1/spec'].get = { ...the operation, 'x-migrate-api-unrouted': { validated: false,
//         source: 'common/api.yml' } }, which typed(app, { legacyDocs: apiDocs }) merges into the served document.
//
// A documented operation with no route the scan sees still belongs to the served document (the old one had it),
// marked so nobody takes it for something migrate-api checks. The runtime merge lets any route the app registers
// win over it (same method and path template), so it never shadows a served operation. Once the source that
// documented it is gone (finish --delete-spec-files, a deleted options file), apiDocs is the only place left: a
// later run reads it back from there, and a route that appears meanwhile takes it as its spec.
import { dirname, relative, resolve, sep } from 'node:path';
import type { DocOperation, OperationObject } from './model.js';
import { normalizePath } from './match.js';

/** The extension marking an operation that no route serves as far as migrate-api can tell. */
export const UNROUTED_KEY = 'x-migrate-api-unrouted';

export interface UnroutedMark { validated: false; source: string }

type Paths = Record<string, Record<string, OperationObject>>;

const opKey = (method: string, path: string) => `${method.toLowerCase()} ${normalizePath(path)}`;

/**
 * The `paths` of apiDocs: each operation with no route, marked, its source named relative to the schemas
 * module's folder (where the mark is read back). The first of two documents of one method and path template wins.
 */
export function unroutedPaths(ops: DocOperation[], schemasFile: string): Paths | null {
  const seen = new Set<string>();
  const paths: Paths = {};
  for (const d of ops) {
    // Flasgger and swagger-autogen docs take their path from the route under them: without one they have none.
    if (d.style !== 'jsdoc' && d.style !== 'spec-file') continue;
    const key = opKey(d.method, d.path);
    if (seen.has(key)) continue;
    seen.add(key);
    const source = d.recoveredFrom ?? relative(dirname(schemasFile), d.at.file).split(sep).join('/');
    const mark: UnroutedMark = { validated: false, source };
    (paths[d.path] ??= {})[d.method.toLowerCase()] = { ...d.operation, [UNROUTED_KEY]: mark };
  }
  return seen.size ? paths : null;
}

/**
 * The operations of an earlier run's apiDocs whose source is no longer read (`stillRead` says which files this
 * run reads docs from), and which no doc of this run defines (same method and path template): those the docs
 * still hold win, and an operation its source no longer has was removed on purpose.
 */
export function recoverUnrouted(
  previous: { paths?: Record<string, Record<string, unknown>>; pathLines?: Record<string, number> },
  moduleFile: string, current: DocOperation[], stillRead: (file: string) => boolean,
): DocOperation[] {
  const defined = new Set(current.map((d) => opKey(d.method, d.path)));
  const out: DocOperation[] = [];
  for (const [path, item] of Object.entries(previous.paths ?? {})) {
    for (const [method, value] of Object.entries(item ?? {})) {
      if (!value || typeof value !== 'object') continue;
      const { [UNROUTED_KEY]: mark, ...operation } = value as Record<string, unknown>;
      const source = (mark as Partial<UnroutedMark> | undefined)?.source;
      if (typeof source !== 'string' || defined.has(opKey(method, path))) continue;
      if (stillRead(resolve(dirname(moduleFile), source))) continue;
      defined.add(opKey(method, path));
      out.push({
        method, path, operation: operation as OperationObject, style: 'spec-file',
        at: { file: moduleFile, line: previous.pathLines?.[path] ?? 1 }, recoveredFrom: source,
      });
    }
  }
  return out;
}
