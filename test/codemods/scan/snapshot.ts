// The whole-output view of a ScanResult that fixture cases compare against: paths relative to the project
// root (fixtures are copied to temp dirs), locations as `file:line[:col]`.
import { relative, sep } from 'node:path';
import { formatLocation, type SourceLocation } from '../../../codemods/diagnostics.js';
import type { ScanResult } from '../../../codemods/plan.js';

export function snapshot(scan: ScanResult): unknown {
  const rel = (f: string): string => relative(scan.root, f).split(sep).join('/');
  const at = (l: SourceLocation | undefined): string | undefined => (l ? formatLocation({ ...l, file: rel(l.file) }) : undefined);
  const out = {
    files: scan.files.map(rel),
    routers: scan.routers.map((r) => ({ at: at(r.at), name: r.name, kind: r.kind, created: r.created })),
    mounts: scan.mounts.map((m) => ({ at: at(m.at), parent: `${rel(m.parent.file)}#${m.parent.name}`, prefix: m.prefix, child: m.child && `${rel(m.child.file)}#${m.child.name}` })),
    routes: scan.routes.map((r) => ({
      at: at(r.at),
      method: r.method,
      path: r.path,
      fullPath: r.fullPath,
      openapiPath: r.openapiPath,
      ...(r.dynamic ? { dynamic: r.dynamic } : {}),
      ...(r.optionalParams ? { optionalParams: r.optionalParams } : {}),
      ...(r.alternatePaths ? { alternatePaths: r.alternatePaths } : {}),
      receiver: r.receiver,
      handler: { kind: r.handler.kind, text: r.handler.text, ...(r.handler.definedAt ? { definedAt: at(r.handler.definedAt) } : {}) },
      middleware: r.middleware,
    })),
    diagnostics: scan.diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: at(d.at), ...(d.route ? { route: d.route } : {}), message: d.message })),
  };
  // Messages may quote absolute paths; the root is a temp dir in tests.
  return JSON.parse(JSON.stringify(out).split(`${scan.root}${sep}`).join(''));
}
