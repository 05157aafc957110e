// Docs and code often name the same path parameter differently (`/comments/{id}` documented, `/comments/:commentId`
// in code). The matcher pairs them by position (match.ts); the spec must then use the code's names, or its
// `params` schema asks for a key the route never has and can never pass.
import type { DocOperation, OperationObject } from './model.js';

const TEMPLATE_PARAM = /\{([^}]+)\}/g;

export interface AlignedParams {
  operation: OperationObject;
  /** doc name -> code name, in path order; empty when the names already agree. */
  renamed: Array<[string, string]>;
}

/** The operation with its path parameters renamed, position by position, to the names the route's path uses. */
export function alignPathParams(codePath: string | null, doc: DocOperation): AlignedParams {
  const same = { operation: doc.operation, renamed: [] };
  if (!codePath) return same;
  const code = [...codePath.matchAll(TEMPLATE_PARAM)].map((m) => m[1]!);
  const docs = [...doc.path.matchAll(TEMPLATE_PARAM)].map((m) => m[1]!);
  // A doc matched on a variant (an optional param left out) has fewer params: positions do not line up.
  if (code.length !== docs.length) return same;
  const renamed = docs.map((d, i): [string, string] => [d, code[i]!]).filter(([d, c]) => d !== c);
  if (renamed.length === 0) return same;
  const to = new Map(renamed);
  const parameters = doc.operation.parameters?.map((p) => (p.in === 'path' && to.has(p.name) ? { ...p, name: to.get(p.name)! } : p));
  return { operation: { ...doc.operation, ...(parameters ? { parameters } : {}) }, renamed };
}

/** The TODO above the route, and the warning beside it. */
export function renamedMessage(renamed: Array<[string, string]>): string {
  const pairs = renamed.map(([d, c]) => `{${d}} as :${c}`).join(', ');
  return `the docs name path param${renamed.length > 1 ? 's' : ''} differently from the code (matched by position: ${pairs}); the spec uses the code's names, rename them in the docs`;
}
