// Before: router.post('/rows', validate, controllers.insertRow, broadcast)   (insertRow, in controllers/rows.js,
//         sends and then calls next() for broadcast)
// After:  router.post('/rows', spec, validate, legacy(controllers.insertRow), broadcast)
//
// rules/chain-replier.ts finds the function of a chain that replies and then calls next() when its body is in the
// route's own file; controllers usually live in another. Decided here, before any file is rewritten, with the
// scan's cross-file resolution (scan/definition.ts, as codemods/handler-definitions.ts does for handlers): each
// function of the chain before the last is followed to its definition and read with the same test
// (repliesThenNext). The result lands in RoutePlan.chainReplier; MA001 wraps that function instead of the last.
// Fail closed: when no replier is found, a function of the chain could not be followed and the last one cannot
// reply (it never touches its res), the last is not the handler and the unfollowed one may be: validation placed
// before the last would run after a reply, so the route is left as it is, with the reason.
import { parsedFileReader, type FileReader } from './parsed-files.js';
import type { FilePlan } from './plan.js';
import { isFunction, walk, type Node } from './rules/ast.js';
import { repliesThenNext } from './rules/chain-replier.js';
import { locateDefinition } from './rules/definition-site.js';
import { resolveDefinition, WRAPPER_PACKAGES } from './scan/definition.js';
import type { FileScan } from './scan/index.js';
import { Resolver } from './scan/resolve.js';
import type { Val } from './scan/values.js';

export interface ChainInput {
  scans: ReadonlyMap<string, FileScan>;
  plans: FilePlan[];
  /** The planning phase's one reader of followed files (a file parsed once for every planning step). */
  parsed?: FileReader;
}


export function planChainRepliers(input: ChainInput): void {
  const resolver = new Resolver(input.scans);
  const parsed = input.parsed ?? parsedFileReader();
  // Only the package wrappers known to do nothing but catch a rejection are seen through: a local factory call
  // (`validator(schema)`) is not followed.
  const isWrapper = (file: string, callee: Val): string | null => {
    const r = resolver.asValue(resolver.resolve(file, callee));
    return r.k === 'external' && WRAPPER_PACKAGES.has(r.source) ? r.source : null;
  };
  const fnOf = (file: string, v: Val): Node | null => {
    const def = resolveDefinition(resolver, file, v, isWrapper);
    if ('why' in def) return null;
    const p = parsed(def.at.file!);
    return (p && locateDefinition(p, def.at, 0)?.fn) ?? null;
  };

  for (const fp of input.plans) {
    const local = input.scans.get(fp.file)?.routes ?? [];
    for (const rp of fp.routes) {
      if (rp.migrated || rp.dynamic || rp.errorMiddlewareLast) continue;
      const route = local.find((r) => r.at.line === rp.at.line && r.at.col === rp.at.col);
      if (!route?.chain) continue;
      let unfollowed = false;
      for (let i = 0; i < route.chain.length; i++) {
        const v = route.chain[i]!;
        if (v === null) continue; // inline: rules/chain-replier.ts reads it in place
        const fn = fnOf(fp.file, v);
        if (!fn) { unfollowed = true; continue; }
        if (repliesThenNext(fn)) { rp.chainReplier = { index: i }; break; }
      }
      if (rp.chainReplier || !unfollowed || !route.handlerRef) continue;
      const last = fnOf(fp.file, route.handlerRef);
      if (last && !mayReply(last)) {
        rp.chainReplier = { skip: `the last function of the chain (${route.handler.text}) cannot reply and a function before it could not be followed to its definition, so where validation belongs is unknown` };
      }
    }
  }
}

/** Whether `fn(req, res, ...)` can reply: it has a `res` and uses it (a call, a pass-along, anything). */
function mayReply(fn: Node): boolean {
  if (!isFunction(fn)) return true;
  const res = (fn.params as Node[])[1];
  if (!res) return false;
  if (res.type !== 'Identifier') return true;
  let used = false;
  walk(fn.body, (n) => {
    if (used) return false;
    if (n.type === 'Identifier' && n.name === res.name) used = true;
    return !used;
  });
  return used;
}
