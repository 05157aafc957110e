// Static drift: each route's code facts against its documented operation.
import type { DocOperation, DocsModel, JsonSchema, OperationObject } from '../model.js';
import type { MatchResult, RouteRecord } from '../plan.js';
import type { DriftFinding } from './findings.js';
import { handlerFacts, type HandlerFacts, type InputLocation } from './handler-facts.js';
import { locateHandler, type AstOf } from './handler-locate.js';

/** Headers every request carries or that auth covers; reading them is not drift. */
const AMBIENT_HEADERS = new Set(['authorization', 'content-type', 'content-length', 'accept', 'accept-language', 'user-agent', 'host', 'cookie', 'origin', 'referer', 'x-forwarded-for', 'x-request-id', 'if-none-match']);

/** Routes that serve the docs themselves are never part of the docs. */
const DOCS_ENDPOINT = /\/(openapi|swagger|api-docs)(\.(json|ya?ml))?$/;
const isDocsEndpoint = (r: RouteRecord) => !!r.fullPath && DOCS_ENDPOINT.test(r.fullPath);

const routeName = (r: RouteRecord) => `${r.method.toUpperCase()} ${r.fullPath ?? r.path ?? '?'}`;

export interface StaticDriftInput {
  match: MatchResult;
  docs: DocsModel;
  astOf: AstOf;
  /** Paths relative to this root in findings. */
  rel: (file: string) => string;
  /** Header names read anywhere in the project (auth or API-key middleware mounted with app.use):
   *  a documented header that some middleware reads is not "never read". */
  headersReadAnywhere?: ReadonlySet<string>;
}

export function staticDrift({ match, docs, astOf, rel, headersReadAnywhere = new Set() }: StaticDriftInput): DriftFinding[] {
  const out: DriftFinding[] = [];
  const meantFor = new Map<RouteRecord, DocOperation>();
  for (const doc of match.unmatchedDocs) {
    const near = nearMiss(doc, match);
    if (near && !meantFor.has(near.route)) meantFor.set(near.route, doc);
    out.push(missingRoute(doc, near, rel));
  }
  for (const { route, doc } of match.matched) {
    if (route.dynamic) continue; // reported by the scan, not drift
    if (!doc) {
      if (!isDocsEndpoint(route)) out.push(undocumentedRoute(route, meantFor.get(route), rel));
      continue;
    }
    out.push(...pathParamDrift(route, doc, rel));
    const fn = locateHandler(route, astOf);
    if (!fn) continue;
    const facts = handlerFacts(fn);
    const handlerFile = route.handler.definedAt?.file ?? route.file;
    out.push(...inputDrift(route, doc, docs, facts, rel(handlerFile), rel(doc.at.file), headersReadAnywhere));
    out.push(...statusDrift(route, doc.operation, facts, rel(handlerFile)));
    out.push(...responseDrift(route, doc.operation, docs, facts, rel(handlerFile)));
    out.push(...emptyBodyDrift(route, doc.operation, facts, rel(handlerFile)));
  }
  for (const { route, doc } of match.mountRelative ?? []) {
    out.push({
      kind: 'mount-relative-path', file: rel(doc.at.file), line: doc.at.line, route: routeName(route),
      message: `documented as ${doc.method.toUpperCase()} ${doc.path}, the block above ${routeName(route)}: swagger-jsdoc serves it at that path, where nothing answers`,
      hint: `write the full path ${route.openapiPath} in the block at ${rel(doc.at.file)}:${doc.at.line}`,
    });
  }
  out.push(...docDiagnostics(docs, rel));
  return out;
}

/** The docs reader's own findings that are drift: blocks it could not read or read twice. */
function docDiagnostics(docs: DocsModel, rel: (f: string) => string): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const d of docs.diagnostics) {
    const kind = d.code === 'yaml-parse' ? 'doc-yaml' : d.code === 'duplicate-operation' ? 'duplicate-doc' : d.code === 'doc-ignored' ? 'doc-ignored' : null;
    if (!kind || !d.at) continue;
    out.push({
      kind, file: rel(d.at.file), line: d.at.line, message: d.message,
      hint: kind === 'doc-yaml' ? 'fix the YAML: until then swagger-jsdoc drops this whole block from the docs'
        : kind === 'duplicate-doc' ? 'keep one of the two operation docs' : 'fix the block so swagger-jsdoc reads it',
    });
  }
  return out;
}

