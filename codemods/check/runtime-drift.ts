// Runtime drift: the violations the runtime counted in report mode (the JSON written by
// `writeViolations()` or on exit with MIGRATE_API_VIOLATIONS_FILE) merged beside the static findings,
// each pinned to the route's registration in code when the route is found there.
import { z } from 'zod';
import type { Analysis } from '../analyze.js';
import type { DriftFinding, DriftKind } from './findings.js';

export class RuntimeDumpError extends Error {}

// The part of compat/violations.ts's ViolationReport the merge relies on; checked with zod so a
// hand-edited or truncated dump is a clear error, not a crash halfway through the merge.
const Dump = z.object({
  version: z.literal(1),
  routes: z.array(z.object({
    route: z.string(),
    method: z.string(),
    path: z.string(),
    violations: z.array(z.object({
      kind: z.enum(['request', 'response']),
      location: z.string(),
      status: z.number().optional(),
      count: z.number(),
      example: z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string().optional(), type: z.string().optional() }).optional(),
    })),
  })),
});
type Dump = z.infer<typeof Dump>;

const normalize = (p: string) => p.replace(/:(\w+)(\([^)]*\))?\??/g, ':$1').replace(/\/+$/, '') || '/';

export function runtimeDrift(json: string, dumpFile: string, analysis: Analysis, rel: (f: string) => string): DriftFinding[] {
  const dump = parseDump(json, dumpFile);
  const byRoute = new Map(analysis.scan.routes.filter((r) => r.fullPath).map((r) => [`${r.method.toUpperCase()} ${normalize(r.fullPath!)}`, r]));
  const out: DriftFinding[] = [];
  for (const r of dump.routes) {
    const route = byRoute.get(`${r.method.toUpperCase()} ${normalize(r.path)}`);
    for (const v of r.violations) {
      const where = v.example?.loc?.join('.') ?? v.location;
      out.push({
        kind: runtimeKind(v.kind, v.example),
        file: route ? rel(route.file) : dumpFile,
        line: route ? route.at.line : 1,
        // A matched route is named as the static findings name it (`GET /api/items`, not the runtime's
        // `GET /api/items/` of a router's '/' path), so one route is one name in the report.
        route: route ? `${route.method.toUpperCase()} ${route.fullPath}` : r.route,
        message: `${v.count}x ${v.kind === 'request' ? 'request' : `response${v.status ? ` ${v.status}` : ''}`} violation at ${where}: ${v.example?.msg ?? 'does not match the schema'}`,
        hint: v.kind === 'request'
          ? 'real traffic breaks the documented request contract: fix the docs (or the clients) before switching to enforce'
          : 'the handler sends what the docs do not say: fix the response schema or the handler before switching to enforce',
      });
    }
  }
  return out;
}

type Example = Dump['routes'][number]['violations'][number]['example'];

/** What kind of drift a counted violation shows, from zod's issue code and message (`received null`). */
function runtimeKind(kind: 'request' | 'response', example: Example): DriftKind {
  const type = example?.type;
  const msg = example?.msg ?? '';
  if (type === 'unrecognized_keys') return kind === 'response' ? 'leaked-response-key' : 'undocumented-request-key';
  if (type === 'invalid_type' || type === 'invalid_format' || type === 'invalid_value') {
    if (/received null\b/.test(msg)) return 'null-drift';
    if (/received undefined\b/.test(msg)) return kind === 'response' ? 'missing-response-key' : 'type-drift';
    return 'type-drift';
  }
  return 'runtime';
}

function parseDump(json: string, dumpFile: string): Dump {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new RuntimeDumpError(`${dumpFile}: not JSON (${(err as Error).message})`);
  }
  const parsed = Dump.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RuntimeDumpError(`${dumpFile}: not a migrate-api violations dump (expected "version": 1 and "routes": [...]): ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
