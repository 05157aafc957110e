// legacy(fn): an untouched `(req, res, next)` handler behind a typed spec. `grep -c 'legacy('`
// measures what is left to migrate.
import type { NextFunction, Request, Response } from 'express';
import type { LegacyHandler } from './handler-types.js';

const LEGACY = Symbol.for('migrate-api.legacyHandler');

// Method-signature trick: parameters are checked bivariantly, so a handler typed with a subtype of
// Request (`req: AuthedRequest`) is accepted like in express's own route methods.
// Params are plain strings as in express 4's types: express 5's typings widen them to string | string[]
// (for `*splat` params), which would break handlers that compiled before they were wrapped.
// The type parameters are express's own verb generics (`router.get<{ id: string }, Res>(path, handler)`):
// a migration moves them onto legacy<...>(handler), so the handler is typed exactly as before.
// Locals is accepted (a verb's fifth generic moves here too) but not passed on: Request and Response take it only
// in later @types/express-serve-static-core 4.17.x releases, and an app on older typings (4.17.8 in the corpus) would fail to compile these
// declarations (TS2707); `res.locals` stays `Record<string, any>`, which any handler's own Locals type accepts.
// P goes through ParamsOf: older typings constrain it (`P extends Params`, TS2344 on an unconstrained P); a params type
// that is no dictionary (an interface has no index signature) leaves req.params untyped rather than failing.
type ParamsOf<P> = P extends Request['params'] ? P : any;
type LegacyFn<P, ResBody, ReqBody, ReqQuery> = {
  bivarianceHack(req: Request<ParamsOf<P>, ResBody, ReqBody, ReqQuery>, res: Response<ResBody>, next: NextFunction): unknown;
}['bivarianceHack'];

export function legacy<
  P = Record<string, string>, ResBody = any, ReqBody = any, ReqQuery = Request['query'], Locals extends Record<string, any> = Record<string, any>,
>(fn: LegacyFn<P, ResBody, ReqBody, ReqQuery>): LegacyHandler {
  if (typeof fn !== 'function') throw new TypeError('legacy(fn): fn must be a (req, res, next) function');
  Object.defineProperty(fn, LEGACY, { value: true, enumerable: false, configurable: true });
  return fn as unknown as LegacyHandler;
}

export function isLegacyHandler(fn: unknown): boolean {
  return typeof fn === 'function' && (fn as { [LEGACY]?: boolean })[LEGACY] === true;
}
