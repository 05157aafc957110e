// One undocumented route's spec, inferred from what is known and nothing else: path params from the path; the
// query, header and body keys its handler reads and the statuses and object keys it sends (check/handler-facts.ts);
// and, from a recording (compat/shapes-record.ts), the shapes its requests and responses really had. Keys are
// optional unless every recorded request carried them; a response with no known body documents its status only.
import type { RouteRecording } from '../../compat/shapes-file.js';
import type { HandlerFacts, LiteralKind, ReadHint } from '../check/handler-facts.js';
import type { RouteRecord } from '../plan.js';
import { keyOf, MIN_EVIDENCE, objectToZod, shapeToZod, wireToZod } from './shape-to-zod.js';

export interface InferredSpec {
  /** The spec object's source (`{ params: ..., responses: ... }`), one property per line. */
  properties: Array<[key: string, source: string]>;
  /** Where it came from: the handler's code was read, and how many requests were seen. */
  fromCode: boolean;
  requests: number;
  /** Statuses documented, for the report. */
  statuses: string[];
}

const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

function pathParams(route: RouteRecord): string[] {
  return [...(route.openapiPath ?? '').matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function hintsOf(facts: HandlerFacts | null, location: 'params' | 'query' | 'header' | 'body'): Map<string, ReadHint | undefined> {
  const out = new Map<string, ReadHint | undefined>();
  for (const r of facts?.reads ?? []) if (r.location === location) out.set(r.name, out.get(r.name) ?? r.hint);
  return out;
}

function objectSource(fields: string[], loose: boolean): string {
  return `z.${loose ? 'looseObject' : 'object'}({ ${fields.join(', ')} })`;
}

/** A params/query/headers object: the keys the code reads and the keys the traffic showed. */
function wireLocation(names: string[], hints: Map<string, ReadHint | undefined>, rec: RouteRecording | undefined,
  location: 'params' | 'query' | 'headers'): string | undefined {
  if (names.length === 0) return undefined;
  const shape = rec?.[location]?.object;
  const fields = names.map((name) => {
    const s = shape?.keys[name];
    // A header every recorded request carried is still optional: clients (fetch, browsers) add some by themselves.
    const required = location !== 'headers' && !!shape && shape.n >= MIN_EVIDENCE && s?.n === shape.n;
    return `${keyOf(name)}: ${wireToZod(s, hints.get(name))}${required ? '' : '.optional()'}`;
  });
  return objectSource(fields, false);
}

const KIND_ZOD: Record<LiteralKind, string> = {
  string: 'z.string()', number: 'z.number()', boolean: 'z.boolean()', object: 'z.looseObject({})', array: 'z.array(z.unknown())', null: 'z.null()',
};

/** The object literals the code sends with one status: their keys (all optional: another send may differ) and literal types. */
function codeObject(facts: HandlerFacts, status: number): string | undefined {
  const sent = facts.objects.filter((o) => (o.status ?? 200) === status);
  if (sent.length === 0) return undefined;
  const kinds = new Map<string, Set<LiteralKind | undefined>>();
  for (const o of sent) for (const k of o.keys) (kinds.get(k) ?? kinds.set(k, new Set()).get(k)!).add(o.kinds?.[k]);
  const fields = [...kinds].map(([k, ks]) => {
    const one = ks.size === 1 ? [...ks][0] : undefined;
    return `${keyOf(k)}: ${one ? KIND_ZOD[one] : 'z.unknown()'}.optional()`;
  });
  return objectSource(fields, true);
}

export function inferRouteSpec(route: RouteRecord, facts: HandlerFacts | null, rec: RouteRecording | undefined): InferredSpec | null {
  const props: Array<[string, string]> = [];
  const params = pathParams(route);
  const optional = new Set(route.optionalParams ?? []);
  if (params.length) {
    const hints = hintsOf(facts, 'params');
    const fields = params.map((p) => `${keyOf(p)}: ${wireToZod(rec?.params?.object?.keys[p], hints.get(p))}${optional.has(p) ? '.optional()' : ''}`);
    props.push(['params', objectSource(fields, false)]);
  }
  const queryHints = hintsOf(facts, 'query');
  const queryNames = [...new Set([...queryHints.keys(), ...Object.keys(rec?.query?.object?.keys ?? {})])];
  const query = wireLocation(queryNames, queryHints, rec, 'query');
  if (query) props.push(['query', query]);
  // Headers: only those the code reads (every request carries dozens the handler never looks at).
  const headerHints = hintsOf(facts, 'header');
  const headers = wireLocation([...headerHints.keys()], headerHints, rec, 'headers');
  if (headers) props.push(['headers', headers]);
  const body = bodySource(route, facts, rec);
  if (body) props.push(['body', body]);
  const responses = responsesSource(facts, rec);
  if (responses.entries.length) props.push(['responses', `{ ${responses.entries.join(', ')} }`]);
  if (props.length === 0) return null;
  return { properties: props, fromCode: facts !== null, requests: rec?.n ?? 0, statuses: responses.statuses };
}

function bodySource(route: RouteRecord, facts: HandlerFacts | null, rec: RouteRecording | undefined): string | undefined {
  if (!BODY_METHODS.has(route.method) && !rec?.body) return undefined;
  const codeKeys = [...hintsOf(facts, 'body').keys()];
  const seen = rec?.body;
  if (!seen && codeKeys.length === 0) return undefined;
  let source: string;
  if (seen?.object && !seen.string && !seen.array && !seen.number && !seen.boolean) {
    // The recorded object, plus the keys the code reads that no request sent (optional, any type).
    const extra = codeKeys.filter((k) => !(k in seen.object!.keys)).map((k) => `${keyOf(k)}: z.unknown().optional()`);
    source = objectToZod(seen.object, 0, extra);
    if (seen.null) source += '.nullable()';
  } else if (seen) {
    source = shapeToZod(seen);
  } else {
    source = objectSource(codeKeys.map((k) => `${keyOf(k)}: z.unknown().optional()`), true);
  }
  const required = !!rec && rec.n >= MIN_EVIDENCE && seen?.n === rec.n;
  return required ? source : `${source}.optional()`;
}

function describe(status: number, n: number, fromCode: boolean): string {
  const what = status >= 300 && status < 400 ? 'Redirect' : 'Response';
  const how = [n ? `seen ${n}x` : '', fromCode ? 'sent by the code' : ''].filter(Boolean).join(', ');
  return `${what} (inferred: ${how})`;
}

function responsesSource(facts: HandlerFacts | null, rec: RouteRecording | undefined): { entries: string[]; statuses: string[] } {
  const fromCode = new Set<number>([
    ...(facts?.statuses ?? []).map((s) => s.status),
    ...(facts?.redirects ?? []).map((s) => s.status),
    ...(facts?.sends ?? []).map((o) => o.status),
  ]);
  const seen = new Map(Object.entries(rec?.responses ?? {}).map(([s, r]) => [Number(s), r]));
  const statuses = [...new Set([...fromCode, ...seen.keys()])].filter((s) => s >= 100 && s <= 599).sort((a, b) => a - b);
  const entries: string[] = [];
  for (const status of statuses) {
    const r = seen.get(status);
    // A body seen wins over the code's literals (the traffic shows every send, the code only its literals).
    const schema = r?.json ? shapeToZod(r.json) : !r && facts ? codeObject(facts, status) : undefined;
    const description = describe(status, r?.n ?? 0, fromCode.has(status));
    entries.push(`${status}: { description: '${description}'${schema ? `, schema: ${schema}` : ''} }`);
  }
  return { entries, statuses: statuses.map(String) };
}
