// FastAPI's Depends: a dependency is solved at most once per request, may solve others through
// `solve`, and fromMiddleware() turns a legacy `(req, res, next)` middleware into one.
import type { Request, RequestHandler } from 'express';
import type { Dependency, ParsedInputBase, RouteContext } from './route.js';
import type { DependencyFn, Solve } from './handler-types.js';

const KIND = 'migrate-api.dependency' as const;

/** Thrown (never to the app) when a middleware run as a dependency answered the request itself. */
export const RESPONSE_SENT: unique symbol = Symbol('migrate-api.responseSent');

/** Declares a dependency: `(input, ctx, solve) => value | Promise<value>`. */
export function depends<R>(fn: (input: ParsedInputBase, ctx: RouteContext, solve: Solve) => R): Dependency<Awaited<R>> {
  return { kind: KIND, resolve: fn as Dependency<Awaited<R>>['resolve'] };
}

export function isDependency(value: unknown): value is Dependency {
  return typeof value === 'object' && value !== null && (value as Dependency).kind === KIND;
}

/** spec.deps entries may be bare functions; registration turns them into dependencies once. */
export function normalizeDeps(deps: Record<string, Dependency | DependencyFn>, where: string): Record<string, Dependency> {
  const out: Record<string, Dependency> = {};
  for (const [name, dep] of Object.entries(deps)) {
    if (isDependency(dep)) out[name] = dep;
    else if (typeof dep === 'function') out[name] = depends(dep);
    else throw new TypeError(`${where}: deps.${name} must be a function or a depends()/fromMiddleware() dependency`);
  }
  return out;
}

/**
 * Runs `mw` as a dependency and resolves to `pick(req)` once it calls next(). If the middleware
 * answers the request itself (a 401, say) the route stops there, as it would in plain express.
 */
export function fromMiddleware<T>(mw: RequestHandler, pick: (req: Request) => T): Dependency<T> {
  return {
    kind: KIND,
    middleware: mw,
    resolve: (_input, { req, res }) =>
      new Promise<T>((resolve, reject) => {
        let settled = false;
        const onFinish = () => {
          if (settled) return;
          settled = true;
          reject(RESPONSE_SENT);
        };
        const next = (err?: unknown) => {
          if (settled) return;
          settled = true;
          res.removeListener('finish', onFinish);
          if (err !== undefined && err !== null && err !== 'route' && err !== 'router') return reject(err);
          try {
            resolve(pick(req));
          } catch (e) {
            reject(e);
          }
        };
        res.once('finish', onFinish);
        try {
          const out = mw(req, res, next) as unknown;
          if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(undefined, next);
        } catch (e) {
          next(e);
        }
      }),
  };
}

/** Solves a route's deps in declaration order (legacy middleware order matters), each at most once. */
export async function solveDeps(entries: ReadonlyArray<[string, Dependency]>, input: ParsedInputBase, ctx: RouteContext): Promise<Record<string, unknown>> {
  const cache = new Map<Dependency, Promise<unknown>>();
  const solve = <U>(dep: Dependency<U>): Promise<U> => {
    let p = cache.get(dep) as Promise<U> | undefined;
    if (!p) {
      try {
        p = Promise.resolve(dep.resolve(input, ctx, solve));
      } catch (e) {
        p = Promise.reject(e);
      }
      cache.set(dep, p);
    }
    return p;
  };
  const out: Record<string, unknown> = {};
  for (const [name, dep] of entries) out[name] = await solve(dep);
  return out;
}
