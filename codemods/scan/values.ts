// The symbolic values the per-file scan records instead of answers: "the default export of ./users",
// "this.router of class UsersRoute", "`${this.path}/:id`". Facts that need other files (what an import is,
// which prefix a router is mounted under) are only known once every file is scanned, so the file scan
// writes them down in this small vocabulary and codemods/scan/resolve.ts evaluates them across files.
import type { SourceLocation } from '../diagnostics.js';
import type { Resolved } from './resolve.js';

export type Val =
  | { k: 'str'; value: string }
  /** A template literal or `+` concatenation: quasis.length === exprs.length + 1. */
  | { k: 'tpl'; quasis: string[]; exprs: Val[] }
  | { k: 'local'; name: string }
  /** `this.<name>` inside class `cls`. */
  | { k: 'this'; cls: string; name: string }
  /** name `*` is the module itself (`require('./x')`, `import * as x`). */
  | { k: 'import'; source: string; name: string }
  | { k: 'member'; obj: Val; prop: string }
  | { k: 'call'; callee: Val; args: Val[] }
  | { k: 'new'; cls: Val }
  /** A router/app created in this file, by its key in FileScan.routerKeys. */
  | { k: 'router'; key: string }
  /** A router factory call not yet bound to a name (`express.Router()`). */
  | { k: 'create'; kind: 'app' | 'router'; created: string }
  | { k: 'fn'; at: SourceLocation; returns?: Val }
  /** Parameter `index` of the function defined at `fn` (`line:col`, the fn value's location) in this file. */
  | { k: 'param'; fn: string; index: number; name: string }
  /** `spreads`: `{ ...users, ...token }`, in source order (a later one wins), for members not in props. */
  | { k: 'object'; props: Record<string, Val>; spreads?: Val[] }
  | { k: 'array'; items: Val[] }
  | { k: 'class'; name: string }
  /** The element variable of an enclosing `coll.forEach(x => ...)` / `for (const x of coll)`. */
  | { k: 'loopvar'; coll: Val }
  | { k: 'unknown'; text: string }
  /** A value already resolved in another file's scope, spliced in for a loop variable. */
  | { k: 'resolved'; r: Resolved };

export function hasLoopVar(v: Val): boolean {
  switch (v.k) {
    case 'loopvar': return true;
    case 'tpl': return v.exprs.some(hasLoopVar);
    case 'member': return hasLoopVar(v.obj);
    case 'call': return hasLoopVar(v.callee);
    default: return false;
  }
}

/** Replaces the loop variable with one element of the iterated collection. */
export function substLoopVar(v: Val, elem: Val): Val {
  switch (v.k) {
    case 'loopvar': return elem;
    case 'tpl': return { k: 'tpl', quasis: v.quasis, exprs: v.exprs.map((e) => substLoopVar(e, elem)) };
    case 'member': return { k: 'member', obj: substLoopVar(v.obj, elem), prop: v.prop };
    case 'call': return { k: 'call', callee: substLoopVar(v.callee, elem), args: v.args };
    default: return v;
  }
}

export function findLoopColl(v: Val): Val | undefined {
  switch (v.k) {
    case 'loopvar': return v.coll;
    case 'tpl': for (const e of v.exprs) { const c = findLoopColl(e); if (c) return c; } return undefined;
    case 'member': return findLoopColl(v.obj);
    case 'call': return findLoopColl(v.callee);
    default: return undefined;
  }
}