function pathParamsOf(expressPath: string): string[] {
  return [...expressPath.matchAll(/:(\w+)/g)].map((m) => m[1]);
}

function pathParamDrift(route: RouteRecord, doc: DocOperation, rel: (f: string) => string): DriftFinding[] {
  const inCode = pathParamsOf(route.fullPath ?? route.path ?? '');
  const inPath = [...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const declared = (doc.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const out: DriftFinding[] = [];
  const docNames = new Set([...inPath, ...declared]);
  const codeNames = new Set(inCode);
  const missing = inCode.filter((n) => !docNames.has(n));
  const extra = [...docNames].filter((n) => !codeNames.has(n));
  if (missing.length || extra.length) {
    out.push({
      kind: 'path-params', file: rel(doc.at.file), line: doc.at.line, route: routeName(route),
      message: `path params in code: ${inCode.join(', ') || 'none'}; in docs: ${[...docNames].join(', ') || 'none'}`,
      hint: `rename the documented path parameter${extra.length > 1 ? 's' : ''} ${extra.join(', ')} to match the code (${missing.join(', ')})`,
    });
  }
  return out;
}

/** Resolves `$ref`s to components and merges allOf, so the properties of an object schema can be listed. */
function objectShape(schema: JsonSchema | undefined, docs: DocsModel, seen = new Set<string>()): { properties: Set<string>; required: Set<string>; open: boolean } | null {
  if (!schema || typeof schema !== 'object') return null;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return null;
    seen.add(name);
    return objectShape(docs.schemas[name], docs, seen);
  }
  const allOf = schema.allOf as JsonSchema[] | undefined;
  if (allOf) {
    const parts = allOf.map((s) => objectShape(s, docs, seen));
    if (parts.some((p) => !p)) return null;
    return {
      properties: new Set(parts.flatMap((p) => [...p!.properties])),
      required: new Set(parts.flatMap((p) => [...p!.required])),
      open: parts.some((p) => p!.open),
    };
  }
  if (schema.oneOf || schema.anyOf) return null;
  if (!schema.properties) return null;
  return {
    properties: new Set(Object.keys(schema.properties)),
    required: new Set(schema.required ?? []),
    open: schema.additionalProperties !== undefined && schema.additionalProperties !== false,
  };
}

function inputDrift(route: RouteRecord, doc: DocOperation, docs: DocsModel, facts: HandlerFacts, file: string, docFile: string, headersReadAnywhere: ReadonlySet<string>): DriftFinding[] {
  const op = doc.operation;
  const out: DriftFinding[] = [];
  const declared: Record<InputLocation, Map<string, boolean>> = { params: new Map(), query: new Map(), header: new Map(), body: new Map() };
  // Header names are keyed lowercased; messages use the docs' spelling.
  const writtenName = new Map<string, string>();
  for (const p of op.parameters ?? []) {
    const loc: InputLocation | null = p.in === 'path' ? 'params' : p.in === 'query' ? 'query' : p.in === 'header' ? 'header' : null;
    if (loc) declared[loc].set(loc === 'header' ? p.name.toLowerCase() : p.name, !!p.required || p.in === 'path');
    if (loc === 'header') writtenName.set(`header.${p.name.toLowerCase()}`, p.name);
  }
  for (const scheme of Object.values(docs.securitySchemes) as Array<{ type?: string; in?: string; name?: string }>) {
    if (scheme?.type === 'apiKey' && scheme.in === 'header' && scheme.name) declared.header.set(scheme.name.toLowerCase(), false);
  }
  const bodySchema = op.requestBody?.content?.['application/json']?.schema ?? Object.values(op.requestBody?.content ?? {})[0]?.schema;
  const body = objectShape(bodySchema, docs);
  if (body) for (const p of body.properties) declared.body.set(p, body.required.has(p) && !!op.requestBody?.required);
  const bodyOpen = !bodySchema ? false : !body || body.open;

  const reported = new Set<string>();
  for (const read of facts.reads) {
    if (read.location === 'params') continue; // path params are compared against the path itself
    if (read.location === 'header' && AMBIENT_HEADERS.has(read.name)) continue;
    if (read.location === 'body' && bodyOpen) continue;
    if (declared[read.location].has(read.name)) continue;
    const key = `${read.location}.${read.name}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const name = read.written ?? read.name;
    const similarKey = [...declared[read.location].keys()].find((n) => n.toLowerCase().replace(/[-_]/g, '') === read.name.toLowerCase().replace(/[-_]/g, ''));
    const similar = similarKey && (writtenName.get(`${read.location}.${similarKey}`) ?? similarKey);
    out.push({
      kind: 'undocumented-input', file, line: read.line, route: routeName(route),
      message: `reads ${read.location === 'header' ? `header ${name}` : `req.${read.location}.${name}`}, which the docs do not declare${similar ? ` (the docs say "${similar}")` : ''}`,
      hint: similar ? `rename "${similar}" in the docs to "${name}", or the code to "${similar}"` : `declare ${read.location === 'body' ? 'body property' : `${read.location} parameter`} "${name}" in the docs`,
    });
  }
  for (const loc of ['query', 'header', 'body'] as const) {
    if (facts.opaque.has(loc)) continue;
    const read = new Set(facts.reads.filter((r) => r.location === loc).map((r) => r.name));
    for (const [name, required] of declared[loc]) {
      if (!required || read.has(name) || (loc === 'header' && headersReadAnywhere.has(name))) continue;
      const shown = writtenName.get(`${loc}.${name}`) ?? name;
      out.push({
        kind: 'unread-required-input', file: docFile, line: doc.at.line, route: routeName(route),
        message: `the docs require ${loc} "${shown}" but the handler never reads it`,
        hint: `drop "${shown}" from the docs or mark it optional, if the handler really ignores it`,
      });
    }
  }
  return out;
}

function statusDrift(route: RouteRecord, op: OperationObject, facts: HandlerFacts, file: string): DriftFinding[] {
  const documented = new Set(Object.keys(op.responses ?? {}));
  if (documented.has('default')) return [];
  const out: DriftFinding[] = [];
  const seen = new Set<number>();
  for (const s of facts.statuses) {
    if (seen.has(s.status)) continue;
    seen.add(s.status);
    if (documented.has(String(s.status)) || documented.has(`${String(s.status)[0]}XX`)) continue;
    out.push({
      kind: 'undocumented-status', file, line: s.line, route: routeName(route),
      message: `sends ${s.status}, which the docs do not list (documented: ${[...documented].join(', ') || 'none'})`,
      hint: `add a ${s.status} response to the docs`,
    });
  }
  return out;
}

function responseDrift(route: RouteRecord, op: OperationObject, docs: DocsModel, facts: HandlerFacts, file: string): DriftFinding[] {
  const out: DriftFinding[] = [];
  const success = Object.keys(op.responses ?? {}).find((s) => /^2\d\d$/.test(s)) ?? '200';
  for (const sent of facts.objects) {
    const status = String(sent.status ?? success);
    const response = op.responses?.[status];
    const schema = response?.content?.['application/json']?.schema ?? Object.values(response?.content ?? {})[0]?.schema;
    const shape = objectShape(schema, docs);
    if (!shape) continue;
    const extra = shape.open ? [] : sent.keys.filter((k) => !shape.properties.has(k));
    const missing = [...shape.required].filter((k) => !sent.keys.includes(k));
    if (!extra.length && !missing.length) continue;
    const parts = [];
    if (extra.length) parts.push(`sends undocumented key${extra.length > 1 ? 's' : ''} ${extra.join(', ')} (leaks past a documented schema; enforce mode would strip ${extra.length > 1 ? 'them' : 'it'})`);
    if (missing.length) parts.push(`omits required key${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    out.push({
      kind: 'response-keys', file, line: sent.line, route: routeName(route),
      message: `${status} response ${parts.join('; ')}`,
      hint: [
        ...(extra.length ? [`document ${extra.join(', ')} or stop sending ${extra.length > 1 ? 'them' : 'it'}`] : []),
        ...(missing.length ? [`send ${missing.join(', ')} or make ${missing.length > 1 ? 'them' : 'it'} optional in the docs`] : []),
      ].join('; '),
    });
  }
  return out;
}

/** `res.json()` on a status whose docs give a body schema: neither legacy() nor a typed reply checks an answer
 *  that sends nothing, so this is the one place the promise of a body is compared with it. */
function emptyBodyDrift(route: RouteRecord, op: OperationObject, facts: HandlerFacts, file: string): DriftFinding[] {
  const out: DriftFinding[] = [];
  for (const empty of facts.emptyBodies) {
    const status = String(empty.status);
    const response = op.responses?.[status] ?? op.responses?.[`${status[0]}XX`];
    const promised = Object.entries(response?.content ?? {}).find(([, media]) => media?.schema);
    if (!promised) continue;
    out.push({
      kind: 'empty-response', file, line: empty.line, route: routeName(route),
      message: `answers ${status} with no body (${empty.call}), where the docs give ${status} a body (${promised[0]})`,
      hint: `send the documented body, or drop the content of the ${status} response from the docs`,
    });
  }
  return out;
}

type NearMiss = { route: RouteRecord; reason: 'method' | 'prefix' };

/** The route a documented operation most likely meant: same path with another method, or the same
 *  method with a mount prefix missing or added on one side. */
function nearMiss(doc: DocOperation, match: MatchResult): NearMiss | null {
  const norm = (p: string) => p.replace(/\{[^}]+\}/g, '{}').replace(/:(\w+)(\([^)]*\))?\??/g, '{}').replace(/\/+$/, '') || '/';
  // Only routes left without docs: a documented route is not what another operation meant.
  const routes = match.matched.filter((m) => !m.doc).map((m) => m.route).filter((r) => r.openapiPath);
  const samePath = routes.find((r) => norm(r.openapiPath!) === norm(doc.path));
  if (samePath) return { route: samePath, reason: 'method' };
  const suffix = routes.find((r) => r.method === doc.method && (norm(r.openapiPath!).endsWith(norm(doc.path)) || norm(doc.path).endsWith(norm(r.openapiPath!))));
  return suffix ? { route: suffix, reason: 'prefix' } : null;
}

