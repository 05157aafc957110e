// Before: (req: Request, res: Response) => { res.status(404).json({ error: 'none' }); }   (the docs list 200 only)
// After:  kept legacy: "answers 404, which the docs do not list (a typed reply would not compile)"
//
// In TypeScript a typed handler must also compile where the legacy one did: its replies are checked against the
// statuses and bodies the docs declare (compat/handler-types.ts), a request value sent back meets the response's
// type, and ctx.req/ctx.res are express's own Request/Response. Where the rewrite would not compile, or the
// migration cannot know that it would, the handler stays legacy with the reason (JavaScript has none of these).
import type { Node } from './ast.js';
import { declaredStatuses } from './handler-flow.js';
import { statusesWithSchema } from './typed-bodies.js';
import type { Read, Send } from './typed-splice.js';

/** Why not, and `bodyTypes` when only the body-type guard refused (the app's own tsc may lift it, RouteFacts). */
export type TypeRefusal = { why: string; bodyTypes?: true };

/** The annotation of a `(req: X)` parameter as text, or null when it has none. */
export function annotation(source: string, param: Node): string | null {
  const t = param.typeAnnotation?.typeAnnotation;
  return t ? source.slice(t.start, t.end) : null;
}

/** `res.json(req.body)` is `reply(200, body)` (reply answers undefined as res.json(undefined) did), but in TypeScript
 *  the request's type would meet the response's: the typed reply may not compile (`{ name }` sent to a 201 `{ id, name }`). */
export function requestSentAsResponse(sends: readonly Send[], reads: readonly Read[]): string | null {
  for (const s of sends) {
    if (s.via !== 'json') continue;
    const read = reads.find((r) => r.loc !== 'params' && (s.value === r.member || (s.value?.type === 'MemberExpression' && s.value.object === r.member)));
    if (read) return `sends req.${read.loc}${s.value === read.member ? '' : '.X'} as the whole response: in TypeScript its request type would be checked against the response's, and the typed reply may not compile`;
  }
  return null;
}

/** The statuses the spec declares are the ones a reply may use, with the body each declares. `sends` as they are
 *  sent, headers folded in (a json send with headers answers 200, not the spec's default status). */
export function replyTypeRefusal(specValues: Map<string, string>, sends: readonly Send[], bodyTypesUnseen: boolean | undefined): TypeRefusal | null {
  const statuses = declaredStatuses(specValues);
  const defaultStatus = Number(specValues.get('status') ?? 200);
  // replyWith() answers `Reply<B, number>`: it compiles only where the route takes any status (no responses,
  // a 2XX or default entry), never against a list of literal statuses.
  if (sends.some((s) => s.computed) && statuses) return { why: '`res.status()` with a status computed at run time: a `number`, which no status the docs list matches (a typed reply would not compile)' };
  if (bodyTypesUnseen) {
    const schemas = statusesWithSchema(specValues);
    const sent = sends.find((s) => s.value && (!schemas || (s.computed ? schemas.size > 0 : schemas.has(s.status ?? defaultStatus))));
    // A computed status is not one the body-type check lifts (a `number` status types no declared response).
    if (sent?.computed) return { why: 'sends a value with a status computed at run time, and the docs give a schema: tsc would check the value\'s own type against it, which the migration cannot' };
    if (sent) return { why: `sends a value to ${sent.status ?? defaultStatus}, whose docs give a schema: tsc would check the value's own type against it, which the migration cannot`, bodyTypes: true };
  }
  for (const s of sends) {
    if (s.computed) continue;
    const status = s.status ?? (s.via === 'json' && !s.headers.length ? defaultStatus : 200);
    if (statuses && !statuses.has(status)) return { why: `answers ${status}, which the docs do not list (a typed reply would not compile)` };
  }
  return null;
}

/** ctx.req and ctx.res are express's own Request and Response: a handler that keeps `req` (`res`) raw compiles only
 *  where its parameter was typed as one (or not typed). `verbGenerics`: the route's express generics typed `req`. */
export function contextTypeRefusal(source: string, fn: Node, kept: { req: boolean; res: boolean }, verbGenerics: boolean | undefined): string | null {
  const [reqParam, resParam] = fn.params as [Node, Node];
  const reqType = annotation(source, reqParam);
  if (kept.req && verbGenerics) return 'reads `req` raw, typed by the route\'s express generics, which a typed handler\'s ctx.req does not have';
  const resType = annotation(source, resParam);
  if (kept.req && reqType && !/^(express\.)?Request$/.test(reqType)) return `\`${reqParam.name}\` is typed \`${reqType}\`; the typed handler's ctx.req is express's Request`;
  if (kept.res && resType && !/^(express\.)?Response$/.test(resType)) return `\`${resParam.name}\` is typed \`${resType}\`; the typed handler's ctx.res is express's Response`;
  return null;
}