function missingRoute(doc: DocOperation, near: NearMiss | null, rel: (f: string) => string): DriftFinding {
  const r = near?.route;
  // An operation read back from apiDocs (its legacy source is gone) is removed from there, or nowhere.
  const hint = !r ? (doc.recoveredFrom ? `remove the operation from apiDocs.paths in ${rel(doc.at.file)} (its source ${doc.recoveredFrom} is gone), or add the route` : 'remove the operation from the docs, or add the route')
    : near!.reason === 'method' ? `the code registers ${routeName(r)} (${rel(r.file)}:${r.at.line}): fix the documented method`
    : `the code registers ${routeName(r)} (${rel(r.file)}:${r.at.line}): the documented path misses or adds a mount prefix`;
  return {
    kind: 'missing-route', file: rel(doc.at.file), line: doc.at.line, route: `${doc.method.toUpperCase()} ${doc.path}`,
    message: `documented ${doc.method.toUpperCase()} ${doc.path} has no route in code`, hint,
  };
}

/** An undocumented route that a misspelled operation was meant for points back at that operation. */
function undocumentedRoute(route: RouteRecord, meant: DocOperation | undefined, rel: (f: string) => string): DriftFinding {
  const where = meant && `${meant.method.toUpperCase()} ${meant.path} (${rel(meant.at.file)}:${meant.at.line})`;
  return {
    kind: 'undocumented-route', file: rel(route.file), line: route.at.line, route: routeName(route),
    message: `${routeName(route)} has no docs${where ? `, but the docs have ${where}` : ''}`,
    hint: where ? `fix the documented ${meant!.method !== route.method ? 'method' : 'path'} at ${rel(meant!.at.file)}:${meant!.at.line}`
      : 'add an @openapi block (or let `migrate-api` wrap it with an empty spec and fill it in)',
  };
}
